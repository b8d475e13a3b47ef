"""The overview page, persona pages, improvements.csv, Material tags and the overdue note in a real build."""

from __future__ import annotations

import csv
import io
import logging
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from mkdocs_journey.engine.improvements_csv import HEADER
from mkdocs_journey.cli import main  # noqa: F401 - the command `check` below runs through it

from ..cli.runner import run
from .conftest import Project, map_url, page_path, plugin_records, read_json, soup

OVERDUE_MAP = """\
title: Late work
tags: [b2b, sales]
persona: mark
stages:
  - name: S
    touchpoints:
      - {name: Hurts, id: hurts, emotion: 1, moment_of_truth: true}
improvements:
  - {id: late, title: Late item, owner: Sales, teams: [Finance], status: doing, due: 2026-Q4, addresses: [hurts],
     impact: 3, effort: 3}
"""


def resolve(site: Path, page_url: str, href: str) -> Path:
    """The site file a relative ``href`` on the page at ``page_url`` points to."""
    target = urlsplit(urljoin("https://site.invalid/" + page_url, href)).path.lstrip("/")
    return page_path(site, target)


def overview_url(use_directory_urls: bool) -> str:
    return "journeys/" if use_directory_urls else "journeys/index.html"


def test_the_overview_lists_every_map_with_links_that_resolve(project: Project, use_directory_urls: bool) -> None:
    project.write("journeys/late.journey.yml", OVERDUE_MAP)
    site = project.build()
    url = overview_url(use_directory_urls)
    page = soup(page_path(site, url))
    assert page.find("h1").get_text(strip=True) == "Klantreizen"
    rows = page.select("tr.journey-overview__map")
    titles = [row.th.a.get_text() for row in rows]
    assert sorted(titles) == ["Late work", "Rondreis door de VS boeken", "Start a free trial"]
    for row in rows:
        assert resolve(site, url, row.th.a["href"]).is_file()
    for link in page.select(".journey-overview a[href]"):
        href = link["href"]
        target = resolve(site, url, href)
        assert target.is_file(), href
        fragment = urlsplit(href).fragment
        if fragment:
            assert soup(target).find(id=fragment) is not None, href
    # The persona links to its own page.
    persona = page.select_one(".journey-overview__persona a")
    assert resolve(site, url, persona["href"]) == page_path(site, map_url(use_directory_urls, "persona/mark"))
    # The page's table of contents lists its sections, tag groups included.
    toc = [a["href"] for a in page.select("nav.md-nav--secondary a[href^='#']")]
    assert "#journey-overview-backlog" in toc and "#journey-overview-tag-b2b" in toc


def test_the_overview_follows_the_navigation_order(project: Project) -> None:
    project.config["nav"] = [{"Home": "index.md"}, {"Overzicht": "journeys/index.md"},
                             {"Trial": "saas/trial.journey.yml"}, {"Trip": "journeys/rondreis.journey.yml"}]
    project.set_options(overview_group_by_tag=False)
    page = soup(page_path(project.build(), "journeys/"))
    assert [row.th.a.get_text() for row in page.select("tr.journey-overview__map")] == [
        "Start a free trial", "Rondreis door de VS boeken"]


def test_the_overview_leads_its_section_in_the_automatic_nav(project: Project) -> None:
    project.write("journeys/aaa.md", "# Aaa\n")  # a page of the site that sorts before index
    project.config["theme"]["features"] = ["navigation.footer"]
    site = project.build()
    home = soup(page_path(site, ""))
    section = [a.get_text(" ", strip=True) for a in home.select("nav.md-nav--primary a[href]")
               if a["href"].startswith("journeys/")]
    # Generated pages come after the site's own; the overview is moved to the front of its section.
    assert section == ["Klantreizen", "Aaa", "Rondreis door de VS boeken"]
    # The reading order follows: the page before the section leads to the overview, the overview to Aaa.
    overview = soup(page_path(site, "journeys/"))
    assert overview.select_one("a.md-footer__link--next")["href"] == "aaa/"
    aaa = soup(page_path(site, "journeys/aaa/"))
    assert aaa.select_one("a.md-footer__link--prev")["href"] == "../"


def test_overview_false_makes_no_page(project: Project) -> None:
    project.set_options(overview=False)
    site = project.build()
    assert not page_path(site, "journeys/").exists()
    assert not (site / "assets" / "javascripts" / "journey.js").exists()
    assert "journey.js" not in page_path(site, "journeys/rondreis/").read_text(encoding="utf-8")


def test_another_overview_path(project: Project, use_directory_urls: bool) -> None:
    project.set_options(overview="overzicht.md")
    site = project.build()
    assert not page_path(site, "journeys/").exists()
    page = soup(page_path(site, map_url(use_directory_urls, "overzicht")))
    link = page.select_one("tr.journey-overview__map th a")
    assert resolve(site, map_url(use_directory_urls, "overzicht"), link["href"]).is_file()
    script = page.find("script", src=lambda src: src and src.endswith("journey.js"))
    assert resolve(site, map_url(use_directory_urls, "overzicht"), script["src"]).is_file()


def test_an_existing_page_at_the_overview_path_is_left_alone(project: Project,
                                                             journey_log: pytest.LogCaptureFixture) -> None:
    project.write("journeys/index.md", "# Onze reizen\n\nEigen tekst.\n")
    site = project.build()
    page = soup(page_path(site, "journeys/"))
    assert page.find("h1").get_text(strip=True) == "Onze reizen¶"  # with the toc extension's permalink
    assert page.select_one(".journey-overview") is None
    lines = [r.getMessage() for r in plugin_records(journey_log, logging.INFO) if "overview" in r.getMessage()]
    assert lines == ["mkdocs_journey: `journeys/index.md` is a page of the site, so the journey plugin leaves it as it is and writes "
                     "no overview there; show the overview on it with a `journey` fence (`show: overview`), or set "
                     "`overview:` under the journey plugin to another path or to false"]


def test_an_existing_page_with_the_overview_fence_logs_nothing(project: Project,
                                                               journey_log: pytest.LogCaptureFixture) -> None:
    project.write("journeys/index.md", "# Onze reizen\n\nEigen tekst.\n\n```journey\nshow: overview\n```\n\nNa.\n")
    site = project.build()
    assert not [r for r in plugin_records(journey_log, logging.INFO) if "overview" in r.getMessage()]
    page = soup(page_path(site, "journeys/"))
    texts = [p.get_text() for p in page.select("article p")]
    assert "Eigen tekst." in texts and "Na." in texts
    rows = page.select("tr.journey-overview__map")
    assert rows and all(resolve(site, "journeys/", row.th.a["href"]).is_file() for row in rows)
    assert page.find("script", src=lambda src: src and src.endswith("journey.js")) is not None
    toc = [a["href"] for a in page.select("nav a.md-nav__link[href^='#']")]
    headings = [f"#{h['id']}" for h in page.select(".journey-overview h2[id]")]
    assert headings and set(headings) <= set(toc), (headings, toc)  # the overview's sections are in the table of contents
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_the_overview_fence_needs_the_overview_path(project: Project) -> None:
    # Elsewhere `show: overview` is a fence error: the overview has one place, the overview page.
    project.write("team.md", "# Team\n\n```journey\nshow: overview\n```\n")
    assert project.run_mkdocs("build").returncode != 0


@pytest.mark.parametrize("value", ["../elders.md", "/journeys/index.md", "journeys/index.html", "", 3, ["a.md"]])
def test_a_wrong_overview_option_stops_the_build_with_one_line(project: Project, value: object) -> None:
    project.set_options(overview=value)
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    assert "Expected a page path in the docs folder ending in `.md` (e.g. journeys/index.md), or false" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_backlog_and_plan_across_maps(project: Project) -> None:
    project.write("journeys/late.journey.yml", OVERDUE_MAP)
    page = soup(page_path(project.build(), "journeys/"))
    cards = page.select("ol.journey-portfolio-backlog > li")
    assert cards[0].select_one(".journey-backlog__title").get_text() == "Late item"  # doing comes first
    overdue = page.select_one("li.journey-plan__column--overdue")
    assert [a["href"] for a in overdue.select("a")] == ["#" + cards[0]["id"]]
    assert page.find(id="journey-backlog-owner-sales") is not None


# -- improvements.csv -------------------------------------------------------------------


def test_improvements_csv_beside_journeys_json(project: Project, use_directory_urls: bool) -> None:
    site = project.build()
    text = (site / "improvements.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == list(HEADER)
    exported = {(j["url"], i["id"]): i for j in read_json(site / "journeys.json")["journeys"] for i in j["improvements"]}
    assert {(row["url"], row["id"]) for row in rows} == set(exported)
    filters = next(row for row in rows if row["id"] == "filters")
    assert filters == {"map": "Rondreis door de VS boeken", "url": map_url(use_directory_urls), "id": "filters",
                       "title": "Filters op land, prijs en aantal dagen", "status": "planned", "owner": "Webteam",
                       "teams": "", "due": "2027-Q1", "impact": "5", "effort": "2", "score": "20",
                       "quick_win": "true", "addresses": "afweging/website"}


def test_export_false_writes_no_csv(project: Project) -> None:
    project.set_options(export=False)
    site = project.build()
    assert not (site / "improvements.csv").exists()


def test_a_csv_of_the_site_is_not_overwritten(project: Project) -> None:
    project.write("improvements.csv", "a,b\n")
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    assert "`improvements.csv` in the docs folder would be overwritten by the journey export" in result.stderr


# -- Persona pages -----------------------------------------------------------------------


def test_a_persona_file_becomes_a_page_linked_both_ways(project: Project, use_directory_urls: bool) -> None:
    site = project.build()
    persona_url = map_url(use_directory_urls, "persona/mark")
    page = soup(page_path(site, persona_url))
    assert page.find("h1").get_text(strip=True) == "Mark"
    assert page.select_one(".journey-persona__role").get_text(strip=True) == "Vader van twee"
    image = page.select_one("img.journey-persona__image")
    assert resolve(site, persona_url, image["src"]).is_file()
    maps = page.select(".journey-persona-page__maps a.journey-persona-page__title")
    assert [a.get_text() for a in maps] == ["Rondreis door de VS boeken"]
    assert resolve(site, persona_url, maps[0]["href"]) == page_path(site, map_url(use_directory_urls))
    # And back: the map's persona card links to the persona page.
    map_page = soup(page_path(site, map_url(use_directory_urls)))
    link = map_page.select_one(".journey-persona__page a")
    assert resolve(site, map_url(use_directory_urls), link["href"]) == page_path(site, persona_url)


def test_an_inline_persona_has_no_page_to_link(project: Project) -> None:
    site = project.build()
    trial = soup(page_path(site, "saas/trial/"))
    assert trial.select_one(".journey-persona__page a") is None


def test_a_persona_page_that_clashes_is_an_error_naming_both(project: Project) -> None:
    project.write("persona/mark.md", "# Mark\n")
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    assert ("docs/persona/mark.persona.yml:1:1: error: this persona would become the page `persona/mark.md`, "
            "but `persona/mark.md` already is") in result.stderr


def test_a_persona_and_a_map_with_one_stem_clash(project: Project) -> None:
    project.write("persona/mark.journey.yml", "title: Mark's map\nstages:\n  - name: Een\n")
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    assert "error: this persona would become the page `persona/mark.md`, but `persona/mark.journey.yml` already is" in (
        result.stderr)


# -- Tags ---------------------------------------------------------------------------------


def test_map_tags_are_chips_without_the_tags_plugin(project: Project) -> None:
    project.write("journeys/late.journey.yml", OVERDUE_MAP)
    page = soup(page_path(project.build(), "journeys/late/"))
    assert [li.get_text() for li in page.select("ul.journey-tags li")] == ["b2b", "sales"]
    assert page.select(".md-tag") == []


def _material_before_9_6() -> bool:
    major, minor = (int(part) for part in version("mkdocs-material").split(".")[:2])
    return (major, minor) < (9, 6)


def test_map_tags_are_page_tags_with_materials_tags_plugin(project: Project) -> None:
    project.write("journeys/late.journey.yml", OVERDUE_MAP.replace("tags: [b2b, sales]", 'tags: [b2b, "<i>x</i>"]'))
    if _material_before_9_6():
        # Material 9.5 (the oldest allowed) writes its tag index at a `[TAGS]` marker of its `tags_file`.
        project.write("tags.md", "# Tags\n\n[TAGS]\n")
        project.config["plugins"].insert(1, {"tags": {"tags_file": "tags.md"}})
    else:
        project.write("tags.md", "# Tags\n\n<!-- material/tags -->\n")
        project.config["plugins"].insert(1, "tags")
    site = project.build()
    page = soup(page_path(site, "journeys/late/"))
    assert sorted(tag.get_text(strip=True) for tag in page.select(".md-tag")) == ["<i>x</i>", "b2b"]
    assert page.find("i") is None  # a tag is text, as the map's title is
    assert page.select("ul.journey-tags") == []
    index = soup(page_path(site, "tags/"))
    assert "Late work" in index.select_one("article").get_text()


# -- Overdue: one rule for the page, check and the export ------------------------------------


def test_an_overdue_item_is_a_health_note_on_the_page_in_check_and_in_the_export(project: Project) -> None:
    project.write("journeys/late.journey.yml", OVERDUE_MAP)
    site = project.build()
    page = soup(page_path(site, "journeys/late/"))
    assert page.select_one("li.journey-health__note--overdue a")["href"] == "#improvement-late"
    exported = next(j for j in read_json(site / "journeys.json")["journeys"] if j["title"] == "Late work")
    assert {"kind": "overdue", "improvement": "late",
            "message": "verbetering `late` staat nog open maar de deadline (Q4 2026) is verstreken"} in exported["health"]
    result = run("check", str(project.docs / "journeys" / "late.journey.yml"), "--docs-dir", str(project.docs))
    assert "late.journey.yml:9:86: warning: improvement `late` is open but its due date (Q4 2026) has passed" in (
        result.stdout)


# -- Search ---------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_search_finds_the_maps_on_the_overview_not_its_backlog(project: Project, theme: str) -> None:
    project.config["theme"] = {"name": theme, "language": "nl"} if theme == "material" else {"name": theme}
    site = project.build()
    docs = read_json(site / "search" / "search_index.json")["docs"]
    overview = [doc for doc in docs if doc["location"].startswith("journeys/") and "rondreis" not in doc["location"]]
    text = " ".join(doc["text"] for doc in overview)
    assert "Rondreis door de VS boeken" in text and "Start a free trial" in text
    # An improvement is found on its map, not a second time on the overview.
    hits = [doc["location"] for doc in docs if "Betere vindbaarheid" in doc["title"] + doc["text"]]
    assert hits and all(location.startswith("journeys/rondreis/") for location in hits)
    # Readers get the whole overview.
    page = soup(page_path(site, "journeys/"))
    assert page.select("ol.journey-portfolio-backlog > li")
