"""``improvements.csv``: every improvement of every map, one row each, for spreadsheets.

Planning often happens in a spreadsheet; this file opens there with no import
steps. It is written with Python's ``csv`` module (RFC 4180 quoting: a value with a
comma, a quote or a line break is quoted, quotes doubled; rows end in CRLF) and
starts with a UTF-8 byte order mark, which is how Excel knows the file is UTF-8
(LibreOffice and Numbers read it either way, and ``csv`` readers opened with
``encoding="utf-8-sig"`` skip it). Rows follow the backlog across maps
(:func:`~.portfolio.portfolio_backlog`), so the file lists what the overview lists,
in its order; values are the ones ``journeys.json`` has. Lists are joined with ``; ``.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Sequence

from .portfolio import PortfolioMap, PortfolioItem, portfolio_backlog

HEADER = ("map", "url", "id", "title", "status", "owner", "teams", "due", "impact", "effort", "score", "quick_win",
          "addresses")
BOM = "\ufeff"
LIST_SEPARATOR = "; "


def improvements_csv(maps: Sequence[PortfolioMap]) -> str:
    """The file's text (with the byte order mark); ``url`` of each map is relative to the site root."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(_row(entry) for entry in portfolio_backlog(maps))
    return BOM + buffer.getvalue()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _row(entry: PortfolioItem) -> list[str]:
    item, improvement = entry.item, entry.item.improvement
    values: list[object] = [
        entry.map.title, entry.map.url, improvement.id, improvement.title, improvement.status, improvement.owner,
        LIST_SEPARATOR.join(improvement.teams), improvement.due, improvement.impact, improvement.effort, item.score,
        item.quick_win, LIST_SEPARATOR.join(f"{stage}/{touchpoint}" for stage, touchpoint in item.targets),
    ]
    return [_text(value) for value in values]
