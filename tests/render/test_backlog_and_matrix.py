"""The improvement backlog and the impact/effort matrix."""

from __future__ import annotations

from typing import Callable

from bs4 import BeautifulSoup

from mkdocs_journey.engine.collection import CollectedMap
from mkdocs_journey.engine.render.icons import BEFORE
from mkdocs_journey.engine.render.matrix import build_matrix

from .conftest import Render

# A card's parts are selected by position under the card (journey.css does the same; docs/css.md).
RANK = ":scope > div > span"
TITLE = ":scope > div > div:first-of-type > span:first-child"
SCORE = ":scope > div > div:last-child > span:nth-child(2)"
SCORES = ":scope > div > div:last-child > span:last-child"
NOTES = ":scope > p"
FACTS = ":scope > dl > div"


def test_backlog_follows_the_analysis_order(render: Render, load: Callable[..., CollectedMap]) -> None:
    expected = [b.improvement.id for b in load().analysis.backlog]
    rows = render().select("ol.journey-backlog > li")
    assert [r["id"] for r in rows] == [f"improvement-{i}" for i in expected]
    assert [r.select_one(RANK).get_text() for r in rows] == ["1", "2", "3", "4", "5"]


def test_backlog_row(render: Render) -> None:
    row = render().find(id="improvement-filters")
    assert row.select_one(TITLE).get_text() == "Filters on country and price"
    assert row.select_one("[class*='journey-status--']").get_text() == "planned"
    assert row.select_one(SCORE).get_text() == "15"
    assert row.select_one(NOTES).em.get_text() == "webmaster"
    link = row.select_one(".journey-backlog__link a")
    assert link["href"] == "https://jira.example.com/browse/WEB-42" and link["rel"] == ["noopener"]
    facts = {dl.dt.get_text(strip=True): dl.dd.get_text(" ", strip=True)
             for dl in row.select(FACTS)}
    assert facts["Owner"] == "Web team"
    assert facts["Stakeholders"] == "HR, Design"
    assert facts["Due"] == "Q1 2027"
    assert facts["KPI"] == "Conversion"
    assert facts["Work item"] == "https://jira.example.com/browse/WEB-42"
    target = row.select_one(".journey-backlog__addresses ul > li > a")
    assert target["href"] == "#tp-orientation--website" and target.get_text() == "Orientation › Website"


def test_a_card_carries_only_the_classes_that_say_something(render: Render) -> None:
    # Its status (and --closed) on the li, what each fact is, the status chip and the words for
    # screen readers; every other part is selected by its place in the card.
    soup = render()
    card = soup.find(id="improvement-filters")
    assert card["class"] == ["journey-backlog__item--planned"]
    assert "journey-backlog__item--closed" in soup.find(id="improvement-done-item")["class"]
    classes = sorted({c for tag in card.find_all(True) for c in tag.get("class", [])})
    assert classes == ["journey-backlog__addresses", "journey-backlog__due", "journey-backlog__kpi",
                       "journey-backlog__link", "journey-backlog__owner", "journey-backlog__teams", "journey-icon",
                       "journey-icon--link", "journey-status--planned"]
    # The words for screen readers are the first span of the badges and of the score.
    assert card.select_one(":scope > div > div:first-of-type > span:last-child > span:first-child").get_text() == "Status: "
    assert card.select_one(":scope > div > div:last-child > span:first-child").get_text() == "Priority: "
    assert [dt.get_text() for dt in card.select(":scope > dl > div > dt")] == [
        "Owner", "Stakeholders", "Due", "KPI", "Work item", "Addresses"]
    # The title and its badges are apart by a space, as the reader sees it.
    heading = card.select_one(":scope > div > div:first-of-type")
    assert heading.get_text() == "\nFilters on country and price\n\nStatus: planned\n\n"
    assert card.select_one(SCORE)["title"] == "impact 5 × (6 − effort 3)"
    # The owner's, the due date's and the targets' icons are their terms' ::before (journey.css).
    assert {BEFORE[f".journey-backlog__{fact} > dt"] for fact in ("owner", "due", "addresses")} == {
        "person", "calendar", "arrow"}


def test_quick_wins_and_missing_scores(render: Render) -> None:
    soup = render()
    quick = [r["id"] for r in soup.select("ol.journey-backlog > li") if r.select_one(".journey-badge--quick-win")]
    assert quick == ["improvement-mails", "improvement-same-cell"]
    unscored = soup.find(id="improvement-unscored")
    assert unscored.select_one(SCORE).get_text() == "–"
    assert unscored.select_one(SCORE)["class"] == ["journey-backlog__score-value--none"]
    assert soup.find(id="improvement-mails").select_one(".journey-backlog__due dd").get_text() == "15 December 2026"
    assert unscored.select_one(".journey-backlog__owner dd").get_text() == "–"
    assert unscored.select_one(".journey-backlog__addresses dd").get_text(strip=True) == "–"
    assert "journey-backlog__item--closed" in soup.find(id="improvement-done-item")["class"]


def test_matrix_places_open_items_with_both_scores(render: Render) -> None:
    soup = render()
    dots = soup.select("svg.journey-matrix__chart a")
    assert [a["href"] for a in dots] == ["#improvement-mails", "#improvement-filters", "#improvement-same-cell"]
    assert all(soup.find(id=a["href"][1:]) for a in dots)
    assert dots[0].title.get_text() == "1. Departure mails (impact 4, effort 2)"
    unplaced = soup.select(".journey-matrix__unplaced a")
    assert [a["href"] for a in unplaced] == ["#improvement-unscored"]
    assert "#improvement-done-item" not in [a["href"] for a in dots]


def test_the_chart_carries_no_class_its_parts_inherit(render: Render) -> None:
    chart = render().select_one("svg.journey-matrix__chart")
    # Regions are named by their modifier alone; the grid's ten lines (and its frame) and the ticks
    # are groups of parts without classes, which take their look from the group.
    assert [r["class"] for r in chart.find_all("rect")] == [[f"journey-matrix__region--{name}"] for name in (
        "quick-wins", "big-bets", "fill-ins", "money-pit")]
    grid = chart.select_one(":scope > g.journey-matrix__grid")
    assert len(grid.find_all("path")) == 12 and not any(path.get("class") for path in grid.find_all("path"))
    assert chart.find("line") is None
    ticks = chart.select_one(":scope > g.journey-matrix__tick")
    assert [t.get_text() for t in ticks.find_all("text")] == [str(n) for n in (1, 1, 2, 2, 3, 3, 4, 4, 5, 5)]
    # A dot's name is its <title> alone (no aria-label repeating it); its number is centred by journey.css.
    dot = chart.select_one("a")
    assert [a.get("class") for a in chart.find_all("a")] == [["journey-matrix__dot--quick-win"], None, ["journey-matrix__dot--quick-win"]]
    assert "aria-label" not in dot.attrs and dot.title.get_text() == "1. Departure mails (impact 4, effort 2)"
    circle, number = dot.circle, dot.find("text")
    assert float(number["y"]) == float(circle["cy"]) + 5 and number["x"] == circle["cx"]
    assert set(number.attrs) == {"x", "y"}
    # A map page writes no newline between the chart's parts (an SVG draws none outside a <text>;
    # a fence keeps them for the site's search: tests/plugin/test_fences.py).
    assert "\n" not in str(chart)


def test_dots_in_one_cell_do_not_overlap(load: Callable[..., CollectedMap]) -> None:
    backlog = load().analysis.backlog
    crowd = [b for b in backlog if b.improvement.id == "mails"] * 7
    matrix = build_matrix(crowd)
    positions = [(float(d.x), float(d.y)) for d in matrix.dots]
    assert len(positions) == 7
    for i, (x1, y1) in enumerate(positions):
        for x2, y2 in positions[i + 1:]:
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= 2 * matrix.radius - 4
        cell_left = matrix.left + 1 * matrix.cell
        assert cell_left <= x1 <= cell_left + matrix.cell


def test_quadrant_labels(render: Render) -> None:
    english = [t.get_text() for t in render().select(".journey-matrix__quadrant text")]
    assert english == ["Quick wins", "Big bets", "Fill-ins", "Money pit"]
    dutch = [t.get_text() for t in render(language="nl").select(".journey-matrix__quadrant text")]
    assert dutch == ["Quick wins", "Grote projecten", "Opvullers", "Geldput"]


def test_map_without_improvements(render: Render) -> None:
    soup = render("title: T\nstages:\n  - name: A\n")
    assert soup.select_one(".journey-backlog__empty").get_text() == "No improvements yet."
    assert soup.select_one("svg.journey-matrix__chart") is None
    assert soup.select_one(".journey-matrix__empty") is not None
    assert isinstance(soup, BeautifulSoup)


def test_backlog_is_a_list_of_cards_not_a_wide_table(render: Render) -> None:
    # A table with eight columns wrapped word by word in Material's content column.
    soup = render()
    backlog = soup.select_one("ol.journey-backlog")
    assert backlog is not None and backlog.find("table") is None
    for card in backlog.find_all("li", recursive=False):
        facts = [dt.get_text(strip=True) for dt in card.select(":scope > dl dt")]
        assert facts[0] == "Owner" and "Due" in facts and facts[-1] == "Addresses"
        assert card.select_one(SCORES).get_text().startswith("Impact ")


def test_closed_items_are_marked_in_the_backlog_and_the_map(render: Render) -> None:
    soup = render()
    assert "journey-backlog__item--closed" not in soup.find(id="improvement-filters")["class"]
    chip = soup.select_one('tr.journey-lane--improvements li > a[href="#improvement-done-item"]').parent
    assert "journey-improvement-ref--closed" in chip["class"]
    assert chip.select_one(".journey-status--done").get_text() == "done"
