"""The headings and anchors of a rendered map, read from its view (not from its HTML).

The templates write every ``id`` of a map page from the view: the section headings,
a stage, a touchpoint, an improvement. The plugin needs them as a table of contents
and as the anchors MkDocs' link validation knows, so they are listed here from the
same view, in the order the templates write them. A test renders maps and compares
these lists with the ids and headings found in the HTML, so a template that gains
or loses an anchor without this module following fails there.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Translator
from .page import JourneyView
from .smileys import sprite_ids


@dataclass(frozen=True)
class Heading:
    """One heading of the page or of its search text, as plain data."""

    level: int
    id: str
    title: str
    """The heading's text as a reader sees it (not escaped; runs of white space as one space)."""


def _heading(level: int, ident: str, text: str) -> Heading:
    return Heading(level, ident, " ".join(text.split()))


def page_headings(view: JourneyView, translate: Translator) -> tuple[Heading, ...]:
    """The sections of the map page (``page.html``), in order: the page's table of contents."""
    sections = [("journey-persona", "persona.heading")] if view.persona else []
    sections += [("journey-health", "health.heading"), ("journey-map", "map.heading")]
    headings = [_heading(2, ident, translate(key)) for ident, key in sections]
    comparison = view.comparison
    if comparison is not None:
        title = (translate("compare.heading-ref", ref=comparison.ref) if comparison.ref
                 else translate("compare.heading", title=comparison.title))
        headings.append(_heading(2, "journey-compare", title))
    after = [("journey-backlog", "backlog.heading")]
    after += [("journey-plan", "plan.heading")] if view.plan else []
    after += [("journey-matrix", "matrix.heading")]
    headings += [_heading(2, ident, translate(key)) for ident, key in after]
    if view.history is not None:
        headings.append(_heading(2, "journey-history", translate("history.heading")))
    return tuple(headings)


def page_anchor_ids(view: JourneyView, headings: tuple[Heading, ...]) -> frozenset[str]:
    """Every ``id`` the page templates write: sections, stages, touchpoints, improvements, the chart title."""
    ids = {heading.id for heading in headings}
    ids.update(header.anchor for header in view.stages)
    ids.update(column.anchor for column in view.columns if column.touchpoint is not None and column.anchor)
    ids.update(row.anchor for row in view.backlog)
    if view.matrix.dots:
        ids.add("journey-matrix-title")
    ids.update(sprite_ids(view))
    return frozenset(ids)


def search_headings(view: JourneyView, translate: Translator) -> tuple[Heading, ...]:
    """The sections of the search text (``search.html``): h2 sections, h3 stages and improvements, h4 touchpoints."""
    headings: list[Heading] = []
    if view.persona:
        headings.append(_heading(2, "journey-persona", translate("persona.heading")))
    if view.health:
        headings.append(_heading(2, "journey-health", translate("health.heading")))
    headings.append(_heading(2, "journey-map", translate("map.heading")))
    for header in view.stages:
        headings.append(_heading(3, header.anchor, header.stage.name))
        for column in header.columns:
            if column.touchpoint is not None and column.anchor:
                headings.append(_heading(4, column.anchor, column.touchpoint.name))
    if view.backlog:
        headings.append(_heading(2, "journey-backlog", translate("backlog.heading")))
        headings.extend(_heading(3, row.anchor, row.improvement.title) for row in view.backlog)
    return tuple(headings)
