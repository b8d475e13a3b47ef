"""The map page around the renderer's fragment: its heading, table of contents and anchors.

The renderer returns the map without a title; MkDocs expects a page's content to
start with its ``h1`` (Material only adds one when the content has none, MkDocs'
own theme never does), so the plugin writes it here for every theme alike.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Iterator

from markupsafe import Markup, escape
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc

_HEADING = Markup("<h1>{title}</h1>\n")


def page_content(title: str, fragment: str) -> str:
    """The page's HTML: the map's title as ``h1``, then the map (or its errors)."""
    return str(_HEADING.format(title=title)) + fragment


# The fragment is the renderer's own output (attribute values double-quoted, every
# user text escaped), so a scan with regular expressions finds exactly what an
# HTMLParser would, at a fraction of the cost: parsing a large map tag by tag took
# longer than rendering it (benchmarks/build.py). A tag is matched whole, quoted
# values included, so an `id=` inside another attribute's value never counts.
_TAG = re.compile(r"""<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
_ANY_TAG = re.compile(r"<[^>]*>")
_HEADING_END = {level: re.compile(rf"</h{level}\s*>", re.IGNORECASE) for level in range(1, 7)}


def _id_of(attributes: str) -> str | None:
    if "id" not in attributes:
        return None
    for match in _ATTRIBUTE.finditer(attributes):
        if match.group(1).lower() == "id":
            value = next((group for group in match.groups()[1:] if group is not None), None)
            return html.unescape(value) if value is not None else None
    return None


def _scan(fragment: str, levels: frozenset[int]) -> tuple[set[str], list[tuple[int, str, str]]]:
    """Every ``id`` (for MkDocs' anchor validation) and the headings of ``levels`` as (level, id, text)."""
    ids: set[str] = set()
    headings: list[tuple[int, str, str]] = []
    for tag in _TAG.finditer(fragment):
        ident = _id_of(tag.group(2))
        if not ident:
            continue
        ids.add(ident)
        name = tag.group(1).lower()
        level = int(name[1]) if len(name) == 2 and name[0] == "h" and name[1].isdigit() else 0
        if level in levels:
            end = _HEADING_END[level].search(fragment, tag.end())
            if end is None:
                continue
            inner = fragment[tag.end():end.start()]
            headings.append((level, ident, " ".join(html.unescape(_ANY_TAG.sub("", inner)).split())))
    return ids, headings


def _toc(headings: list[tuple[int, str, str]]) -> TableOfContents:
    """Nest flat headings (an h3 under the h2 before it) the way MkDocs' ``toc`` extension does."""
    roots: list[dict[str, Any]] = []
    open_tokens: list[dict[str, Any]] = []
    for level, ident, text in headings:
        token: dict[str, Any] = {"level": level, "id": ident, "name": str(escape(text)), "children": []}
        while open_tokens and open_tokens[-1]["level"] >= level:
            open_tokens.pop()
        (open_tokens[-1]["children"] if open_tokens else roots).append(token)
        open_tokens.append(token)
    return get_toc(roots)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Outline:
    anchor_ids: set[str]
    toc: TableOfContents


def outline(fragment: str) -> Outline:
    """Anchors and a table of contents of the map's sections (Health, Map, Backlog...)."""
    ids, headings = _scan(fragment, frozenset((2,)))
    return Outline(ids, _toc(headings))


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


def search_outline(search_html: str) -> SearchOutline:
    """The table of contents of a map's search text: sections, stages, touchpoints, improvements.

    MkDocs' own search indexes only the sections its page's table of contents
    lists, so the search text comes with one of its own.
    """
    return SearchOutline([AnchorLink(str(escape(text)), ident, level)
                          for level, ident, text in _scan(search_html, frozenset((2, 3, 4)))[1]])
