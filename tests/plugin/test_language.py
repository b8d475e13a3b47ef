"""Labels follow the plugin's ``language``, else the theme's; unknown ones fall back to English."""

from __future__ import annotations

import logging

import pytest

from mkdocs_journey.engine.i18n import Translator

from .conftest import Project, page_path, plugin_records, soup

DUTCH = Translator("nl")
ENGLISH = Translator("en")


def headings(project: Project) -> list[str]:
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    return [h2.get_text(strip=True) for h2 in page.select(".journey h2")]


def test_material_theme_language_gives_dutch_labels(project: Project) -> None:
    labels = headings(project)
    assert DUTCH("health.heading") in labels and DUTCH("backlog.heading") in labels


@pytest.mark.parametrize("locale", ["nl", "nl_NL", "nl_BE"])
def test_mkdocs_theme_locale_gives_dutch_labels(project: Project, locale: str) -> None:
    project.config["theme"] = {"name": "mkdocs", "locale": locale}
    assert DUTCH("map.heading") in headings(project)


@pytest.mark.parametrize("language", ["nl_NL", "nl-BE", "NL"])
def test_plugin_language_is_normalised(project: Project, language: str) -> None:
    project.config["theme"]["language"] = "en"
    project.set_options(language=language)
    assert DUTCH("map.heading") in headings(project)


def test_plugin_language_wins_over_the_theme(project: Project) -> None:
    project.set_options(language="en")
    labels = headings(project)
    assert ENGLISH("health.heading") in labels and DUTCH("health.heading") not in labels


def test_plugin_language_nl_on_an_english_theme(project: Project) -> None:
    project.config["theme"]["language"] = "en"
    project.set_options(language="nl")
    assert DUTCH("health.heading") in headings(project)


def test_unknown_language_is_one_warning_and_english(project: Project, journey_log: pytest.LogCaptureFixture) -> None:
    project.set_options(language="xx")
    labels = headings(project)
    assert ENGLISH("health.heading") in labels
    warnings = plugin_records(journey_log, logging.WARNING)
    assert len(warnings) == 1
    assert "`xx`" in warnings[0].getMessage() and "English" in warnings[0].getMessage()


def test_dates_follow_the_language(project: Project) -> None:
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    assert "14 oktober 2026" in page.select_one(".journey").get_text()
