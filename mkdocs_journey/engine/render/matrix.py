"""Geometry of the impact/effort matrix: a 5×5 grid drawn as inline SVG.

Effort runs left to right (low to high), impact bottom to top. Open improvements
with both scores become numbered dots that link to their backlog row; dots that
share a cell are spread on a small grid around the cell's centre so none hides
another. The SVG keeps its pixel size (it scrolls on narrow screens instead of
shrinking), so its text never renders below 12px.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from markupsafe import Markup

from ..analyse import BacklogItem, improvement_anchor
from .emotion_curve import number
from .escaping import escape_text

if TYPE_CHECKING:
    from ..i18n import Translator

CELL = 80
LEFT, TOP, RIGHT, BOTTOM = 64, 16, 16, 64
SIZE = 5 * CELL
WIDTH = LEFT + SIZE + RIGHT
HEIGHT = TOP + SIZE + BOTTOM
DOT_RADIUS = 12
_SPACING = 26


@dataclass(frozen=True)
class Entry:
    """An open improvement the matrix names: its rank in the backlog and the link to its row."""

    item: BacklogItem
    rank: int

    @property
    def anchor(self) -> str:
        """The id of the improvement's backlog row (without a fence's prefix)."""
        return improvement_anchor(self.item.improvement.id)

    @property
    def href(self) -> str:
        return "#" + self.anchor


@dataclass(frozen=True)
class Dot(Entry):
    """An improvement with both scores, drawn at ``(x, y)`` in the chart."""

    x: str
    y: str


@dataclass(frozen=True)
class Region:
    """A quadrant: its label key, box and where the label sits."""

    name: str
    x: int
    y: int
    width: int
    height: int
    label_x: int
    label_y: int
    anchor: str


@dataclass(frozen=True)
class Matrix:
    dots: list[Dot]
    unplaced: list[Entry]
    """Open improvements without both impact and effort: listed beside the chart."""
    regions: list[Region]
    width: int = WIDTH
    height: int = HEIGHT
    cell: int = CELL
    left: int = LEFT
    top: int = TOP
    size: int = SIZE
    radius: int = DOT_RADIUS

    @property
    def ticks(self) -> list[tuple[int, int, int]]:
        """(score, x of the effort tick, y of the impact tick) for 1..5."""
        return [(s, LEFT + (s - 1) * CELL + CELL // 2, TOP + (5 - s) * CELL + CELL // 2) for s in range(1, 6)]


def _regions() -> list[Region]:
    # The quick-win box is exactly the rule: impact ≥ 3 and effort ≤ 2.
    low_effort, high_effort = 2 * CELL, 3 * CELL
    high_impact, low_impact = 3 * CELL, 2 * CELL
    x_mid, y_mid = LEFT + low_effort, TOP + high_impact
    return [
        Region("quick-wins", LEFT, TOP, low_effort, high_impact, LEFT + 6, TOP + 18, "start"),
        Region("big-bets", x_mid, TOP, high_effort, high_impact, LEFT + SIZE - 6, TOP + 18, "end"),
        Region("fill-ins", LEFT, y_mid, low_effort, low_impact, LEFT + 6, TOP + SIZE - 8, "start"),
        Region("money-pit", x_mid, y_mid, high_effort, low_impact, LEFT + SIZE - 6, TOP + SIZE - 8, "end"),
    ]


def _offsets(count: int) -> list[tuple[float, float]]:
    """Positions around a cell's centre for ``count`` dots, row by row."""
    columns = math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    spacing = min(_SPACING, (CELL - 2 * DOT_RADIUS + 4) / max(columns - 1, 1), (CELL - 2 * DOT_RADIUS + 4) / max(rows - 1, 1))
    offsets = []
    for index in range(count):
        row, column = divmod(index, columns)
        in_row = min(columns, count - row * columns)
        offsets.append(((column - (in_row - 1) / 2) * spacing, (row - (rows - 1) / 2) * spacing))
    return offsets


def build_matrix(backlog: Sequence[BacklogItem], *, ranks: Sequence[int] | None = None) -> Matrix:
    """Place the open improvements; ``rank`` is the 1-based position in the backlog.

    ``ranks`` gives each item its rank when ``backlog`` is part of a map's backlog (a
    fence showing some stages), so a dot carries the number the item has on the map page.
    """
    cells: dict[tuple[int, int], list[tuple[int, BacklogItem]]] = {}
    unplaced: list[Entry] = []
    for rank, item in zip(ranks if ranks is not None else range(1, len(backlog) + 1), backlog):
        if not item.is_open:
            continue
        impact, effort = item.improvement.impact, item.improvement.effort
        if impact is None or effort is None:
            unplaced.append(Entry(item, rank))
        else:
            cells.setdefault((effort, impact), []).append((rank, item))
    dots = []
    for (effort, impact), members in sorted(cells.items()):
        centre_x = LEFT + (effort - 1) * CELL + CELL / 2
        centre_y = TOP + (5 - impact) * CELL + CELL / 2
        for (rank, item), (dx, dy) in zip(members, _offsets(len(members))):
            dots.append(Dot(item, rank, number(centre_x + dx), number(centre_y + dy)))
    dots.sort(key=lambda d: d.rank)
    return Matrix(dots=dots, unplaced=unplaced, regions=_regions())


def matrix_html(matrix: Matrix, translate: Translator, prefix: str = "", spaced: bool = False) -> Markup:
    """The matrix's markup below its heading (``matrix.html`` calls it): the chart, when any
    improvement has both scores, and beside it the legend and the improvements not placed.

    Written here rather than as a template: the chart's frame alone is some fifty
    values, each a template call. Ids and links start with a fence's ``prefix``.

    Between the chart's parts (outside any ``<text>``, where an SVG draws no whitespace) a map page
    writes no newline; a fence (``spaced``: a Markdown page, whose HTML the site's search reads)
    keeps one, which holds the chart's words apart for the search.
    """
    p = escape_text(prefix)
    nl = "\n" if spaced else ""
    out = ['<div class="journey-matrix">\n']
    add = out.append
    if matrix.dots:
        m = matrix
        add('<div class="journey-matrix__scroll">\n'
            f'<svg class="journey-matrix__chart" viewBox="0 0 {m.width} {m.height}" width="{m.width}" '
            f'height="{m.height}" role="group" aria-labelledby="{p}journey-matrix-title">{nl}'
            f'<title id="{p}journey-matrix-title">{escape_text(translate("matrix.title"))}</title>{nl}')
        # A region's class is its name (the chart implies a region); the grid's lines and the ticks are
        # groups whose class their parts inherit (stroke; fill and font), each line drawn on its own.
        out.extend(f'<rect class="journey-matrix__region--{r.name}" x="{r.x}" y="{r.y}" '
                   f'width="{r.width}" height="{r.height}"/>{nl}' for r in m.regions)
        bottom, right = m.top + m.size, m.left + m.size
        add(f'<g class="journey-matrix__grid">{nl}')
        for i in range(6):
            x, y = m.left + i * m.cell, m.top + i * m.cell
            add(f'<path d="M{x} {m.top}V{bottom}"/>{nl}<path d="M{m.left} {y}H{right}"/>{nl}')
        add(f'</g>{nl}')
        add(f'<g class="journey-matrix__quadrant">{nl}')
        out.extend(f'<text x="{r.label_x}" y="{r.label_y}" text-anchor="{r.anchor}">{escape_text(translate(f"matrix.{r.name}"))}</text>{nl}'
                   for r in m.regions)
        add(f'</g>{nl}')
        add(f'<g class="journey-matrix__tick">{nl}')
        for score, x, y in m.ticks:
            add(f'<text x="{x}" y="{bottom + 20}" text-anchor="middle">{score}</text>{nl}'
                f'<text x="{m.left - 10}" y="{y + 5}" text-anchor="end">{score}</text>{nl}')
        add(f'</g>{nl}')
        low, high = escape_text(translate("matrix.low")), escape_text(translate("matrix.high"))
        add(f'<text class="journey-matrix__axis" x="{m.left + m.size // 2}" y="{bottom + 48}" text-anchor="middle">'
            f'{escape_text(translate("matrix.effort"))} ({low} → {high})</text>{nl}'
            f'<text class="journey-matrix__axis" transform="translate(20 {m.top + m.size // 2}) rotate(-90)" '
            f'text-anchor="middle">{escape_text(translate("matrix.impact"))} ({low} → {high})</text>{nl}')
        for dot in m.dots:
            item = dot.item.improvement
            words = escape_text(translate("matrix.dot", rank=dot.rank, title=item.title, impact=item.impact,
                                     effort=item.effort))
            quick_win = ' class="journey-matrix__dot--quick-win"' if dot.item.quick_win else ""
            # A dot is the chart's link (a quick win's class says so); its name is its <title> (also its
            # tooltip); its number sits 5 below the centre, centred by journey.css.
            add(f'<a{quick_win} href="#{p}{escape_text(dot.anchor)}">{nl}'
                f'<title>{words}</title>{nl}'
                f'<circle cx="{escape_text(dot.x)}" cy="{escape_text(dot.y)}" r="{m.radius}"/>{nl}'
                f'<text x="{escape_text(dot.x)}" y="{number(float(dot.y) + 5)}">{dot.rank}</text>{nl}'
                f'</a>{nl}')
        add("</svg>\n</div>\n")
    add('<div class="journey-matrix__side">\n')
    if matrix.dots:
        add('<ul class="journey-matrix__legend">\n')
        out.extend(f'<li><a href="#{p}{escape_text(dot.anchor)}"><span>{dot.rank}</span> '
                   f'{escape_text(dot.item.improvement.title)}</a></li>\n' for dot in matrix.dots)
        add("</ul>\n")
    else:
        add(f'<p class="journey-matrix__empty">{escape_text(translate("matrix.empty"))}</p>\n')
    if matrix.unplaced:
        add(f'<p class="journey-matrix__unplaced-label">{escape_text(translate("matrix.not-placed"))}</p>\n'
            '<ul class="journey-matrix__unplaced">\n')
        out.extend(f'<li><a href="#{p}{escape_text(entry.anchor)}">{entry.rank}. {escape_text(entry.item.improvement.title)}</a></li>\n'
                   for entry in matrix.unplaced)
        add("</ul>\n")
    add("</div>\n</div>")
    return Markup("".join(out))
