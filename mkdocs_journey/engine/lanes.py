"""The lanes (rows) of a map, each declared once.

Everything that differs from lane to lane lives in its :class:`Lane` entry: when a
map has something to show in it, the words it adds to the search text and the
fields it publishes in ``journeys.json``. The renderer, the search text, the
export and the plugin's ``lanes`` option read :data:`LANES`, and the map template
calls the macro of the same name in ``templates/journey/lanes.html``, so adding a
lane is a model field, one entry here, one macro and its ``lane.<key>`` label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Literal

from markupsafe import Markup, escape

from .model import Kpi, Touchpoint

if TYPE_CHECKING:
    from .render.page import Column

InlineRenderer = Callable[[str], Markup]
"""Renders one free-text value as inline HTML (the page's Markdown, escaped HTML)."""

SearchText = Callable[[Touchpoint, InlineRenderer], list[str | Markup]]
"""The words a lane adds to a touchpoint's search text: plain strings are escaped, Markup is kept."""

SearchParagraph = Literal["text", "items", "backstage", "kpis"]
"""The paragraph of a touchpoint's search text a lane's words join (joined with `` · ``)."""


@dataclass(frozen=True)
class Lane:
    """One row of the map."""

    key: str
    """The name in the ``lanes`` option, the CSS class ``journey-lane--<key>`` and the
    name of the macro in ``templates/journey/lanes.html`` that draws the lane's row of cells."""
    has_content: Callable[[Touchpoint, Column], object]
    """Whether a touchpoint's cell in this lane shows something (the column holds what the
    renderer derived: image URL, improvements, KPI verdicts); a lane without content in
    any column is left out of the map."""
    search_paragraph: SearchParagraph | None = None
    """Which paragraph of a touchpoint's search text the lane's words join (None: it adds none)."""
    search_text: SearchText = lambda tp, md: []
    """The lane's words in the search text, whether or not the site shows the lane."""
    export: Callable[[Touchpoint], dict[str, Any]] = lambda tp: {}
    """The touchpoint's fields this lane publishes in ``journeys.json`` (JSON values)."""

    @property
    def label_key(self) -> str:
        """The translation key of the row's label (``translations/*.yml``)."""
        return f"lane.{self.key}"

    @property
    def macro(self) -> str:
        """The macro in ``templates/journey/lanes.html`` that draws this lane's cells (one call per row)."""
        return self.key


def _md(value: str | None, md: InlineRenderer) -> list[str | Markup]:
    return [md(value)] if value else []


def _plain(value: str | None) -> list[str | Markup]:
    return [value] if value else []


def _backstage_words(tp: Touchpoint, md: InlineRenderer) -> list[str | Markup]:
    backstage = tp.backstage
    if backstage is None:
        return []
    return _plain(backstage.team) + _plain(", ".join(backstage.systems)) + _md(backstage.process, md)


def _kpi_words(kpi: Kpi) -> Markup:
    words = [kpi.name] + [value for value in (kpi.target, kpi.actual) if value]
    return Markup(" ".join([escape(word) for word in words]))


LANES: tuple[Lane, ...] = (
    Lane("touchpoint", has_content=lambda tp, column: True,
         search_paragraph="text", search_text=lambda tp, md: _plain(tp.channel),
         export=lambda tp: {"channel": tp.channel, "moment_of_truth": tp.moment_of_truth, "on_brand": tp.on_brand}),
    Lane("image", has_content=lambda tp, column: column.image_url),
    Lane("action", has_content=lambda tp, column: tp.action,
         search_paragraph="text", search_text=lambda tp, md: _md(tp.action, md)),
    Lane("thought", has_content=lambda tp, column: tp.thought,
         search_paragraph="text", search_text=lambda tp, md: _md(tp.thought, md)),
    Lane("emotion", has_content=lambda tp, column: tp.emotion is not None,
         search_paragraph="text", search_text=lambda tp, md: _plain(tp.feeling),
         export=lambda tp: {"emotion": tp.emotion}),
    Lane("needs", has_content=lambda tp, column: tp.needs or tp.met,
         search_paragraph="items", search_text=lambda tp, md: [md(item) for item in tp.needs],
         export=lambda tp: {"needs": list(tp.needs), "met": tp.met}),
    Lane("pains", has_content=lambda tp, column: tp.pains,
         search_paragraph="items", search_text=lambda tp, md: [md(item) for item in tp.pains],
         export=lambda tp: {"pains": list(tp.pains)}),
    Lane("gains", has_content=lambda tp, column: tp.gains,
         search_paragraph="items", search_text=lambda tp, md: [md(item) for item in tp.gains],
         export=lambda tp: {"gains": list(tp.gains)}),
    Lane("opportunities", has_content=lambda tp, column: tp.opportunities,
         search_paragraph="items", search_text=lambda tp, md: [md(item) for item in tp.opportunities]),
    Lane("improvements", has_content=lambda tp, column: column.improvements),
    Lane("backstage", has_content=lambda tp, column: (b := tp.backstage) and (b.team or b.systems or b.process),
         search_paragraph="backstage", search_text=lambda tp, md: _backstage_words(tp, md)),
    Lane("kpis", has_content=lambda tp, column: column.kpis,
         search_paragraph="kpis", search_text=lambda tp, md: [_kpi_words(kpi) for kpi in tp.kpis]),
    Lane("evidence", has_content=lambda tp, column: tp.evidence,
         search_paragraph="items", search_text=lambda tp, md: [md(item) for item in tp.evidence]),
)
"""Every lane, in the order a map shows them by default."""

LANE_KEYS: tuple[str, ...] = tuple(lane.key for lane in LANES)
BY_KEY: dict[str, Lane] = {lane.key: lane for lane in LANES}
_SEARCHED: tuple[tuple[SearchText, ...], ...] = tuple(
    tuple(lane.search_text for lane in LANES if lane.search_paragraph == paragraph)
    for paragraph in dict.fromkeys(lane.search_paragraph for lane in LANES if lane.search_paragraph is not None))
"""The search words of the lanes, grouped by paragraph: paragraphs in the order of their first lane, a
paragraph's lanes in lane order (worked out once: every touchpoint of every map walks them)."""


def search_paragraphs(touchpoint: Touchpoint, md: InlineRenderer) -> list[list[str | Markup]]:
    """A touchpoint's search text: one list of words per paragraph that has any.

    Paragraphs come in the order their first lane comes in :data:`LANES`, and a
    lane's words in lane order, so every lane's words are indexed whether or not the
    site shows the lane.
    """
    paragraphs = []
    for lanes in _SEARCHED:
        words = [word for lane_words in lanes for word in lane_words(touchpoint, md)]
        if words:
            paragraphs.append(words)
    return paragraphs


def export_touchpoint_fields(touchpoint: Touchpoint) -> dict[str, Any]:
    """The fields every lane publishes for a touchpoint in ``journeys.json``, in lane order."""
    fields: dict[str, Any] = {}
    for lane in LANES:
        fields.update(lane.export(touchpoint))
    return fields
