"""Where rendering one map page goes: ``render_map`` on a benchmark map, outside MkDocs.

    python benchmarks/render.py             # median ms per map over 200 renders
    python benchmarks/render.py --profile   # also: cProfile of those renders, by own time

The map is the build benchmark's (``sites.py``: 5 stages x 6 touchpoints, 8
improvements), loaded and analysed once; each render is what ``on_page_content``
does for a map page: a fresh inline Markdown renderer with the site's extensions
(a page has its own, for its links), the page HTML and the search text.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

from mkdocs_journey.engine.collection import Collection
from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.render import InlineMarkdown, PageContext, render_map
from mkdocs_journey.engine.i18n import Translator
from mkdocs_journey.engine.settings import BuildSettings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sites import journey_yaml  # noqa: E402

EXTENSIONS = ["tables", "attr_list", "md_in_html", "toc"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--cumulative", action="store_true", help="sort the profile by cumulative time")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp)
        path = docs / "rondreis.journey.yml"
        path.write_text(journey_yaml(1), "utf-8")
        settings = BuildSettings(translate=Translator("nl"))
        collected = Collection(DocsTree.scan(docs), settings).journey(path)
        assert collected.ok, collected.loaded.errors

        def once() -> None:
            render_map(collected, PageContext(settings=settings, inline_markdown=InlineMarkdown(EXTENSIONS)))

        once()
        times = []
        for _ in range(args.renders):
            started = time.perf_counter()
            once()
            times.append(time.perf_counter() - started)
        print(f"render_map: {statistics.median(times) * 1000:.2f} ms median per map ({args.renders} renders)")
        if args.profile:
            profiler = cProfile.Profile()
            for _ in range(args.renders):
                profiler.runcall(once)
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(*(["cumulative"] if "--cumulative" in sys.argv else ["tottime"])).print_stats(30)
            print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
