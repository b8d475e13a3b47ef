"""``journey`` fences on a site with the plugin: registered by it, lent its maps, failing its build."""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from mkdocs_journey.engine.pages import map_page

from .conftest import Project, page_path, soup
from .test_serve import ServeBuild, serve_build  # noqa: F401 (a fixture)

PAGE = """\
# Overview

## Feeling

```journey
file: journeys/rondreis.journey.yml
show: [title, curve]
```

## Backlogs

```journey
file: journeys/rondreis.journey.yml
show: [backlog, map]
stages: [afweging]
```

```journey
file: saas/trial.journey.yml
show: [title, header, backlog]
```
"""


def target(site: Path, page_url: str, href: str) -> Path:
    """The file a relative ``href`` on the page at ``page_url`` opens."""
    path = unquote(urlsplit(href).path)
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    resolved = posixpath.normpath(posixpath.join(folder, path)) if path else page_url
    return page_path(site, resolved + ("/" if path.endswith("/") or path in ("..", ".") else ""))


def assert_page_is_sound(site: Path, url: str) -> BeautifulSoup:
    """Every id once; every link to the page itself finds its id; every relative link and picture exists."""
    page = soup(page_path(site, url))
    ids = [e["id"] for e in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for fence in page.find_all("div", class_="journey-fence"):
        for link in fence.find_all("a", href=True):
            href = link["href"]
            if href.startswith("#"):
                assert href[1:] in ids, link
            elif "://" not in href:
                assert target(site, url, href).is_file(), (url, href)
        for image in fence.find_all("img", src=True):
            assert target(site, url, image["src"]).is_file(), image
    return page


def test_the_plugin_registers_the_fence_and_the_page_is_sound(project: Project, use_directory_urls: bool) -> None:
    project.write("team/overview.md", PAGE)
    site = project.build()
    url = "team/overview/" if use_directory_urls else "team/overview.html"
    page = assert_page_is_sound(site, url)
    fences = page.find_all("div", class_="journey-fence")
    assert len(fences) == 3
    title = fences[0].find(class_="journey-fence__title").find("a")
    assert title.get_text(strip=True) == "Rondreis door de VS boeken"
    assert title["href"] == ("../../journeys/rondreis/" if use_directory_urls else "../journeys/rondreis.html")
    # The Dutch site's labels; the English map's own text.
    assert fences[1].find("h3").get_text(strip=True).rstrip("¶") == "Verbeterbacklog"
    # The backlog row links to its touchpoint on the map shown beside it, in this fence.
    assert fences[1].find("a", href="#journey2--tp-afweging--website") is not None
    # The table of contents lists the fences' headings under the section they are in.
    toc = [a["href"] for a in page.select("nav.md-nav--secondary a")]
    assert "#journey2--journey-backlog" in toc and "#journey1--journey-map" not in toc


def test_links_resolve_under_a_sub_path_site_url(project: Project) -> None:
    project.config["site_url"] = "https://example.org/handboek/"
    project.write("overview.md", PAGE)
    site = project.build()
    page = assert_page_is_sound(site, "overview/")
    assert page.find("a", string="het team")["href"] == "../team/"


def test_a_fence_error_fails_mkdocs_build_with_page_and_line(project: Project) -> None:
    project.write("overview.md", "# Overview\n\n```journey\nfile: journeys/rondreis.journey.yml\nshow: [curv]\n```\n")
    project.write("team/other.md", "```journey\nfile: journeys/rondreis.journey.yml\nstages: [nope]\nlanes: [x]\n```\n")
    run = project.run_mkdocs("build")
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "docs/overview.md:5:8: error: unknown part `curv` (did you mean `curve`?)" in run.stderr
    assert "docs/team/other.md:4:9: error: unknown lane `x`" in run.stderr
    assert "`journey` fences in 2 pages have errors; fix them to build the site" in run.stderr


def test_mkdocs_serve_shows_a_fence_error_in_place_and_recovers(project: Project, serve_build: ServeBuild) -> None:
    page = project.write("overview.md", "# Overview\n\n```journey\nfile: journeys/nope.journey.yml\n```\n")
    site = serve_build()
    box = soup(page_path(site, "overview/")).find(class_="journey-errors")
    assert box is not None and "docs/overview.md:4:7" in box.get_text()
    page.write_text("# Overview\n\n```journey\nfile: journeys/rondreis.journey.yml\nshow: [curve]\n```\n")
    site = serve_build()
    assert soup(page_path(site, "overview/")).select_one("tr.journey-lane--emotion td > svg") is not None


def test_superfences_on_the_site_gets_the_journey_fence_too(project: Project) -> None:
    project.config["markdown_extensions"].append("pymdownx.superfences")
    project.write("overview.md", "# Overview\n\n- Backlog:\n\n    ```journey\n    file: journeys/rondreis.journey.yml\n"
                                 "    show: [backlog]\n    ```\n")
    site = project.build()
    fence = soup(page_path(site, "overview/")).find("div", class_="journey-fence")
    assert fence is not None and fence.find_parent("li") is not None


def test_the_page_written_for_zensical_gives_way_to_the_plugins_page(project: Project) -> None:
    project.write("journeys/rondreis.md", map_page("journeys/rondreis.journey.yml", "Rondreis"))
    site = project.build()
    page = soup(page_path(site, "journeys/rondreis/"))
    assert page.find("div", class_="journey-fence") is None
    assert page.find(id="tp-orientatie--google") is not None


def test_a_hand_written_page_in_the_maps_place_is_still_a_clash(project: Project) -> None:
    project.write("journeys/rondreis.md", "# My own page\n")
    run = project.run_mkdocs("build")
    assert run.returncode == 1 and "already is; rename one of them" in run.stderr


@pytest.mark.parametrize("text", ["# No fence here\n", "```python\nprint('journey')\n```\n"])
def test_pages_without_fences_are_left_as_they_were(project: Project, text: str) -> None:
    project.write("plain.md", text)
    site = project.build()
    assert soup(page_path(site, "plain/")).find(class_="journey") is None


def test_the_sites_search_reads_a_fenced_maps_cells_as_words_of_their_own(project: Project) -> None:
    # The site's search indexes a Markdown page's HTML: a fence's map keeps whitespace between and inside
    # its cells (a map page's cells go without: its search reads the plugin's search text instead).
    project.write("overview.md", "# Overview\n\n```journey\nfile: journeys/rondreis.journey.yml\n```\n")
    site = project.build()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("overview/"))
    page = soup(page_path(site, "overview/"))
    words = [th.span.get_text() for th in page.select("tr.journey-lane--touchpoint > th[id]")]
    words += [li.get_text() for li in page.select("tr.journey-lane--pains li")]
    assert len(words) > 3
    for word in words:  # the index holds text as HTML (escaped)
        assert re.search(rf"(^|[\s>]){re.escape(html.escape(word, quote=False))}([\s<]|$)", text), word
    assert re.search(r"</t[dh]><t[dh]", str(page.select_one("table.journey-map"))) is None
    # The matrix's chart too: its quadrants' names and its dots' numbers stay words of their own.
    chart = page.select_one("svg.journey-matrix__chart")
    assert chart is not None and re.search(r"</text><", str(chart)) is None
    for name in (t.get_text() for t in chart.select("g.journey-matrix__quadrant > text")):
        assert re.search(rf"(^|[\s>]){re.escape(html.escape(name, quote=False))}([\s<]|$)", text), name
