"""Model -> HTML. Markup lives in ``templates/journey/``; this package prepares data.

The renderer knows nothing of MkDocs: the plugin hands it a :class:`PageContext`
with the site's language, lanes, an inline Markdown renderer and a way to turn a
file in the docs tree into a URL relative to the page being written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Sequence

from markupsafe import Markup, escape

from ..analyse import DEFAULT_STALE_AFTER_DAYS, analyse
from ..docs_tree import DocsTree
from ..i18n import Translator
from ..lanes import LANE_KEYS
from ..load import LoadedJourney, load_persona
from ..model import Persona
from .environment import environment
from .inline_markdown import InlineMarkdown
from .page import build_view

__all__ = [
    "DEFAULT_LANES", "InlineMarkdown", "PageContext", "RenderedMap", "plain_inline", "render_errors", "render_map",
]

DEFAULT_LANES: tuple[str, ...] = LANE_KEYS
"""Every lane, in registry order (:data:`mkdocs_journey.engine.lanes.LANES`)."""


def plain_inline(text: str) -> Markup:
    """Fallback inline renderer: escapes everything (used when no Markdown is wired)."""
    return escape(text)


@dataclass(frozen=True)
class PageContext:
    translate: Translator = field(default_factory=Translator)
    lanes: tuple[str, ...] = DEFAULT_LANES
    today: date = field(default_factory=date.today)
    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS
    inline_markdown: Callable[[str], Markup] = plain_inline
    """Renders one free-text value as inline HTML; raw HTML in it must come out escaped."""
    asset_url: Callable[[Path], str] = lambda path: path.name
    """URL, relative to the page, of a file in the docs tree (touchpoint and persona images)."""
    link_url: Callable[[str], str | None] = lambda href: None
    """URL, relative to the page, of a relative ``link`` to a docs file (None: keep it as written)."""
    template_dirs: Sequence[Path] = ()
    """Folders searched first for ``journey/*.html`` (the theme's ``custom_dir``)."""
    docs_root: Path | None = None
    """The docs folder; lets the renderer load a persona *file* itself when the caller
    has not set ``loaded.persona`` (its image is then checked against this folder)."""


def _persona(loaded: LoadedJourney, context: PageContext) -> Persona | None:
    if loaded.persona is not None:
        return loaded.persona
    if loaded.persona_path is None or context.docs_root is None:
        return None
    return load_persona(loaded.persona_path, DocsTree(root=context.docs_root.resolve())).persona


@dataclass(frozen=True)
class RenderedMap:
    """A map page's content and, for a map that loaded, the text the site's search indexes."""

    html: str
    search_html: str | None


def render_map(loaded: LoadedJourney, context: PageContext) -> RenderedMap:
    """The map page's content (an HTML fragment, without the page title) and its search text.

    Both come from one view of the map, so they cannot disagree. A map that did not
    load gets its errors instead (and no search text: the error page is indexed as it is).
    """
    if loaded.journey is None or loaded.errors:
        return RenderedMap(render_errors(loaded, context), None)
    translate = context.translate
    analysis = analyse(loaded, today=context.today, stale_after_days=context.stale_after_days, translate=translate)
    view = build_view(
        loaded, analysis, persona=_persona(loaded, context), persona_path=loaded.persona_path,
        lanes=tuple(context.lanes), today=context.today, stale_after_days=context.stale_after_days,
        asset_url=context.asset_url, link_url=context.link_url,
    )
    templates = environment(context.template_dirs)
    values = {"view": view, "t": translate, "md": context.inline_markdown, "lang": translate.language}
    return RenderedMap(templates.get_template("journey/page.html").render(values),
                       templates.get_template("journey/search.html").render(values))


def render_errors(loaded: LoadedJourney, context: PageContext) -> str:
    """What ``mkdocs serve`` shows in place of a map whose file has errors."""
    template = environment(context.template_dirs).get_template("journey/errors.html")
    return template.render(errors=list(loaded.errors), t=context.translate, name=loaded.name)
