"""Parts of a map for a ``journey`` fence: the page's own templates, one part at a time.

A fence shows some parts of a map (``show: [curve, backlog]``) inside another page.
Each part is the partial the map page includes (``summary.html`` for the header,
``map.html`` for the map, and ``map.html`` with the emotion lane alone, compact, for
the curve), rendered without its heading: the Markdown extension writes the heading
itself, so the page's table of contents lists it. Every id carries the fence's
prefix, so two fences on one page never share one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from markupsafe import Markup

from ..collection import CollectedMap
from ..fence import PARTS
from . import PageContext, _RecordingMarkdown
from .environment import environment
from .outline import Heading
from .page import build_view
from .smileys import sprite_ids

#: The template of each part, and the label key of its heading (None: a part without one).
TEMPLATES: dict[str, tuple[str | None, str | None]] = {
    "title": (None, None),
    "header": ("journey/summary.html", None),
    "persona": ("journey/persona.html", "persona.heading"),
    "health": ("journey/health.html", "health.heading"),
    "map": ("journey/map.html", "map.heading"),
    "curve": ("journey/map.html", None),
    "backlog": ("journey/backlog.html", "backlog.heading"),
    "matrix": ("journey/matrix.html", "matrix.heading"),
}
assert tuple(TEMPLATES) == PARTS, "every fence part has a template"

#: The id each headed part's heading has on the map page (a fence prefixes it).
HEADING_IDS = {"persona": "journey-persona", "health": "journey-health", "map": "journey-map",
               "backlog": "journey-backlog", "matrix": "journey-matrix"}


@dataclass(frozen=True)
class RenderedPart:
    """One part of a map: its heading (None for the header and the curve) and its HTML."""

    name: str
    heading: Heading | None
    html: str


@dataclass(frozen=True)
class RenderedParts:
    parts: tuple[RenderedPart, ...]
    anchor_ids: frozenset[str]
    """Every id the parts write (headings included), all prefixed."""


def render_parts(collected: CollectedMap, context: PageContext, parts: Sequence[str], *,
                 stages: Sequence[str] | None = None, anchor_prefix: str = "",
                 title: Markup | None = None) -> RenderedParts:
    """The chosen parts of a valid map, in the order asked for.

    ``title`` (HTML) is the ``title`` part: the map's name, which on its own page is the
    page's title.
    """
    loaded, analysis = collected.loaded, collected.analysis
    if not collected.ok or analysis is None:
        raise ValueError(f"{loaded.name} has errors; render them instead")
    translate = context.settings.translate
    view = build_view(loaded, analysis, context.settings, lanes=tuple(context.lanes), asset_url=context.asset_url,
                      link_url=context.link_url, stages=frozenset(stages) if stages is not None else None,
                      anchor_prefix=anchor_prefix)
    curve_view = None
    templates = environment(context.template_dirs)
    md = _RecordingMarkdown(context.inline_markdown)
    rendered: list[RenderedPart] = []
    ids: set[str] = set()
    for name in parts:
        template, label = TEMPLATES[name]
        if template is None:
            rendered.append(RenderedPart(name, None, str(title) if title is not None else ""))
            continue
        shown = view
        if name == "curve":
            if curve_view is None:
                curve_view = build_view(loaded, analysis, context.settings, lanes=("emotion",),
                                        asset_url=context.asset_url, link_url=context.link_url,
                                        stages=frozenset(stages) if stages is not None else None,
                                        anchor_prefix=anchor_prefix + "curve-")
            shown = curve_view
        values = {"view": shown, "t": translate, "md": md, "lang": translate.language, "prefix": anchor_prefix,
                  "headed": False, "compact": name == "curve", "spaced": True}
        html = templates.get_template(template).render(values)
        heading = None
        if label is not None and (name != "persona" or view.persona is not None):
            heading = Heading(2, anchor_prefix + HEADING_IDS[name], " ".join(translate(label).split()))
            ids.add(heading.id)
        ids.update(_part_ids(name, shown, anchor_prefix))
        rendered.append(RenderedPart(name, heading, html))
    return RenderedParts(tuple(rendered), frozenset(ids | md.ids))


def _part_ids(name: str, view: object, prefix: str) -> set[str]:
    """The ids a part's template writes besides its heading (as :mod:`.outline` lists them for a page)."""
    from .page import JourneyView
    assert isinstance(view, JourneyView)
    if name in ("map", "curve"):
        ids = {header.anchor for header in view.stages} | sprite_ids(view)
        ids.update(c.anchor for c in view.columns if c.touchpoint is not None and c.anchor)
        return ids
    if name == "backlog":
        return {row.anchor for row in view.backlog}
    if name == "matrix" and view.matrix.dots:
        return {prefix + "journey-matrix-title"}
    return set()
