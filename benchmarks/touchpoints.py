"""Is the build linear in touchpoints? One map of 1k, 4k and 16k touchpoints, built for real.

    python benchmarks/touchpoints.py                  # 1,000 / 4,000 / 16,000 touchpoints
    python benchmarks/touchpoints.py --sizes 500 2000 # other sizes
    python benchmarks/touchpoints.py --search mkdocs  # MkDocs' own theme and search plugin
    python benchmarks/touchpoints.py --profile        # also: where the largest build spends its time

Each size gets its own site (Material and its search plugin by default) holding
one map: stages of ``--per-stage`` touchpoints (10 by default, so the number of
stages grows with the map), each touchpoint with a channel, an emotion, a pain
and a need. The site is built in this process with MkDocs' own ``build``
(``load_config`` then ``build``), best of ``--repeat``. The printed "s per 1k"
column is the build time divided by the thousands of touchpoints: on a linear
build it stays about the same from row to row; on a quadratic one it grows four
times with every fourfold size. ``max_touchpoints`` and ``max_file_size`` are
raised so the largest map loads. No test asserts on these numbers: machines
differ.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import pstats
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

CHANNELS = ("Website", "E-mail", "Telefoon", "App")


def journey_yaml(touchpoints: int, per_stage: int) -> str:
    """One map of ``touchpoints`` touchpoints, ``per_stage`` to a stage."""
    lines = ["title: Een heel grote kaart", "owner: Team Online", "status: validated",
             "reviewed: 2026-10-14", "stages:"]
    for n in range(touchpoints):
        if n % per_stage == 0:
            lines += [f"  - name: Fase {n // per_stage + 1}", "    touchpoints:"]
        lines += [
            f"      - name: Stap {n + 1}",
            f"        channel: {CHANNELS[n % len(CHANNELS)]}",
            f"        emotion: {1 + n % 5}",
            f"        needs: [Antwoord binnen een dag ({n})]",
            f"        pains: [Wachttijd van {n % 60} minuten]",
        ]
    return "\n".join(lines) + "\n"


def write_site(root: Path, touchpoints: int, per_stage: int, theme: str) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Handboek\n", encoding="utf-8")
    text = journey_yaml(touchpoints, per_stage)
    (docs / "groot.journey.yml").write_text(text, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        f"site_name: Benchmark\ntheme:\n  name: {theme}\n"
        "plugins:\n  - search\n  - journey:\n"
        f"      max_file_size: {len(text.encode('utf-8')) + 1}\n"
        f"      max_touchpoints: {touchpoints}\n",
        encoding="utf-8",
    )
    return config


def build_once(config: Path) -> float:
    start = time.perf_counter()
    build(load_config(config_file=str(config), site_dir=str(config.parent / "site")))
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000], help="touchpoints per map")
    parser.add_argument("--per-stage", type=int, default=10, help="touchpoints per stage (default 10)")
    parser.add_argument("--search", choices=["material", "mkdocs"], default="material",
                        help="the theme, and with it the search plugin (default material)")
    parser.add_argument("--repeat", type=int, default=1, help="builds per size; the best counts (default 1)")
    parser.add_argument("--profile", action="store_true", help="cProfile the largest build, print the top entries")
    args = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # measure building, not printing

    with tempfile.TemporaryDirectory(prefix="journey-touchpoints-") as tmp:
        configs = {n: write_site(Path(tmp) / str(n), n, args.per_stage, args.search) for n in args.sizes}
        build_once(configs[min(args.sizes)])  # warm imports and templates
        print(f"one map, {args.per_stage} touchpoints per stage, theme {args.search} + search, "
              f"best of {args.repeat}")
        print(f"{'touchpoints':>12} {'seconds':>9} {'s per 1k':>9}")
        for n in args.sizes:
            seconds = min(build_once(configs[n]) for _ in range(args.repeat))
            if not (configs[n].parent / "site" / "groot" / "index.html").is_file():
                print(f"the map of {n} touchpoints did not build", file=sys.stderr)
                return 1
            print(f"{n:>12} {seconds:>9.2f} {seconds / (n / 1000):>9.3f}")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(build_once, configs[max(args.sizes)])
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
            print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
