"""The plan: every form of ``due`` in its column, overdue items first, quick wins now, the rest later."""

from __future__ import annotations

from datetime import date
from typing import Callable

import pytest

from mkdocs_journey.engine.analyse import BacklogItem, analyse
from mkdocs_journey.engine.due import due_end, granularity, period
from mkdocs_journey.engine.i18n import Translator
from mkdocs_journey.engine.plan import plan
from mkdocs_journey.engine.render.plan_view import column_title
from mkdocs_journey.engine.settings import BuildSettings

TODAY = date(2027, 1, 10)
HEAD = "title: T\nstages:\n  - name: S\n    touchpoints: [{name: A, emotion: 3}]\nimprovements:\n"


def backlog(load: Callable[..., object], items: list[str]) -> list[BacklogItem]:
    text = HEAD + "".join(f"  - {{id: i{n}, title: Item {n}, {fields}}}\n" for n, fields in enumerate(items))
    loaded = load(text)
    assert loaded.ok, loaded.errors
    return analyse(loaded, BuildSettings(today=TODAY)).backlog


def columns(items: list[BacklogItem]) -> list[tuple[str, list[str]]]:
    return [(column.key, [item.improvement.id for item in column.items])
            for column in plan(items, lambda item: item, TODAY)]


@pytest.mark.parametrize(("due", "end"), [
    (date(2026, 12, 15), date(2026, 12, 15)),
    ("2027-Q1", date(2027, 3, 31)),
    ("2024-Q1", date(2024, 3, 31)),
    ("2027-02", date(2027, 2, 28)),
    ("2028-02", date(2028, 2, 29)),  # a leap year
    ("2027-12", date(2027, 12, 31)),
])
def test_a_due_value_ends_on_its_last_day(due: date | str, end: date) -> None:
    assert due_end(due) == end


def test_months_when_every_due_is_a_date_or_a_month_quarters_as_soon_as_one_is_a_quarter() -> None:
    assert granularity([date(2027, 3, 2), "2027-05"]) == "month"
    assert granularity([date(2027, 3, 2), "2027-Q2"]) == "quarter"
    assert period(date(2027, 3, 2), "month").key == "2027-03"
    assert period(date(2027, 3, 2), "quarter").key == "2027-Q1"
    assert period("2027-05", "quarter").key == "2027-Q2"
    assert period("2027-Q2", "month").key == "2027-Q2"  # a quarter fits in no month


def test_every_due_form_places_by_month(load) -> None:
    items = backlog(load, ["due: 2027-03, status: planned", "due: 2026-12-15", "due: 2027-01-31",
                           "due: 2027-03-01", "due: 2027-02"])
    assert columns(items) == [("overdue", ["i1"]), ("2027-01", ["i2"]), ("2027-02", ["i4"]),
                              ("2027-03", ["i0", "i3"])]


def test_a_quarter_turns_every_column_into_quarters(load) -> None:
    items = backlog(load, ["due: 2027-Q1", "due: 2026-12-15", "due: 2027-03", "due: 2027-04-30", "due: 2026-Q4"])
    # 2026-Q4 ends on 31 December 2026, before today: overdue like the date in December.
    assert columns(items) == [("overdue", ["i1", "i4"]), ("2027-Q1", ["i0", "i2"]), ("2027-Q2", ["i3"])]


def test_overdue_first_then_quick_wins_now_then_periods_then_later(load) -> None:
    items = backlog(load, [
        "impact: 4, effort: 1",                       # a quick win without a date: now
        "impact: 2, effort: 4",                       # no date, no quick win: later
        "due: 2027-Q3, impact: 4, effort: 2",         # a dated quick win goes by its date
        "due: 2026-06-01, status: doing",             # overdue
        "due: 2026-01-01, status: done",              # done: left out
        "due: 2026-01-01, status: dropped",           # dropped: left out
        "status: planned",                            # later
    ])
    assert columns(items) == [("overdue", ["i3"]), ("now", ["i0"]), ("2027-Q3", ["i2"]), ("later", ["i6", "i1"])]


def test_the_day_a_due_value_ends_is_not_overdue(load) -> None:
    items = backlog(load, ["due: 2027-01-10", "due: 2027-01-09"])
    assert columns(items) == [("overdue", ["i1"]), ("2027-01", ["i0"])]


def test_columns_keep_the_backlog_order(load) -> None:
    items = backlog(load, ["due: 2027-05-02, impact: 1, effort: 5", "due: 2027-05-20, status: doing",
                           "due: 2027-05-01, impact: 5, effort: 1"])
    assert columns(items) == [("2027-05", ["i1", "i2", "i0"])]


def test_no_open_items_no_columns(load) -> None:
    assert columns(backlog(load, ["status: done", "status: dropped"])) == []


def test_month_columns_are_named_in_the_readers_language(load: Callable[..., object]) -> None:
    columns_ = plan(backlog(load, ["due: 2027-03"]), lambda item: item, TODAY)
    assert column_title(columns_[0], Translator("en")) == "March 2027"
    assert column_title(columns_[0], Translator("nl")) == "maart 2027"
    quarter = plan(backlog(load, ["due: 2027-Q2"]), lambda item: item, TODAY)
    assert column_title(quarter[0], Translator("nl")) == "Q2 2027"
