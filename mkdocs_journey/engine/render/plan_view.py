"""The plan as the templates show it: columns with a heading and entries that link to backlog cards.

The map page and the overview plan different rows (a map's backlog rows, the rows
across maps); both become these plain entries, so one template (``plan.html``)
lays out either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Sequence, TypeVar

from ..analyse import BacklogItem
from ..i18n import Translator
from ..plan import ColumnKind, PlanColumn

T = TypeVar("T")


@dataclass(frozen=True)
class PlanEntry:
    title: str
    href: str
    """The item's card in the backlog on the same page."""
    status: str
    due: date | str | None
    quick_win: bool
    map_title: str | None = None
    """On the overview: the map the item belongs to."""


@dataclass(frozen=True)
class PlanColumnView:
    key: str
    kind: ColumnKind
    title: str
    entries: tuple[PlanEntry, ...]


def column_title(column: PlanColumn[T], translate: Translator) -> str:
    """``Overdue``, ``Now``, ``Later``, ``March 2027`` or ``Q1 2027``."""
    if column.period is None:
        return translate(f"plan.{column.kind}")
    if column.period.kind == "month":
        return translate.month(column.period.start)
    return translate.due(column.period.key)


def plan_view(columns: Sequence[PlanColumn[T]], entry: Callable[[T], PlanEntry],
              translate: Translator) -> list[PlanColumnView]:
    return [PlanColumnView(column.key, column.kind, column_title(column, translate),
                           tuple(entry(item) for item in column.items)) for column in columns]


def plan_entry(item: BacklogItem, href: str, map_title: str | None = None) -> PlanEntry:
    improvement = item.improvement
    return PlanEntry(improvement.title, href, improvement.status, improvement.due, item.quick_win, map_title)
