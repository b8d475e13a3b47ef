"""The two sites every build benchmark compares: N journey maps, and the same words as plain Markdown.

The map site holds N maps of 5 stages x 6 touchpoints (every lane filled in, 8
improvements each). The plain site holds N Markdown pages with the same text as a
team would write it by hand: a compact table per stage and a backlog list. Both use
Material and the search plugin.
"""

from __future__ import annotations

from pathlib import Path

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
            kpi = tp["kpi"]
            assert isinstance(kpi, tuple)
            kpi_name, target, actual = kpi
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


MET = {"yes": "ja", "partly": "deels", "no": "nee"}
STATUS_WORDS = {"idea": "idee", "planned": "gepland", "doing": "bezig", "done": "klaar", "dropped": "geschrapt"}
SCORE_WORDS = ("zeer negatief", "negatief", "neutraal", "positief", "zeer positief")
_ANALYSED: dict[int, tuple[list[tuple[str, str]], list[str]]] = {}


def analysed(map_no: int) -> tuple[list[tuple[str, str]], list[str]]:
    """The map's health notes (kind label, message) as the plugin words them, and its improvement ids by rank.

    A team copies both from ``mkdocs-journey check``. They depend on a map's number only
    through its emotions (which repeat every 5 maps), so the engine reads one map per remainder.
    """
    key = map_no % len(SCORE_WORDS)
    if key not in _ANALYSED:
        import tempfile

        from mkdocs_journey.engine.collection import Collection
        from mkdocs_journey.engine.docs_tree import DocsTree
        from mkdocs_journey.engine.i18n import Translator
        from mkdocs_journey.engine.settings import BuildSettings

        translate = Translator("nl")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "rondreis.journey.yml"
            path.write_text(journey_yaml(map_no), "utf-8")
            collected = Collection(DocsTree.scan(Path(tmp)), BuildSettings(translate=translate)).journey(path)
            assert collected.analysis is not None, collected.loaded.errors
            _ANALYSED[key] = ([(note.title(translate), note.message(translate).replace("`", ""))
                               for note in collected.analysis.health],
                              [str(item.improvement.id) for item in collected.analysis.backlog])
    return _ANALYSED[key]


def _priority(item: dict[str, object]) -> int:
    return int(item["impact"]) * (6 - int(item["effort"]))  # type: ignore[call-overload]


def markdown_page(map_no: int) -> str:
    """The same words as the map page, as a team would write it by hand: compact tables and lists.

    Every word the map page shows is here once in plain Markdown: the strip's line per
    touchpoint, the health notes, a table per stage (rating words included), the backlog,
    the plan by due and the matrix's quadrants. ``build.py`` checks the word counts match.
    """
    tps_all = [_touchpoint(map_no, s, t) for s in range(len(STAGES)) for t in range(TOUCHPOINTS_PER_STAGE)]
    lowest = [str(tp["name"]) for tp in tps_all if tp["emotion"] == 1]
    lines = [f"# Rondreis {map_no} boeken", "",
             "Van de eerste zoekopdracht tot de *reviewmail* na thuiskomst", "",
             "**Eigenaar:** Team Online · gevalideerd · huidige situatie · laatst gevalideerd 14 oktober 2026 · "
             "**Bedrijfsdoel:** Meer rondreizen online verkopen · **Persona:** Mark, Ervaren reiziger", "",
             "De reis in één oogopslag: " + "; ".join(
                 f"{STAGES[i // TOUCHPOINTS_PER_STAGE]} › {tp['name']}: {tp['emotion']} van 5, "
                 f"{SCORE_WORDS[int(tp['emotion']) - 1]}{', laagste punt' if tp['emotion'] == 1 else ''}"  # type: ignore[call-overload]
                 for i, tp in enumerate(tps_all)) + ". Laagste punt: " + ", ".join(lowest) + ".", ""]
    notes, ranked = analysed(map_no)
    items = sorted((_improvement(i) for i in range(IMPROVEMENTS)), key=lambda item: ranked.index(str(item["id"])))
    refs: dict[str, list[str]] = {}
    for rank, item in enumerate(items, start=1):
        quick = ", quick win" if item["status"] not in ("done", "dropped") and item["impact"] >= 3 and item["effort"] <= 2 else ""  # type: ignore[operator]
        refs.setdefault(str(item["addresses"][0]), []).append(  # type: ignore[index]
            f"#{rank} {item['title']} ({STATUS_WORDS[str(item['status'])]}{quick})")
    lines += ["## Gezondheid van de kaart", "", f"{len(notes)} aandachtspunten op deze kaart:", ""]
    lines += [f"- {title}: {message}" for title, message in notes]
    lines.append("")
    for s, stage in enumerate(STAGES):
        tps = tps_all[s * TOUCHPOINTS_PER_STAGE:(s + 1) * TOUCHPOINTS_PER_STAGE]
        lines += [f"## {stage}", "", "Een passende reis vinden", "",
                  "| | " + " | ".join(str(tp["name"]) for tp in tps) + " |",
                  "|---|" + "---|" * len(tps)]
        rows = {
            "Kanaal": lambda tp: tp["channel"],
            "Actie": lambda tp: tp["action"],
            "Gedachte": lambda tp: tp["thought"],
            "Emotie": lambda tp: f"{tp['emotion']} van 5, {SCORE_WORDS[tp['emotion'] - 1]} ({tp['feeling']})",
            "Behoeften": lambda tp: "<br>".join(tp["needs"]) + f" (behoeften vervuld: {MET[tp['met']]})",
            "Pijnpunten": lambda tp: "<br>".join(tp["pains"]),
            "Wat werkt": lambda tp: tp["gains"][0],
            "Kansen": lambda tp: tp["opportunities"][0],
            "Verbeteringen": lambda tp: "<br>".join(refs.get(f"stage-{s + 1}/{tp['id']}", [])),
            "Achter de schermen": lambda tp: f"Team {tp['team']}, systemen {', '.join(tp['systems'])}, "
                                             f"proces {tp['process']}",
            "KPI": lambda tp: "{} doel {} actueel {}".format(*tp["kpi"])
            + (" op koers" if float(tp["kpi"][2][:-1]) >= float(tp["kpi"][1][:-1]) else " niet op koers"),
            "Bewijs": lambda tp: tp["evidence"][0],
        }
        for label, cell in rows.items():
            lines.append(f"| **{label}** | " + " | ".join(str(cell(tp)) for tp in tps) + " |")
        lines.append("")
    lines += ["## Verbeterbacklog", ""]
    for i, item in enumerate(items):
        lines += [f"{i + 1}. **{item['title']}** — {STATUS_WORDS[str(item['status'])]}, prioriteit {_priority(item)}, "
                  f"impact {item['impact']} · inspanning {item['effort']}, eigenaar {item['owner']}, "
                  f"deadline {item['due']}  ",
                  f"    {item['notes']} (pakt aan: {item['addresses'][0]})"]  # type: ignore[index]
    open_items = [item for item in items if item["status"] not in ("done", "dropped")]
    lines += ["", "## Planning", ""]
    for quarter in sorted({str(item["due"]) for item in open_items}):
        due = [item for item in open_items if item["due"] == quarter]
        lines.append(f"- {quarter}: " + "; ".join(f"{item['title']} ({STATUS_WORDS[str(item['status'])]})" for item in due))
    lines += ["", "## Impact en inspanning", "",
              "Quick wins, grote projecten, opvullers en geldput: zie de backlog.", ""]
    return "\n".join(lines) + "\n"


def write_site(root: Path, maps: int, *, journey: bool) -> Path:
    docs = root / "docs"
    (docs / "journeys").mkdir(parents=True)
    (docs / "index.md").write_text("# Handboek\n\nAlle klantreizen van het team.\n", encoding="utf-8")
    for n in range(1, maps + 1):
        if journey:
            (docs / "journeys" / f"rondreis-{n:04d}.journey.yml").write_text(journey_yaml(n), encoding="utf-8")
        else:
            (docs / "journeys" / f"rondreis-{n:04d}.md").write_text(markdown_page(n), encoding="utf-8")
    plugins = "  - search\n" + ("  - journey\n" if journey else "")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Benchmark\n"
        "theme:\n  name: material\n  language: nl\n"
        f"plugins:\n{plugins}"
        "markdown_extensions:\n  - tables\n  - attr_list\n  - md_in_html\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    return config
