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
