"""The map page: summary, persona, health panel and swimlanes, in English and Dutch."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

import pytest
from bs4 import BeautifulSoup

import mkdocs_journey
from mkdocs_journey.engine.collection import CollectedMap
from mkdocs_journey.engine.health import HEALTH_ICONS, HealthFinding
from mkdocs_journey.engine.i18n import Translator
from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.load import load_journey
from mkdocs_journey.engine.render import DEFAULT_LANES, render_map
from mkdocs_journey.engine.render.icons import BEFORE
from mkdocs_journey.engine.render.page import health_lists, health_notes

from .conftest import FULL_MAP, SVG, Render, collect, context

TEMPLATES = Path(mkdocs_journey.__file__).parent / "templates" / "journey"

MINIMAL = """\
title: Minimal
status: validated
reviewed: 2026-10-01
stages:
  - name: Only
    touchpoints:
      - name: One
        emotion: 3
"""


def lanes_of(soup: BeautifulSoup) -> list[str]:
    rows = soup.select("table.journey-map tr[class*='journey-lane--']")
    return [next(c for c in row["class"] if c.startswith("journey-lane--"))[len("journey-lane--"):] for row in rows]


def test_no_h1_and_sections_in_order(render: Render) -> None:
    soup = render()
    assert soup.find("h1") is None
    assert [h["id"] for h in soup.find_all("h2")] == [
        "journey-persona", "journey-health", "journey-map", "journey-backlog", "journey-plan", "journey-matrix"]


KIND_CHIPS = ("journey-status", "journey-rating", "journey-badge", "journey-lane", "journey-strip__key")


def test_a_chip_that_says_a_kind_carries_its_modifier_alone(render: Render) -> None:
    """A map repeats these chips in most cells and cards; the base class said nothing its modifier does not."""
    soup = render()
    seen = set()
    for element in soup.find_all(class_=True):
        for name in element["class"]:
            base = name.split("--")[0]
            if "--" in name and base in KIND_CHIPS:
                seen.add(base)
                assert base not in element["class"], f"{element.name} carries {base} beside {name}"
    assert seen == set(KIND_CHIPS)  # the full map shows every one of them


def test_summary_badges(render: Render) -> None:
    soup = render()
    summary = soup.select_one(".journey-summary")
    assert summary.select_one(".journey-summary__text em").get_text() == "inspiration"
    badges = [b.get_text(" ", strip=True) for b in summary.select("[class*='journey-badge--']")]
    assert badges == ["Owner: Team Online", "validated", "current situation", "last validated 14 October 2026"]
    assert summary.find("time")["datetime"] == "2026-10-14"
    assert [t.get_text() for t in summary.select(".journey-tag")] == ["travel", "online"]
    # Compact cards: each a <details> whose summary line holds the whole goal or promise.
    facts = {card.select_one(".journey-summary__label").get_text(): card.select_one(".journey-summary__value").get_text()
             for card in summary.select("details.journey-summary__fact")}
    assert facts == {"Business goal": "Sell more trips online", "Brand promise": "Carefree travel",
                     "Research": "2 sources"}
    research = summary.select_one("details.journey-summary__fact--research")
    assert [li.get_text() for li in research.select("li")] == ["Interviews", "October 2026"]
    assert not any(card.has_attr("open") for card in summary.select("details"))


def test_stale_and_missing_review_get_a_warning(render: Render) -> None:
    stale = render(MINIMAL.replace("2026-10-01", "2025-01-01"))
    warning = stale.select_one(".journey-badge--warning")
    assert warning.get_text(strip=True) == "stale: older than 180 days"
    fresh = render(MINIMAL)
    assert fresh.select_one(".journey-badge--warning") is None
    missing = render(MINIMAL.replace("reviewed: 2026-10-01\n", ""))
    assert missing.select_one(".journey-badge--warning").get_text(strip=True) == "not reviewed with customers"


@pytest.mark.parametrize(("language", "text"), [("en", "stale: older than 1 day"),
                                              ("nl", "verouderd: ouder dan 1 dag")])
def test_a_one_day_limit_is_one_day(render: Render, language: str, text: str) -> None:
    stale = render(MINIMAL, language=language, stale_after_days=1)  # reviewed 31 days before today
    assert stale.select_one(".journey-badge--warning").get_text(strip=True) == text


@pytest.mark.parametrize(("language", "one", "four"), [
    ("en", "1 note on this map", "4 notes on this map"),
    ("nl", "1 aandachtspunt op deze kaart", "4 aandachtspunten op deze kaart"),
])
def test_the_health_count_agrees_with_its_number(render: Render, language: str, one: str, four: str) -> None:
    draft = render(MINIMAL.replace("status: validated\n", ""), language=language)  # only the draft note
    assert len(draft.select(".journey-health__list > li")) == 1
    assert draft.select_one(".journey-health__count").get_text(strip=True) == one
    full = render(language=language)
    assert len(full.select(".journey-health__list > li")) == 4
    assert full.select_one(".journey-health__count").get_text(strip=True) == four


@pytest.mark.parametrize("limit", [29, 30, 31, 32])
def test_the_review_badge_and_the_health_note_agree_on_staleness(render: Render, limit: int) -> None:
    # MINIMAL was reviewed 31 days before the render's today: stale for a limit below 31 only.
    soup = render(MINIMAL, stale_after_days=limit)
    badge = soup.select_one(".journey-badge--warning") is not None
    note = soup.select_one(".journey-health__note--stale") is not None
    assert (badge, note) == (limit < 31, limit < 31)


def test_every_in_page_link_finds_its_target(render: Render) -> None:
    # Health notes, backlog rows, the improvements lane and the matrix (dots, legend and
    # unplaced items) link to ids that other code writes: both sides use one function.
    soup = render()
    hrefs = {a["href"] for a in soup.find_all("a", href=True) if a["href"].startswith("#")}
    assert {"#stage-consideration", "#tp-booking--book", "#improvement-unscored"} <= hrefs
    assert soup.select(".journey-matrix__unplaced a")
    assert [href for href in sorted(hrefs) if soup.find(id=href[1:]) is None] == []


def test_templates_spell_no_anchor_of_their_own() -> None:
    # The ids come from stage_anchor, touchpoint_anchor and improvement_anchor in
    # engine/analyse.py; a template writing `#improvement-{{ id }}` would drift from them.
    spelled = re.compile(r'(?:href|id)="#?(?:stage|tp|improvement)-')
    found = [f"{path.name}: {match.group()}" for path in sorted(TEMPLATES.glob("*.html"))
             for match in spelled.finditer(path.read_text("utf-8"))]
    assert found == []


def test_persona_card(render: Render) -> None:
    card = render().select_one("section.journey-persona")
    assert card.select_one(".journey-persona__name").get_text() == "Mark"
    assert card.select_one(".journey-persona__quote").get_text(strip=True) == "I want to choose myself."
    image = card.select_one("img.journey-persona__image")
    assert image["src"] == "assets/mark.svg" and image["alt"] == "Picture of Mark"
    assert card.select_one(".journey-persona__about strong").get_text() == "big"
    facts = card.select(".journey-persona__facts div")
    assert [(d.dt.get_text(), d.dd.get_text()) for d in facts] == [("Age", "42"), ("City", "Utrecht")]
    assert [t.get_text() for t in card.select(".journey-persona__block--channels .journey-tag")] == ["Google", "E-mail"]


def test_persona_file_is_resolved_when_the_map_is_collected(docs_dir: Path, write_file: Callable[..., Path]) -> None:
    write_file("people/pics/priya.svg", SVG)
    write_file("people/priya.persona.yml", "name: Priya\nimage: pics/priya.svg\n")
    path = write_file("maps/trial.journey.yml", MINIMAL + "persona: priya\n")
    assert load_journey(path, DocsTree.scan(docs_dir)).persona is None  # loading alone reads one file
    collected = collect(docs_dir, path)
    assert collected.ok and collected.loaded.persona is not None
    seen: list[Path] = []

    def url(p: Path) -> str:
        seen.append(p)
        return "x/" + p.name

    soup = BeautifulSoup(render_map(collected, context(asset_url=url)).html, "html.parser")
    assert soup.select_one(".journey-persona__name").get_text() == "Priya"
    assert seen == [(docs_dir / "people/pics/priya.svg").resolve()]


def test_health_panel_links_to_what_it_is_about(render: Render) -> None:
    soup = render()
    notes = soup.select(".journey-health__list > li")
    # A note's only class is its kind (the list implies a note); its label is its first span.
    assert all(len(n["class"]) == 1 for n in notes)
    kinds = [n["class"][0].removeprefix("journey-health__note--") for n in notes]
    assert [n.span.get_text() for n in notes] == ["Off brand:", "Empty stage:", "No emotion:", "No owner:"]
    assert kinds == ["off-brand", "empty-stage", "no-emotion", "no-owner"]
    hrefs = [n.find("a")["href"] for n in notes]
    assert hrefs == ["#tp-orientation--website", "#stage-consideration", "#tp-booking--book",
                     "#improvement-unscored"]
    for href in hrefs:
        assert soup.find(id=href[1:]) is not None, href
    # Each note's icon is its ::before, drawn by the stylesheet for its kind (the rule's icon).
    assert not any(n.find(class_="journey-icon") for n in notes)
    assert [BEFORE[f".journey-health__note--{kind}"] for kind in kinds] == [HEALTH_ICONS[kind] for kind in kinds]
    assert notes[3].find("code").get_text() == "unscored"


def test_health_notes_are_one_list_in_the_order_the_rules_found_them() -> None:
    # One list (a screen reader counts its items), whatever the kinds; each item names its kind.
    findings = [HealthFinding(kind, {"touchpoint": name, "pain": "P"}, (), None)
                for kind, name in (("unaddressed-pain", "A"), ("unaddressed-pain", "B"),
                                   ("no-emotion", "C"), ("unaddressed-pain", "D"))]
    lists = BeautifulSoup(str(health_lists(health_notes(findings, Translator("en"), ""))), "html.parser").select("ul")
    assert [ul["class"] for ul in lists] == [["journey-health__list"]]
    assert [li["class"] for li in lists[0].find_all("li")] == [
        ["journey-health__note--unaddressed-pain"], ["journey-health__note--unaddressed-pain"],
        ["journey-health__note--no-emotion"], ["journey-health__note--unaddressed-pain"]]
    assert str(health_lists([])) == ""


def test_healthy_map_says_so(render: Render) -> None:
    soup = render(MINIMAL)
    assert soup.select(".journey-health__list > li") == []
    assert soup.select_one(".journey-health__healthy").get_text(strip=True).startswith("All healthy")


def test_the_map_scrolls_in_its_own_region(render: Render) -> None:
    region = render().select_one("div.journey-map__scroll")
    assert region["role"] == "region" and region["tabindex"] == "0" and region["aria-label"]
    assert region.find("table", class_="journey-map") is not None


def test_stages_span_their_touchpoints(render: Render) -> None:
    soup = render()
    stages = soup.select("thead > tr.journey-map__stages th[id]")  # column headers, in the table's head
    # `scope` stays: Playwright's own Chromium took the stages for no header at all without it.
    assert [(s["id"], s["colspan"], s["scope"]) for s in stages] == [
        ("stage-orientation", "2", "colgroup"), ("stage-consideration", "1", "colgroup"),
        ("stage-booking", "3", "colgroup")]
    assert stages[0].select_one("span + span").get_text() == "Get inspired"
    header = soup.select_one("tr.journey-lane--touchpoint")
    cells = header.find_all(["th", "td"])[1:]
    assert len(cells) == 6 == sum(int(col.get("span", 1)) for col in soup.select("col.journey-map__column"))
    assert cells[2].get_text(strip=True) == "still to be filled in"
    assert [c.get("id") for c in cells] == ["tp-orientation--google", "tp-orientation--website", None,
                                            "tp-booking--book", "tp-booking--confirm", "tp-booking--pay"]
    for row in soup.select("table.journey-map tbody tr"):
        assert len(row.find_all(["td", "th"])) == 7


def test_lanes_follow_the_configured_order_and_skip_empty_ones(render: Render) -> None:
    assert lanes_of(render()) == list(DEFAULT_LANES)
    assert lanes_of(render(MINIMAL)) == ["touchpoint", "emotion"]
    chosen = render(lanes=("kpis", "pains", "touchpoint", "emotion"))
    assert lanes_of(chosen) == ["touchpoint", "kpis", "pains", "emotion"]


def test_touchpoint_cell(render: Render) -> None:
    cell = render().find(id="tp-orientation--google")
    assert cell.name == "th" and cell["scope"] == "col"
    assert cell.select_one("span:first-child").get_text() == "Google search"
    assert cell.select_one("span:first-child + span:not([class])").get_text() == "Channel: Google"
    assert [s.get_text() for s in cell.select(".journey-sense")] == ["see", "hear"]
    assert cell.select_one(".journey-rating--yes").get_text(strip=True) == "on brand"
    website = render().find(id="tp-orientation--website")
    assert website.select_one(".journey-badge--moment-of-truth").get_text(strip=True) == "moment of truth"
    assert website.select_one(".journey-rating--no").get_text(strip=True) == "off brand"


def cell(soup: BeautifulSoup, lane: str, column: int = 0):  # noqa: ANN201 - a bs4 Tag
    return soup.select_one(f"tr.journey-lane--{lane}").find_all("td")[column]


def test_lane_cells(render: Render) -> None:
    soup = render()
    assert cell(soup, "image").img["src"] == "assets/google.svg"
    assert cell(soup, "action").get_text(strip=True) == 'Searches for "road trip"'
    assert cell(soup, "thought").get_text(strip=True) == "Which route suits us?"
    needs = cell(soup, "needs")
    assert needs.li.get_text() == "Route ideas"
    assert needs.select_one(".journey-rating--partly").get_text(strip=True) == "needs met: partly"
    assert cell(soup, "pains").li.get_text() == "Too many similar offers"
    assert cell(soup, "gains").li.get_text() == "Nice photos"
    assert cell(soup, "opportunities").li.get_text() == "Routes per theme"
    backstage = cell(soup, "backstage")
    # Terms and definitions are the list's own children, in pairs (no div around each pair).
    terms, definitions = backstage.select("dl > dt"), backstage.select("dl > dd")
    assert [child.name for child in backstage.dl.children] == ["dt", "dd"] * 3
    assert [f"{dt.get_text()} {dd.get_text()}" for dt, dd in zip(terms, definitions)] == [
        "Team Marketing", "Systems Google Ads, CMS", "Process SEO per destination"]
    assert cell(soup, "evidence").li.get_text() == "Interviews 3 and 5"


def test_kpis_show_the_verdict_in_words_and_icon(render: Render) -> None:
    kpis = cell(render(), "kpis").select("ul > li")
    first, second = kpis
    assert first.select_one("span:nth-child(2)").get_text(strip=True) == "target 5% · actual 3.2%"
    verdict = first.select_one("span:last-child:nth-child(3)")
    assert verdict.get_text(strip=True) == "off target"
    # The icon is the verdict's ::before, by the KPI's verdict class.
    assert "journey-kpi--off" in first["class"] and verdict.find(class_="journey-icon") is None
    assert BEFORE[".journey-kpi--off > span:last-child"] == "cross"
    assert second.select_one("span:last-child:nth-child(3)").get_text(strip=True) == "on target"


def test_improvements_lane_links_to_the_backlog(render: Render) -> None:
    soup = render()
    links = [a["href"] for a in cell(soup, "improvements", 1).find_all("a")]
    assert links == ["#improvement-filters"]
    chip = cell(soup, "improvements", 0).a
    assert chip.get_text() == "#1 Departure mails" and chip["title"] == "#1 Departure mails"
    assert chip.select_one("span:first-child").get_text() == "#1"
    assert soup.find(id="improvement-filters").name == "li"


def test_dutch_labels(render: Render) -> None:
    soup = render(language="nl")
    labels = [th.get_text(strip=True) for th in soup.select("table.journey-map tr > th:first-child")]
    assert labels == ["Fase", "Touchpoint", "Storyboard", "Wat doet de klant", "Wat denkt de klant", "Emotie",
                      "Behoeften", "Pijnpunten", "Wat werkt", "Kansen", "Verbeteringen", "Achter de schermen",
                      "KPI's", "Bewijs"]
    assert [h.get_text() for h in soup.find_all("h2")] == [
        "Persona", "Gezondheid van de kaart", "Klantreis", "Verbeterbacklog", "Planning", "Impact en inspanning"]
    assert "laatst gevalideerd 14 oktober 2026" in soup.select_one(".journey-summary").get_text()
    assert [s.get_text() for s in soup.find(id="tp-orientation--google").select(".journey-sense")] == ["zien", "horen"]
    assert cell(soup, "kpis").select_one("li > span:last-child:nth-child(3)").get_text(strip=True) == "niet op koers"
    assert soup.select_one(".journey-cell--empty-stage").get_text(strip=True) == "nog in te vullen"


def test_same_input_gives_byte_identical_output(load: Callable[..., CollectedMap]) -> None:
    loaded = load()
    first = render_map(loaded, context()).html
    second = render_map(load(), context()).html
    assert first == second


def test_template_override_from_the_theme(tmp_path: Path, load: Callable[..., CollectedMap]) -> None:
    theme = tmp_path / "overrides"
    (theme / "journey").mkdir(parents=True)
    (theme / "journey" / "page.html").write_text(
        '<div class="mine">{{ view.journey.title }}</div>{% include "journey/health.html" %}', encoding="utf-8")
    soup = BeautifulSoup(render_map(load(), context(template_dirs=(theme,))).html, "html.parser")
    assert soup.select_one("div.mine").get_text() == "Booking a trip"
    assert soup.select_one("section.journey-health") is not None
    default = BeautifulSoup(render_map(load(), context()).html, "html.parser")
    assert default.select_one("div.mine") is None


PAYLOAD = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
#: Every free-text field of the format, each carrying a script tag (and some an
#: event-handler image), to prove that no user text reaches the page as markup.
HOSTILE = """\
title: T {p}
summary: S {p} {i}
owner: O {p}
reviewed: 2026-10-01
goal: G {p}
brand: B {p} [x](javascript:alert(1))
tags: ["tag {p}"]
research: ["R {p}"]
persona:
  name: N {p}
  role: R {p}
  quote: Q {p}
  about: A {p} {i}
  facts: {{"F {p}": "V {p}"}}
  goals: ["G {p}"]
  needs: ["N {p}"]
  frustrations: ["F {p}"]
  channels: ["C {p}"]
stages:
  - name: Stage {p}
    id: s
    goal: G {p}
    touchpoints:
      - name: TP {p}
        id: t
        channel: C {p}
        action: A {p} {i}
        thought: T {p}
        emotion: 3
        feeling: F {p}
        needs: ["N {p}"]
        evidence: ["E {p}"]
        pains: ["P {p}"]
        gains: ["G {p}"]
        opportunities: ["O {p}"]
        backstage: {{team: "T {p}", systems: ["S {p}"], process: "P {p}"}}
        kpis: [{{name: "K {p}", target: "1 {p}", actual: "2 {p}"}}]
improvements:
  - id: i
    title: I {p}
    addresses: [s/t]
    owner: O {p}
    teams: ["T {p}"]
    impact: 4
    effort: 2
    kpi: K {p}
    notes: N {p} {i}
    link: "https://example.com/?q={p}"
""".format(p=PAYLOAD, i=IMG)


def test_user_text_never_becomes_markup(render: Render) -> None:
    fields = HOSTILE.count(PAYLOAD)
    for language in ("en", "nl"):
        soup = render(HOSTILE, language=language)
        assert soup.find("script") is None
        assert soup.find(attrs={"onerror": True}) is None
        assert not [a for a in soup.find_all("a") if a["href"].lower().startswith("javascript")]
        texts = [s for s in soup.find_all(string=True) if PAYLOAD in s]
        # Every field shows up as text (some more than once: names repeat in links and labels).
        assert len(texts) >= fields - 1  # the link's payload lives in an attribute, escaped
        assert soup.select_one(".journey-backlog__link a")["href"] == f"https://example.com/?q={PAYLOAD}"


def test_user_text_never_becomes_markup_in_the_search_text(load: Callable[..., CollectedMap]) -> None:
    """The search text (written in Python, not by an autoescaping template) escapes every field too."""
    for language in ("en", "nl"):
        search = render_map(load(HOSTILE, language=language), context(language)).search_html
        assert search is not None
        soup = BeautifulSoup(search, "html.parser")
        assert soup.find("script") is None
        assert soup.find(attrs={"onerror": True}) is None
        assert not [a for a in soup.find_all("a") if a["href"].lower().startswith("javascript")]
        # Every field the search text holds shows up as text: all but the title and the link.
        assert soup.get_text().count(PAYLOAD) >= HOSTILE.count(PAYLOAD) - 2
