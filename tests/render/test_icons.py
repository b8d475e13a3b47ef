"""The icons: one shape per name, drawn by the stylesheet, used by an empty element."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from mkdocs_journey.engine.health import HEALTH_ICONS
from mkdocs_journey.engine.render.icons import BEFORE, PATHS, data_uri, icon, stylesheet_block
from mkdocs_journey.engine.render.smileys import smiley

STYLESHEET = Path(__file__).resolve().parents[2] / "mkdocs_journey" / "assets" / "stylesheets" / "journey.css"


def test_the_stylesheet_draws_every_icon_from_the_python_paths() -> None:
    # scripts/icons-css.py writes the block; this fails while the two disagree.
    assert stylesheet_block() in STYLESHEET.read_text("utf-8")


@pytest.mark.parametrize("name", sorted(PATHS))
def test_each_icon_is_its_path_as_a_mask(name: str) -> None:
    svg = unquote(data_uri(name).removeprefix("data:image/svg+xml,"))
    assert f"<path d='{PATHS[name]}'/>" in svg
    assert re.search(rf"\.journey-icon--{name} \{{ --journey-icon: var\(--journey-icon-{name}\); \}}",
                     stylesheet_block())


def test_a_use_is_an_empty_element_with_the_icons_class() -> None:
    use = BeautifulSoup(str(icon("bolt")), "html.parser").span
    assert use["class"] == ["journey-icon", "journey-icon--bolt"]
    assert use.get_text() == "" and not use.contents


def test_an_unknown_icon_is_an_error_naming_the_icons() -> None:
    with pytest.raises(ValueError, match="no icon named `rocket`; the icons are: arrow, bolt"):
        icon("rocket")


def test_a_smiley_is_drawn_once_per_score_and_moment() -> None:
    assert smiley(3) is smiley(3)
    face = BeautifulSoup(str(smiley(2, True)), "html.parser")
    assert face.select_one(".journey-smiley__star")["d"] == PATHS["star"]
    assert face.select_one("g")["class"] == ["journey-smiley", "journey-smiley--2"]
    assert [c.name for c in face.select_one("g").children] == ["circle", "circle", "circle", "path"]


def test_every_health_rule_has_its_icon_as_a_notes_before() -> None:
    # A note's icon is no element of its own: the stylesheet draws it for the note's kind.
    block = stylesheet_block()
    for kind, name in HEALTH_ICONS.items():
        assert f".journey-health__note--{kind}::before {{ --journey-icon: var(--journey-icon-{name}); }}" in block
    assert {BEFORE[f".journey-rating--{value}"] for value in ("yes", "partly", "no")} == {"check", "partly", "cross"}
