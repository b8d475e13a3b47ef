"""What the journey plugin costs, against the same words as plain Markdown pages: every figure of its targets.

    python benchmarks/build.py              # 100 and 500 maps: every figure against its target
    python benchmarks/build.py --full       # also 1,000 maps (linear growth)
    python benchmarks/build.py --quick      # 50 maps, one pair: a smoke test (CI runs this)
    python benchmarks/build.py --profile    # also: cProfile of one in-process 100-map build
    python benchmarks/build.py --only serve # only the serve figure at 500 maps (--profile: of the rebuild)
    python benchmarks/build.py --only overview  # only the overview figure at 500 maps (--profile: of its render)
    python benchmarks/build.py --only check # only `mkdocs-journey check` of 500 maps (--profile: of one check run)

The sites are described in ``sites.py``. Every figure is a ratio against the plain
site measured side by side in the same run, or a per-map cost; none is asserted by
a test (machines differ). What is measured:

- **Build time**, each build a separate ``mkdocs build`` process as users run it
  (imports and start-up count), plain and plugin alternating; the median of the
  ratios of 3 pairs (5 at 500 and 1,000 maps with ``--full``: the growth figure divides
  one median by the other and carries the spread of both), every pair's ratio printed.
  Targets: ≤ 1.25 at 100 maps, ≤ 1.10 at 500, and the 1,000-map ratio within 10% of the
  500-map one. Beside it, the same builds in this process (imports already paid), for
  comparison with earlier releases' figure. With
  ``--full``, also the time of the plugin's own event handlers per map at 500 and
  1,000 maps, and each site's time per page: Material renders the whole navigation
  on every page, in both sites, a cost that grows with the square of the pages and
  moves any ratio towards 1 as a site grows; the plugin's own part should not grow.
- **Peak memory** (RSS) of those build processes: ≤ 1.3x the plain site's at 500.
- **Render cost** of one 30-touchpoint map in ``on_page_content`` (median over the
  maps of an in-process build): ≤ 5 ms, with the split between loading, analysis,
  rendering the page and the search text.
- **Page weight**: a map page's HTML against its plain twin's: ≤ 1.5x.
- **``mkdocs serve``**: the rebuild after one map (or page) changed, in the process
  that built the site before, as ``serve`` does: ≤ 1.0x the plain site's rebuild.
- **``mkdocs-journey check``** of the 500 maps, as a process: < 3 s.
- **The overview page and ``improvements.csv``** (every map, the backlog and the plan
  across maps): the time the plugin spends making them in a 500-map build, against
  that whole build: < 5%.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import logging
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from mkdocs.commands.build import build
from mkdocs.config import load_config

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sites import IMPROVEMENTS, STAGES, TOUCHPOINTS_PER_STAGE, write_site  # noqa: E402

TARGETS = {
    "ratio 100": 1.25, "ratio 500": 1.10, "growth": 0.10, "memory": 1.3, "render ms": 5.0,
    "page weight": 1.5, "serve": 1.0, "check s": 3.0, "overview": 0.05,
}
GROWTH_PAIRS = 5
"""Pairs at 500 and 1,000 maps with ``--full``, whose two ratios make the growth figure."""


@dataclass
class Run:
    seconds: float
    peak_kb: int


def build_process(config: Path) -> Run:
    """``mkdocs build`` as its own process; its time and its peak resident memory."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
                                "-d", str(config.parent / "site")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode() if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"mkdocs build {config} failed:\n{errors}")
    return Run(elapsed, usage.ru_maxrss)


def build_in_process(config: Path) -> float:
    started = time.perf_counter()
    build(load_config(config_file=str(config), site_dir=str(config.parent / "site")))
    return time.perf_counter() - started


@dataclass
class Pairs:
    maps: int
    plain: list[Run]
    plugin: list[Run]

    @property
    def ratio(self) -> float:
        return statistics.median(p.seconds / q.seconds for p, q in zip(self.plugin, self.plain))

    @property
    def memory(self) -> float:
        return statistics.median(p.peak_kb / q.peak_kb for p, q in zip(self.plugin, self.plain))

    def median(self, side: str) -> float:
        return statistics.median(r.seconds for r in getattr(self, side))


def pairs(root: Path, maps: int, count: int) -> tuple[Pairs, Path, Path]:
    plain_config = write_site(root / f"plain-{maps}", maps, journey=False)
    plugin_config = write_site(root / f"plugin-{maps}", maps, journey=True)
    build_process(plain_config)  # the OS's file cache warm for both, the first pair not favoured
    result = Pairs(maps, [], [])
    for _ in range(count):
        result.plain.append(build_process(plain_config))
        result.plugin.append(build_process(plugin_config))
    pages = sum(1 for _ in (plugin_config.parent / "site" / "journeys").glob("*/index.html"))  # not the overview
    if pages != maps:
        raise SystemExit(f"expected {maps} map pages, the plugin site has {pages}")
    return result, plain_config, plugin_config


def _stopwatch(method: Callable[..., Any], into: list[float]) -> Callable[..., Any]:
    """``method``, recording the seconds of every call into ``into``.

    ``wraps`` keeps the method's ``mkdocs_priority``: without it a timed event would
    run at the default priority, in another order than in a real build.
    """
    @functools.wraps(method)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            into.append(time.perf_counter() - started)
    return timed


@contextmanager
def _timed(owner: Any, name: str, into: list[float]) -> Iterator[None]:
    """Record the seconds of every call of ``owner.name`` while inside the block."""
    original = getattr(owner, name)
    setattr(owner, name, _stopwatch(original, into))
    try:
        yield
    finally:
        setattr(owner, name, original)


@contextmanager
def _timed_event(owner: Any, event: str, into: dict[str, list[float]]) -> Iterator[None]:
    """Record the seconds of every call of each part of a ``CombinedEvent``, by the part's name."""
    from mkdocs.plugins import CombinedEvent

    combined = owner.__dict__[event]
    assert isinstance(combined, CombinedEvent)
    original = combined.methods
    combined.methods = tuple(_stopwatch(m, into.setdefault(m.__name__, [])) for m in original)
    try:
        yield
    finally:
        combined.methods = original


def render_split(plugin_config: Path) -> dict[str, float]:
    """Median milliseconds per map: ``on_page_content`` in a real build, and its parts."""
    import jinja2

    from mkdocs_journey.engine import collection as collection_module
    from mkdocs_journey.engine import render as render_module
    from mkdocs_journey.plugin.plugin import JourneyPlugin

    times: dict[str, list[float]] = {k: [] for k in ("load", "analysis", "view", "html", "search")}
    render = jinja2.Template.render

    def timed_render(template: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        started = time.perf_counter()
        try:
            return render(template, *args, **kwargs)
        finally:
            key = {"journey/page.html": "html", "journey/search.html": "search"}.get(template.name or "")
            if key is not None:
                times[key].append(time.perf_counter() - started)

    jinja2.Template.render = timed_render  # type: ignore[method-assign,assignment]
    try:
        with _timed_event(JourneyPlugin, "on_page_content", times), \
                _timed(collection_module, "load_journey", times["load"]), \
                _timed(collection_module, "analyse", times["analysis"]), \
                _timed(render_module, "build_view", times["view"]):
            build_in_process(plugin_config)
    finally:
        jinja2.Template.render = render  # type: ignore[method-assign]
    result = {name: statistics.median(values) * 1000 for name, values in times.items() if values}
    # on_page_content also runs for the site's one Markdown page, where it returns at once.
    for part in ("_page_content", "_park"):
        values = sorted(times[part])[1:] or times[part]
        result[part] = statistics.median(values) * 1000
    # Rendering, then compressing the HTML until the page is written: both are the map's cost.
    result["page"] = result["_page_content"] + result["_park"]
    return result


def plugin_own_seconds(plugin_config: Path) -> float:
    """The seconds one in-process build spends in the journey plugin's own event handlers (all of them).

    The build-time ratio compares whole builds. Both sites also pay the theme's
    navigation, which Material renders in full on every page: work that grows with the
    square of the pages and pulls any ratio towards 1 as a site grows. This figure is
    the plugin's part alone, so its growth per map shows whether the plugin is linear.
    """
    from mkdocs.plugins import CombinedEvent

    from mkdocs_journey.plugin.plugin import JourneyPlugin

    spent: dict[str, list[float]] = {}
    with ExitStack() as stack:
        for name, member in list(vars(JourneyPlugin).items()):
            if not name.startswith("on_"):
                continue
            if isinstance(member, CombinedEvent):
                stack.enter_context(_timed_event(JourneyPlugin, name, spent))
            elif callable(member):
                stack.enter_context(_timed(JourneyPlugin, name, spent.setdefault(name, [])))
        build_in_process(plugin_config)
    return sum(sum(values) for values in spent.values())


def overview_share(plugin_config: Path, split: dict[str, float] | None = None) -> tuple[float, float, int]:
    """Seconds spent on the overview page and the CSV in one in-process build, the build's seconds,
    and the overview page's size in bytes; ``split`` receives the page's and the CSV's seconds."""
    from mkdocs_journey.plugin import plugin as plugin_module

    page: list[float] = []
    csv: list[float] = []
    with _timed(plugin_module.JourneyPlugin, "_overview_content", page), \
            _timed(plugin_module, "improvements_csv", csv):
        total = build_in_process(plugin_config)
    size = (plugin_config.parent / "site" / "journeys" / "index.html").stat().st_size
    if split is not None:
        split.update(page=sum(page), csv=sum(csv))
    return sum(page) + sum(csv), total, size


PAGE = Path("journeys") / "rondreis-0001" / "index.html"
WORDS_BAND = (0.9, 1.1)
"""The plain twin's words against the map page's: the weight compares pages with the same words."""


def page_weight(plain_config: Path, plugin_config: Path) -> tuple[int, int]:
    return ((plugin_config.parent / "site" / PAGE).stat().st_size,
            (plain_config.parent / "site" / PAGE).stat().st_size)


def article_words(page: Path) -> int:
    """The words of a built page's article, as a reader (or a screen reader) gets them; permalinks left out."""
    from bs4 import BeautifulSoup

    article = BeautifulSoup(page.read_text("utf-8"), "html.parser").find("article")
    if article is None:
        raise SystemExit(f"{page}: no <article> to count words in")
    for permalink in article.select("a.headerlink"):
        permalink.decompose()
    return len(article.get_text(" ").split())


def twin_words(plain_config: Path, plugin_config: Path) -> tuple[int, int]:
    """The map page's and its plain twin's word counts; refuses when the twin does not hold the same words."""
    plugin = article_words(plugin_config.parent / "site" / PAGE)
    plain = article_words(plain_config.parent / "site" / PAGE)
    low, high = WORDS_BAND
    if not low <= plain / plugin <= high:
        raise SystemExit(f"the plain twin holds {plain} words against the map page's {plugin} ({plain / plugin:.0%}): "
                         f"the page weight compares pages with the same words (expected {low:.0%} to {high:.0%}); "
                         "fix markdown_page in benchmarks/sites.py")
    return plugin, plain


def serve_rebuild(config: Path, edit: Path) -> float:
    """The rebuild after ``edit`` changed, in the process that built the site before, as ``mkdocs serve`` does.

    ``serve`` starts the plugins once with ``command="serve"`` (what lets the journey
    plugin keep maps and pages between builds), then loads the config and builds
    again on every save.
    """
    def load() -> Any:
        return load_config(config_file=str(config), site_dir=str(config.parent / "site"))

    first = load()
    first.plugins.on_startup(command="serve", dirty=False)
    try:
        build(first, serve_url="http://127.0.0.1:8000/")
        text = edit.read_text("utf-8")
        try:
            edit.write_text(text.replace("Rondreis", "Reis", 1), "utf-8")
            rebuild = load()
            started = time.perf_counter()
            build(rebuild, serve_url="http://127.0.0.1:8000/")
            return time.perf_counter() - started
        finally:
            edit.write_text(text, "utf-8")
    finally:
        first.plugins.on_shutdown()


def serve_figure(plain_config: Path, plugin_config: Path, runs: int = 1) -> tuple[float, float]:
    """The plugin site's and the plain site's rebuild after one edit (medians of ``runs``, alternating)."""
    plain: list[float] = []
    plugin: list[float] = []
    for _ in range(runs):
        plain.append(serve_rebuild(plain_config, plain_config.parent / "docs/journeys/rondreis-0001.md"))
        plugin.append(serve_rebuild(plugin_config, plugin_config.parent / "docs/journeys/rondreis-0001.journey.yml"))
    return statistics.median(plugin), statistics.median(plain)


def check_time(plugin_config: Path) -> float:
    tool = Path(sys.executable).parent / "mkdocs-journey"
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([str(tool), "check", "docs"], cwd=plugin_config.parent, stdout=subprocess.DEVNULL,
                       check=False)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def profile(config: Path, top: int = 40) -> str:
    profiler = cProfile.Profile()
    profiler.runcall(build_in_process, config)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def serve_only(maps: int, runs: int, *, profiled: bool) -> int:
    """``--only serve``: the two sites, and the serve figure alone."""
    with tempfile.TemporaryDirectory(prefix="journey-bench-") as tmp:
        plain_config = write_site(Path(tmp) / f"plain-{maps}", maps, journey=False)
        plugin_config = write_site(Path(tmp) / f"plugin-{maps}", maps, journey=True)
        plugin_rebuild, plain_rebuild = serve_figure(plain_config, plugin_config, runs)
        ok = plugin_rebuild / plain_rebuild <= TARGETS["serve"]
        print(_line(f"serve rebuild after one edit, {maps} maps ({plugin_rebuild:.2f} / {plain_rebuild:.2f} s)",
                    f"{plugin_rebuild / plain_rebuild:.2f}x", f"<= {TARGETS['serve']:.2f}x", ok))
        if profiled:
            print(profile_serve(plugin_config))
    return 0 if ok else 1


def overview_only(maps: int, *, profiled: bool) -> int:
    """``--only overview``: the plugin site, and the overview figure alone (best of 3 builds)."""
    with tempfile.TemporaryDirectory(prefix="journey-bench-") as tmp:
        plugin_config = write_site(Path(tmp) / f"plugin-{maps}", maps, journey=True)
        build_in_process(plugin_config)  # imports and the OS's file cache warm
        runs = []
        for _ in range(3):
            split: dict[str, float] = {}
            runs.append((*overview_share(plugin_config, split), split))
        own, total, size, split = min(runs, key=lambda r: r[0] / r[1])
        ok = own / total < TARGETS["overview"]
        print(_line(f"overview page and CSV, {maps} maps ({own:.2f} s of {total:.2f} s; page {size // 1024} KB)",
                    f"{own / total:.1%}", f"< {TARGETS['overview']:.0%}", ok))
        print(f"    the page {split['page']:.2f} s, improvements.csv {split['csv']:.2f} s")
        if profiled:
            print(profile_overview(plugin_config))
    return 0 if ok else 1


def profile_overview(config: Path, top: int = 40) -> str:
    """cProfile of the overview page's making (``_overview_content``) in one in-process build."""
    from mkdocs_journey.plugin import plugin as plugin_module

    profiler = cProfile.Profile()
    original = plugin_module.JourneyPlugin._overview_content

    def profiled(*args: Any, **kwargs: Any) -> Any:
        return profiler.runcall(original, *args, **kwargs)

    plugin_module.JourneyPlugin._overview_content = profiled  # type: ignore[method-assign,assignment]
    try:
        build_in_process(config)
    finally:
        plugin_module.JourneyPlugin._overview_content = original  # type: ignore[method-assign]
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def profile_serve(config: Path, top: int = 40) -> str:
    """cProfile of the rebuild ``serve`` makes after one map changed."""
    profiler = cProfile.Profile()
    edit = config.parent / "docs/journeys/rondreis-0001.journey.yml"
    first = load_config(config_file=str(config), site_dir=str(config.parent / "site"))
    first.plugins.on_startup(command="serve", dirty=False)
    text = edit.read_text("utf-8")
    try:
        build(first, serve_url="http://127.0.0.1:8000/")
        edit.write_text(text.replace("Rondreis", "Reis", 1), "utf-8")
        rebuild = load_config(config_file=str(config), site_dir=str(config.parent / "site"))
        profiler.runcall(build, rebuild, serve_url="http://127.0.0.1:8000/")
    finally:
        edit.write_text(text, "utf-8")
        first.plugins.on_shutdown()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def check_only(maps: int, *, profiled: bool) -> int:
    """``--only check``: the plugin site, and ``mkdocs-journey check`` of it as a process (median of 3)."""
    with tempfile.TemporaryDirectory(prefix="journey-bench-") as tmp:
        plugin_config = write_site(Path(tmp) / f"plugin-{maps}", maps, journey=True)
        check_time(plugin_config)  # the OS's file cache warm, as in an editor or a hook
        seconds = check_time(plugin_config)
        ok = seconds < TARGETS["check s"]
        print(_line(f"mkdocs-journey check of {maps} maps", f"{seconds:.2f} s", f"< {TARGETS['check s']:.0f} s", ok))
        if profiled:
            print(profile_check(plugin_config))
    return 0 if ok else 1


def profile_check(config: Path, top: int = 40) -> str:
    """cProfile of one ``mkdocs-journey check`` in this process (imports already paid), in CPU time.

    CPU time, not wall time: on a shared machine the other processes' share would
    land on whatever function was running.
    """
    from mkdocs_journey.cli import main as command

    profiler = cProfile.Profile(time.process_time)
    with _cwd(config.parent), redirect_stdout(io.StringIO()):
        try:
            profiler.runcall(command, ["check", "docs"], standalone_mode=False)
        except SystemExit:  # the command's exit status: warnings or errors were found
            pass
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


@contextmanager
def _cwd(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _line(label: str, value: str, target: str, ok: bool) -> str:
    return f"  {label:<46} {value:>16}   target {target:<10} {'ok' if ok else 'MISSED'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="50 maps, one pair: a smoke test")
    parser.add_argument("--full", action="store_true", help="also 1,000 maps")
    parser.add_argument("--pairs", type=int, default=3, help="build pairs per size (default 3)")
    parser.add_argument("--profile", action="store_true", help="cProfile one in-process build of 100 maps "
                        "(with --only serve: the plugin site's rebuild; with --only check: one check run)")
    parser.add_argument("--only", choices=["serve", "overview", "check"],
                        help="only this figure (500 maps, 50 with --quick; serve: the median of --pairs rebuilds each, "
                        "overview: the best of 3 builds, check: the median of 3 processes)")
    args = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    if args.only == "serve":
        return serve_only(50 if args.quick else 500, args.pairs, profiled=args.profile)
    if args.only == "overview":
        return overview_only(50 if args.quick else 500, profiled=args.profile)
    if args.only == "check":
        return check_only(50 if args.quick else 500, profiled=args.profile)
    sizes = [50] if args.quick else [100, 500] + ([1000] if args.full else [])
    count = 1 if args.quick else args.pairs
    # The growth figure divides one median ratio by another, so it carries the spread of both
    # (the plain 1,000-map build varies most: 58 to 63 ms a page between runs); more pairs at
    # the two sizes it compares narrow that spread.
    counts = {maps: max(count, GROWTH_PAIRS) if args.full and maps in (500, 1000) else count for maps in sizes}
    lines: list[str] = []
    missed = 0

    def report(label: str, value: str, target: str, ok: bool) -> None:
        nonlocal missed
        missed += not ok
        lines.append(_line(label, value, target, ok))

    with tempfile.TemporaryDirectory(prefix="journey-bench-") as tmp:
        root = Path(tmp)
        measured: dict[int, tuple[Pairs, Path, Path]] = {}
        for maps in sizes:
            measured[maps] = pairs(root, maps, counts[maps])
        print(f"Sites: N maps of {len(STAGES)} stages x {TOUCHPOINTS_PER_STAGE} touchpoints, {IMPROVEMENTS} "
              "improvements each, against the same words as Markdown tables; Material + search.")
        print("Builds as separate `mkdocs build` processes, the median of "
              + ", ".join(f"{counts[maps]} pair(s) at {maps}" for maps in sizes) + " maps.\n")
        for maps, (result, plain, plugin) in measured.items():
            lines.append(f"{maps} maps: plain {result.median('plain'):.2f} s, plugin {result.median('plugin'):.2f} s; "
                         f"peak memory plain {statistics.median(r.peak_kb for r in result.plain) / 1024:.0f} MB, "
                         f"plugin {statistics.median(r.peak_kb for r in result.plugin) / 1024:.0f} MB; "
                         "pairs " + " ".join(f"{p.seconds / q.seconds:.2f}" for p, q in zip(result.plugin, result.plain)))
            target = TARGETS.get(f"ratio {maps}")
            if target is not None:
                report(f"build time, plugin / plain, {maps} maps", f"{result.ratio:.2f}x", f"<= {target:.2f}x",
                       result.ratio <= target)
            else:
                report(f"build time, plugin / plain, {maps} maps", f"{result.ratio:.2f}x", "(smoke test)", True)
            if maps == 500:
                report("peak memory, plugin / plain, 500 maps", f"{result.memory:.2f}x",
                       f"<= {TARGETS['memory']:.2f}x", result.memory <= TARGETS["memory"])
        if 1000 in measured and 500 in measured:
            growth = measured[1000][0].ratio / measured[500][0].ratio - 1
            report("ratio at 1,000 maps against 500", f"{growth:+.0%}", f"within {TARGETS['growth']:.0%}",
                   abs(growth) <= TARGETS["growth"])
            own_ms = {maps: plugin_own_seconds(measured[maps][2]) / maps * 1000 for maps in (500, 1000)}
            per_page = {maps: (measured[maps][0].median("plain") / maps * 1000,
                               measured[maps][0].median("plugin") / maps * 1000) for maps in (500, 1000)}
            lines.append(f"    the plugin's own handlers, per map (in this process): {own_ms[500]:.1f} ms at 500 maps, "
                         f"{own_ms[1000]:.1f} ms at 1,000 ({own_ms[1000] / own_ms[500] - 1:+.0%})")
            lines.append(f"    whole builds per page, plain / plugin: {per_page[500][0]:.1f} / {per_page[500][1]:.1f} ms "
                         f"at 500 maps, {per_page[1000][0]:.1f} / {per_page[1000][1]:.1f} ms at 1,000 "
                         "(both grow: the theme renders the whole navigation on every page)")
        smallest = min(measured)
        _, plain_config, plugin_config = measured[smallest]
        plugin_words, plain_words = twin_words(plain_config, plugin_config)
        lines.append(f"    the plain twin's words against the map page's: {plain_words} / {plugin_words} "
                     f"({plain_words / plugin_words:.0%}, held within {WORDS_BAND[0]:.0%} to {WORDS_BAND[1]:.0%})")
        plugin_bytes, plain_bytes = page_weight(plain_config, plugin_config)
        report(f"page weight of a map, plugin / plain ({plugin_bytes // 1024} / {plain_bytes // 1024} KB)",
               f"{plugin_bytes / plain_bytes:.2f}x", f"<= {TARGETS['page weight']:.2f}x",
               plugin_bytes / plain_bytes <= TARGETS["page weight"])
        split = render_split(plugin_config)
        report("on_page_content per 30-touchpoint map (median)", f"{split['page']:.1f} ms",
               f"<= {TARGETS['render ms']:.0f} ms", split["page"] <= TARGETS["render ms"])
        lines.append("    per map, before it (collecting): load {load:.1f} ms, analysis {analysis:.1f} ms; inside it: "
                     "view {view:.1f} ms, page HTML {html:.1f} ms, search text {search:.1f} ms, "
                     "compressing it until written {_park:.1f} ms".format(**split))
        in_process = {name: build_in_process(config) for name, config in
                      (("plain", plain_config), ("plugin", plugin_config))}
        lines.append(f"    in this process (imports paid): plugin / plain {in_process['plugin'] / in_process['plain']:.2f}x"
                     f" at {smallest} maps")
        serve_size = 500 if 500 in measured else smallest
        _, serve_plain, serve_plugin = measured[serve_size]
        plugin_rebuild, plain_rebuild = serve_figure(serve_plain, serve_plugin)
        report(f"serve rebuild after one edit, {serve_size} maps ({plugin_rebuild:.2f} / {plain_rebuild:.2f} s)",
               f"{plugin_rebuild / plain_rebuild:.2f}x", f"<= {TARGETS['serve']:.2f}x",
               plugin_rebuild / plain_rebuild <= TARGETS["serve"])
        own, total, size = overview_share(serve_plugin)
        report(f"overview page and CSV, {serve_size} maps ({own:.2f} s of {total:.2f} s; page {size // 1024} KB)",
               f"{own / total:.1%}", f"< {TARGETS['overview']:.0%}", own / total < TARGETS["overview"])
        check = check_time(serve_plugin)
        report(f"mkdocs-journey check of {serve_size} maps", f"{check:.2f} s", f"< {TARGETS['check s']:.0f} s",
               check < TARGETS["check s"])
        print("\n".join(lines))
        if args.profile:
            print(profile(plugin_config))
    if args.quick:
        return 0
    print(f"\n{missed} target(s) missed" if missed else "\nEvery target holds.")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
