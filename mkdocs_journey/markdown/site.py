"""Where the page being converted lives, whoever converts it: MkDocs, ProperDocs, Zensical, or a script.

Python-Markdown tells an extension nothing about the page. The generators that run it
leave what they know on the ``Markdown`` instance: MkDocs and ProperDocs register a
``relpath`` tree processor holding the page's ``File`` and the site's config;
Zensical registers a ``rendering_context`` preprocessor holding the page and its
config. Both are read here by name, duck-typed, so no generator has to be importable.
Outside them (a script, or a generator this module does not know) the extension's own
options say where the docs folder is, and the page counts as the docs folder's home page.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import markdown

from ..engine.collection import CollectedMap, Collection
from ..engine.diagnostics import Finding
from ..engine.render import PageContext


@dataclass(frozen=True)
class PageInfo:
    """The page a fence is in."""

    src_uri: str | None
    """Its path in the docs folder (``team/index.md``); None when the generator did not say."""
    path: Path | None
    """Its file, to find a fence's line in it (front matter and all)."""
    url: str
    """Its site-relative URL (``team/``), which links in the fence are written relative to."""
    docs_dir: Path
    use_directory_urls: bool
    theme_language: str | None = None
    """The theme's language (Material's ``theme.language``), for the labels outside the plugin."""

    @property
    def name(self) -> str:
        """How messages name the page: as it is named in the docs folder (``docs/team.md``)."""
        if self.path is not None:
            try:
                return Path(os.path.relpath(self.path.resolve(), Path.cwd().resolve())).as_posix()
            except ValueError:
                return self.path.as_posix()
        return self.src_uri or "<markdown>"


class FenceHost(Protocol):
    """What the journey plugin lends the extension on its site: its maps, settings and error report."""

    collection: Collection

    def collected(self, path: Path) -> CollectedMap:
        """The map at ``path``, collected once for the build."""

    def page_context(self, page: PageInfo, base: str) -> PageContext:
        """How a fence on ``page`` renders: settings, lanes, inline Markdown and URLs (links written in ``base``)."""

    def has_page(self, journey_src_uri: str) -> bool:
        """Whether the site has a page for this journey file (the header links to it)."""

    def report(self, page: PageInfo, findings: list[Finding]) -> None:
        """The errors of a fence: the plugin logs them and fails ``mkdocs build`` (never ``serve``)."""


def find_page(md: markdown.Markdown, *, docs_dir: Path, use_directory_urls: bool) -> PageInfo:
    """The page ``md`` is converting, as far as its generator says (see the module's docstring)."""
    relpath: Any = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
    file = getattr(relpath, "file", None)
    config = getattr(relpath, "config", None)
    if file is not None and config is not None:  # MkDocs, ProperDocs
        abs_src = getattr(file, "abs_src_path", None)
        return PageInfo(file.src_uri, Path(abs_src) if abs_src else None, file.url,
                        Path(config["docs_dir"]), bool(config["use_directory_urls"]),
                        theme_language=_theme_language(config["theme"]))
    context: Any = md.preprocessors["rendering_context"] if "rendering_context" in md.preprocessors else None
    page = getattr(context, "page", None)
    config = getattr(context, "config", None)
    if page is not None and isinstance(config, dict):  # Zensical
        docs = Path(config.get("docs_dir", docs_dir))
        src_uri = str(page.path).replace(os.sep, "/")
        path = docs / src_uri
        # Zensical reads a relative URL in a page's HTML as it reads a Markdown link: from the
        # page's source folder (it adds the ``../`` a directory URL needs itself).
        folder = posixpath.dirname(src_uri)
        return PageInfo(src_uri, path if path.is_file() else None, f"{folder}/" if folder else "", docs,
                        bool(config.get("use_directory_urls", use_directory_urls)),
                        theme_language=_theme_language(config.get("theme")))
    return PageInfo(None, None, "", docs_dir, use_directory_urls)


def _theme_language(theme: Any) -> str | None:
    """Material's ``theme.language`` from MkDocs' ``Theme`` or Zensical's theme mapping."""
    try:
        language = theme["language"] if theme is not None else None
    except (KeyError, TypeError):
        return None
    return language if isinstance(language, str) else None
