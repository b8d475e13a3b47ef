"""The plan on a map page: after the backlog, each entry a link to its card; overdue items first and marked."""

from __future__ import annotations

from datetime import date

from .conftest import FULL_MAP, Render


def test_the_plan_follows_the_backlog_and_links_to_its_cards(render: Render) -> None:
    soup = render(today=date(2027, 1, 5))
    headings = [h["id"] for h in soup.find_all("h2")]
    assert headings.index("journey-plan") == headings.index("journey-backlog") + 1
    columns = soup.select("ol.journey-plan > li")
    # mails (15 December 2026) is overdue; filters is due in 2027-Q1; the same-cell item is a quick win
    # without a date (now); the unscored one has no date (later); the done one is left out.
    assert [c["data-plan"] for c in columns] == ["overdue", "now", "2027-Q1", "later"]
    assert [[a["href"] for a in c.select("a")] for c in columns] == [
        ["#improvement-mails"], ["#improvement-same-cell"], ["#improvement-filters"], ["#improvement-unscored"]]
    overdue = columns[0]
    assert "journey-plan__column--overdue" in overdue["class"]
    assert overdue.select_one(".journey-plan__late").get_text() == "was due 15 December 2026"
    assert overdue.h3.get_text(" ", strip=True) == "Overdue 1"
    ids = {tag["id"] for tag in soup.select("[id]")}
    assert all(a["href"][1:] in ids for a in soup.select("ol.journey-plan a"))


def test_the_overdue_item_is_a_health_note_on_the_page(render: Render) -> None:
    soup = render(today=date(2027, 1, 5))
    notes = soup.select("li.journey-health__note--overdue")
    assert [n.get_text(" ", strip=True) for n in notes] == [
        "Due date passed: improvement mails is open but its due date (15 December 2026) has passed"]
    assert notes[0].a["href"] == "#improvement-mails"


def test_no_open_improvements_no_plan(render: Render) -> None:
    text = FULL_MAP.split("improvements:")[0] + "improvements:\n  - {id: x, title: X, status: done}\n"
    soup = render(text)
    assert soup.find(id="journey-plan") is None


def test_dutch_plan(render: Render) -> None:
    soup = render(language="nl", today=date(2027, 1, 5))
    titles = [c.h3.get_text(" ", strip=True) for c in soup.select("ol.journey-plan > li")]
    assert titles == ["Te laat 1", "Nu 1", "Q1 2027 1", "Later 1"]


def test_a_column_carries_only_its_kind_and_its_parts_are_selected_by_place(render: Render) -> None:
    soup = render(today=date(2027, 1, 5))
    columns = soup.select("ol.journey-plan > li")
    assert [c["class"] for c in columns] == [["journey-plan__column--overdue"], ["journey-plan__column--now"],
                                             ["journey-plan__column--period"], ["journey-plan__column--later"]]
    overdue = columns[0]
    # The title's count is its last span (an overdue column's title starts with its icon).
    assert overdue.select_one(":scope > h3 > span:last-child").get_text() == "1"
    assert overdue.select_one(":scope > h3 > span:first-child")["class"] == ["journey-icon", "journey-icon--warning"]
    entry = overdue.select_one(":scope > ul > li")
    assert [child.name for child in entry.children if child.name] == ["a", "span"]
    assert entry.span.get_text(" ", strip=True) == "doing · was due 15 December 2026 · quick win"
    assert not any(tag.get("class") for tag in (overdue.h3, overdue.ul, entry, entry.a))
