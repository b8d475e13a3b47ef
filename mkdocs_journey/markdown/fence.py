"""One ``journey`` fence -> its HTML and headings, through the engine (thin: no markup here).

The fence is read and its map found by :mod:`mkdocs_journey.engine.fence`; the parts are
rendered by :func:`mkdocs_journey.engine.render.parts.render_parts` from the map page's
own templates. What is left here is the page: which line the fence is on, which prefix
its ids get, and where its links point from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from markupsafe import Markup

from ..engine.collection import CollectedMap, Collection
from ..engine.diagnostics import Finding
from ..engine.fence import FenceSource, ResolvedFence, find_fences, resolve_fence
from ..engine.pages import is_map_page
from ..engine.render import PageContext
from ..engine.render.environment import environment
from ..engine.render.outline import Heading
from ..engine.render.parts import render_parts
from ..engine.urls import published_url, relative_url
from .site import PageInfo

_TITLE = Markup('<p class="journey-fence__title">{title}</p>\n')
_LINKED_TITLE = Markup('<p class="journey-fence__title"><a href="{href}">{title}</a></p>\n')


@dataclass(frozen=True)
class RenderedFence:
    """A fence's content as pieces: HTML, and headings the page's table of contents lists."""

    pieces: tuple[str | Heading, ...]
    findings: tuple[Finding, ...]

    def html(self) -> str:
        """The whole fence as one HTML string (where no tree processor places the headings)."""
        out = ['<div class="journey journey-fence">']
        for piece in self.pieces:
            if isinstance(piece, Heading):
                out.append(str(Markup('<h2 id="{id}" class="journey-heading">{title}</h2>').format(
                    id=piece.id, title=piece.title)))
            else:
                out.append(piece)
        out.append("</div>")
        return "\n".join(out)


class PageFences:
    """The fences of one page, in the order they are rendered; numbers their ids and finds their lines."""

    def __init__(self, page: PageInfo) -> None:
        self.page = page
        self.count = 0
        self._sources: list[FenceSource] | None = None
        self._text: str | None = None
        self._used: set[int] = set()

    def source(self, body: str, line: int | None) -> FenceSource:
        """The fence with this text, at its line in the page's file (fences are matched in order).

        The generator hands Markdown the page without its front matter and a fence
        formatter gets no line at all, so the line comes from the file itself: the
        first fence not yet rendered with the same text.
        """
        if self._sources is None:
            self._sources = []
            if self.page.path is not None:
                try:
                    self._text = self.page.path.read_text("utf-8")
                except (OSError, UnicodeDecodeError):
                    self._text = None
                else:
                    self._sources = find_fences(self._text)
        wanted = body.strip("\n")
        for index, found in enumerate(self._sources):
            if index not in self._used and found.body.strip("\n") == wanted:
                self._used.add(index)
                return FenceSource(found.line, body, found.column)
        return FenceSource(line or 1, body)

    def next_prefix(self, journey_src_uri: str | None) -> str:
        """``journey1--``, ``journey2--``...: a Markdown heading's slug never holds ``--``, so none collides.

        The page ``mkdocs-journey pages`` wrote for a map is that map's page: its fence
        keeps the ids the plugin's map page has, so a link to ``booking/#tp-...`` finds
        the touchpoint whichever generator built the site.
        """
        self.count += 1
        if journey_src_uri is not None and self.count == 1 and self._text is not None \
                and is_map_page(self._text, journey_src_uri):
            return ""
        return f"journey{self.count}--"


_LOCAL = re.compile(r' ?href="#([^"]+)"')


def render_fence(body: str, line: int | None, fences: PageFences, collection: Collection,
                 context_for: Callable[[str], PageContext], *,
                 journey: Callable[[Path], CollectedMap] | None = None,
                 has_page: Callable[[str], bool]) -> RenderedFence:
    """Render one fence's text on ``fences.page``: its parts, or its errors in place."""
    page = fences.page
    source = fences.source(body, line)
    page_path = page.path or page.docs_dir / (page.src_uri or "index.md")
    resolved = resolve_fence(source, page.name, page_path, collection, journey=journey)
    docs = collection.docs.root
    base = page.src_uri or "index.md"
    if resolved.request.file is not None and resolved.collected is not None:
        base = resolved.collected.loaded.path.resolve().relative_to(docs).as_posix()
    context = context_for(base)
    if resolved.request.lanes is not None:
        context = replace(context, lanes=resolved.request.lanes)
    if not resolved.ok:
        return _errors(resolved, context)
    assert resolved.collected is not None and resolved.collected.loaded.journey is not None
    prefix = fences.next_prefix(base if resolved.request.file is not None else None)
    map_url = None
    if resolved.request.file is not None and has_page(base):
        map_url = relative_url(published_url(base, use_directory_urls=page.use_directory_urls), page.url)
    title = resolved.collected.loaded.journey.title
    heading = _LINKED_TITLE.format(href=map_url, title=title) if map_url else _TITLE.format(title=title)
    rendered = render_parts(resolved.collected, context, resolved.request.show,
                            stages=resolved.request.stages, anchor_prefix=prefix, title=heading)
    ids = rendered.anchor_ids

    def local(match: re.Match[str]) -> str:
        # A link to a part this fence does not show (a backlog row's touchpoint without
        # the map) goes to the map's own page; without one, its text stays and the jump
        # goes (an ``a`` without ``href`` is no link), so no link points at nothing.
        anchor = match[1]
        if not anchor.startswith(prefix) or anchor in ids:
            return match[0]
        own = anchor[len(prefix):].removeprefix("curve-")
        return f' href="{map_url}#{own}"' if map_url else ""

    pieces: list[str | Heading] = []
    for part in rendered.parts:
        if part.heading is not None:
            pieces.append(part.heading)
        pieces.append(_LOCAL.sub(local, part.html))
    return RenderedFence(tuple(pieces), ())


def _errors(resolved: ResolvedFence, context: PageContext) -> RenderedFence:
    """The fence's errors in place, in the admonition a map page with errors shows."""
    template = environment(context.template_dirs).get_template("journey/errors.html")
    html = template.render(errors=resolved.findings, t=context.settings.translate, name="journey")
    return RenderedFence((html,), tuple(resolved.findings))
