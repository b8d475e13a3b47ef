"""Where loading a benchmark map goes: per-phase cost of ``load_journey`` on the build benchmark's maps.

    python benchmarks/load_profile.py              # 100 maps of sites.py, best of 5, per phase
    python benchmarks/load_profile.py --profile    # also cProfile of loading them once (top 30)

The maps are the ones ``build.py`` builds (5 stages x 6 touchpoints, 8 improvements,
``sites.journey_yaml``), so the figures match the ``load`` of its split. Phases are
timed with the garbage collector paused, as ``load_journey`` runs; ``locate`` is the
health notes' locations (46 per map), which every build and ``check`` looks up; the
last line is what a build pays per map to collect it, garbage collection included. The
machine's other load makes single figures noisy: compare runs made side by side.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sites import journey_yaml  # noqa: E402

from mkdocs_journey.engine import yaml_source  # noqa: E402
from mkdocs_journey.engine.analyse import analyse  # noqa: E402
from mkdocs_journey.engine.characters import find_forbidden  # noqa: E402
from mkdocs_journey.engine.collection import Collection, health_findings  # noqa: E402
from mkdocs_journey.engine.docs_tree import DocsTree  # noqa: E402
from mkdocs_journey.engine.load import load_journey  # noqa: E402
from mkdocs_journey.engine.model import Journey  # noqa: E402
from mkdocs_journey.engine.settings import BuildSettings  # noqa: E402


def best(function: Callable[[], Any], repeats: int, *, collector: bool = False) -> float:
    """Best of ``repeats`` runs in CPU seconds, the garbage collector paused as in ``load_journey``
    (or left to run, with ``collector``: what a build pays for the objects a phase leaves behind)."""
    times = []
    for _ in range(repeats):
        gc.collect()
        if not collector:
            gc.disable()
        try:
            started = time.process_time()  # CPU time: steadier than the clock on a shared machine
            function()
            times.append(time.process_time() - started)
        finally:
            gc.enable()
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="also a cProfile of one load of every map")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        docs = Path(folder)
        paths = []
        for n in range(1, args.maps + 1):
            path = docs / f"rondreis-{n:04d}.journey.yml"
            path.write_text(journey_yaml(n), encoding="utf-8")
            paths.append(path)
        tree = DocsTree.scan(docs)
        raws = [path.read_bytes() for path in paths]
        texts = [raw.decode("utf-8") for raw in raws]
        documents = [yaml_source.read_yaml(raw) for raw in raws]
        roots = [d.root for d in documents if d.root is not None]
        assert len(roots) == len(documents), "the benchmark maps are not empty"

        def check_graphs() -> None:
            for root, text in zip(roots, texts):
                yaml_source._check_graph(root, text)
        settings = BuildSettings()
        loaded = [load_journey(path, tree) for path in paths]
        assert all(map_.ok for map_ in loaded), "the benchmark maps must load without errors"
        analyses = [analyse(map_, settings) for map_ in loaded]
        composer = yaml_source._composer(yaml_source._Loader)

        phases: list[tuple[str, Callable[[], Any]]] = [
            ("read_yaml (all of it)", lambda: [yaml_source.read_yaml(raw) for raw in raws]),
            ("  forbidden characters", lambda: [find_forbidden(text) for text in texts]),
            ("  compose (libyaml)", lambda: [yaml_source.yaml.compose(text, Loader=composer) for text in texts]),
            ("  graph check", check_graphs),
            ("  build data", lambda: [yaml_source._Builder(t).build(root) for root, t in zip(roots, texts)]),
            ("  unused anchors", lambda: [yaml_source._unused_anchors(text) for text in texts]),
            ("validate (pydantic)", lambda: [Journey.model_validate(d.data) for d in documents]),
            ("load_journey (from disk)", lambda: [load_journey(path, tree) for path in paths]),
            ("health notes located", lambda: [health_findings(m, a, settings) for m, a in zip(loaded, analyses)]),
        ]
        collected: list[Any] = []  # kept, as a build keeps its maps, so the collector walks them as it would
        collect = ("collected (load, analyse, health, release), collector on",
                   lambda: collected.append([Collection(tree, settings).journey(path) for path in paths]))
        print(f"{args.maps} maps of the build benchmark, {sum(map(len, raws)) / len(raws) / 1024:.0f} KiB each; "
              f"CPU time, best of {args.repeats}, garbage collector paused")
        for name, function in phases:
            print(f"{name:<30} {best(function, args.repeats) / args.maps * 1000:7.3f} ms/map")
        print(f"{collect[0]:<30} {best(collect[1], args.repeats, collector=True) / args.maps * 1000:7.3f} ms/map")

        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(lambda: [load_journey(path, tree) for path in paths])
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(30)
            print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
