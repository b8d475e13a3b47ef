"""The files the package publishes beside the maps: its stylesheet.

The plugin adds it to every site; ``mkdocs-journey assets`` copies it into a docs
folder for generators that run no plugins (Zensical).
"""

from __future__ import annotations

from pathlib import Path

STYLESHEET = "assets/stylesheets/journey.css"
"""Where the stylesheet is published (and linked from every page), relative to the site."""
STYLESHEET_SOURCE = Path(__file__).parent.parent / "assets" / "stylesheets" / "journey.css"
