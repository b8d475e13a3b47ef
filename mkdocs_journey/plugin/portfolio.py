"""The overview and persona pages in a MkDocs site: their titles, their place in the navigation.

What they show is made by the engine (``engine/render/overview.py`` and
``persona_page.py``); this module holds only what needs MkDocs' own types.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section, _add_previous_and_next_links, _get_by_type
from mkdocs.structure.pages import Page

from ..engine.model import Persona

_OVERVIEW_FENCE = re.compile(r"^[ \t]*show:[ \t]*['\"]?overview\b", re.MULTILINE)


def persona_title(persona: Persona) -> str:
    """A persona page is titled with the persona's name."""
    return persona.name


def overview_requested(page: File) -> bool:
    """Does a page of the site at the overview's path show the overview itself (a ``journey`` fence, ``show: overview``)?"""
    if page.abs_src_path is None:
        return False
    try:
        text = Path(page.abs_src_path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    return "journey" in text and _OVERVIEW_FENCE.search(text) is not None


def lead_section(nav: Navigation, overview: File) -> None:
    """Move the overview page to the front of the section that holds it (automatic navigation only).

    MkDocs lists a folder's ``index.md`` first, but a generated page is added after
    the site's own pages, so without this the overview would trail the maps it sums up.
    """
    siblings: list[StructureItem] | None = None
    holders: list[list[StructureItem]] = [nav.items, *(section.children for section in _get_by_type(nav.items, Section))]
    for items in holders:
        if any(isinstance(item, Page) and item.file is overview for item in items):
            siblings = items
            break
    if siblings is None:
        return
    page = next(item for item in siblings if isinstance(item, Page) and item.file is overview)
    siblings.remove(page)
    siblings.insert(0, page)
    nav.pages = _get_by_type(nav.items, Page)
    _add_previous_and_next_links(nav.pages)
