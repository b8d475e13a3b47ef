"""The map page around the renderer's fragment: its heading, table of contents and anchors.

The renderer returns the map without a title; MkDocs expects a page's content to
start with its ``h1`` (Material only adds one when the content has none, MkDocs'
own theme never does), so the plugin writes it here for every theme alike. The
renderer's headings (plain data) become MkDocs ``AnchorLink`` objects here: the
adapter is the only part that knows MkDocs' table-of-contents types.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from markupsafe import Markup, escape
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc

from ..engine.render import Heading
from .parking import Packed

_HEADING = Markup("<h1>{title}</h1>\n")


@dataclass(frozen=True)
class Prepared:
    """A page made of many maps (the overview, a persona page), rendered before any page is converted.

    Made once the navigation is known, while every map is at hand, so that each map
    is needed by nothing but its own page afterwards (and a build lets it go once
    that page is rendered). Held compressed until its page is converted.
    """

    html: Packed
    """The page's content (the overview's fragment, for a page that shows it with a fence)."""
    headings: tuple[Heading, ...]
    anchor_ids: frozenset[str]


def page_content(title: str, fragment: str) -> str:
    """The page's HTML: the map's title as ``h1``, then the map (or its errors)."""
    return str(_HEADING.format(title=title)) + fragment


def _toc(headings: Sequence[Heading]) -> TableOfContents:
    """Nest flat headings (an h3 under the h2 before it) the way MkDocs' ``toc`` extension does."""
    roots: list[dict[str, Any]] = []
    open_tokens: list[dict[str, Any]] = []
    for heading in headings:
        token: dict[str, Any] = {"level": heading.level, "id": heading.id, "name": str(escape(heading.title)),
                                 "children": []}
        while open_tokens and open_tokens[-1]["level"] >= heading.level:
            open_tokens.pop()
        (open_tokens[-1]["children"] if open_tokens else roots).append(token)
        open_tokens.append(token)
    return get_toc(roots)  # type: ignore[arg-type]


def table_of_contents(headings: Sequence[Heading]) -> TableOfContents:
    """The map page's table of contents (Persona, Health, Map, Backlog...) from the renderer's headings.

    The renderer lists the headings from the view it wrote the page from, so the
    HTML is never parsed again to find them (as Material's tags plugin builds its
    table of contents from ``AnchorLink`` objects).
    """
    return _toc(headings)


class SearchOutline(TableOfContents):
    """The flat table of contents of a map's search text, in which a lookup costs O(1).

    MkDocs' and Material's search plugins look up every section of a page in its table
    of contents (``_find_toc_by_id``: a walk from the first entry until the id
    matches). A map has a section per touchpoint, so that walk made indexing
    quadratic in touchpoints (16,000 touchpoints built in 35 s instead of 9). The sections
    are looked up in the order they appear, which is this table's order, so each walk
    here starts at the entry where the previous one stopped and goes round: the entry
    sought is the first or the second one it meets. A walk still meets every entry
    (a lookup for an id that is not listed fails as before), only the starting point
    moves, so what is found never depends on the order of the lookups.

    The table is flat: the search plugins only need each entry's id, URL and title,
    and a nested table would have to go round at every level.
    """

    def __init__(self, items: list[AnchorLink]) -> None:
        super().__init__(items)
        self._start = 0

    def __iter__(self) -> Iterator[AnchorLink]:
        items = self.items
        count = len(items)
        start = self._start
        for offset in range(count):
            index = (start + offset) % count
            self._start = index  # a walk that stops here (found) starts here next time
            yield items[index]


def search_outline(headings: Sequence[Heading]) -> SearchOutline:
    """The table of contents of a map's search text: sections, stages, touchpoints, improvements.

    MkDocs' own search indexes only the sections its page's table of contents
    lists, so the search text comes with one of its own.
    """
    return SearchOutline([AnchorLink(str(escape(h.title)), h.id, h.level) for h in headings])
