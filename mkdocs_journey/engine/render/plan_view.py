"""The plan as the templates show it: columns with a heading and entries that link to backlog cards.

The map page and the overview plan different rows (a map's backlog rows, the rows
across maps); both become these plain entries, so one template (``plan.html``)
lays out either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Sequence, TypeVar

from markupsafe import Markup

from ..analyse import BacklogItem
from ..i18n import Translator
from ..plan import ColumnKind, PlanColumn
from .escaping import escape_text
from .icons import icon

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


def plan_html(columns: Sequence[PlanColumnView], translate: Translator) -> Markup:
    """The plan's columns as ``plan.html`` lists them (it keeps the heading and the empty note).

    Written here rather than as a template loop: the overview's plan holds every open
    improvement of the site, each entry a dozen template calls.
    """
    statuses: dict[str, str] = {}
    quick_win = f' · <span class="journey-plan__quick-win">{escape_text(translate("backlog.quick-win"))}</span>'
    out = ['<ol class="journey-plan">\n']
    add = out.append
    for column in columns:
        overdue = column.kind == "overdue"
        # A column's class is its kind (the list implies a column); its title is its h3 (the count
        # the h3's last span), its entries its ul, each entry's line under the link its span.
        add(f'<li class="journey-plan__column--{escape_text(column.kind)}" data-plan="{escape_text(column.key)}">\n'
            f'<h3>{icon("warning") if overdue else ""}{escape_text(column.title)} '
            f'<span>{len(column.entries)}</span></h3>\n'
            '<ul>\n')
        for entry in column.entries:
            if entry.status not in statuses:
                statuses[entry.status] = escape_text(translate(f"status.{entry.status}"))
            map_title = f"{escape_text(entry.map_title)} · " if entry.map_title else ""
            due = ""
            if entry.due:
                words = translate.due(entry.due)
                due = (f' · <span class="journey-plan__late">{escape_text(translate("plan.was-due", due=words))}</span>'
                       if overdue else f" · {escape_text(words)}")
            add(f'<li><a href="{escape_text(entry.href)}">{escape_text(entry.title)}</a>\n'
                f'<span>{map_title}<span class="journey-status--{escape_text(entry.status)}">'
                f'{statuses[entry.status]}</span>{due}{quick_win if entry.quick_win else ""}</span></li>\n')
        add("</ul>\n</li>\n")
    add("</ol>")
    return Markup("".join(out))
