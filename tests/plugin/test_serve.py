"""``mkdocs serve`` keeps running when a map breaks, shows its errors, and shows the map again once fixed."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable, Iterator

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from mkdocs_journey.plugin import JourneyPlugin

from .conftest import DUTCH_MAP, EPOCH, INVALID_MAP, PNG, Project, page_path, plugin_records, soup

ServeBuild = Callable[[], Path]


@pytest.fixture
def serve_build(project: Project) -> Iterator[ServeBuild]:
    """Builds the way ``mkdocs serve`` does: ``on_startup(command="serve")`` once, a fresh config per rebuild."""
    site = project.root / "served"
    configs: list[MkDocsConfig] = []

    def rebuild() -> Path:
        config = load_config(config_file=str(project.write_config()), site_dir=str(site))
        if not configs:
            config.plugins.on_startup(command="serve", dirty=False)
        configs.append(config)
        build(config, serve_url="http://127.0.0.1:8000/")
        return site

    yield rebuild
    if configs:
        configs[0].plugins.on_shutdown()


def test_serve_shows_errors_and_recovers(project: Project, serve_build: ServeBuild,
                                         caplog: pytest.LogCaptureFixture) -> None:
    project.write("journeys/rondreis.journey.yml", INVALID_MAP)
    page = soup(page_path(serve_build(), "journeys/rondreis/"))
    errors = page.select_one(".journey-errors")
    assert errors is not None and page.select_one(".journey:not(.journey-errors)") is None
    assert "docs/journeys/rondreis.journey.yml:6:9: error:" in errors.get_text()
    assert page.find("h1").get_text(strip=True) == "Kapot", "the title still comes from the file"
    assert any("rondreis.journey.yml:6:9" in r.getMessage() for r in caplog.records if r.levelno == logging.ERROR)

    project.write("journeys/rondreis.journey.yml", INVALID_MAP.replace("emotoin", "emotion"))
    page = soup(page_path(serve_build(), "journeys/rondreis/"))
    assert page.select_one(".journey-errors") is None
    assert page.select_one(".journey") is not None

    project.write("journeys/rondreis.journey.yml", "title: [unclosed\n")
    page = soup(page_path(serve_build(), "journeys/rondreis/"))
    assert page.select_one(".journey-errors") is not None
    assert page.find("h1").get_text(strip=True) == "rondreis", "no readable title: the file name"


def test_build_after_serve_is_strict_again(project: Project, serve_build: ServeBuild) -> None:
    project.write("journeys/kapot.journey.yml", INVALID_MAP)
    serve_build()
    config = load_config(config_file=str(project.write_config()), site_dir=str(project.root / "served"))
    config.plugins.on_shutdown()
    with pytest.raises(Abort):
        project.build()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> BeautifulSoup | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return BeautifulSoup(response.read().decode("utf-8"), "html.parser")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, condition: Callable[[BeautifulSoup], bool], *, seconds: float = 60) -> BeautifulSoup:
    deadline = time.monotonic() + seconds
    page = None
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and condition(page):
            return page
        time.sleep(0.3)
    raise AssertionError(f"{url} did not get there within {seconds} s; last page: {page and page.title}")


@pytest.mark.slow
def test_real_mkdocs_serve_survives_a_broken_map(project: Project) -> None:
    port = free_port()
    project.write_config()
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/journeys/rondreis/"
    try:
        wait_for(url, lambda page: page.select_one(".journey") is not None)
        project.write("journeys/rondreis.journey.yml", INVALID_MAP)
        broken = wait_for(url, lambda page: page.select_one(".journey-errors") is not None)
        assert "rondreis.journey.yml:6:9" in broken.select_one(".journey-errors").get_text()
        assert server.poll() is None, "the server keeps running"
        project.write("journeys/rondreis.journey.yml", INVALID_MAP.replace("emotoin", "emotion"))
        wait_for(url, lambda page: page.select_one(".journey-errors") is None and page.find("h1") is not None
                 and page.find("h1").get_text(strip=True) == "Kapot")
    finally:
        server.terminate()
        try:
            _, stderr = server.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            _, stderr = server.communicate(timeout=15)
    assert b"Traceback" not in stderr


def test_serve_survives_image_paths_the_file_system_refuses(project: Project, serve_build: ServeBuild) -> None:
    # Such a path used to raise inside the build, and `mkdocs serve` then timed out
    # on every request until the file was fixed.
    (project.root / "loop").symlink_to("loop", target_is_directory=True)  # outside: MkDocs would copy it
    for image in ("x" * 300 + ".png", "../../loop/a.png"):
        project.write("journeys/rondreis.journey.yml", DUTCH_MAP.replace("../img/google.png", image))
        page = soup(page_path(serve_build(), "journeys/rondreis/"))
        errors = page.select_one(".journey-errors")
        assert errors is not None and "rondreis.journey.yml:16:16: error: image `" in errors.get_text()
    project.write("journeys/rondreis.journey.yml", DUTCH_MAP)
    page = soup(page_path(serve_build(), "journeys/rondreis/"))
    assert page.select_one(".journey-errors") is None and page.select_one(".journey") is not None


def _journey_plugin(project: Project) -> JourneyPlugin:
    config = load_config(config_file=str(project.write_config()), site_dir=str(project.root / "served"))
    plugin = config.plugins["journey"]
    assert isinstance(plugin, JourneyPlugin)
    return plugin


def test_a_rebuild_reads_only_the_maps_that_changed(project: Project, serve_build: ServeBuild) -> None:
    project.write("journeys/a.journey.yml", DUTCH_MAP)
    project.write("journeys/b.journey.yml", DUTCH_MAP.replace("Rondreis", "Groepsreis"))
    project.write("journeys/c.journey.yml", DUTCH_MAP.replace("Rondreis", "Fietsreis"))
    serve_build()
    plugin = _journey_plugin(project)  # the instance serve keeps
    assert plugin.cache.hits == 0

    maps = len(plugin.maps)
    assert maps >= 3
    project.write("journeys/b.journey.yml", DUTCH_MAP.replace("Rondreis", "Busreis"))
    site = serve_build()
    assert plugin.cache.hits == maps - 1
    assert soup(page_path(site, "journeys/b/")).find("h1").get_text(strip=True).startswith("Busreis")
    assert soup(page_path(site, "journeys/a/")).find("h1").get_text(strip=True).startswith("Rondreis")

    # A new file anywhere in the docs (an image a map may name) means reading every map again.
    project.write("img/new.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    serve_build()
    assert plugin.cache.hits == 0
    serve_build()
    assert plugin.cache.hits == maps


def test_a_changed_persona_file_means_reading_every_map_again(project: Project, serve_build: ServeBuild) -> None:
    project.write("persona/mark.persona.yml", "name: Mark\nrole: Reiziger\n")
    project.write("journeys/a.journey.yml", "title: A\npersona: mark\nstages:\n  - name: S\n")
    site = serve_build()
    plugin = _journey_plugin(project)
    project.write("persona/mark.persona.yml", "name: Mark\nrole: Vaste klant\n")
    site = serve_build()
    assert plugin.cache.hits == 0
    assert "Vaste klant" in soup(page_path(site, "journeys/a/")).get_text()


def test_a_plain_build_keeps_nothing(project: Project) -> None:
    project.write("journeys/a.journey.yml", DUTCH_MAP)
    project.build()
    project.build()
    assert _journey_plugin(project).cache.hits == 0


def test_serve_lists_only_valid_maps_on_the_overview_and_keeps_persona_pages_apart(
        project: Project, serve_build: ServeBuild) -> None:
    project.write("journeys/rondreis.journey.yml", INVALID_MAP)
    project.write("persona/kapot.persona.yml", "name: [geen, tekst]\n")
    site = serve_build()
    overview = soup(page_path(site, "journeys/"))
    assert [row.th.a.get_text() for row in overview.select("tr.journey-overview__map")] == ["Start a free trial"]
    assert not page_path(site, "persona/kapot/").exists()  # a persona with errors gets no page
    assert page_path(site, "persona/mark/").is_file()
    project.write("journeys/rondreis.journey.yml", DUTCH_MAP)
    overview = soup(page_path(serve_build(), "journeys/"))
    assert len(overview.select("tr.journey-overview__map")) == 2


# -- Rendered pages kept across rebuilds --------------------------------------------

def _fresh_site(project: Project) -> Path:
    """The same site built by a new ``mkdocs build`` process: nothing kept from any earlier build."""
    result = project.run_mkdocs("build", "-d", "fresh")
    assert result.returncode == 0, result.stderr
    return project.root / "fresh"


def _tree(site: Path) -> dict[str, bytes]:
    # The sitemap's gzip header holds the time it was written.
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name != "sitemap.xml.gz"}


def assert_same_as_fresh(project: Project, served: Path) -> None:
    fresh, kept = _tree(_fresh_site(project)), _tree(served)
    assert sorted(kept) == sorted(fresh)
    differing = [name for name in fresh if kept[name] != fresh[name]]
    assert differing == [], "a kept page differs from a fresh build's"


LINKED = """\
title: {title}
summary: Zie [de werkwijze](../werkwijze.md#interviews) en [{other}]({other}.journey.yml)
stages:
  - name: Een
    touchpoints:
      - name: Eerste contact
        emotion: 3
        pains: ["Zie [het team](../team.md) en [niets](../nergens.md)"]
"""


def test_a_rebuild_renders_only_the_changed_map_and_matches_a_fresh_build(
        project: Project, serve_build: ServeBuild) -> None:
    for name, other in (("a", "b"), ("b", "c"), ("c", "a")):
        project.write(f"journeys/{name}.journey.yml", LINKED.format(title=name.upper(), other=other))
    serve_build()
    plugin = _journey_plugin(project)
    assert plugin.renders.hits == 0
    maps = len(plugin.maps)

    project.write("journeys/b.journey.yml", LINKED.format(title="Bee", other="c"))
    site = serve_build()
    assert plugin.renders.hits == maps - 1, "only the edited map is rendered again"
    assert soup(page_path(site, "journeys/b/")).find("h1").get_text(strip=True) == "Bee"
    assert_same_as_fresh(project, site)

    serve_build()
    assert plugin.renders.hits == maps


def test_a_kept_page_warns_again(project: Project, serve_build: ServeBuild,
                                 journey_log: pytest.LogCaptureFixture) -> None:
    project.write("journeys/a.journey.yml", LINKED.format(title="A", other="rondreis"))
    serve_build()
    first = [r.getMessage() for r in plugin_records(journey_log, logging.WARNING) if "nergens.md" in r.getMessage()]
    assert len(first) == 1
    journey_log.clear()
    project.write("journeys/rondreis.journey.yml", DUTCH_MAP.replace("Rondreis", "Busreis"))
    serve_build()
    assert _journey_plugin(project).renders.hits >= 1
    again = [r.getMessage() for r in plugin_records(journey_log, logging.WARNING) if "nergens.md" in r.getMessage()]
    assert again == first


def test_a_map_compared_with_an_edited_map_is_rendered_again(project: Project, serve_build: ServeBuild) -> None:
    project.write("journeys/oud.journey.yml", DUTCH_MAP)
    project.write("journeys/rondreis.journey.yml", DUTCH_MAP.replace("emotion: 2", "emotion: 4")
                  .replace("title: Rondreis door de VS boeken", "title: Rondreis\ncompare_to: oud.journey.yml"))
    serve_build()
    project.write("journeys/oud.journey.yml", DUTCH_MAP.replace("emotion: 2", "emotion: 1"))
    site = serve_build()
    assert_same_as_fresh(project, site)


def test_an_option_or_a_template_override_renders_every_map_again(project: Project, serve_build: ServeBuild) -> None:
    serve_build()
    plugin = _journey_plugin(project)
    project.set_options(lanes=["touchpoint", "pains"])
    site = serve_build()
    assert plugin.renders.hits == 0
    rows = [row["class"][-1] for row in soup(page_path(site, "journeys/rondreis/")).select(".journey tr[class*='journey-lane--']")]
    assert rows == ["journey-lane--touchpoint", "journey-lane--pains"]

    template = Path(__file__).parents[2] / "mkdocs_journey" / "templates" / "journey" / "summary.html"
    project.config["theme"]["custom_dir"] = "overrides"
    override = project.root / "overrides" / "journey" / "summary.html"
    override.parent.mkdir(parents=True)
    override.write_text('<p class="override">een</p>\n' + template.read_text("utf-8"), "utf-8")
    serve_build()
    override.write_text('<p class="override">twee</p>\n' + template.read_text("utf-8"), "utf-8")
    site = serve_build()
    assert plugin.renders.hits == 0
    assert soup(page_path(site, "journeys/rondreis/")).select_one("p.override").get_text() == "twee"
    assert_same_as_fresh(project, site)


def test_pictures_that_come_go_or_change(project: Project, serve_build: ServeBuild) -> None:
    project.write("journeys/rondreis.journey.yml", DUTCH_MAP.replace("../img/google.png", "../img/nieuw.png"))
    page = soup(page_path(serve_build(), "journeys/rondreis/"))
    assert "img/nieuw.png` not found" in page.select_one(".journey-errors").get_text()
    plugin = _journey_plugin(project)
    project.write("img/nieuw.png", PNG)
    site = serve_build()
    assert soup(page_path(site, "journeys/rondreis/")).select_one("img[src$='nieuw.png']") is not None
    assert_same_as_fresh(project, site)

    project.write("img/nieuw.png", PNG + b"\0")  # the same picture, other bytes: the page is the same
    site = serve_build()
    assert plugin.renders.hits == len(plugin.maps)
    assert_same_as_fresh(project, site)

    (project.docs / "img" / "nieuw.png").unlink()
    page = soup(page_path(serve_build(), "journeys/rondreis/"))
    assert "img/nieuw.png` not found" in page.select_one(".journey-errors").get_text()


def test_a_renamed_persona_page_is_not_linked_from_a_kept_page(project: Project, serve_build: ServeBuild) -> None:
    serve_build()
    (project.docs / "persona" / "mark.persona.yml").rename(project.docs / "persona" / "marcus.persona.yml")
    project.write("journeys/rondreis.journey.yml", DUTCH_MAP.replace("persona: mark", "persona: marcus"))
    site = serve_build()
    assert_same_as_fresh(project, site)


def test_no_page_is_kept_when_an_extension_reads_files(project: Project, serve_build: ServeBuild) -> None:
    project.config["markdown_extensions"].append({"pymdownx.snippets": {"base_path": ["docs"]}})
    project.write("journeys/a.journey.yml", DUTCH_MAP.replace("title: Rondreis door de VS boeken",
                                                              "title: A"))
    serve_build()
    serve_build()
    assert _journey_plugin(project).renders.hits == 0


def test_a_plain_build_keeps_no_page(project: Project) -> None:
    project.build()
    project.build()
    assert _journey_plugin(project).renders.hits == 0
