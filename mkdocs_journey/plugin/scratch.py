"""Files the plugin makes for the whole site, waiting in a temporary folder instead of in memory.

``journeys.json`` holds every map of the site: some 18 MB at 500 maps. Made in
``on_files`` (while every map is at hand) and handed to MkDocs as content, it stayed
in memory through every page's conversion and until the build ended, since MkDocs
keeps a file's content after writing it. Written a map at a time to a temporary file
instead, it never is in memory whole; MkDocs copies that file into the site (the
way ``File.generated`` with ``abs_src_path`` is meant to be used), and a plugin
that reads the file's content reads it from there.

The folder goes at the end of the build (``on_post_build``, after every other
plugin), when the build fails, and when MkDocs shuts down.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Iterable


class Scratch:
    """One build's temporary folder, made on first use."""

    def __init__(self) -> None:
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    def write(self, name: str, pieces: Iterable[bytes]) -> str:
        """Write ``pieces`` to the file ``name`` in the folder; its absolute path."""
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="mkdocs-journey-")
        path = Path(self._folder.name) / name
        with path.open("wb") as output:
            for piece in pieces:
                output.write(piece)
        return str(path)

    def clear(self) -> None:
        """Remove the folder and what is in it."""
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
