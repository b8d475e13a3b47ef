"""Where a docs file is published, and a URL from one page to it, the way MkDocs and Zensical write them.

A map shown inside a Markdown page (a ``journey`` fence) is not a page MkDocs or
Zensical rewrites links in: its HTML reaches the page as it was rendered. So the
fence writes every link and picture relative to the page that embeds it, by the
rules both generators follow: ``a/b.md`` is ``a/b/`` (``a/b.html`` without directory
URLs), ``a/index.md`` and ``a/README.md`` are ``a/``, any other file keeps its path;
a journey file is the page generated for it. Relative URLs stay right under a
sub-path ``site_url``.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote, unquote, urlsplit

from .docs_tree import is_journey_file, stem


def page_source(src_uri: str) -> str:
    """The Markdown page a docs file is published as: a journey file's generated page, else itself."""
    if is_journey_file(src_uri):
        folder, name = posixpath.split(src_uri)
        return posixpath.join(folder, f"{stem(name)}.md")
    return src_uri


def published_url(src_uri: str, *, use_directory_urls: bool) -> str:
    """The site-relative URL of a docs file (``""`` for the home page)."""
    src_uri = page_source(src_uri)
    if not src_uri.endswith(".md"):
        return quote(src_uri)
    folder, name = posixpath.split(src_uri[:-3])
    if name in ("index", "README"):
        return quote(f"{folder}/") if folder else ""
    if use_directory_urls:
        return quote(posixpath.join(folder, name) + "/")
    return quote(posixpath.join(folder, name) + ".html")


def relative_url(url: str, page_url: str) -> str:
    """``url`` (site-relative) as seen from the page at ``page_url`` (as MkDocs' ``get_relative_url``)."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    relative = posixpath.relpath("/" + url, "/" + base)
    if url.endswith("/") or not url:
        relative += "/"
    return "./" if relative == "./" or relative == "." else relative


def resolve_link(href: str, *, base: str, page_url: str, use_directory_urls: bool) -> str | None:
    """A relative link written in the docs file ``base``, as a URL from the page at ``page_url``.

    None for what is not a relative link to a docs file (another site, a fragment, an
    absolute path, a path above the docs folder): it stays as written.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(parts.path)))
    if target.startswith("../") or target == "..":
        return None
    url = relative_url(published_url(target, use_directory_urls=use_directory_urls), page_url)
    return f"{url}#{parts.fragment}" if parts.fragment else url
