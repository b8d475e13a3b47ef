"""URLs on a map page: pictures in the docs tree and relative links in free text.

A map page is generated, so MkDocs' own link rewriting never sees the map's
content. These two functions do what MkDocs does for a Markdown page beside the
journey file: find the target among the site's ``Files`` and write its URL relative
to the page, which is right for both URL styles and for a site under a sub-path.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Callable, Mapping
from urllib.parse import unquote, urlsplit

from mkdocs.structure.files import File, Files

from ..engine.messages import message


class PageLinks:
    """Resolves assets and links for one generated map page."""

    def __init__(self, page: File, files: Files, docs_dir: Path, *, source_name: str,
                 map_pages: Mapping[str, File], warn: Callable[[str], None]) -> None:
        self.page = page
        self.files = files
        self.docs_dir = docs_dir.resolve()
        self.source_name = source_name
        self.map_pages = map_pages
        """Journey file ``src_uri`` -> its generated page, so a link to a map finds the page."""
        self.warn = warn

    def _find(self, src_uri: str) -> File | None:
        return self.map_pages.get(src_uri) or self.files.get_file_from_path(src_uri)

    def asset_url(self, path: Path) -> str:
        """URL of a file in the docs tree, relative to this page."""
        try:
            src_uri = path.resolve().relative_to(self.docs_dir).as_posix()
        except ValueError:
            # The loader refuses paths outside the docs folder; this is only a guard.
            return path.name
        target = self._find(src_uri)
        if target is None:
            self.warn(message("plugin.links.picture_not_in_site", source=self.source_name, path=src_uri))
            return posixpath.relpath(src_uri, posixpath.dirname(self.page.url) or ".")
        return target.url_relative_to(self.page)

    def resolve_link(self, href: str) -> str | None:
        """The page-relative URL for a relative link to a docs file; None leaves ``href`` as written."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return None
        base = posixpath.dirname(self.page.src_uri)
        src_uri = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        target = self._find(src_uri) if not src_uri.startswith("../") else None
        if target is None:
            if parts.path.endswith(".md"):
                self.warn(message("plugin.links.no_such_page", source=self.source_name, href=href, path=src_uri))
            return None
        url = target.url_relative_to(self.page)
        return f"{url}#{parts.fragment}" if parts.fragment else url
