"""The map's hottest repeated rows, written in Python: a list lane's cells.

A list lane (pains, gains, opportunities, evidence) is a row of up to hundreds of
cells of a few list items each; as a Jinja loop each item costs a dozen template
calls and escapes. This writes the same markup as the loop it replaced
(``lanes.html``'s ``_list_row``), byte for byte.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from .page import Column

_EMPTY_STAGE = '<td class="journey-cell--stage-start journey-cell--empty-stage"></td>\n'


def list_row(columns: Sequence[Column], field: str, md: Callable[[str], Markup]) -> Markup:
    """A list lane's row of cells: the touchpoint's ``field`` items, each rendered by ``md`` (inline Markdown)."""
    out: list[str] = []
    opening = f'<ul class="journey-list journey-list--{escape(field)}">\n'
    for column in columns:
        touchpoint = column.touchpoint
        if touchpoint is None:
            out.append(_EMPTY_STAGE)
            continue
        out.append('<td class="journey-cell--stage-start">\n' if column.first_of_stage else "<td>\n")
        items = getattr(touchpoint, field)
        if items:
            out.append(opening)
            out.extend(f"<li>{md(item)}</li>\n" for item in items)
            out.append("</ul>\n")
        out.append("</td>\n")
    return Markup("".join(out).removesuffix("\n"))
