"""The overview and persona pages in a MkDocs site: their titles, their place in the navigation.

What they show is made by the engine (``engine/render/overview.py`` and
``persona_page.py``); this module holds only what needs MkDocs' own types.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from mkdocs.structure.files import File
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section
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
    siblings = next((items for items in _lists(nav.items)
                     if any(isinstance(item, Page) and item.file is overview for item in items)), None)
    if siblings is None:
        return
    page = next(item for item in siblings if isinstance(item, Page) and item.file is overview)
    siblings.remove(page)
    siblings.insert(0, page)
    # The reading order (previous and next links) follows the navigation, as MkDocs makes it.
    nav.pages = [item for item in _walk(nav.items) if isinstance(item, Page)]
    for previous, current, following in zip([None, *nav.pages[:-1]], nav.pages, [*nav.pages[1:], None]):
        current.previous_page, current.next_page = previous, following


def _lists(items: list[StructureItem]) -> Iterator[list[StructureItem]]:
    """The navigation's top level and every section's children, depth first."""
    yield items
    for item in items:
        if isinstance(item, Section):
            yield from _lists(item.children)


def _walk(items: list[StructureItem]) -> Iterator[StructureItem]:
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _walk(item.children)
