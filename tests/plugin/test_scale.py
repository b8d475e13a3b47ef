"""Large maps: the build stays linear in touchpoints, and the touchpoint limit.

Timings are measured by ``benchmarks/touchpoints.py``, never asserted here. These
tests pin what made the build quadratic instead, by counting work: how many
entries a search plugin's table-of-contents lookup walks, and whether the search
text scans every column once per stage.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from material.plugins.search.plugin import SearchIndex as MaterialSearchIndex
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.contrib.search.search_index import SearchIndex as MkDocsSearchIndex
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from mkdocs_journey.engine.analyse import analyse
from mkdocs_journey.engine.collection import Collection
from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.i18n import Translator
from mkdocs_journey.engine.load import load_journey
from mkdocs_journey.plugin.page import SearchOutline, search_outline
from mkdocs_journey.engine.render import Heading, PageContext, render_map
from mkdocs_journey.engine.render.environment import environment
from mkdocs_journey.engine.render.page import build_view
from mkdocs_journey.engine.settings import BuildSettings

from ..files import put
from .conftest import Project, map_url, read_json

STAGES, PER_STAGE = 40, 5


def big_map(stages: int = STAGES, per_stage: int = PER_STAGE) -> str:
    lines = ["title: Groot", "stages:"]
    for s in range(stages):
        lines += [f"  - name: Fase {s}", "    touchpoints:"]
        lines += [f"      - {{name: Stap {s}-{t}, pains: [Pijn {s}-{t}]}}" for t in range(per_stage)]
    return "\n".join(lines) + "\n"


def every_touchpoint_has_its_hit(docs: list[dict[str, Any]], url: str) -> None:
    by_location = {doc["location"]: doc for doc in docs}
    for s in range(STAGES):
        for t in range(PER_STAGE):
            hit = by_location[f"{url}#tp-fase-{s}--stap-{s}-{t}"]
            assert hit["title"] == f"Stap {s}-{t}" and f"Pijn {s}-{t}" in hit["text"]


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_every_touchpoint_of_a_large_map_is_a_search_hit_at_its_anchor(project: Project, theme: str) -> None:
    project.config["theme"] = {"name": theme}
    project.write("groot.journey.yml", big_map())
    docs = read_json(project.build() / "search" / "search_index.json")["docs"]
    every_touchpoint_has_its_hit(docs, map_url(True, "groot"))


class CountingOutline(SearchOutline):
    """Counts the entries the search plugins' lookups walk."""

    walked = 0

    def __iter__(self) -> Iterator[Any]:
        for item in super().__iter__():
            self.walked += 1
            yield item


def search_headings(tmp_path: Path) -> tuple[Heading, ...]:
    path = put(tmp_path, "groot.journey.yml", big_map())
    collected = Collection(DocsTree.scan(tmp_path), BuildSettings()).journey(path)
    assert collected.ok, collected.loaded.errors
    return render_map(collected, PageContext()).search_headings


@pytest.mark.parametrize("find", [
    pytest.param(MaterialSearchIndex()._find_toc_by_id, id="material"),
    pytest.param(MkDocsSearchIndex()._find_toc_by_id, id="mkdocs"),
])
def test_a_search_lookup_walks_a_few_entries_not_the_whole_table(
        tmp_path: Path, find: Callable[[Any, str | None], Any]) -> None:
    # The search plugins look up each section of the page, in page order, in its table
    # of contents. Walking the table from the top each time made indexing quadratic.
    outline = search_outline(search_headings(tmp_path))
    counting = CountingOutline(outline.items)
    ids = [item.id for item in outline.items]
    assert len(ids) > STAGES * PER_STAGE
    for ident in [None, *ids]:  # the page's h1 has no id: one walk of the whole table
        found = find(counting, ident)
        assert (found.id if found is not None else None) == ident
    assert counting.walked <= len(ids) + 2 * len(ids)
    # Any order still finds every entry: only the starting point of a walk moves.
    for ident in reversed(ids):
        assert find(counting, ident).id == ident
    assert find(counting, "not-listed") is None


class CountingList(list):  # type: ignore[type-arg]
    walks = 0

    def __iter__(self) -> Iterator[Any]:
        self.walks += 1
        return super().__iter__()


def test_the_search_text_walks_each_stages_own_columns(tmp_path: Path) -> None:
    # Scanning every column of the map for each stage was the second quadratic loop.
    path = put(tmp_path, "groot.journey.yml", big_map())
    loaded = load_journey(path, DocsTree.scan(tmp_path))
    translate = Translator()
    settings = BuildSettings(translate=translate)
    view = build_view(loaded, analyse(loaded, settings), settings, lanes=PageContext().lanes,
                      asset_url=lambda p: p.name)
    assert [len(header.columns) for header in view.stages] == [PER_STAGE] * STAGES
    view.columns = CountingList(view.columns)
    template = environment(()).get_template("journey/search.html")
    html = template.render(view=view, t=translate, md=lambda text: text, lang="en")
    assert view.columns.walks <= 1
    assert html.count("<h4 ") == STAGES * PER_STAGE


# -- The limit on touchpoints per map -------------------------------------------------------------


def test_a_map_over_the_touchpoint_limit_is_a_located_error(project: Project) -> None:
    project.set_options(max_touchpoints=12)
    project.write("groot.journey.yml", big_map(stages=3, per_stage=5))
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    # The 13th touchpoint is the third of the third stage (lines 19 and 20 hold the first two).
    assert ("docs/groot.journey.yml:21:9: error: the map has 15 touchpoints; the limit is 12 per map "
            "(plugin option `max_touchpoints`): split it into smaller maps") in result.stderr
    assert "Traceback" not in result.stderr
    project.set_options(max_touchpoints=15)
    assert project.run_mkdocs("build").returncode == 0


def test_the_default_touchpoint_limit_is_two_thousand(project: Project) -> None:
    project.write("groot.journey.yml", big_map(stages=1, per_stage=2001))
    result = project.run_mkdocs("build")
    assert "the map has 2,001 touchpoints; the limit is 2,000 per map" in result.stderr
    project.write("groot.journey.yml", big_map(stages=1, per_stage=2000))
    assert project.run_mkdocs("build").returncode == 0


class _Probe(BasePlugin):  # type: ignore[type-arg]
    """Notes every page, and what its content is once the build is over."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: list[Page] = []
        self.after: dict[str, str | None] = {}

    def on_pre_page(self, page: Page, **kwargs: Any) -> Page:
        self.pages.append(page)
        return page

    def on_post_build(self, **kwargs: Any) -> None:
        self.after = {page.file.src_uri: page.content for page in self.pages}


def test_a_written_map_page_lets_go_of_its_html(project: Project) -> None:
    # MkDocs keeps every page's `content` to the end of the build; 500 maps held ~150 MB.
    project.write("journeys/groot.journey.yml", big_map(4, 3))
    config = load_config(config_file=str(project.write_config()), site_dir=str(project.root / "site"))
    probe = _Probe()
    config.plugins["probe"] = probe
    build(config)
    maps = [uri for uri in probe.after if uri.startswith("journeys/groot")]
    assert maps and all(probe.after[uri] is None for uri in maps), probe.after
    assert "Het handboek" in (probe.after["index.md"] or ""), "other pages keep theirs"
    page = (project.root / "site" / "journeys" / "groot" / "index.html").read_text("utf-8")
    assert page.count("<th scope=\"col\" id=\"tp-") == 12, "the page was written whole first"
    assert json.loads((project.root / "site" / "journeys.json").read_bytes())["journeys"][0]["title"] == "Groot"


class _Watcher(BasePlugin):  # type: ignore[type-arg]
    """What another plugin finds in a map page's ``content`` at each step of the build."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: list[Page] = []
        self.seen: dict[str, list[tuple[str, str | None]]] = {}

    def _note(self, step: str, page: Page, content: str | None) -> None:
        self.seen.setdefault(page.file.src_uri, []).append((step, content))

    def on_page_content(self, html: str, *, page: Page, **kwargs: Any) -> None:
        self.pages.append(page)
        self._note("content", page, html)

    def on_env(self, env: Any, **kwargs: Any) -> Any:
        for page in self.pages:
            self._note("env", page, page.content)
        return env

    def on_page_context(self, context: Any, *, page: Page, **kwargs: Any) -> Any:
        self._note("context", page, page.content)
        return context

    def on_post_page(self, output: str, *, page: Page, **kwargs: Any) -> str:
        self._note("output", page, output)
        return output


def test_a_map_page_waits_compressed_and_every_plugin_sees_its_html(project: Project) -> None:
    """A map's HTML waits compressed between its conversion and its writing (500 maps held 150 MB).

    Other plugins see the whole map in ``on_page_content`` and ``on_page_context``,
    the written page is the one rendered, and in between (``on_env``) a comment stands in.
    """
    from mkdocs_journey.plugin.parking import PARKED

    project.write("journeys/groot.journey.yml", big_map(4, 3))
    config = load_config(config_file=str(project.write_config()), site_dir=str(project.root / "site"))
    watcher = _Watcher()
    config.plugins["watcher"] = watcher
    build(config)
    seen = dict(watcher.seen["journeys/groot.md"])
    assert set(seen) == {"content", "env", "context", "output"}
    html = seen["content"]
    assert html is not None and html.count("<th scope=\"col\" id=\"tp-") == 12
    assert seen["env"] == PARKED
    assert f"`{PARKED}`" in (Path(__file__).parents[2] / "docs" / "troubleshooting.md").read_text("utf-8") \
        .replace("\n    ", " "), "the troubleshooting page quotes what a plugin finds"
    # The search plugins read the search text in on_page_context; the theme gets the map back after them.
    page = (project.root / "site" / "journeys" / "groot" / "index.html").read_text("utf-8")
    assert html in page, "the written page holds the HTML other plugins saw, unchanged"
    assert dict(watcher.seen["index.md"])["env"] == dict(watcher.seen["index.md"])["content"], \
        "other pages are left alone"


def test_the_map_is_rendered_early_and_parked_last() -> None:
    """Plugins that post-process pages (lightboxes, minifiers) run after the map is in the
    page and before it is parked; the overview fence becomes a slot before other plugins
    read the Markdown."""
    from mkdocs_journey.plugin.plugin import JourneyPlugin

    content = [getattr(m, "mkdocs_priority", 0) for m in JourneyPlugin.__dict__["on_page_content"].methods]
    context = [getattr(m, "mkdocs_priority", 0) for m in JourneyPlugin.__dict__["on_page_context"].methods]
    assert content == [50, -100]
    assert context == [100, 100, -100]
    assert JourneyPlugin.on_page_markdown.mkdocs_priority == 100
