"""The map page around the renderer's fragment: its heading, table of contents and anchors.

The renderer returns the map without a title; MkDocs expects a page's content to
start with its ``h1`` (Material only adds one when the content has none, MkDocs'
own theme never does), so the plugin writes it here for every theme alike.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markupsafe import Markup, escape
from mkdocs.structure.toc import TableOfContents, get_toc

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
_H2_END = re.compile(r"</h2\s*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")


def _id_of(attributes: str) -> str | None:
    if "id" not in attributes:
        return None
    for match in _ATTRIBUTE.finditer(attributes):
        if match.group(1).lower() == "id":
            value = next((group for group in match.groups()[1:] if group is not None), None)
            return html.unescape(value) if value is not None else None
    return None


def _scan(fragment: str) -> tuple[set[str], list[tuple[str, str]]]:
    """Every ``id`` (for MkDocs' anchor validation) and the ``h2`` sections as (id, text)."""
    ids: set[str] = set()
    sections: list[tuple[str, str]] = []
    for tag in _TAG.finditer(fragment):
        ident = _id_of(tag.group(2))
        if not ident:
            continue
        ids.add(ident)
        if tag.group(1).lower() == "h2":
            end = _H2_END.search(fragment, tag.end())
            if end is None:
                continue
            inner = fragment[tag.end():end.start()]
            sections.append((ident, " ".join(html.unescape(_ANY_TAG.sub("", inner)).split())))
    return ids, sections


@dataclass(frozen=True)
class Outline:
    anchor_ids: set[str]
    toc: TableOfContents


def outline(fragment: str) -> Outline:
    """Anchors and a table of contents of the map's sections (Health, Map, Backlog...)."""
    ids, sections = _scan(fragment)
    tokens = [{"level": 2, "id": ident, "name": str(escape(text)), "children": []}
              for ident, text in sections]
    return Outline(ids, get_toc(tokens))  # type: ignore[arg-type]
