"""Peak memory of a site of N maps against its plain Markdown twin, and where in the build it peaks.

    python benchmarks/memory.py               # 500 maps: each build as its own process, 3 runs each
    python benchmarks/memory.py 100 --runs 5
    python benchmarks/memory.py --where       # also: the highest RSS within each step of one build

The peak is the ``mkdocs build`` process's maximum resident set size (as
``build.py`` measures it; its target is ≤ 1.3x the plain site's at 500 maps). It
varies by some 10 MB from run to run (where the allocator finds room), so every run
is printed. ``--where`` builds the plugin site once in this process with a thread
sampling RSS every 2 ms and names the build step (event, page) in which each highest
reading fell: the place to look when the peak moves.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sites import write_site  # noqa: E402


def peak_mb(config: Path) -> float:
    """``mkdocs build`` as its own process; its peak RSS in MB."""
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
                                "-d", str(config.parent / "site")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"mkdocs build {config} failed:\n{process.stderr.read().decode() if process.stderr else ''}")
    return usage.ru_maxrss / 1024


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def where(config: Path) -> list[tuple[str, float]]:
    """The highest RSS sampled within each step of one in-process build of ``config``, in build order."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

    step = ["start"]
    highest: dict[str, float] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            rss, name = _rss_mb(), step[0]
            highest[name] = max(rss, highest.get(name, 0.0))
            time.sleep(0.002)

    def kind(page: Any) -> str:
        uri = page.file.src_uri
        return "a map page" if uri.startswith("journeys/rondreis-") else uri

    class Steps(BasePlugin):  # type: ignore[type-arg]
        def _at(self, name: str) -> None:
            step[0] = name

        @event_priority(1000)
        def _files(self, files: Any, **kwargs: Any) -> Any:
            self._at("on_files, on_nav (loading the maps, rendering the overview and persona pages)")

        @event_priority(-1000)
        def _nav(self, nav: Any, **kwargs: Any) -> Any:
            self._at("after on_nav")

        on_files = CombinedEvent(_files)
        on_nav = CombinedEvent(_nav)

        @event_priority(1000)
        def on_page_markdown(self, markdown: str, *, page: Any, **kwargs: Any) -> Any:
            self._at(f"converting {kind(page)}")

        @event_priority(-1000)
        def on_env(self, env: Any, **kwargs: Any) -> Any:
            self._at("after on_env (static files, sitemap)")

        @event_priority(1000)
        def on_page_context(self, context: Any, *, page: Any, **kwargs: Any) -> Any:
            self._at(f"writing {kind(page)}")

        @event_priority(1000)
        def on_post_build(self, **kwargs: Any) -> None:
            self._at("on_post_build (the search index)")

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    loaded = load_config(config_file=str(config), site_dir=str(config.parent / "site"))
    loaded.plugins["memory-steps"] = Steps()
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    build(loaded)
    time.sleep(0.01)
    done.set()
    sampler.join()
    return list(highest.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("maps", type=int, nargs="?", default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--where", action="store_true", help="the highest RSS within each step of one build")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="journey-memory-") as folder:
        plain = write_site(Path(folder) / "plain", args.maps, journey=False)
        plugin = write_site(Path(folder) / "plugin", args.maps, journey=True)
        runs: dict[str, list[float]] = {"plain": [], "plugin": []}
        for _ in range(args.runs):  # alternating, as build.py does
            runs["plain"].append(peak_mb(plain))
            runs["plugin"].append(peak_mb(plugin))
        for side, peaks in runs.items():
            print(f"{side:7s} peak RSS {statistics.median(peaks):6.0f} MB median  (runs: "
                  + ", ".join(f"{p:.0f}" for p in peaks) + ")")
        ratio = statistics.median(runs["plugin"]) / statistics.median(runs["plain"])
        print(f"ratio   {ratio:.2f}x  (target ≤ 1.3x; highest run {max(runs['plugin']) / statistics.median(runs['plain']):.2f}x)")
        if args.where:
            print(f"\nWhere the plugin site's build peaks ({args.maps} maps, one build in this process):")
            for name, mb in where(plugin):
                print(f"  {mb:6.0f} MB  {name}")


if __name__ == "__main__":
    main()
