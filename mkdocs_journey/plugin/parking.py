"""Map pages' HTML kept compressed while MkDocs converts the rest of the site.

MkDocs converts every page (``on_page_content``) before it writes the first one
(``on_page_context``, the theme, ``on_post_page``), so all pages of a site wait in
memory side by side. A map page's HTML is large and repetitive: about 140,000
characters for 30 touchpoints, stored at two bytes per character once it holds a
“ or a ›. A 500-map site held some 150 MB of it, more than the rest of the build.
Compressed it is about a fifteenth of that, and compressing and expanding one
page costs about half a millisecond.

Every other plugin still sees the full HTML in ``on_page_content`` (the page is
parked after them) and in ``on_page_context`` (it is back before them). Only code
that reads a map page's ``content`` in between, e.g. in ``on_env``, finds
:data:`PARKED` instead; it would have found ``None`` after the page was written
anyway, since the plugin lets go of a written map's HTML.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

PARKED = "<!-- mkdocs-journey: this map's HTML waits compressed until its page is written -->"
"""A parked page's ``content`` (a comment: nothing shows if a page is written while parked)."""

_LEVEL = 1
"""zlib's fastest level: a map page's HTML comes out 4% larger than at level 3 (about a
twelfth of its UTF-8 bytes), in three quarters of the time; compressing is part of
every map's ``on_page_content``, the memory it saves hardly differs."""


@dataclass(frozen=True)
class Packed:
    """A text held as compressed UTF-8."""

    data: bytes

    @classmethod
    def of(cls, text: str) -> Packed:
        return cls(zlib.compress(text.encode("utf-8"), _LEVEL))

    def text(self) -> str:
        return zlib.decompress(self.data).decode("utf-8")


class Parking:
    """The parked pages of one build, by page ``src_uri``."""

    def __init__(self) -> None:
        self._held: dict[str, Packed] = {}

    def clear(self) -> None:
        self._held = {}

    def park(self, src_uri: str, content: str) -> str:
        """Hold ``content``; what the page carries meanwhile."""
        return self.hold(src_uri, Packed.of(content))

    def hold(self, src_uri: str, packed: Packed) -> str:
        """Hold content that is compressed already; what the page carries meanwhile."""
        self._held[src_uri] = packed
        return PARKED

    def take(self, src_uri: str, content: str | None) -> str | None:
        """The page's content again (``content`` itself when nothing was parked).

        A page whose content another plugin replaced while it was parked keeps the
        replacement: that plugin meant it.
        """
        packed = self._held.pop(src_uri, None)
        if packed is None or content != PARKED:
            return content
        return packed.text()

    def __len__(self) -> int:
        return len(self._held)
