"""What the History section of a map page costs: one ``git log`` per build, per map.

    python benchmarks/history.py              # 500 maps, best of 3
    python benchmarks/history.py --maps 100

The plugin site of ``sites.py`` becomes a git repository with three commits that
change every map, and is built in this process alternately with the History off
(``history: false``) and on (interleaved, so a busy machine slows both alike); the
best of each counts. The difference per map is what the History costs (the target
is below 2 ms per map), with the time of the one git step on its own beside it.
No test asserts on these numbers: machines differ.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sites import write_site  # noqa: E402

HISTORY_TARGET_MS = 2.0


def build_once(config: Path) -> float:
    start = time.perf_counter()
    build(load_config(config_file=str(config), site_dir=str(config.parent / "site")))
    return time.perf_counter() - start


def make_repository(root: Path, maps: int) -> None:
    """Three commits that each change every map (as a team's history would, in miniature)."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.test",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.test"}

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)

    git("init", "-q")
    (root / ".gitignore").write_text("site/\n", encoding="utf-8")
    for version in range(3):
        for n in range(1, maps + 1):
            path = root / "docs" / "journeys" / f"rondreis-{n:04d}.journey.yml"
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("owner: Team Online", f"owner: Team Online {version}"), encoding="utf-8")
        git("add", "-A")
        git("commit", "-q", "--no-gpg-sign", "-m", f"Version {version + 1} of every map")


def timed_history_step() -> list[float]:
    """Wrap the plugin's git step so each build records how long it took."""
    from mkdocs_journey.plugin.plugin import JourneyPlugin

    times: list[float] = []
    original = JourneyPlugin._add_git_extras

    def timed(self: Any, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            times.append(time.perf_counter() - start)

    JourneyPlugin._add_git_extras = timed  # type: ignore[method-assign]
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--maps", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="journey-bench-") as tmp:
        config = write_site(Path(tmp) / "plugin", args.maps, journey=True)
        root = config.parent
        make_repository(root, args.maps)
        git_step = timed_history_step()
        off_config = root / "mkdocs-no-history.yml"
        off_config.write_text(config.read_text("utf-8").replace("  - journey\n", "  - journey:\n      history: false\n"),
                              encoding="utf-8")
        build_once(off_config)  # imports and templates warm for both
        off, on = [], []
        for _ in range(args.repeat):
            off.append(build_once(off_config))
            on.append(build_once(config))
        page = (root / "site" / "journeys" / "rondreis-0001" / "index.html").read_text("utf-8")
        if 'id="journey-history"' not in page:
            print("the History section is missing from the git build", file=sys.stderr)
            return 1
    extra = (min(on) - min(off)) / args.maps * 1000
    step = min(git_step[-2 * args.repeat + 1::2]) / args.maps * 1000  # the builds with the History on
    verdict = "within" if extra < HISTORY_TARGET_MS else "OVER"
    print(f"{args.maps} maps in git, best of {args.repeat}")
    print(f"  History off : {min(off):7.2f} s")
    print(f"  History on  : {min(on):7.2f} s  ({extra:+.2f} ms per map, {verdict} the {HISTORY_TARGET_MS} ms "
          f"target; the git step alone {step:.2f} ms per map)")
    return 0 if extra < HISTORY_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
