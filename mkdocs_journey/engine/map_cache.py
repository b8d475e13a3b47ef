"""Collected maps kept from one build to the next in the same process (``mkdocs serve``).

``mkdocs serve`` rebuilds the whole site on every save; reading and validating
every map again made the plugin's part of a rebuild grow with the size of the site
instead of with the change. A map is kept under its file's path and the hash of
its bytes, and reused only while the world it was read in is the same: the same
files in the docs folder (an image or a persona may have come or gone), the same
persona files, the same settings. When that world changes, everything is read
again; when only some maps changed, only those are.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Hashable

if TYPE_CHECKING:  # collection.py uses this module
    from .collection import CollectedMap


def digest(data: bytes) -> bytes:
    """A short, collision-resistant fingerprint of a file's bytes."""
    return hashlib.blake2b(data, digest_size=16).digest()


class MapCache:
    """The collected maps of the previous build, valid for one world at a time."""

    def __init__(self) -> None:
        self._world: Hashable | None = None
        self._maps: dict[Path, tuple[bytes, CollectedMap]] = {}
        self.hits = 0
        """Maps reused in the current build (for tests and benchmarks)."""

    def begin(self, world: Hashable) -> None:
        """Start a build in ``world``; a different world than last time forgets every map."""
        if world != self._world:
            self._maps.clear()
            self._world = world
        self.hits = 0

    def get(self, path: Path, content: bytes) -> CollectedMap | None:
        kept = self._maps.get(path)
        if kept is not None and kept[0] == digest(content):
            self.hits += 1
            return kept[1]
        return None

    def put(self, path: Path, content: bytes, collected: CollectedMap) -> None:
        self._maps[path] = (digest(content), collected)

    def keep_only(self, paths: set[Path]) -> None:
        """Forget maps whose files are gone, so a long ``serve`` session does not grow."""
        for path in [p for p in self._maps if p not in paths]:
            del self._maps[path]
