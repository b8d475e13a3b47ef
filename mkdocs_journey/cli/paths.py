"""How the command line finds a file's docs folder and names files in its output."""

from __future__ import annotations

from pathlib import Path

from ..engine.docs_tree import DocsTree
from .site_settings import SiteSettings, find_site


def docs_root(path: Path, here: SiteSettings) -> Path:
    """The docs folder ``path`` belongs to: the current site's, the nearest site's
    above it, or (for files outside any site) the folder given."""
    if DocsTree(here.docs_dir.resolve()).contains(path):
        return here.docs_dir
    site = find_site(path)
    if site is not None:
        return site.docs_dir
    return path if path.is_dir() else path.parent


def relative(path: Path, cwd: Path | None = None) -> Path:
    """How a file is named in findings: relative to the current folder (``cwd``, resolved) when it is below it."""
    try:
        return path.relative_to(cwd or Path.cwd().resolve())
    except ValueError:
        return path
