"""What the journey plugin costs in a real build, against the same words as plain Markdown pages.

    python benchmarks/build.py              # 500 maps, best of 3
    python benchmarks/build.py --quick      # 50 maps, one run each
    python benchmarks/build.py --profile    # also: where the plugin build spends its time

Two sites are generated in a temporary folder, both with Material and the search
plugin. The first holds N journey maps (5 stages x 6 touchpoints, every lane
filled in, 8 improvements each). The second holds N Markdown pages with the same
text as headings, tables and lists: what a team would write by hand without the
plugin. Both are built in this process with MkDocs' own ``build`` (``load_config``
then ``build``), alternating, and the best time of each is reported with the
ratio plugin/plain. The target is at most 1.25x.

The plugin site also has the overview page (every map, the backlog across maps
and the plan, at ``journeys/``), and ``improvements.csv``. Their own cost is reported
two ways: the time the plugin spends making them (rendering the overview page and
the CSV, measured inside the build), and the difference between the plugin site
built with and without the overview page (``overview: false``), which also counts
the theme and search for that page. The target for both is under 5%
of the plugin's build. No test asserts on these numbers: machines differ.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import logging
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_journey.plugin import plugin as journey_plugin

TARGET_RATIO = 1.25
OVERVIEW_TARGET = 0.05
"""The overview page and the CSV together: under 5% of the plugin's build."""
STAGES = ("Oriëntatie", "Afweging", "Boeking", "Voorbereiding", "Na de reis")
TOUCHPOINTS_PER_STAGE = 6
IMPROVEMENTS = 8
CHANNELS = ("Website", "E-mail", "Telefoon", "Instagram", "Google", "App")
STATUSES = ("idea", "planned", "doing", "done", "dropped", "idea", "planned", "idea")


def _touchpoint(map_no: int, stage: int, index: int) -> dict[str, object]:
    """The words of one touchpoint; both sites are written from these."""
    n = stage * TOUCHPOINTS_PER_STAGE + index
    return {
        "name": f"Stap {n + 1}: {CHANNELS[n % len(CHANNELS)]} bekijken",
        "id": f"tp-{index + 1}",
        "channel": CHANNELS[n % len(CHANNELS)],
        "action": f"Zoekt naar een rondreis van {2 + n % 3} weken en vergelijkt **drie** aanbieders (kaart {map_no})",
        "thought": "Welke route past bij ons, en wat kost het echt?",
        "emotion": 1 + (n + map_no) % 5,
        "feeling": ("boos", "teleurgesteld", "neutraal", "tevreden", "blij")[(n + map_no) % 5],
        "needs": ["Ideeën voor routes", "Eerlijke prijzen zonder verrassingen"],
        "met": ("yes", "partly", "no")[n % 3],
        "pains": ["Veel vergelijkbare aanbiedingen", "Prijs pas laat zichtbaar"],
        "gains": ["Mooie foto's van echte reizigers"],
        "opportunities": ["Routes per thema tonen"],
        "team": "Marketing",
        "systems": ["CMS", "Google Ads"],
        "process": "SEO-content per bestemming",
        "kpi": ("Klikratio", "5%", f"{3 + n % 4}.2%"),
        "evidence": [f"Interviews {n % 7 + 1} en {n % 5 + 8}"],
    }


def _improvement(index: int) -> dict[str, object]:
    stage = index % len(STAGES)
    return {
        "id": f"verbetering-{index + 1}",
        "title": f"Verbetering {index + 1}: filters op land, prijs en aantal dagen",
        "addresses": [f"stage-{stage + 1}/tp-{index % TOUCHPOINTS_PER_STAGE + 1}"],
        "owner": "Webteam",
        "impact": 1 + index % 5,
        "effort": 1 + (index * 3) % 5,
        "status": STATUSES[index],
        "due": f"2027-Q{1 + index % 4}",
        "notes": "Eerst een *webmaster* inhuren via HR; daarna de zoekpagina ombouwen.",
    }


def journey_yaml(map_no: int) -> str:
    lines = [
        f"title: Rondreis {map_no} boeken",
        "summary: Van de eerste zoekopdracht tot de *reviewmail* na thuiskomst",
        "owner: Team Online",
        "status: validated",
        "reviewed: 2026-10-14",
        "goal: Meer rondreizen online verkopen",
        "persona:",
        "  name: Mark",
        "  role: Ervaren reiziger",
        "stages:",
    ]
    for s, stage in enumerate(STAGES):
        lines += [f"  - name: {stage}", f"    id: stage-{s + 1}", "    goal: Een passende reis vinden", "    touchpoints:"]
        for t in range(TOUCHPOINTS_PER_STAGE):
            tp = _touchpoint(map_no, s, t)
            kpi_name, target, actual = tp["kpi"]  # type: ignore[misc]
            lines += [
                f"      - name: \"{tp['name']}\"",
                f"        id: {tp['id']}",
                f"        channel: {tp['channel']}",
                f"        action: {tp['action']}",
                f"        thought: {tp['thought']}",
                f"        emotion: {tp['emotion']}",
                f"        feeling: {tp['feeling']}",
                f"        needs: [{', '.join(tp['needs'])}]",  # type: ignore[arg-type]
                f"        met: {tp['met']}",
                f"        pains: [{', '.join(tp['pains'])}]",  # type: ignore[arg-type]
                f"        gains: [\"{tp['gains'][0]}\"]",  # type: ignore[index]
                f"        opportunities: [{tp['opportunities'][0]}]",  # type: ignore[index]
                "        backstage:",
                f"          team: {tp['team']}",
                f"          systems: [{', '.join(tp['systems'])}]",  # type: ignore[arg-type]
                f"          process: {tp['process']}",
                "        kpis:",
                f"          - {{name: {kpi_name}, target: \"{target}\", actual: \"{actual}\"}}",
                f"        evidence: [{tp['evidence'][0]}]",  # type: ignore[index]
            ]
    lines.append("improvements:")
    for i in range(IMPROVEMENTS):
        item = _improvement(i)
        lines += [
            f"  - id: {item['id']}",
            f"    title: \"{item['title']}\"",
            f"    addresses: [{item['addresses'][0]}]",  # type: ignore[index]
            f"    owner: {item['owner']}",
            f"    impact: {item['impact']}",
            f"    effort: {item['effort']}",
            f"    status: {item['status']}",
            f"    due: {item['due']}",
            f"    notes: \"{item['notes']}\"",
        ]
    return "\n".join(lines) + "\n"


def markdown_page(map_no: int) -> str:
    """The same words, as a team would write the map by hand: a table per stage, a backlog list."""
    lines = [f"# Rondreis {map_no} boeken", "",
             "Van de eerste zoekopdracht tot de *reviewmail* na thuiskomst", "",
             "**Eigenaar:** Team Online · **Doel:** Meer rondreizen online verkopen · **Persona:** Mark, "
             "Ervaren reiziger", ""]
    for s, stage in enumerate(STAGES):
        tps = [_touchpoint(map_no, s, t) for t in range(TOUCHPOINTS_PER_STAGE)]
        lines += [f"## {stage}", "", "Een passende reis vinden", "",
                  "| | " + " | ".join(str(tp["name"]) for tp in tps) + " |",
                  "|---|" + "---|" * len(tps)]
        rows = {
            "Kanaal": lambda tp: tp["channel"],
            "Actie": lambda tp: tp["action"],
            "Gedachte": lambda tp: tp["thought"],
            "Emotie": lambda tp: f"{tp['emotion']} ({tp['feeling']})",
            "Behoeften": lambda tp: "<br>".join(tp["needs"]) + f" ({tp['met']})",
            "Pijnpunten": lambda tp: "<br>".join(tp["pains"]),
            "Wat werkt": lambda tp: tp["gains"][0],
            "Kansen": lambda tp: tp["opportunities"][0],
            "Achter de schermen": lambda tp: f"{tp['team']}: {', '.join(tp['systems'])}; {tp['process']}",
            "KPI": lambda tp: "{} doel {} actueel {}".format(*tp["kpi"]),
            "Bewijs": lambda tp: tp["evidence"][0],
        }
        for label, cell in rows.items():
            lines.append(f"| **{label}** | " + " | ".join(str(cell(tp)) for tp in tps) + " |")
        lines.append("")
    lines += ["## Verbeterbacklog", ""]
    for i in range(IMPROVEMENTS):
        item = _improvement(i)
        lines += [f"{i + 1}. **{item['title']}** — {item['status']}, impact {item['impact']}, "
                  f"inspanning {item['effort']}, eigenaar {item['owner']}, deadline {item['due']}  ",
                  f"    {item['notes']} (pakt aan: {item['addresses'][0]})"]  # type: ignore[index]
    return "\n".join(lines) + "\n"


def write_site(root: Path, maps: int, *, journey: bool, overview: bool = True) -> Path:
    docs = root / "docs"
    (docs / "journeys").mkdir(parents=True)
    (docs / "index.md").write_text("# Handboek\n\nAlle klantreizen van het team.\n", encoding="utf-8")
    for n in range(1, maps + 1):
        if journey:
            (docs / "journeys" / f"rondreis-{n:04d}.journey.yml").write_text(journey_yaml(n), encoding="utf-8")
        else:
            (docs / "journeys" / f"rondreis-{n:04d}.md").write_text(markdown_page(n), encoding="utf-8")
    options = "" if overview else "      overview: false\n"
    plugins = "  - search\n" + (("  - journey:\n" + options if options else "  - journey\n") if journey else "")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Benchmark\n"
        "theme:\n  name: material\n  language: nl\n"
        f"plugins:\n{plugins}"
        "markdown_extensions:\n  - tables\n  - attr_list\n  - md_in_html\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    return config


class OverviewClock:
    """Adds up the time the plugin spends on the overview page and on ``improvements.csv`` in a build."""

    def __init__(self) -> None:
        self.seconds = 0.0
        plugin_class = journey_plugin.JourneyPlugin
        for name in ("_overview_content",):
            setattr(plugin_class, name, self._timed(getattr(plugin_class, name)))
        journey_plugin.improvements_csv = self._timed(journey_plugin.improvements_csv)  # type: ignore[assignment]

    def _timed(self, function: Callable[..., object]) -> Callable[..., object]:
        def timed(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
        return timed


def build_once(config: Path) -> float:
    site = config.parent / "site"
    gc.collect()  # Each build starts without the garbage of the one before it.
    start = time.perf_counter()
    build(load_config(config_file=str(config), site_dir=str(site)))
    return time.perf_counter() - start


def profile(config: Path, top: int = 30) -> str:
    profiler = cProfile.Profile()
    profiler.runcall(build_once, config)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="50 maps, one build each")
    parser.add_argument("--maps", type=int, help="number of maps (default 500, 50 with --quick)")
    parser.add_argument("--repeat", type=int, help="builds per site; the best counts (default 3, 1 with --quick)")
    parser.add_argument("--profile", action="store_true", help="cProfile one plugin build and print the top entries")
    args = parser.parse_args(argv)
    maps = args.maps or (50 if args.quick else 500)
    repeat = args.repeat or (1 if args.quick else 3)
    # MkDocs and the plugin log per page and per health note; the benchmark measures building, not printing.
    logging.getLogger("mkdocs").setLevel(logging.ERROR)

    clock = OverviewClock()
    with tempfile.TemporaryDirectory(prefix="journey-bench-") as tmp:
        plugin_config = write_site(Path(tmp) / "plugin", maps, journey=True)
        bare_config = write_site(Path(tmp) / "bare", maps, journey=True, overview=False)
        plain_config = write_site(Path(tmp) / "plain", maps, journey=False)
        timings: dict[str, list[float]] = {"plain": [], "plugin": [], "bare": []}
        overview_times: list[float] = []

        def plugin_build() -> float:
            clock.seconds = 0.0
            seconds = build_once(plugin_config)
            overview_times.append(clock.seconds)
            return seconds

        runs: list[tuple[str, Callable[[], float]]] = [
            ("plain", lambda: build_once(plain_config)), ("plugin", plugin_build),
            ("bare", lambda: build_once(bare_config)),
        ]
        build_once(plain_config)  # Warm imports and Material's templates so neither side pays for them.
        for round_no in range(repeat):
            # Alternate the order: a build right after another one runs a little slower.
            for name, run in (runs if round_no % 2 == 0 else runs[::-1]):
                timings[name].append(run())
        site = Path(tmp) / "plugin" / "site"
        pages = sum(1 for _ in (site / "journeys").rglob("index.html")) - 1  # the overview is journeys/index.html
        if pages != maps or not (site / "journeys" / "index.html").is_file() or not (site / "improvements.csv").is_file():
            print(f"expected {maps} map pages, an overview and improvements.csv; the plugin site has {pages} map pages",
                  file=sys.stderr)
            return 1
        plain, plugin, bare = min(timings["plain"]), min(timings["plugin"]), min(timings["bare"])
        own = min(overview_times)
        ratio = plugin / plain
        print(f"{maps} maps ({len(STAGES)} stages x {TOUCHPOINTS_PER_STAGE} touchpoints, {IMPROVEMENTS} improvements), "
              f"Material + search, best of {repeat}")
        print(f"  plain Markdown pages : {plain:7.2f} s  ({maps / plain:6.1f} pages/s)")
        print(f"  journey plugin       : {plugin:7.2f} s  ({maps / plugin:6.1f} pages/s)")
        print(f"  ... without overview : {bare:7.2f} s  ({maps / bare:6.1f} pages/s)")
        verdict = "within" if ratio <= TARGET_RATIO else "OVER"
        print(f"  ratio plugin/plain   : {ratio:7.2f}x  ({verdict} the {TARGET_RATIO}x target)")
        kb = (site / "journeys" / "index.html").stat().st_size / 1024
        for label, seconds in (("overview + CSV, own  ", own), ("overview + CSV, on-off", plugin - bare)):
            share = seconds / plugin
            verdict = "within" if share < OVERVIEW_TARGET else "OVER"
            print(f"  {label}: {seconds:7.2f} s  ({share:6.1%} of the plugin build; {verdict} the "
                  f"{OVERVIEW_TARGET:.0%} target)")
        print(f"  overview page        : {kb:7.0f} KiB")
        if args.profile:
            print(profile(plugin_config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
