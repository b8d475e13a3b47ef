"""What a ``due`` value means in time: the day it ends, and the month or quarter it falls in.

A due value is a date (``2026-12-15``), a month (``2027-03``) or a quarter
(``2027-Q1``). The plan places items by it and the ``overdue`` health note compares
it with today, so both read it here: a month or a quarter is due at its last day, so
``2027-Q1`` is overdue from 1 April 2027.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

_QUARTER = re.compile(r"([0-9]{4})-Q([1-4])")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")

Granularity = Literal["month", "quarter"]


@dataclass(frozen=True, order=True)
class Period:
    """A month or a quarter: a column of the plan. Ordered by start, then by end (months before their quarter)."""

    start: date
    end: date
    kind: Granularity

    @property
    def key(self) -> str:
        """``2027-03`` or ``2027-Q1``: a stable name for anchors and CSS classes."""
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start.year}-{self.start.month:02d}"


def _span(value: str) -> Period:
    """The month or quarter a text due value names."""
    quarter = _QUARTER.fullmatch(value)
    if quarter is not None:
        return quarter_of(int(quarter.group(1)), 3 * int(quarter.group(2)))
    month = _MONTH.fullmatch(value)
    if month is not None and 1 <= int(month.group(2)) <= 12:
        return month_of(int(month.group(1)), int(month.group(2)))
    raise ValueError(f"not a due date, month or quarter: {value!r}")


def quarter_of(year: int, month: int) -> Period:
    first = 3 * ((month - 1) // 3) + 1
    last = first + 2
    return Period(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]), "quarter")


def month_of(year: int, month: int) -> Period:
    return Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")


def due_end(due: date | str) -> date:
    """The last day a due value allows: the date itself, or the last day of its month or quarter."""
    return due if isinstance(due, date) else _span(due).end


def is_overdue(due: date | str | None, today: date) -> bool:
    """True when the last day ``due`` allows lies before ``today``."""
    return due is not None and due_end(due) < today


def granularity(dues: list[date | str]) -> Granularity:
    """Months when every value is a date or a month; quarters as soon as one is a quarter (it fits no month)."""
    return "month" if all(isinstance(due, date) or _QUARTER.fullmatch(due) is None for due in dues) else "quarter"


def period(due: date | str, kind: Granularity) -> Period:
    """The month or quarter a due value falls in at this granularity (a quarter is always its own)."""
    start = due if isinstance(due, date) else _span(due).start
    if kind == "month" and (isinstance(due, date) or _QUARTER.fullmatch(due) is None):
        return month_of(start.year, start.month)
    return quarter_of(start.year, start.month)
