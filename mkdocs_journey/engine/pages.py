"""The Markdown page of a map, for generators that run no plugins (Zensical): ``mkdocs-journey pages``.

Zensical builds what is in the docs folder and recommends committing generated
files. So each map gets a small page beside it, written once and regenerated when
maps are added: front matter with the title, a line saying where it came from, and a
``journey`` fence showing the whole map. The journey plugin recognises these pages by
that line and builds its own page in their place, so one docs folder serves MkDocs,
ProperDocs and Zensical alike.
"""

from __future__ import annotations

import json
import posixpath

from markupsafe import escape

from .docs_tree import stem
from .fence import PAGE_PARTS

MARKER = "<!-- mkdocs-journey pages: the page of {source}; regenerate with `mkdocs-journey pages`, do not edit -->"


def page_path(journey_src_uri: str) -> str:
    """``journeys/booking.journey.yml`` -> ``journeys/booking.md``."""
    folder, name = posixpath.split(journey_src_uri)
    return posixpath.join(folder, f"{stem(name)}.md")


def map_page(journey_src_uri: str, title: str, *, hide: tuple[str, ...] = ("toc",)) -> str:
    """The page's Markdown: the same bytes for the same map, so a committed copy does not churn."""
    # Themes print a page title as HTML: the title goes in escaped, as the plugin writes it.
    front = [f"title: {json.dumps(str(escape(title)), ensure_ascii=False)}"]
    if hide:
        front.append(f"hide: {json.dumps(list(hide))}")
    return (
        "---\n" + "\n".join(front) + "\n---\n\n"
        + MARKER.format(source=journey_src_uri) + "\n\n"
        + "```journey\n"
        + f"file: {journey_src_uri}\n"
        + f"show: [{', '.join(PAGE_PARTS)}]\n"
        + "```\n"
    )


def is_map_page(text: str, journey_src_uri: str) -> bool:
    """Whether ``text`` is the page ``mkdocs-journey pages`` writes for this map (edited or not)."""
    return MARKER.format(source=journey_src_uri) in text
