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

from ..diagnostics import Finding
from ..i18n import Translator
from ..load import LoadedJourney

DEFAULT_LANES: tuple[str, ...] = (
    "touchpoint", "image", "action", "thought", "emotion", "needs", "pains", "gains",
    "opportunities", "improvements", "backstage", "kpis", "evidence",
)


def plain_inline(text: str) -> Markup:
    """Fallback inline renderer: escapes everything (used when no Markdown is wired)."""
    return escape(text)


@dataclass(frozen=True)
class PageContext:
    translate: Translator = field(default_factory=Translator)
    lanes: tuple[str, ...] = DEFAULT_LANES
    today: date = field(default_factory=date.today)
    stale_after_days: int = 180
    inline_markdown: Callable[[str], Markup] = plain_inline
    """Renders one free-text value as inline HTML; raw HTML in it must come out escaped."""
    asset_url: Callable[[Path], str] = lambda path: path.name
    """URL, relative to the page, of a file in the docs tree (touchpoint and persona images)."""
    template_dirs: Sequence[Path] = ()
    """Folders searched first for ``journey/*.html`` (the theme's ``custom_dir``)."""


def render_journey(loaded: LoadedJourney, context: PageContext) -> str:
    """The map page's content (an HTML fragment, without the page title)."""
    raise NotImplementedError  # filled in by the renderer


def render_errors(loaded: LoadedJourney, context: PageContext) -> str:
    """What ``mkdocs serve`` shows in place of a map whose file has errors."""
    raise NotImplementedError  # filled in by the renderer
