"""Labels follow the plugin's ``language``, else the theme's; unknown ones fall back to English."""

from __future__ import annotations

import json
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


# -- A map's own `language:` ---------------------------------------------------------------


def _with_language(project: Project, language: str) -> None:
    path = project.docs / "journeys" / "rondreis.journey.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: validated\n", f"status: validated\nlanguage: {language}\n", 1),
                    encoding="utf-8")


def test_a_map_language_wins_over_the_site(project: Project) -> None:
    """An English map on a Dutch site: its labels, dates, health notes and `lang` are English."""
    _with_language(project, "en")
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    labels = [h2.get_text(strip=True) for h2 in page.select(".journey h2")]
    assert ENGLISH("health.heading") in labels and DUTCH("health.heading") not in labels
    journey = page.select_one(".journey")
    assert journey["lang"] == "en"
    assert "14 October 2026" in journey.get_text() and "oktober" not in journey.get_text()
    # The site around it stays Dutch.
    assert page.html["lang"] == "nl"


def test_a_dutch_map_on_an_english_site(project: Project) -> None:
    project.config["theme"]["language"] = "en"
    _with_language(project, "nl")
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    assert page.select_one(".journey")["lang"] == "nl"
    assert DUTCH("map.heading") in [h2.get_text(strip=True) for h2 in page.select(".journey h2")]


def test_the_page_names_the_site_language_when_the_map_has_none(project: Project) -> None:
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    assert page.select_one(".journey")["lang"] == "nl"


def test_a_map_language_also_holds_for_its_export(project: Project) -> None:
    """journeys.json's health messages read as the map's page does."""
    def messages() -> list[str]:
        data = json.loads((project.build() / "journeys.json").read_text(encoding="utf-8"))
        return [h["message"] for j in data["journeys"] if j["source"].endswith("rondreis.journey.yml")
                for h in j["health"]]

    dutch = messages()
    _with_language(project, "en")
    english = messages()
    assert dutch and len(english) == len(dutch) and not set(english) & set(dutch)
    assert any(DUTCH("status.idea") in m for m in dutch) == any(ENGLISH("status.idea") in m for m in english)


def test_an_unknown_map_language_is_a_located_error(project: Project) -> None:
    _with_language(project, "de")
    result = project.run_mkdocs("build", "--strict")
    assert result.returncode != 0
    lines = [line for line in (result.stdout + result.stderr).splitlines() if "rondreis.journey.yml" in line]
    assert any(":5:" in line and "language" in line and "`en`" in line and "`nl`" in line for line in lines), lines
