"""Which files of a site are maps, and the Markdown page each map becomes.

``docs/journeys/booking.journey.yml`` becomes the generated page
``journeys/booking.md``, so MkDocs gives it the URL ``journeys/booking/`` (or
``journeys/booking.html``), puts it in the automatic navigation by its folder, and
lets ``nav:`` name it. Nothing is written into ``docs_dir``: the page lives only in
MkDocs' ``Files`` (writing there would make ``mkdocs serve`` rebuild forever).
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from markupsafe import escape
from mkdocs.structure.files import File
from mkdocs.structure.toc import TableOfContents

from ..engine.collection import CollectedMap
from ..engine.docs_tree import is_journey_file, stem
from ..engine.load import LoadedJourney
from ..engine.render import Heading
from .parking import Packed


@dataclass
class MapPage:
    """A journey file and the page generated for it, for one build."""

    source: File
    page: File
    collected: CollectedMap | None
    """The map, until ``mkdocs build`` lets go of it (:meth:`release`): then None."""
    search_html: Packed | None = None
    """What the site's search indexes instead of the map's markup (compressed while it
    waits): set when the page renders, dropped once indexed."""
    search_headings: tuple[Heading, ...] = ()
    """The sections of ``search_html`` (its table of contents while it is indexed)."""
    shown: tuple[str, TableOfContents] | None = None
    """The page's own content and table of contents while the search text stands in for them."""
    reload: Callable[[], CollectedMap] | None = None
    """How to read the map again after :meth:`release` (set by it)."""

    @property
    def map(self) -> CollectedMap:
        """The map; read again from its file if it was released (no step of a build asks for it then)."""
        if self.collected is not None:
            return self.collected
        assert self.reload is not None, "a released map page can read its map again"
        return self.reload()

    def release(self, reload: Callable[[], CollectedMap]) -> None:
        """Let go of the map once its page is rendered: ``mkdocs build`` holds no map longer than it needs it.

        A loaded map takes some 150 KB (its model, texts and analysis); held for
        every map until the build ended, 500 maps added about 75 MB under every
        page's conversion and writing. ``reload`` reads it again, should anything ask.
        """
        self.collected, self.reload = None, reload

    @property
    def loaded(self) -> LoadedJourney:
        return self.map.loaded

    @property
    def title(self) -> str:
        return map_title(self.loaded, self.source.src_uri)


def map_title(loaded: LoadedJourney, src_uri: str) -> str:
    """The map's title; for a map that did not load (``mkdocs serve``), its ``title`` text or file name."""
    if loaded.journey is not None:
        return loaded.journey.title
    data = loaded.document.data if loaded.document is not None else None
    title = data.get("title") if isinstance(data, dict) else None
    return title if isinstance(title, str) and title.strip() else stem(posixpath.basename(src_uri))


def page_src_uri(journey_src_uri: str) -> str:
    """``journeys/booking.journey.yml`` -> ``journeys/booking.md`` (same folder, same stem)."""
    folder, name = posixpath.split(journey_src_uri)
    return posixpath.join(folder, f"{stem(name)}.md")


def page_markdown(title: str, *, hide: Sequence[str] = (), tags: Sequence[str] = ()) -> str:
    """The generated page's Markdown: only front matter, with the title, what to hide and the map's tags.

    The title goes into ``meta`` rather than a ``# heading`` so no Markdown extension
    can read syntax into it. MkDocs treats ``page.title`` as HTML (themes print it
    unescaped), so it is stored HTML-escaped; JSON quoting is valid YAML. ``hide``
    is Material's own front matter key, so the theme hides those parts itself.
    ``tags`` is the front matter Material's ``tags`` plugin reads (only given when the
    site uses it); Material prints tag names unescaped too, so they are escaped alike.
    """
    lines = [f"title: {json.dumps(str(escape(title)), ensure_ascii=False)}"]
    if hide:
        lines.append(f"hide: {json.dumps(list(hide))}")
    if tags:
        lines.append(f"tags: {json.dumps([str(escape(tag)) for tag in tags], ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def rewrite_nav(nav: Any) -> Any:
    """Point ``nav:`` entries that name a journey file at its generated page.

    Users write ``- Booking: journeys/booking.journey.yml``; MkDocs only knows the
    page ``journeys/booking.md``. Sections are rewritten recursively; URLs and other
    entries are left as they are.
    """
    if isinstance(nav, list):
        return [rewrite_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {key: rewrite_nav(value) for key, value in nav.items()}
    if isinstance(nav, str) and is_journey_file(nav) and "://" not in nav:
        return page_src_uri(nav)
    return nav


_DROPPED = object()


def drop_maps_from_nav(nav: Any) -> Any:
    """``nav:`` without the entries that name a journey file, for a build without map pages.

    With the plugin off (and the raw YAML not published) those entries would point at
    nothing, and MkDocs' warning about them fails a ``--strict`` build. A section left
    with no entries goes too.
    """
    kept = _drop(nav)
    return [] if kept is _DROPPED else kept


def _drop(nav: Any) -> Any:
    if isinstance(nav, list):
        items = [item for item in (_drop(item) for item in nav) if item is not _DROPPED]
        return items if items or not nav else _DROPPED
    if isinstance(nav, dict):
        entries = {key: value for key, value in ((k, _drop(v)) for k, v in nav.items()) if value is not _DROPPED}
        return entries if entries or not nav else _DROPPED
    if isinstance(nav, str) and is_journey_file(nav) and "://" not in nav:
        return _DROPPED
    return nav
