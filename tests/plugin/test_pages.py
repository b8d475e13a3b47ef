"""A journey file becomes a page: its URL, title, navigation, assets and links."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from .conftest import Project, map_url, page_path, read_json, soup


def resolve(site: Path, page_url: str, href: str) -> Path:
    """The site file a relative ``href`` on the page at ``page_url`` points to."""
    target = urlsplit(urljoin("https://site.invalid/" + page_url, href)).path.lstrip("/")
    return page_path(site, target)


def test_map_page_at_the_journey_file_url(project: Project, use_directory_urls: bool) -> None:
    site = project.build()
    page = soup(page_path(site, map_url(use_directory_urls)))
    assert page.find("h1").get_text(strip=True) == "Rondreis door de VS boeken"
    assert page.title.get_text().startswith("Rondreis door de VS boeken - ")
    assert page.select_one(".journey") is not None
    assert page_path(site, map_url(use_directory_urls, "saas/trial")).is_file()


def test_map_is_in_the_automatic_nav_under_its_title(project: Project, use_directory_urls: bool) -> None:
    site = project.build()
    home = soup(page_path(site, "" if use_directory_urls else "index.html"))
    nav = {a.get_text(" ", strip=True): a["href"] for a in home.select("nav.md-nav--primary a[href]")}
    assert nav["Rondreis door de VS boeken"] == map_url(use_directory_urls)
    assert nav["Start a free trial"] == map_url(use_directory_urls, "saas/trial")


def test_explicit_nav_names_the_journey_file(project: Project, use_directory_urls: bool) -> None:
    project.config["nav"] = [
        {"Home": "index.md"},
        {"Klantreizen": [{"Boeken": "journeys/rondreis.journey.yml"}, "saas/trial.journey.yml"]},
    ]
    site = project.build()
    home = soup(page_path(site, "" if use_directory_urls else "index.html"))
    nav = {a.get_text(" ", strip=True): a["href"] for a in home.select("nav.md-nav--primary a[href]")}
    assert nav["Boeken"] == map_url(use_directory_urls)
    assert nav["Start a free trial"] == map_url(use_directory_urls, "saas/trial")


def test_raw_yaml_is_not_published_by_default(project: Project) -> None:
    site = project.build()
    assert not (site / "journeys" / "rondreis.journey.yml").exists()
    assert not (site / "persona" / "mark.persona.yml").exists()


def test_publish_source_copies_the_yaml(project: Project) -> None:
    project.set_options(publish_source=True)
    site = project.build()
    assert (site / "journeys" / "rondreis.journey.yml").read_bytes() == (
        project.docs / "journeys" / "rondreis.journey.yml").read_bytes()
    assert (site / "persona" / "mark.persona.yml").is_file()
    assert page_path(site, "journeys/rondreis/").is_file()


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_stylesheet_is_linked_relatively_and_published(project: Project, use_directory_urls: bool,
                                                       theme: str) -> None:
    project.config["theme"] = {"name": theme}
    site = project.build()
    url = map_url(use_directory_urls)
    page = soup(page_path(site, url))
    hrefs = [link["href"] for link in page.select("link[rel=stylesheet]") if "journey.css" in link["href"]]
    assert len(hrefs) == 1
    assert not urlsplit(hrefs[0]).scheme and not hrefs[0].startswith("/")
    stylesheet = resolve(site, url, hrefs[0])
    assert stylesheet == site / "assets" / "stylesheets" / "journey.css"
    assert ".journey" in stylesheet.read_text(encoding="utf-8")


def test_images_point_at_published_files(project: Project, use_directory_urls: bool) -> None:
    site = project.build()
    url = map_url(use_directory_urls)
    sources = [img["src"] for img in soup(page_path(site, url)).select(".journey img")]
    assert any(src.endswith("google.png") for src in sources)
    assert any(src.endswith("mark.png") for src in sources), "the persona file's picture"
    for src in sources:
        assert resolve(site, url, src).is_file(), src


def test_sub_path_site_url_keeps_every_link_relative(project: Project, use_directory_urls: bool) -> None:
    project.config["site_url"] = "https://example.org/team/handbook/"
    site = project.build()
    url = map_url(use_directory_urls)
    page = soup(page_path(site, url))
    journey = page.select_one(".journey")
    links = [a["href"] for a in journey.select("a[href]")] + [img["src"] for img in journey.select("img")]
    links += [link["href"] for link in page.select("link[rel=stylesheet]") if "journey" in link["href"]]
    assert links
    for link in links:
        if link.startswith("#"):
            continue
        assert not urlsplit(link).scheme and not link.startswith("/"), link
        assert resolve(site, url, link.split("#")[0]).is_file(), link


def test_relative_md_links_in_free_text_resolve(project: Project, use_directory_urls: bool) -> None:
    site = project.build()
    url = map_url(use_directory_urls)
    journey = soup(page_path(site, url)).select_one(".journey")
    hrefs = {a.get_text(strip=True): a["href"] for a in journey.select("a[href]")}
    team = "../../team/" if use_directory_urls else "../team.html"
    assert hrefs["het team"] == team
    assert hrefs["het webteam"] == team + "#webteam"
    assert hrefs["onze werkwijze"] == ("../../werkwijze/" if use_directory_urls else "../werkwijze.html") + "#interviews"
    assert resolve(site, url, hrefs["het team"]).is_file()


def test_a_relative_tracker_link_resolves_like_a_markdown_link(project: Project, use_directory_urls: bool) -> None:
    # `link` usually names a tracker URL, but a team may keep its work items as pages.
    source = project.docs / "journeys" / "rondreis.journey.yml"
    text = source.read_text(encoding="utf-8")
    text = text.replace("    notes: Vraag [het webteam](../team.md#webteam)\n",
                        "    notes: Vraag [het webteam](../team.md#webteam)\n    link: ../team.md#webteam\n")
    text = text.replace("    effort: 4\n", "    effort: 4\n    link: https://jira.example.com/browse/WEB-7\n", 1)
    source.write_text(text, encoding="utf-8")
    site = project.build()
    url = map_url(use_directory_urls)
    links = {a.get_text(strip=True): a["href"]
             for a in soup(page_path(site, url)).select(".journey-backlog__link a[href]")}
    team = "../../team/" if use_directory_urls else "../team.html"
    assert links == {"../team.md#webteam": team + "#webteam",
                     "https://jira.example.com/browse/WEB-7": "https://jira.example.com/browse/WEB-7"}
    assert resolve(site, url, links["../team.md#webteam"]).is_file()


def test_unresolvable_md_link_is_a_warning_naming_the_map(project: Project, caplog: pytest.LogCaptureFixture) -> None:
    project.write("saas/trial.journey.yml", """\
        title: Start a free trial
        summary: See [the plan](../nowhere.md)
        stages:
          - name: Sign up
        """)
    project.build()
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING" and "nowhere.md" in r.getMessage()]
    assert len(warnings) == 1
    assert "docs/saas/trial.journey.yml" in warnings[0]


def test_script_in_a_field_arrives_as_text(project: Project) -> None:
    site = project.build()
    html = page_path(site, "journeys/rondreis/index.html").read_text(encoding="utf-8")
    page = soup(page_path(site, "journeys/rondreis/index.html"))
    assert "<script>alert('pwned')</script>" not in html
    assert "&lt;script&gt;alert" in html
    assert not [s for s in page.select(".journey script")]
    assert "<script>alert('pwned')</script> in de zoekbalk" in page.select_one(".journey").get_text()


def test_html_in_the_title_is_escaped(project: Project) -> None:
    project.write("saas/trial.journey.yml", """\
        title: "<img src=x onerror=alert(1)> *trial* & more"
        stages:
          - name: Sign up
        """)
    site = project.build()
    page = soup(page_path(site, "saas/trial/index.html"))
    assert page.find("h1").get_text() == "<img src=x onerror=alert(1)> *trial* & more"
    assert page.title.get_text().startswith("<img src=x onerror=alert(1)> *trial* & more")
    assert not page.select("img[onerror]")


def test_sections_are_in_the_table_of_contents(project: Project) -> None:
    site = project.build()
    page = soup(page_path(site, "journeys/rondreis/index.html"))
    toc = [a["href"] for a in page.select("nav.md-nav--secondary a[href^='#']")]
    assert "#journey-health" in toc and "#journey-map" in toc and "#journey-backlog" in toc


def test_map_pages_hide_materials_toc_sidebar_by_default(project: Project) -> None:
    # The map needs the width; Material hides a sidebar through the page's `hide` meta.
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    assert page.select_one(".md-sidebar--secondary").has_attr("hidden")
    assert not page.select_one(".md-sidebar--primary").has_attr("hidden")
    assert not soup(page_path(project.root / "site", "")).select_one(".md-sidebar--secondary").has_attr("hidden")


def test_hide_option_chooses_what_material_hides(project: Project) -> None:
    project.set_options(hide=["navigation"])
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    assert page.select_one(".md-sidebar--primary").has_attr("hidden")
    assert not page.select_one(".md-sidebar--secondary").has_attr("hidden")
    project.set_options(hide=[])
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    assert not page.select(".md-sidebar[hidden]")


def test_search_index_holds_the_pain_points(project: Project, use_directory_urls: bool) -> None:
    site = project.build()
    docs = read_json(site / "search" / "search_index.json")["docs"]
    url = map_url(use_directory_urls)
    hits = [doc["location"] for doc in docs if "Veel vergelijkbare aanbiedingen" in doc["text"]]
    assert hits and all(location.startswith(url) for location in hits)


def test_a_search_hit_opens_the_map_at_its_touchpoint(project: Project, use_directory_urls: bool) -> None:
    site = project.build()
    docs = read_json(site / "search" / "search_index.json")["docs"]
    url = map_url(use_directory_urls)
    by_location = {doc["location"]: doc for doc in docs}
    touchpoint = by_location[url + "#tp-afweging--website"]
    assert touchpoint["title"] == "Website"
    assert "Lange lijst zonder filters" in touchpoint["text"]
    improvement = by_location[url + "#improvement-filters"]
    assert improvement["title"] == "Filters op land, prijs en aantal dagen"
    assert by_location[url + "#stage-orientatie"]["title"] == "Oriëntatie"
    # Raw HTML a map author wrote stays text in the index too.
    assert "&lt;script&gt;" in touchpoint["text"] and "<script>" not in touchpoint["text"]


def test_the_page_keeps_its_map_after_indexing(project: Project) -> None:
    # The search text stands in for the page only while the search plugins index it.
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    assert page.select_one(".journey table.journey-map") is not None
    assert not page.select("article h4")
    toc = [a["href"] for a in page.select("nav.md-nav--secondary a[href^='#']")]
    assert toc and not any(href.startswith("#tp-") for href in toc)


def test_mkdocs_theme_search_finds_a_pain_at_its_touchpoint(project: Project) -> None:
    # MkDocs' own search indexes only sections its table of contents lists.
    project.config["theme"] = {"name": "mkdocs"}
    docs = read_json(project.build() / "search" / "search_index.json")["docs"]
    hits = [doc["location"] for doc in docs if "Lange lijst zonder filters" in doc["text"]]
    assert "journeys/rondreis/#tp-afweging--website" in hits


def test_mkdocs_theme_builds_a_map_page(project: Project, use_directory_urls: bool) -> None:
    project.config["theme"] = {"name": "mkdocs"}
    site = project.build()
    page = soup(page_path(site, map_url(use_directory_urls)))
    assert page.find("h1").get_text(strip=True) == "Rondreis door de VS boeken"
    assert page.select_one(".journey") is not None
    home = soup(page_path(site, "" if use_directory_urls else "index.html"))
    assert "Rondreis door de VS boeken" in home.get_text()


def test_real_markdown_page_beside_the_map_is_an_error(project: Project) -> None:
    project.write("journeys/rondreis.md", "# Rondreis\n")
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    assert "docs/journeys/rondreis.journey.yml" in result.stderr and "journeys/rondreis.md" in result.stderr
    assert "Traceback" not in result.stderr


def test_two_maps_with_one_stem_are_an_error(project: Project) -> None:
    project.write("journeys/rondreis.journey.yaml", "title: Dubbel\nstages:\n  - name: Een\n")
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    assert ("docs/journeys/rondreis.journey.yml:1:1: error: this map would become the page `journeys/rondreis.md`, "
            "but `journeys/rondreis.journey.yaml` already is") in result.stderr


def test_disabled_plugin_makes_no_pages(project: Project) -> None:
    project.set_options(enabled=False)
    site = project.build()
    assert not page_path(site, "journeys/rondreis/").exists()
    assert not (site / "journeys.json").exists()


def test_disabled_plugin_does_not_publish_the_raw_yaml(project: Project) -> None:
    project.set_options(enabled=False)
    site = project.build()
    assert (site / "index.html").is_file()
    assert sorted(p.name for p in site.rglob("*.y*ml")) == []
    project.set_options(publish_source=True)
    site = project.build()
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.y*ml")) == [
        "journeys/rondreis.journey.yml", "persona/mark.persona.yml", "saas/trial.journey.yml"]


def test_disabled_plugin_leaves_maps_out_of_an_explicit_nav(project: Project) -> None:
    # A quick preview build with the maps off must still pass `--strict`: a nav entry
    # for a map would point at nothing.
    project.set_options(enabled=False)
    project.config["nav"] = [
        {"Welkom": "index.md"},
        {"Klantreizen": [{"Boeken": "journeys/rondreis.journey.yml"}, "saas/trial.journey.yml"]},
        {"Werkwijze": ["werkwijze.md", "journeys/rondreis.journey.yml"]},
    ]
    result = project.run_mkdocs("build", "--strict")
    assert result.returncode == 0, result.stderr
    nav = soup(project.root / "site" / "index.html").select_one("nav.md-nav--primary").get_text(" ", strip=True)
    assert "Boeken" not in nav and "Klantreizen" not in nav and "Werkwijze" in nav
    assert not list((project.root / "site").rglob("*.journey.yml"))


def test_map_links_another_map_by_its_file(project: Project) -> None:
    project.write("saas/trial.journey.yml", """\
        title: Start a free trial
        summary: Compare with [the trip](../journeys/rondreis.journey.yml#journey-backlog)
        stages:
          - name: Sign up
        """)
    site = project.build()
    journey = soup(page_path(site, "saas/trial/")).select_one(".journey")
    href = journey.select_one("a[href*=rondreis]")["href"]
    assert href == "../../journeys/rondreis/#journey-backlog"
    assert posixpath.normpath("saas/trial/" + href.split("#")[0]) == "journeys/rondreis"


def test_lanes_option_limits_the_rows(project: Project) -> None:
    project.set_options(lanes=["touchpoint", "pains"])
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    rows = [row["class"][-1] for row in page.select(".journey tr[class*='journey-lane--']")]
    assert rows == ["journey-lane--touchpoint", "journey-lane--pains"]


def test_markdown_pages_link_to_a_map_and_its_anchors(project: Project) -> None:
    # A Markdown page links to a map by its generated page (`rondreis.md`); MkDocs
    # checks the link and, with `validation.anchors: warn`, the anchors on the map.
    project.write("index.md", "# Welkom\n\nZie [de backlog](journeys/rondreis.md#journey-backlog) en "
                              "[Google](journeys/rondreis.md#tp-orientatie--google).\n")
    project.config["validation"] = {"anchors": "warn"}
    result = project.run_mkdocs("build", "--strict")
    assert result.returncode == 0, result.stderr
    home = soup(page_path(project.root / "site", ""))
    hrefs = [a["href"] for a in home.select("article a[href*=rondreis]")]
    assert hrefs == ["journeys/rondreis/#journey-backlog", "journeys/rondreis/#tp-orientatie--google"]


def test_edit_button_opens_the_journey_file(project: Project) -> None:
    project.config["repo_url"] = "https://github.com/example/handbook"
    project.config["edit_uri"] = "edit/main/docs/"
    project.config["theme"]["features"] = ["content.action.edit"]
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    edit = [a["href"] for a in page.select("a.md-content__button[href*='/edit/']")]
    assert edit == ["https://github.com/example/handbook/edit/main/docs/journeys/rondreis.journey.yml"]


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_lane_script_is_linked_relatively_and_published(project: Project, use_directory_urls: bool,
                                                        theme: str) -> None:
    project.config["theme"] = {"name": theme}
    site = project.build()
    url = map_url(use_directory_urls)
    page = soup(page_path(site, url))
    sources = [script["src"] for script in page.select("script[src]") if "journey-map.js" in script["src"]]
    assert len(sources) == 1
    assert not urlsplit(sources[0]).scheme and not sources[0].startswith("/")
    script = resolve(site, url, sources[0])
    assert script == site / "assets" / "javascripts" / "journey-map.js"
    assert "data-journey-lanes" in script.read_text(encoding="utf-8")


def test_lane_list_follows_the_lanes_option_and_is_hidden_without_script(project: Project) -> None:
    project.set_options(lanes=["touchpoint", "pains", "emotion"])
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    lanes = page.select_one("fieldset.journey-lanes")
    assert lanes.has_attr("hidden") and lanes.has_attr("data-journey-lanes")
    assert lanes.legend.get_text() == "Rijen tonen"
    # The script adds a box per row of the map's body, labelled by its label (tests/browser/test_glance.py).
    assert lanes.select("input") == []
    rows = [row["class"][0] for row in page.select("table.journey-map tbody tr")]
    assert rows == ["journey-lane--pains", "journey-lane--emotion"]
    assert [row.th.get_text() for row in page.select("table.journey-map tbody tr")] == ["Pijnpunten", "Emotie"]
