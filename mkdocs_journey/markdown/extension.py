"""The Python-Markdown extension: ```` ```journey ```` fences become maps, parts of maps, or their errors.

Two ways in, one renderer:

- on its own, a preprocessor takes every ``journey`` fence at the left margin (as
  Python-Markdown's ``fenced_code`` would) before any other fence extension sees it;
- with ``pymdownx.superfences``, a custom fence (``format: !!python/name:mkdocs_journey.markdown.fence_format``)
  reaches fences superfences finds elsewhere too: in lists, admonitions, tabs.

Either way the fence's HTML goes into Markdown's stash and a tree processor puts
the fence in the page as a ``div``, with its headings as real ``h2`` elements, so
the ``toc`` extension (which runs after it) lists them in the page's table of
contents and keeps their ids. Errors are shown in place and reported with the
page and line; under the journey plugin they also fail ``mkdocs build``.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ..engine import clock
from ..engine.collection import Collection
from ..engine.docs_tree import DocsTree
from ..engine.fence import LANGUAGE, find_fences
from ..engine.i18n import DEFAULT_LANGUAGE, Translator, normalise_language
from ..engine.lanes import LANE_KEYS
from ..engine.render import PageContext
from ..engine.render.inline_markdown import InlineMarkdown
from ..engine.render.outline import Heading
from ..engine.settings import BuildSettings
from ..engine.urls import page_source, published_url, relative_url, resolve_link
from .fence import PageFences, RenderedFence, render_fence
from .site import FenceHost, PageInfo, find_page

log = logging.getLogger("mkdocs.plugins.journey.markdown")
"""Under MkDocs' ``mkdocs`` logger, so ``--strict`` counts a fence's errors without the plugin too."""

_PLACEHOLDER = re.compile(r"^\x02wzxhzdk:(\d+)\x03$")
_HEADING = re.compile(r"^h[1-6]$")


class JourneyExtension(Extension):
    """``markdown_extensions: [mkdocs_journey.markdown]``; its options matter outside the journey plugin."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "docs_dir": ["docs", "The docs folder `file:` is relative to, when no generator says "
                                 "(relative to the working directory, where mkdocs.yml lives)."],
            "use_directory_urls": [True, "How pages are published, when no generator says (MkDocs' option)."],
            "language": ["", "The labels' language (en or nl) outside the journey plugin; "
                             "default: the theme's language, else English."],
            "lanes": [list(LANE_KEYS), "The lanes a map shows by default, outside the journey plugin."],
            # Not None: Python-Markdown reads an option whose default is None as a yes/no value.
            "host": ["", "Set by the journey plugin: its maps, settings and error report."],
        }
        super().__init__(**kwargs)
        self.md: markdown.Markdown | None = None
        self.fences: PageFences | None = None
        self.rendered: dict[str, RenderedFence] = {}
        self._own: Collection | None = None
        """The collection of the page being converted, without the plugin (see :func:`_collection`)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        self.md = md
        # Before fenced_code and superfences (25) and after normalize_whitespace (30).
        md.preprocessors.register(_FencePreprocessor(md, self), "journey_fence", 27)
        # After inline (20) and attr_list (8), before toc (5): the toc sees the headings.
        md.treeprocessors.register(_FenceTreeprocessor(md, self), "journey_fence", 6)

    def reset(self) -> None:
        self.fences = None
        self.rendered = {}
        self._own = None

    # -- Rendering ------------------------------------------------------------------

    @property
    def host(self) -> FenceHost | None:
        host: FenceHost | str = self.getConfig("host")
        return None if isinstance(host, str) else host

    def _page(self) -> PageFences:
        if self.fences is None:
            assert self.md is not None
            docs_dir = Path(self.getConfig("docs_dir"))
            page = find_page(self.md, docs_dir=docs_dir, use_directory_urls=bool(self.getConfig("use_directory_urls")))
            self.fences = PageFences(page)
        return self.fences

    def render(self, body: str, line: int | None = None) -> str:
        """Render a fence's text; returns the marker the tree processor replaces with the fence."""
        fences = self._page()
        page = fences.page
        host = self.host
        if host is not None:
            rendered = render_fence(body, line, fences, host.collection, lambda base: host.page_context(page, base),
                                    journey=host.collected, has_page=host.has_page)
            if rendered.findings:
                host.report(page, list(rendered.findings))
        else:
            if self._own is None:
                self._own = _collection(page.docs_dir, self._language(page))
            collection = self._own
            rendered = render_fence(body, line, fences, collection, lambda base: self._context(page, base),
                                    has_page=lambda src: (page.docs_dir / page_source(src)).is_file())
            for finding in rendered.findings:
                log.error(finding.format_text())
        marker = f'<div class="journey-fence" data-journey-fence="{len(self.rendered)}"></div>'
        self.rendered[marker] = rendered
        return marker

    def _language(self, page: PageInfo) -> str:
        """The option, else the theme's language, when it has labels; else English."""
        for requested in (self.getConfig("language"), page.theme_language):
            language = normalise_language(requested) if requested else None
            if language is not None:
                return language
        return DEFAULT_LANGUAGE

    def _context(self, page: PageInfo, base: str) -> PageContext:
        """How a fence renders outside the plugin: the extension's own options."""
        def link(href: str) -> str | None:
            return resolve_link(href, base=base, page_url=page.url, use_directory_urls=page.use_directory_urls)

        def asset(path: Path) -> str:
            try:
                src = path.resolve().relative_to(page.docs_dir.resolve()).as_posix()
            except ValueError:
                return path.name
            return relative_url(published_url(src, use_directory_urls=page.use_directory_urls), page.url)

        assert self._own is not None
        settings = self._own.settings
        return PageContext(settings=settings, lanes=tuple(self.getConfig("lanes")),
                           inline_markdown=InlineMarkdown(None, None, link), asset_url=asset, link_url=link)


def _collection(docs_dir: Path, language: str) -> Collection:
    """The docs folder's maps and personas, read afresh for each page with a fence.

    Zensical converts every page with a new extension and ``zensical serve`` runs for
    hours: a collection kept across pages would show a persona as it was when the
    server started. Pages without a fence never get here.
    """
    settings = BuildSettings(today=clock.today(), translate=Translator(language))
    return Collection(DocsTree.scan(docs_dir.resolve()), settings, name_of=_shown)


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


class _FencePreprocessor(Preprocessor):
    """Takes the ``journey`` fences at the left margin (nested ones are superfences' to find)."""

    def __init__(self, md: markdown.Markdown, extension: JourneyExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if LANGUAGE not in text:
            return lines
        fences = [f for f in find_fences(text) if f.column == 1]
        if not fences:
            return lines
        out: list[str] = []
        index = 0
        for fence in fences:
            start = fence.line - 1
            end = start + 1 + (fence.body.count("\n") + 1 if fence.body else 0)
            out.extend(lines[index:start])
            marker = self.extension.render(fence.body, fence.line)
            out.extend(["", self.md.htmlStash.store(marker), ""])
            index = end + 1
        out.extend(lines[index:])
        return out


class _FenceTreeprocessor(Treeprocessor):
    """Puts each rendered fence in the tree: a ``div`` of stashed HTML and real ``h2`` headings."""

    def __init__(self, md: markdown.Markdown, extension: JourneyExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        rendered = self.extension.rendered
        if not rendered:
            return
        blocks = self.md.htmlStash.rawHtmlBlocks
        found: list[tuple[etree.Element, etree.Element, RenderedFence, int]] = []
        level = 1
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in root.iter():  # document order: the last heading before a fence sets its level
            if _HEADING.match(element.tag):
                level = int(element.tag[1])
                continue
            match = _PLACEHOLDER.match((element.text or "").strip()) if len(element) == 0 else None
            if match is None or int(match[1]) >= len(blocks) or element not in parents:
                continue
            fence = rendered.get(str(blocks[int(match[1])]))
            if fence is not None:
                found.append((parents[element], element, fence, min(level + 1, 6)))
        for parent, child, fence, heading_level in found:
            element = self._element(fence, heading_level)
            if child.tag == "p":
                element.tail = child.tail
                parent.insert(list(parent).index(child), element)
                parent.remove(child)
            else:
                child.text = None
                child.append(element)

    def _element(self, fence: RenderedFence, level: int) -> etree.Element:
        """The fence as a ``div``; its headings one level below the page's heading before it."""
        div = etree.Element("div", {"class": "journey journey-fence"})
        for piece in fence.pieces:
            if isinstance(piece, Heading):
                heading = etree.SubElement(div, f"h{level}", {"id": piece.id, "class": "journey-heading"})
                heading.text = piece.title
            else:
                paragraph = etree.SubElement(div, "p")
                paragraph.text = self.md.htmlStash.store(piece)
        return div


def fence_format(source: str, language: str, class_name: str, options: dict[str, Any], md: markdown.Markdown,
                 **kwargs: Any) -> str:
    """``pymdownx.superfences`` custom fence formatter for ``journey`` fences.

    With the extension listed too (the journey plugin lists it itself), the fence's
    headings join the page's table of contents; alone, the fence is written as one block.
    """
    extension = next((e for e in md.registeredExtensions if isinstance(e, JourneyExtension)), None)
    if extension is not None:
        return extension.render(source)
    standalone = JourneyExtension()
    standalone.md = md
    standalone.render(source)
    return next(iter(standalone.rendered.values())).html()


def fence_validator(language: str, inputs: dict[str, str], options: dict[str, Any], attrs: dict[str, Any],
                    md: markdown.Markdown) -> bool:
    """``pymdownx.superfences`` validator: a ``journey`` fence takes no options on its opening line."""
    return not inputs
