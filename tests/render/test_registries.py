"""The lane and health-rule registries: every entry reaches the template, the labels, the search text and the icons.

These tests take their cases from the registries, so a new lane or rule is checked
as soon as it is declared (see docs/contributing.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
import yaml
from bs4 import BeautifulSoup
from markupsafe import escape

import mkdocs_journey
from mkdocs_journey.engine.collection import CollectedMap
from mkdocs_journey.engine.health import RULES, HealthRule, rule
from mkdocs_journey.engine.i18n import available_languages
from mkdocs_journey.engine.lanes import LANES, Lane
from mkdocs_journey.engine.render import render_map
from mkdocs_journey.engine.render.environment import environment
from mkdocs_journey.engine.render.icons import PATHS
from mkdocs_journey.engine.render.inline_markdown import InlineMarkdown

from .conftest import FULL_MAP, context

TRANSLATIONS = Path(mkdocs_journey.__file__).parent / "translations"


def labels(language: str) -> dict[str, object]:
    """A language's own file, without the English fallback the translator adds."""
    return yaml.safe_load((TRANSLATIONS / f"{language}.yml").read_text("utf-8"))


@pytest.mark.parametrize("lane", LANES, ids=lambda lane: lane.key)
def test_every_lane_has_a_macro_and_a_label_in_each_language(lane: Lane) -> None:
    macros = environment(()).get_template("journey/lanes.html").module
    assert callable(getattr(macros, lane.macro, None)), f"no macro `{lane.macro}` in journey/lanes.html"
    for language in available_languages():
        assert isinstance(labels(language).get(lane.label_key), str), f"{lane.label_key} missing from {language}.yml"


@pytest.mark.parametrize("lane", LANES, ids=lambda lane: lane.key)
def test_every_lane_draws_its_row_with_its_label(load: Callable[..., CollectedMap], lane: Lane) -> None:
    page = BeautifulSoup(render_map(load(FULL_MAP), context("nl", lanes=(lane.key,))).html, "html.parser")
    row = page.select_one(f"tr.journey-lane--{lane.key}")
    assert row is not None
    assert row.th.get_text(strip=True) == labels("nl")[lane.label_key]
    cells = row.find_all(["td", "th"])[1:]
    assert any(cell.get_text(strip=True) or cell.find(["img", "svg"]) for cell in cells)


@pytest.mark.parametrize("lane", [lane for lane in LANES if lane.search_paragraph], ids=lambda lane: lane.key)
def test_every_lane_adds_its_words_to_the_search_text(load: Callable[..., CollectedMap], lane: Lane) -> None:
    """The words are there even when the site hides the lane: search finds what the file says."""
    collected = load(FULL_MAP)
    loaded = collected.loaded
    assert loaded.journey is not None
    search = render_map(collected, context(lanes=("touchpoint",))).search_html
    assert search is not None
    md = InlineMarkdown()
    words = [word for stage in loaded.journey.stages for tp in stage.touchpoints for word in lane.search_text(tp, md)]
    assert words, f"FULL_MAP gives lane `{lane.key}` no words to index"
    for word in words:
        assert str(escape(word)) in search  # plain words escaped, Markdown as rendered


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.kind)
def test_every_health_rule_has_an_icon(rule: HealthRule) -> None:
    assert rule.icon in PATHS, f"icon `{rule.icon}` has no path in engine/render/icons.py"
    icons = environment(()).get_template("journey/icons.html").module  # what an overriding template imports
    use = BeautifulSoup(str(icons.health_icon(rule.kind)), "html.parser").span
    assert use["class"] == ["journey-icon", f"journey-icon--{rule.icon}"]


def test_a_kind_without_a_rule_gets_the_warning_icon() -> None:
    icons = environment(()).get_template("journey/icons.html").module
    assert "journey-icon--warning" in str(icons.health_icon("from-an-overriding-template"))


def test_a_rule_kind_is_declared_once() -> None:
    with pytest.raises(ValueError, match="`draft` is declared twice"):
        rule("draft", "journey", icon="pencil")(lambda journey, context: ())
