"""One free-text value -> inline HTML that cannot run script in a reader's browser.

Journey files are written by many hands and reviewed as YAML, not as HTML, so a
value like ``<img src=x onerror=...>`` must arrive on the page as the text the
author typed. This renderer keeps Markdown's inline syntax (emphasis, code, links,
and the inline extensions a site enables) and removes everything else:

- raw HTML is never parsed (the ``html_block`` preprocessor and the ``html`` inline
  pattern are removed, so ``<`` reaches the serializer as text and is escaped);
- block syntax is switched off (a pain point starting with ``#`` is not a heading;
  preprocessors such as snippets that read files are dropped, and so is the table of
  contents' pass: ``[TOC]`` stays text);
- a last tree pass drops event-handler attributes (``attr_list`` could add them)
  and turns links whose scheme is not http(s)/mailto/tel into plain text, and so
  links without a scheme that start with two slashes, ``/`` or ``\\`` (``//host``,
  ``/\\host``): browsers open those on another host, so a link that looks relative
  in review would leave the site (a link to another site must say ``https://``).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import Any, Callable, Mapping, Sequence

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

ResolveLink = Callable[[str], "str | None"]

#: Block processors kept: everything else would turn one value into block markup.
_KEPT_BLOCKPROCESSORS = ("empty", "paragraph")
#: Preprocessors kept: the rest add block behaviour or read files (snippets).
_KEPT_PREPROCESSORS = ("normalize_whitespace",)
_SAFE_SCHEMES = frozenset(("http", "https", "mailto", "tel"))
_URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data", "cite")
_DROPPED_TAGS = frozenset(("script", "style", "iframe", "object", "embed", "form", "input", "button",
                           "textarea", "select", "link", "meta", "base", "frame", "frameset", "svg", "math"))
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_OTHER_HOST = re.compile(r"^[/\\]{2}")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]+")
_PARAGRAPHS = re.compile(r"</p>\s*<p>")

_PLAIN_TEXT = re.compile(r"[^\s!-/:-@\[-`{-~]+(?:[ ,.;?!%()-]+[^\s!-/:-@\[-`{-~]+)*[.?!)%]?")
"""Words (any letters, digits, symbols outside ASCII) with single spaces and harmless ASCII
punctuation between them: text no inline syntax of Markdown or of the extensions in
:data:`_FAST_EXTENSIONS` can act on, whatever the words are."""
_NOT_PLAIN = re.compile(r"\s\s|--|\.\.|www\.|[(] *[a-z]{1,2} *[)]", re.IGNORECASE)
"""Sequences inside such text that an extension still reads: smarty's dashes and ellipsis,
magiclink's bare ``www.`` address, smartsymbols-like ``(c)``, and runs of spaces."""
_FAST_EXTENSIONS = frozenset((
    # Python-Markdown's own: none of them acts on words, spaces or `,.;?!%()-`.
    "abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code", "footnotes",
    "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists", "smarty", "tables", "toc",
    "wikilinks",
    # PyMdown Extensions whose inline syntax needs a character the fast path refuses.
    "pymdownx.arithmatex", "pymdownx.betterem", "pymdownx.blocks.admonition", "pymdownx.blocks.details",
    "pymdownx.blocks.html", "pymdownx.blocks.tab", "pymdownx.caret", "pymdownx.critic", "pymdownx.details",
    "pymdownx.emoji", "pymdownx.escapeall", "pymdownx.extra", "pymdownx.highlight", "pymdownx.inlinehilite",
    "pymdownx.keys", "pymdownx.magiclink", "pymdownx.mark", "pymdownx.progressbar", "pymdownx.saneheaders",
    "pymdownx.snippets", "pymdownx.striphtml", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist",
    "pymdownx.tilde",
))
"""Extensions known to leave plain text (:data:`_PLAIN_TEXT`) alone; any other turns the fast path off.

``abbr`` is here because abbreviations come only from a definition in the value
itself (``*[`` is refused) or from a ``glossary``, which turns the fast path off."""

_QUOTING_EXTENSIONS = frozenset(("smarty", "markdown.extensions.smarty"))
"""Extensions that turn an apostrophe into a typographic one; without them Markdown leaves ``'`` as it is."""


def _fast_path_allowed(extensions: Sequence[Any], configs: Mapping[str, Mapping[str, Any]]) -> bool:
    """True when every site extension is one that cannot change plain text."""
    for extension in extensions:
        if not isinstance(extension, str):
            return False  # an Extension instance: what it does is unknown
        name = extension.removeprefix("markdown.extensions.")
        if name not in _FAST_EXTENSIONS or (name == "abbr" and configs.get(extension, {}).get("glossary")):
            return False
    return True


def is_safe_url(url: str) -> bool:
    """True for relative URLs that stay on the site, fragments and http(s)/mailto/tel links.

    Browsers decode entities and ignore control characters and whitespace inside a
    scheme (``java&#x09;script:``), so the check looks at the URL the browser sees
    (leaving out all whitespace, which can only make it stricter).
    """
    seen = _INVISIBLE.sub("", html.unescape(html.unescape(url))).lower()
    match = _SCHEME.match(seen)
    if match is None:
        return _OTHER_HOST.match(seen) is None
    return match.group(1) in _SAFE_SCHEMES


class _Sanitiser(Treeprocessor):
    """The last tree pass: rewrites relative links and removes anything that could run."""

    def __init__(self, md: markdown.Markdown, resolve_link: ResolveLink | None) -> None:
        super().__init__(md)
        self.resolve_link = resolve_link
        self.ids: list[str] = []
        """The ``id`` attributes left in the last value (``attr_list`` lets an author write them)."""
        self.linked = False
        """The last value held a URL (a link, an image): its HTML depends on the page it is on."""

    def run(self, root: etree.Element) -> None:
        self.linked = False
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag in _DROPPED_TAGS:
                    self._unwrap(parent, child, keep_text=False)
        for element in list(root.iter()):
            for name in list(element.keys()):
                if name.lower().startswith("on") or name.lower() in ("style", "srcdoc"):
                    del element.attrib[name]
            if element.tag == "a" and element.get("href") is not None and self.resolve_link is not None:
                resolved = self.resolve_link(element.get("href", ""))
                if resolved is not None:
                    element.set("href", resolved)
            for name in _URL_ATTRIBUTES:
                value = element.get(name)
                if value is not None:
                    self.linked = True
                if value is not None and not is_safe_url(value):
                    del element.attrib[name]
                    if element.tag == "a":
                        element.tag = "span"
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag == "img" and child.get("src") is None:
                    child.tail = (child.get("alt") or "") + (child.tail or "")
                    self._unwrap(parent, child, keep_text=False)
        self.ids = [ident for element in root.iter() if element is not root and (ident := element.get("id"))]

    @staticmethod
    def _unwrap(parent: etree.Element, child: etree.Element, *, keep_text: bool) -> None:
        """Remove ``child`` but keep the text that follows it."""
        index = list(parent).index(child)
        text = ("".join(child.itertext()) if keep_text else "") + (child.tail or "")
        if index == 0:
            parent.text = (parent.text or "") + text
        else:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + text
        parent.remove(child)


class InlineMarkdown:
    """Renders free-text values as inline HTML, with the site's inline extensions.

    One ``markdown.Markdown`` instance is reused (``reset()`` between values) and
    results are cached per text: a large map repeats the same words many times. A
    page's cache is its own (a rendered link points from its page); a value that
    links nowhere is the same on every page, so the pages of a build share it
    (:meth:`for_page`): a persona's texts, say, are converted once, not on every map
    that names the persona. Only values Markdown had to convert are shared: a few
    per map, each held once.
    """

    def __init__(self, extensions: Sequence[Any] | None = None,
                 extension_configs: Mapping[str, Mapping[str, Any]] | None = None,
                 resolve_link: ResolveLink | None = None, *, fast_path: bool = True) -> None:
        self.resolve_link = resolve_link
        self._cache: dict[str, Markup] = {}
        self._ids: dict[str, tuple[str, ...]] = {}
        self._shared: dict[str, tuple[Markup, tuple[str, ...]]] = {}
        """Converted values without a URL, and their ids: the same HTML on every page."""
        self._sanitiser: _Sanitiser | None = None
        self._fast = fast_path and _fast_path_allowed(list(extensions or ()), dict(extension_configs or {}))
        """Plain words skip Markdown: what it would give for them is the text itself."""
        self._apostrophes = self._fast and not _QUOTING_EXTENSIONS.intersection(
            e for e in extensions or () if isinstance(e, str))
        """Plain words may hold apostrophes ("customer's", "don't"): no site extension changes them."""
        try:
            self._md: markdown.Markdown | None = self._build(list(extensions or ()), dict(extension_configs or {}))
        except Exception:
            # A site extension that cannot be loaded here should not cost the reader
            # the map: plain Markdown still gives emphasis, code and links.
            self._md = self._build([], {})

    def _build(self, extensions: list[Any], configs: dict[str, Any]) -> markdown.Markdown:
        md = markdown.Markdown(extensions=extensions, extension_configs=configs)
        for registry, kept in ((md.preprocessors, _KEPT_PREPROCESSORS),
                               (md.parser.blockprocessors, _KEPT_BLOCKPROCESSORS)):
            for name in [item for item in registry._data if item not in kept]:  # noqa: SLF001 - Registry has no public name list
                registry.deregister(name)
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
        if "toc" in md.treeprocessors:
            # A value holds no headings (block syntax is off): the table of contents' pass found only
            # its marker, and turned a value "[TOC]" into an empty table of contents. It also cost a
            # fifth of every conversion.
            md.treeprocessors.deregister("toc")
        # Priority below ``unescape`` (0): backslash escapes are restored first, so
        # ``javascript\:`` is judged as the ``javascript:`` the browser would see.
        self._sanitiser = _Sanitiser(md, self.resolve_link)
        md.treeprocessors.register(self._sanitiser, "journey_sanitise", -100)
        return md

    def for_page(self, resolve_link: ResolveLink | None) -> InlineMarkdown:
        """A renderer for another page: this one's Markdown instance, with the page's own links and cache.

        Building a ``markdown.Markdown`` with a site's extensions (PyMdown's, say)
        takes milliseconds, as long as rendering a whole map; a build makes one and
        every page borrows it. The cache stays per page: a rendered link points
        from its page.
        """
        page = object.__new__(InlineMarkdown)
        page.resolve_link = resolve_link
        page._cache = {}
        page._ids = {}
        page._shared = self._shared
        page._sanitiser = self._sanitiser
        page._fast = self._fast
        page._apostrophes = self._apostrophes
        page._md = self._md
        return page

    @staticmethod
    def _reset(md: markdown.Markdown) -> None:
        """``Markdown.reset()``, tolerant of extensions whose reset needs a removed processor."""
        md.htmlStash.reset()
        md.references.clear()
        for extension in md.registeredExtensions:
            try:
                extension.reset()  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - e.g. snippets clearing its (removed) preprocessor's cache
                pass

    def __call__(self, text: str) -> Markup:
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._render(text)
        return cached

    def anchor_ids(self, text: str) -> tuple[str, ...]:
        """The ids in ``text``'s HTML (an author's ``{#id}``), so the page's anchors list them too."""
        return self._ids.get(text, ())

    def _render(self, text: str) -> Markup:
        words = text.replace("'", "") if self._apostrophes else text
        if self._fast and _PLAIN_TEXT.fullmatch(words) and not _NOT_PLAIN.search(words):
            # Most values (names, pains, thoughts) are words: Markdown would return them as they are.
            return Markup(text)
        if self._md is None or not text.strip():
            return escape(text)
        shared = self._shared.get(text)
        if shared is not None:
            html, ids = shared
            if ids:
                self._ids[text] = ids
            return html
        try:
            self._reset(self._md)
            if self._sanitiser is not None:
                self._sanitiser.ids = []
                self._sanitiser.linked = True  # until its pass has looked: nothing is shared unseen
                self._sanitiser.resolve_link = self.resolve_link  # shared by the pages of a build
            output = self._md.convert(text)
        except Exception:
            # An extension that fails on one value falls back to the escaped text.
            return escape(text)
        ids = tuple(self._sanitiser.ids) if self._sanitiser is not None else ()
        if ids:
            self._ids[text] = ids
        output = output.strip()
        if output.startswith("<p>") and output.endswith("</p>"):
            output = _PARAGRAPHS.sub("<br>", output[3:-4])
        html = Markup(output)
        if self._sanitiser is not None and not self._sanitiser.linked:
            self._shared[text] = (html, ids)
        return html
