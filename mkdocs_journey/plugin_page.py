"""The map page around the renderer's fragment: its heading, table of contents and anchors.

The renderer returns the map without a title; MkDocs expects a page's content to
start with its ``h1`` (Material only adds one when the content has none, MkDocs'
own theme never does), so the plugin writes it here for every theme alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

from markupsafe import Markup, escape
from mkdocs.structure.toc import TableOfContents, get_toc

_HEADING = Markup("<h1>{title}</h1>\n")


def page_content(title: str, fragment: str) -> str:
    """The page's HTML: the map's title as ``h1``, then the map (or its errors)."""
    return str(_HEADING.format(title=title)) + fragment


class _Outline(HTMLParser):
    """Collects every ``id`` (for MkDocs' anchor validation) and the ``h2`` sections."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.sections: list[tuple[str, str]] = []
        self._open: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id")
        if ident:
            self.ids.add(ident)
        if tag == "h2" and ident:
            self._open, self._text = ident, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" and self._open is not None:
            self.sections.append((self._open, " ".join("".join(self._text).split())))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)


@dataclass(frozen=True)
class Outline:
    anchor_ids: set[str]
    toc: TableOfContents


def outline(html: str) -> Outline:
    """Anchors and a table of contents of the map's sections (Health, Map, Backlog...)."""
    parser = _Outline()
    parser.feed(html)
    parser.close()
    tokens = [{"level": 2, "id": ident, "name": str(escape(text)), "children": []}
              for ident, text in parser.sections]
    return Outline(parser.ids, get_toc(tokens))  # type: ignore[arg-type]
