"""A diff in words: every kind of change becomes a line a reviewer reads, in English and Dutch."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from mkdocs_journey.engine.describe import Description, describe
from mkdocs_journey.engine.diff import ChangeKind, diff
from mkdocs_journey.engine.i18n import Translator

from ..render.conftest import collect
from .test_diff import BASE, edit

NEW = edit(
    BASE,
    ("title: Booking a trip", "title: Booking a holiday"),
    ("status: validated", "status: draft"),
    ("reviewed: 2026-10-14", "reviewed: 2026-10-20"),
    ("  role: Traveller", "  role: Frequent traveller"),
    ("        emotion: 4\n", "        emotion: 1\n"),
    ("        met: partly", "        met: yes"),
    ("pains: [Too many offers]", "pains: [Too many offers, Slow pages]"),
    ("senses: [see]", "senses: [see, hear]"),
    ("{name: Click rate, target: 5%, actual: 3.2%}", "{name: Click rate, target: 5%, actual: 6%}"),
    ("      - name: Website\n        id: website\n", "      - name: Web site\n        id: website\n"),
    ("      - name: Payment\n        id: pay\n        emotion: 1\n", ""),
    ("    title: Filters\n", "    title: Search filters\n"),
    ("    status: planned\n", "    status: done\n"),
    ("    due: 2027-Q1\n", "    due: 2027-03-31\n"),
)


@pytest.fixture
def described(docs_dir: Path, write_file: Callable[..., Path]) -> Callable[[str], Description]:
    def run(language: str) -> Description:
        old = collect(docs_dir, write_file("old.journey.yml", BASE))
        new = collect(docs_dir, write_file("new.journey.yml", NEW))
        assert old.ok and new.ok
        return describe(old, new, diff(old, new), Translator(language))

    return run


def rows(description: Description) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(line.what, line.before, line.after, line.tone) for line in description.lines()]


def test_every_change_in_english(described: Callable[[str], Description]) -> None:
    result = described("en")
    assert [s.title for s in result.sections] == [
        "Journey", "Stage “Orientation”", "Stage “Booking”", "Improvement backlog", "Map health"]
    lines = rows(result)
    for expected in [
        ("Title", "Booking a trip", "Booking a holiday", None),
        ("Map status", "validated", "draft", None),
        ("Reviewed with customers", "14 October 2026", "20 October 2026", None),
        ("Role", "Traveller", "Frequent traveller", None),
        ("Emotion", "4 positive", "1 very negative", "worse"),
        ("Needs met", "partly", "yes", None),
        ("Pain points", None, "“Slow pages”", "worse"),
        ("Senses", None, "“hear”", None),
        ("KPI “Click rate”: actual", "3.2%", "6%", None),
        ("KPI “Click rate”", "off target", "on target", "better"),
        ("Name", "Website", "Web site", None),
        ("Touchpoint", "Payment", None, None),
        ("Title", "Filters", "Search filters", None),
        ("Status", "planned", "done", None),
        ("Due", "Q1 2027", "31 March 2027", None),
    ]:
        assert expected in lines, expected
    assert any(what == "Draft" and before is None and tone == "worse" for what, before, _, tone in lines)
    assert result.summary.startswith("0 touchpoints better, 1 worse, 2 unchanged · average emotion 2.5 → 2.0")


def test_every_change_in_dutch(described: Callable[[str], Description]) -> None:
    lines = rows(described("nl"))
    for expected in [
        ("Titel", "Booking a trip", "Booking a holiday", None),
        ("Status van de kaart", "gevalideerd", "concept", None),
        ("Getoetst bij klanten", "14 oktober 2026", "20 oktober 2026", None),
        ("Emotie", "4 positief", "1 zeer negatief", "worse"),
        ("Behoeften vervuld", "deels", "ja", None),
        ("KPI “Click rate”", "niet op koers", "op koers", "better"),
        ("Status", "gepland", "klaar", None),
    ]:
        assert expected in lines, expected


def test_groups_link_to_the_new_page(described: Callable[[str], Description]) -> None:
    groups = {(g.kind, g.name): g for s in described("en").sections for g in s.groups}
    assert groups[("touchpoint", "Google search")].anchor == "tp-orientation--google"
    assert groups[("touchpoint", "Payment")].anchor is None  # gone from the page
    assert groups[("touchpoint", "Payment")].status == "removed"
    assert groups[("improvement", "Search filters")].anchor == "improvement-filters"


def test_each_kind_has_words(described: Callable[[str], Description]) -> None:
    kinds = {line.change.kind for line in described("en").lines()}
    assert {ChangeKind.FIELD, ChangeKind.ITEMS, ChangeKind.EMOTION, ChangeKind.REMOVED, ChangeKind.RENAMED,
            ChangeKind.DERIVED, ChangeKind.HEALTH_APPEARED} <= kinds
    assert all(line.what for line in described("en").lines())


def test_moves_orders_additions_and_quick_wins(docs_dir: Path, write_file: Callable[..., Path]) -> None:
    new = edit(BASE,
               # The website moves to the booking stage, a stage is added, the stages swap.
               ("      - name: Website\n        id: website\n        emotion: 2\n        pains: [No filters]\n", ""),
               ("    touchpoints:\n      - name: Book online",
                "    touchpoints:\n      - name: Website\n        id: website\n        emotion: 2\n"
                "        pains: [No filters]\n      - name: Book online"),
               ("    effort: 3\n", "    effort: 1\n"), ("addresses: [orientation/website]", "addresses: [website]"))
    new = new.replace("stages:\n", "stages:\n  - name: After\n    id: after\n", 1)
    old = collect(docs_dir, write_file("old.journey.yml", BASE))
    after = collect(docs_dir, write_file("new.journey.yml", new))
    lines = rows(describe(old, after, diff(old, after), Translator("en")))
    assert ("Stage (moved)", "Orientation", "Booking", None) in lines
    assert ("Stage", None, "After", None) in lines
    assert ("Quick win", "no", "yes", "better") in lines
