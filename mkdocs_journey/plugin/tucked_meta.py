"""The front matter of our generated pages, set aside while other pages are written.

Material renders the whole navigation on every page, and for each entry whose
page has front matter it looks up an icon, a subtitle, a status and an
encryption flag (``partials/nav-item.html``): four failed lookups, each an
exception inside Jinja. Our generated pages (maps, the overview, persona pages)
always have front matter (a ``title``, Material's ``hide``) and never have those
keys, so a site of 1,000 maps made some 7 million such lookups, a cost that
grows with the square of the number of maps (about a tenth of the build).

So once every page has been converted, the ``title`` and ``hide`` we wrote are
set aside. The page's title stays what it was (it is pinned on the page), and
both keys are back while the page itself is rendered and written (from the
first ``on_page_context`` to the last ``on_post_page``), and for good when the
build's ``on_post_build`` starts. What the theme writes is byte for byte the
same. Other keys (another plugin's, Material's ``tags``) are never touched.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.pages import Page

TUCKED_KEYS = ("title", "hide")
"""The keys :func:`..sources.page_markdown` writes that only the page's own rendering reads."""


class TuckedMeta:
    """Our generated pages, and the keys set aside of each."""

    def __init__(self) -> None:
        self._pages: dict[int, Page] = {}
        self._tucked: dict[int, dict[str, Any]] = {}

    def tuck(self, page: Page) -> None:
        """Set the page's own keys aside until it renders (its title stays, pinned on the page)."""
        self._pages[id(page)] = page
        if id(page) in self._tucked or not any(key in page.meta for key in TUCKED_KEYS):
            return
        page.title = page.title  # MkDocs' title reads `meta["title"]`; an attribute set on the page wins
        self._tucked[id(page)] = {key: page.meta.pop(key) for key in TUCKED_KEYS if key in page.meta}

    def rendering(self, page: Page) -> None:
        """The page itself is being rendered: its keys are back, first, in the order they were written."""
        kept = self._tucked.pop(id(page), None)
        if kept is None:
            return
        rest = dict(page.meta)
        page.meta.clear()
        page.meta.update(kept)
        page.meta.update(rest)

    def written(self, page: Page) -> None:
        """The page is written: set its keys aside again while the other pages render."""
        if id(page) in self._pages:
            self.tuck(page)

    def give_back(self) -> None:
        """Every page's keys back for good (the pages are all written), and the pages forgotten."""
        for page in self._pages.values():
            self.rendering(page)
        self._pages.clear()
