"""What ``mkdocs build`` holds, and for how long: each map only until its page is rendered.

Peak memory is measured by ``benchmarks/memory.py`` (never asserted here). These
tests pin what lowered it: a map is let go of once its page is rendered (the pages
made of many maps are rendered before any page is converted), ``journeys.json``
waits in a temporary file instead of in memory, and a quiet build makes no health
log lines. And that nothing a page shows changes for it: a fence converted after
the map's page reads the map again.
"""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from mkdocs_journey.engine.collection import CollectedMap
from mkdocs_journey.plugin.plugin import JourneyPlugin

from .conftest import Project, soup

FENCE = "# Kaart\n\n```journey\nfile: journeys/rondreis.journey.yml\nshow: [curve, backlog]\n```\n"


class _Holder(BasePlugin):  # type: ignore[type-arg]
    """Notes, through weak references only, which maps the journey plugin holds and when it lets go."""

    def __init__(self, plugin: JourneyPlugin) -> None:
        super().__init__()
        self.plugin = plugin
        self.maps: dict[str, weakref.ref[CollectedMap]] = {}
        self.alive_after_render: dict[str, bool] = {}
        self.export_path: str | None = None
        self.export_during_build: bytes | None = None

    @event_priority(-200)  # after the journey plugin's on_files
    def on_files(self, files: Files, **kwargs: Any) -> Files:
        export = files.get_file_from_path("journeys.json")
        self.export_path = export.abs_src_path if export is not None else None
        return files

    @event_priority(-200)  # after the journey plugin's on_nav (the overview is rendered then)
    def on_nav(self, nav: Navigation, **kwargs: Any) -> Navigation:
        for uri, map_page in self.plugin.maps.items():
            assert map_page.collected is not None, "no map is let go of before its page is rendered"
            self.maps[uri] = weakref.ref(map_page.collected)
        return nav

    @event_priority(-200)  # after the journey plugin rendered the page
    def on_page_content(self, html: str, *, page: Any, **kwargs: Any) -> str:
        if page.file.src_uri in self.maps:
            gc.collect()
            self.alive_after_render[page.file.src_uri] = self.maps[page.file.src_uri]() is not None
        return html

    def on_env(self, env: Any, **kwargs: Any) -> Any:
        assert self.export_path is not None
        self.export_during_build = Path(self.export_path).read_bytes()
        return env


def _built_with_holder(project: Project) -> tuple[JourneyPlugin, _Holder]:
    """The project built with a plugin beside the journey plugin that watches its maps and ``journeys.json``."""
    config = load_config(config_file=str(project.write_config()), site_dir=str(project.root / "site"))
    plugin = config.plugins["journey"]
    assert isinstance(plugin, JourneyPlugin)
    holder = _Holder(plugin)
    config.plugins["holder"] = holder
    build(config)
    return plugin, holder


def test_a_map_is_let_go_of_once_its_page_is_rendered(project: Project) -> None:
    plugin, holder = _built_with_holder(project)
    assert set(holder.alive_after_render) == {"journeys/rondreis.md", "saas/trial.md"}
    assert not any(holder.alive_after_render.values()), holder.alive_after_render
    gc.collect()
    assert all(ref() is None for ref in holder.maps.values())
    assert all(m.collected is None for m in plugin.maps.values())
    # Should anything still ask for a released map, it is read again.
    assert plugin.maps["journeys/rondreis.md"].title == "Rondreis door de VS boeken"
    # The pages made of many maps were rendered while the maps were at hand.
    site = project.root / "site"
    overview = soup(site / "journeys" / "index.html")
    titles = {a.get_text(strip=True) for a in overview.select("a")}
    assert {"Rondreis door de VS boeken", "Start a free trial"} <= titles, titles
    persona = soup(site / "persona" / "mark" / "index.html")
    assert "Rondreis door de VS boeken" in persona.get_text()


def test_a_fence_converted_after_the_map_page_shows_the_same_map(project: Project) -> None:
    """A page another plugin adds after the maps is converted after them: its fence reads the map again."""
    released_first: list[bool] = []

    class LatePage(BasePlugin):  # type: ignore[type-arg]
        def __init__(self, plugin: JourneyPlugin) -> None:
            super().__init__()
            self.plugin = plugin

        @event_priority(-200)  # after the journey plugin added the map pages: this page is converted after them
        def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
            files.append(File.generated(config, "team/late.md", content=FENCE))
            return files

        def on_page_markdown(self, markdown: str, *, page: Any, **kwargs: Any) -> str:
            if page.file.src_uri == "team/late.md":
                released_first.append(self.plugin.maps["journeys/rondreis.md"].collected is None)
            return markdown

    project.write("team/early.md", FENCE)
    config = load_config(config_file=str(project.write_config()), site_dir=str(project.root / "site"))
    plugin = config.plugins["journey"]
    assert isinstance(plugin, JourneyPlugin)
    config.plugins["late"] = LatePage(plugin)
    build(config)
    assert released_first == [True], "the map page was rendered, and its map let go of, before the late page"
    site = project.root / "site"

    def fence(name: str) -> str:
        page = BeautifulSoup((site / "team" / name / "index.html").read_text("utf-8"), "html.parser")
        found = page.find("div", class_="journey-fence")
        assert found is not None, name
        return str(found)

    early, late = fence("early"), fence("late")
    assert "Zoekopdracht in Google" in late and "journey-backlog" in late
    assert late == early


def test_journeys_json_waits_in_a_temporary_file_that_goes_after_the_build(project: Project) -> None:
    _, holder = _built_with_holder(project)
    assert holder.export_path is not None and not Path(holder.export_path).is_relative_to(project.root)
    written = (project.root / "site" / "journeys.json").read_bytes()
    assert holder.export_during_build == written, "a plugin reading the file finds what is written"
    assert [j["title"] for j in json.loads(written)["journeys"]] == ["Rondreis door de VS boeken", "Start a free trial"]
    assert not Path(holder.export_path).exists() and not Path(holder.export_path).parent.exists()


def test_the_temporary_file_goes_when_the_build_fails(project: Project) -> None:
    project.write("team/broken.md", "```journey\nfile: journeys/missing.journey.yml\n```\n")
    config = load_config(config_file=str(project.write_config()), site_dir=str(project.root / "site"))
    plugin = config.plugins["journey"]
    assert isinstance(plugin, JourneyPlugin)
    holder = _Holder(plugin)
    holder.on_env = lambda env, **kwargs: env  # type: ignore[method-assign]  # the build stops in on_env
    config.plugins["holder"] = holder
    try:
        build(config)
    except Exception:  # noqa: BLE001 (MkDocs' Abort for the fence error)
        pass
    else:
        raise AssertionError("a fence error stops the build")
    assert holder.export_path is not None and not Path(holder.export_path).exists()


def test_a_quiet_build_words_no_health_notes_for_the_log(project: Project) -> None:
    """The health notes as log lines are made only when the log shows them; the page shows them either way."""
    page = project.root / "site" / "journeys" / "rondreis" / "index.html"
    quiet = project.run_mkdocs("build", "-q")
    assert quiet.returncode == 0 and "health:" not in quiet.stderr
    quiet_page = page.read_text("utf-8")
    loud = project.run_mkdocs("build")
    assert loud.returncode == 0 and "rondreis.journey.yml:" in loud.stderr and "health:" in loud.stderr
    assert 'id="journey-health"' in quiet_page and page.read_text("utf-8") == quiet_page
