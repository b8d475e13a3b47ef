"""The map's most repeated rows, written in Python: every lane's but the touchpoints' and the images'.

A lane is a row of up to hundreds of cells; as a Jinja loop each cell costs a dozen
template calls and escapes. These write the same markup as the loops they replaced
in ``lanes.html``, byte for byte (the lanes' tests and the benchmark's page hold
them to it). Every text a user wrote goes through ``md`` (inline Markdown, which
escapes raw HTML); every other value is escaped here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from markupsafe import Markup

from .escaping import escape_text
from .icons import icon
from .emotion_curve import curve_piece
from .smileys import smiley_use

if TYPE_CHECKING:
    from ..model import Touchpoint
    from .page import Column, JourneyView

_EMPTY_STAGE = '<td class="journey-cell--stage-start journey-cell--empty-stage"></td>'


def rating(value: str, label: str) -> str:
    """A ``met`` or ``on_brand`` rating: its words; the stylesheet draws its icon (``journey-rating--yes::before``)."""
    return f'<span class="journey-rating--{escape_text(value)}">{escape_text(label)}</span>'


SPACED = "\n"
"""The whitespace between and inside a map's cells in a map a Markdown page holds (a fence): the site's
search indexes that page's HTML, and reads a cell's texts as words of their own only with whitespace
between them. A map page's search reads the plugin's search text instead: its cells go without
(``""``, the default), which a table drops anyway, and the page is lighter."""


def _row(columns: Sequence[Column], cell: Callable[[Column, Touchpoint], str], nl: str = "") -> Markup:
    """A lane's row: ``cell``'s content in each touchpoint's cell, an empty cell where a stage has none.

    The cell of a stage's first touchpoint carries the class that draws the stage's border. ``nl`` is
    the whitespace between and inside the cells (see :data:`SPACED`).
    """
    out: list[str] = []
    for column in columns:
        touchpoint = column.touchpoint
        if touchpoint is None:
            out.append(_EMPTY_STAGE + nl)
        else:
            opening = '<td class="journey-cell--stage-start">' if column.first_of_stage else "<td>"
            out.append(f"{opening}{nl}{cell(column, touchpoint)}</td>{nl}")
    return Markup("".join(out))


def list_row(columns: Sequence[Column], field: str, md: Callable[[str], Markup], nl: str = "") -> Markup:
    """A list lane's row of cells: the touchpoint's ``field`` items, each rendered by ``md`` (inline Markdown).

    The list has no class: its row's (``journey-lane--pains``) says which lane it is.
    """
    def cell(column: Column, touchpoint: Touchpoint) -> str:
        items = getattr(touchpoint, field)
        return f"<ul>{nl}" + "".join(f"<li>{md(item)}</li>{nl}" for item in items) + f"</ul>{nl}" if items else ""
    return _row(columns, cell, nl)


def text_row(columns: Sequence[Column], field: str, md: Callable[[str], Markup], nl: str = "") -> Markup:
    """A text lane's row (action, thought): the touchpoint's ``field`` as a paragraph, classed by its row."""
    def cell(column: Column, touchpoint: Touchpoint) -> str:
        text = getattr(touchpoint, field)
        return f"<p>{md(text)}</p>" if text else ""
    return _row(columns, cell, nl)


def needs_row(columns: Sequence[Column], labels: dict[str, str], md: Callable[[str], Markup],
              nl: str = "") -> Markup:
    """The needs lane's row: the touchpoint's needs as a list, and whether they are met (``labels`` by value)."""
    ratings = {value: rating(value, labels[value]) for value in labels}

    def cell(column: Column, touchpoint: Touchpoint) -> str:
        out = []
        if touchpoint.needs:
            out.append(f"<ul>{nl}")
            out.extend(f"<li>{md(item)}</li>{nl}" for item in touchpoint.needs)
            out.append("</ul>")
        if touchpoint.met:
            out.append(ratings[touchpoint.met])
        return "".join(out)
    return _row(columns, cell, nl)


def emotion_row(columns: Sequence[Column], translate: Callable[..., str], view: JourneyView, nl: str = "") -> Markup:
    """The emotion lane's row: per touchpoint its slice of the curve (and the compared map's), its smiley
    (each a ``<use>`` of the view's sprite) and score, labelled for screen readers, then its feeling.

    The slice is a symbol of the sprite (``view.curve_pieces``): a map has few distinct ones, and each
    cell would otherwise write its own. The cell's svg and the feeling (the unclassed paragraph) carry no
    class: the row (``journey-lane--emotion``) says what they are. Their sizes, overflow, the guides and
    the stroke's scaling are set in ``journey.css`` (the svg's height too: every cell is ``HEIGHT`` tall).
    """
    moment = ", " + translate("touchpoint.moment-of-truth")
    none_label = escape_text(translate("emotion.none"))
    scores: dict[int, str] = {}
    pieces = view.curve_pieces

    def cell(column: Column, touchpoint: Touchpoint) -> str:
        out = []
        point, ghost, mark = column.emotion, column.ghost, column.mark
        assert point is not None
        if point.score is not None or (ghost is not None and ghost.path):
            if point.score is not None:
                if point.score not in scores:
                    scores[point.score] = translate("emotion.point", score=point.score,
                                                    label=translate(f"emotion.{point.score}"))
                label = escape_text(scores[point.score] + (moment if point.moment_of_truth else ""))
            else:
                label = none_label
            out.append(f'<svg role="img"><title>{label}</title>')
            piece = curve_piece(point, ghost)
            if piece is not None:
                out.append(f'<use href="#{pieces[piece]}"/>')
            if point.score is not None:
                out.append(f'<svg x="50%" y="{escape_text(point.y_text)}">{smiley_use(point, view)}'
                           f'<text y="{escape_text(point.score_y)}">{point.score}</text></svg>')
            out.append(f"</svg>{nl}")
        if point.score is None:
            out.append(f'<p class="journey-emotion__none">{none_label}</p>{nl}')
        if mark is not None and mark.emotion_changed:
            was = translate("compare.was", score=mark.was) if mark.was is not None else translate("compare.was-none")
            out.append(f'<p class="journey-emotion__was">{escape_text(was)}</p>{nl}')
        if touchpoint.feeling:
            out.append(f'<p>{escape_text(touchpoint.feeling)}</p>{nl}')
        return "".join(out)
    return _row(columns, cell, nl)


def improvements_row(columns: Sequence[Column], translate: Callable[..., str], nl: str = "") -> Markup:
    """The improvements lane's row: per touchpoint the improvements addressing it, ranked, with status and badge.

    A chip is an ``li`` with its status (and ``--closed``) as modifiers; its link holds the rank
    and the title, then a span holds the status and badges: classed by position (``journey.css``).
    """
    quick_win = f'<span class="journey-badge--quick-win">{icon("bolt")}{escape_text(translate("backlog.quick-win"))}</span>'

    def cell(column: Column, touchpoint: Touchpoint) -> str:
        if not column.improvements:
            return ""
        out = [f"<ul>{nl}"]
        for row in column.improvements:
            improvement = row.improvement
            status, title = escape_text(improvement.status), escape_text(improvement.title)
            closed = "" if row.item.is_open else " journey-improvement-ref--closed"
            badge = f" {quick_win}" if row.item.quick_win else ""
            out.append(
                f'<li class="journey-improvement-ref--{status}{closed}">'
                f'<a href="#{escape_text(row.anchor)}" title="#{row.rank} {title}"><span>#{row.rank}</span> <span>{title}</span></a>{nl}'
                f'<span><span class="journey-status--{status}">'
                f'{escape_text(translate(f"status.{improvement.status}"))}</span>{badge}</span></li>{nl}')
        out.append(f"</ul>{nl}")
        return "".join(out)
    return _row(columns, cell, nl)


def backstage_row(columns: Sequence[Column], translate: Callable[..., str], md: Callable[[str], Markup],
                  nl: str = "") -> Markup:
    """The backstage lane's row: team, systems and process, as a definition list (its row names it).

    Terms and definitions are the list's children, without a ``div`` around each pair: they run inline,
    and ``journey.css`` breaks the line before every term but the first (``dd + dt::before``), which
    draws each pair on a line of its own as the divs did, a few bytes per pair lighter."""
    team, systems, process = (escape_text(translate(f"backstage.{key}")) for key in ("team", "systems", "process"))

    def cell(column: Column, touchpoint: Touchpoint) -> str:
        b = touchpoint.backstage
        if not (b and (b.team or b.systems or b.process)):
            return ""
        out = [f"<dl>{nl}"]
        if b.team:
            out.append(f"<dt>{team}</dt><dd>{md(b.team)}</dd>")
        if b.systems:
            out.append(f"<dt>{systems}</dt><dd>{', '.join(escape_text(s) for s in b.systems)}</dd>")
        if b.process:
            out.append(f"<dt>{process}</dt><dd>{md(b.process)}</dd>")
        out.append(f"</dl>{nl}")
        return "".join(out)
    return _row(columns, cell, nl)


def kpis_row(columns: Sequence[Column], translate: Callable[..., str], nl: str = "") -> Markup:
    """The KPI lane's row: each KPI's name, target and actual, and its verdict when they compare.

    A KPI is an ``li`` with its verdict as modifier (``journey-kpi--on``, ``--off``, ``--unknown``) and
    unclassed spans: the name first, then the values, then (on or off) the verdict, last."""
    target, actual = escape_text(translate("kpi.target")), escape_text(translate("kpi.actual"))
    verdicts = {verdict: escape_text(translate(f"kpi.{verdict}")) for verdict in ("on", "off")}

    def cell(column: Column, touchpoint: Touchpoint) -> str:
        if not column.kpis:
            return ""
        out = [f"<ul>{nl}"]
        for view in column.kpis:
            kpi = view.kpi
            out.append(f'<li class="journey-kpi--{escape_text(view.verdict or "unknown")}">{nl}<span>{escape_text(kpi.name)}</span>{nl}')
            if kpi.target is not None or kpi.actual is not None:
                shown_target = escape_text(kpi.target) if kpi.target is not None else "–"
                shown_actual = escape_text(kpi.actual) if kpi.actual is not None else "–"
                out.append(f"<span>{target} {shown_target} · {actual} {shown_actual}</span>{nl}")
            if view.verdict:
                out.append(f"<span>{verdicts[view.verdict]}</span>{nl}")
            out.append(f"</li>{nl}")
        out.append(f"</ul>{nl}")
        return "".join(out)
    return _row(columns, cell, nl)
