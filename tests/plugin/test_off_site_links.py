"""Nothing that looks like a relative link leads a reader to another site (issue 8, item 26)."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from .conftest import Project, page_path, soup

SITE = "https://docs.example.org/handbook/"

MAP = """\
title: Links
summary: "[a](//evil.example/a) and [b](https://tracker.example.com/b)"
stages:
  - name: Search
    touchpoints:
      - name: Website
        pains:
          - '[c](\\\\\\\\evil.example\\c) [c2](\\\\same.site\\c)'  # Markdown reads `\\\\` as `\\`
          - "[d](/\\\\evil.example/d) ![e](//evil.example/e.png)"
          - "[f]( //evil.example/f) [g](../../team.md)"
improvements:
  - id: filters
    title: Filters
    notes: "[h](\\\\/evil.example/h)"
    link: ../../team.md
"""


def host_a_browser_opens(page_url: str, url: str) -> str:
    """A browser drops spaces and tabs around and inside a URL and reads ``\\`` as ``/``."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip(" ").replace("\\", "/")
    return urlsplit(urljoin(page_url, cleaned)).netloc


def test_free_text_links_without_a_scheme_stay_on_the_site(project: Project) -> None:
    project.config["site_url"] = SITE
    project.write("journeys/links.journey.yml", MAP)
    site = project.build()
    page = soup(page_path(site, "journeys/links/"))
    journey = page.select_one(".journey")
    urls = [str(tag[name]) for tag in journey.find_all(True) for name in ("href", "src") if tag.has_attr(name)]
    hosts = {url: host_a_browser_opens(SITE + "journeys/links/", url) for url in urls}
    assert {url for url, host in hosts.items() if host != "docs.example.org"} == {
        "https://tracker.example.com/b"}, "only the link written with https:// leaves the site"
    linked = {a.get_text(strip=True) for a in journey.select("a[href]")}
    assert not linked & set("acdfh"), "their words are shown as plain text"
    assert {"b", "g", "c2"} <= linked


@pytest.mark.parametrize("link", ["//evil.example/x", "\\\\evil.example\\x", "/\\evil.example", "  //evil.example"])
def test_a_tracker_link_to_another_host_fails_the_build_at_its_place(project: Project, link: str) -> None:
    text = MAP.replace("    link: ../../team.md\n", f"    link: '{link}'\n")
    project.write("journeys/links.journey.yml", text)
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    assert (f"docs/journeys/links.journey.yml:15:11: error: `link` expected a relative path or an `https://` URL, "
            f"got `{link}`") in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
