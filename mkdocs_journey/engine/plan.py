"""The plan: what happens when. Open improvements in columns by their ``due``.

The method ends with a plan for the short and the long term. The plan is the
backlog's open items (idea, planned, doing) laid out in time, in this order:

1. *overdue*: the last day their ``due`` allows lies before today (the same test as
   the ``overdue`` health note, so the page, ``check`` and the export agree);
2. *now*: quick wins without a date (cheap and worth it: do them first);
3. one column per month, or per quarter as soon as one item is due in a quarter (a
   quarter fits in no month), earliest first; only months and quarters with items;
4. *later*: the other items without a date.

Done and dropped items are left out: the plan is about what is still to happen.
Within a column the items keep the order they come in (the backlog order), so the
map page and the overview (across maps) order them as their backlogs do. The plan is
generic over the item type: a map page plans its backlog rows, the overview its rows
across maps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Generic, Literal, Sequence, TypeVar

from .analyse import BacklogItem
from .due import Period, granularity, is_overdue, period

T = TypeVar("T")

ColumnKind = Literal["overdue", "now", "period", "later"]


@dataclass(frozen=True)
class PlanColumn(Generic[T]):
    kind: ColumnKind
    items: tuple[T, ...]
    period: Period | None = None
    """The month or quarter of a ``period`` column."""

    @property
    def key(self) -> str:
        """``overdue``, ``now``, ``later``, or the period's key (``2027-03``, ``2027-Q1``)."""
        return self.period.key if self.period is not None else self.kind


def plan(items: Sequence[T], item_of: Callable[[T], BacklogItem], today: date) -> list[PlanColumn[T]]:
    """The plan's columns (see the module docstring), only those with items."""
    overdue: list[T] = []
    now: list[T] = []
    later: list[T] = []
    dated: list[T] = []
    for entry in items:
        item = item_of(entry)
        if not item.is_open:
            continue
        due = item.improvement.due
        if due is None:
            (now if item.quick_win else later).append(entry)
        elif is_overdue(due, today):
            overdue.append(entry)
        else:
            dated.append(entry)
    kind = granularity([_due(item_of(entry)) for entry in dated])
    periods: dict[Period, list[T]] = {}
    for entry in dated:
        periods.setdefault(period(_due(item_of(entry)), kind), []).append(entry)
    columns: list[PlanColumn[T]] = []
    if overdue:
        columns.append(PlanColumn("overdue", tuple(overdue)))
    if now:
        columns.append(PlanColumn("now", tuple(now)))
    columns.extend(PlanColumn("period", tuple(periods[p]), p) for p in sorted(periods))
    if later:
        columns.append(PlanColumn("later", tuple(later)))
    return columns


def _due(item: BacklogItem) -> date | str:
    due = item.improvement.due
    assert due is not None
    return due
