"""Model -> HTML. Markup lives in ``templates/journey/``; this package prepares data.

The renderer knows nothing of MkDocs: the plugin hands it a :class:`PageContext`
with the site's language, lanes, an inline Markdown renderer and a way to turn a
file in the docs tree into a URL relative to the page being written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from markupsafe import Markup, escape

from ..collection import CollectedMap
from ..compare import Comparison
from ..history import MapHistory
from ..lanes import LANE_KEYS
from ..settings import BuildSettings
from .environment import environment
from .inline_markdown import InlineMarkdown
from .outline import Heading, page_anchor_ids, page_headings, search_headings
from .page import build_view

__all__ = [
    "DEFAULT_LANES", "Heading", "InlineMarkdown", "PageContext", "RenderedMap", "plain_inline", "render_errors",
    "render_map",
]

DEFAULT_LANES: tuple[str, ...] = LANE_KEYS
"""Every lane, in registry order (:data:`mkdocs_journey.engine.lanes.LANES`)."""


def plain_inline(text: str) -> Markup:
    """Fallback inline renderer: escapes everything (used when no Markdown is wired)."""
    return escape(text)


@dataclass(frozen=True)
class PageContext:
    """How one page is written; the map itself (persona and analysis included) comes collected.

    Rendering reads no files: a persona file was read when the map was collected
    (:class:`~mkdocs_journey.engine.collection.Collection`).
    """

    settings: BuildSettings = field(default_factory=BuildSettings)
    """The build's date, stale limit and language."""
    lanes: tuple[str, ...] = DEFAULT_LANES
    inline_markdown: Callable[[str], Markup] = plain_inline
    """Renders one free-text value as inline HTML; raw HTML in it must come out escaped."""
    asset_url: Callable[[Path], str] = lambda path: path.name
    """URL, relative to the page, of a file in the docs tree (touchpoint and persona images)."""
    link_url: Callable[[str], str | None] = lambda href: None
    """URL, relative to the page, of a relative ``link`` to a docs file (None: keep it as written)."""
    template_dirs: Sequence[Path] = ()
    """Folders searched first for ``journey/*.html`` (the theme's ``custom_dir``)."""
    comparison: Comparison | None = None
    """What this page's map is compared with (``compare_to`` or the plugin's ``compare_ref``)."""
    history: MapHistory | None = None
    """The commits that changed this map's file (the History section); None: no section."""
    persona_url: Callable[[Path], str | None] = lambda path: None
    """URL, relative to the page, of a persona file's own page (None: it has none)."""
    theme_tags: bool = False
    """The theme shows the map's tags (Material's ``tags`` plugin): the page leaves out its own chips."""


@dataclass(frozen=True)
class RenderedMap:
    """A map page's content, its outline, and, for a map that loaded, the text the site's search indexes.

    The outline is plain data from the view the HTML was written from: the page's
    section headings (its table of contents), every ``id`` in ``html`` (the anchors
    a link may point at), and the headings of ``search_html``.
    """

    html: str
    search_html: str | None
    headings: tuple[Heading, ...] = ()
    anchor_ids: frozenset[str] = frozenset()
    search_headings: tuple[Heading, ...] = ()


class _RecordingMarkdown:
    """The page's inline renderer, noting the ids an author wrote into the values it rendered."""

    def __init__(self, render: Callable[[str], Markup]) -> None:
        self.render = render
        self.ids: set[str] = set()
        self._anchor_ids = render.anchor_ids if isinstance(render, InlineMarkdown) else None

    def __call__(self, text: str) -> Markup:
        html = self.render(text)
        if self._anchor_ids is not None:
            ids = self._anchor_ids(text)
            if ids:  # rarely: an author's {#id}
                self.ids.update(ids)
        return html


def render_map(collected: CollectedMap, context: PageContext) -> RenderedMap:
    """The map page's content (an HTML fragment, without the page title), its outline and its search text.

    All of them come from one view of the map, so they cannot disagree. A map that did not
    load gets its errors instead (and no search text: the error page is indexed as it is).
    """
    loaded, analysis = collected.loaded, collected.analysis
    if not collected.ok or analysis is None:
        return RenderedMap(render_errors(collected, context), None)
    assert loaded.journey is not None
    settings = context.settings.for_language(loaded.journey.language)
    translate = settings.translate
    view = build_view(loaded, analysis, settings, lanes=tuple(context.lanes),
                      asset_url=context.asset_url, link_url=context.link_url,
                      comparison=context.comparison, history=context.history, persona_url=context.persona_url)
    templates = environment(context.template_dirs)
    md = _RecordingMarkdown(context.inline_markdown)
    values = {"view": view, "t": translate, "md": md, "lang": translate.language, "theme_tags": context.theme_tags}
    html = templates.get_template("journey/page.html").render(values)
    headings = page_headings(view, translate)
    anchor_ids = page_anchor_ids(view, headings) | md.ids
    values["md"] = context.inline_markdown
    search_html = templates.get_template("journey/search.html").render(values)
    return RenderedMap(html, search_html, headings, anchor_ids, search_headings(view, translate))


def render_errors(collected: CollectedMap, context: PageContext) -> str:
    """What ``mkdocs serve`` shows in place of a map whose file has errors (it has no ids or headings)."""
    loaded = collected.loaded
    template = environment(context.template_dirs).get_template("journey/errors.html")
    return template.render(errors=list(loaded.errors), t=context.settings.translate, name=loaded.name)
