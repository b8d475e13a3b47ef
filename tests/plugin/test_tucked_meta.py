"""Our pages' front matter is set aside while other pages render (``plugin/tucked_meta.py``).

Material's navigation looks up an icon, a subtitle, a status and an encryption
flag for every entry that has front matter, on every page; our pages' ``title``
and ``hide`` made it do so for every map. These tests pin that the keys are gone
only while other pages render, that the page's own render and every plugin
after the build see them as written, and that the site is byte for byte the same.
"""

from __future__ import annotations

import filecmp
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from mkdocs_journey.plugin.tucked_meta import TuckedMeta

from .conftest import Project, soup

MAP = "journeys/rondreis.md"


class _Watcher(BasePlugin):  # type: ignore[type-arg]
    """Notes the map page's front matter and title as each page renders, and after the build."""

    def __init__(self) -> None:
        super().__init__()
        self.map_page: Page | None = None
        self.seen: dict[str, tuple[dict[str, Any], str | None]] = {}
        self.after: tuple[dict[str, Any], str | None] | None = None

    @event_priority(-200)  # after every other plugin's: the map page's meta as the site left it
    def on_page_markdown(self, markdown: str, *, page: Page, **kwargs: Any) -> str:
        if page.file.src_uri == MAP:
            page.meta["watched"] = True  # another plugin's key: never set aside
        return markdown

    def on_page_context(self, context: Any, *, page: Page, nav: Navigation, **kwargs: Any) -> Any:
        self.map_page = next(p for p in nav.pages if p.file.src_uri == MAP)
        self.seen[page.file.src_uri] = (dict(self.map_page.meta), self.map_page.title)
        return context

    def on_post_build(self, **kwargs: Any) -> None:
        assert self.map_page is not None
        self.after = (dict(self.map_page.meta), self.map_page.title)


def _built_with_watcher(project: Project, site: str = "site") -> _Watcher:
    config = load_config(config_file=str(project.write_config()), site_dir=str(project.root / site))
    watcher = _Watcher()
    config.plugins["watcher"] = watcher
    build(config)
    return watcher


def test_a_map_pages_front_matter_is_set_aside_only_while_other_pages_render(project: Project) -> None:
    watcher = _built_with_watcher(project)
    title = "Rondreis door de VS boeken"
    own_meta, own_title = watcher.seen[MAP]
    assert list(own_meta.items()) == [("title", title), ("hide", ["toc"]), ("watched", True)]
    assert own_title == title
    others = {uri: seen for uri, seen in watcher.seen.items() if uri != MAP}
    assert {"index.md", "werkwijze.md", "saas/trial.md", "journeys/index.md"} <= set(others)
    for uri, (meta, seen_title) in others.items():
        assert meta == {"watched": True}, uri
        assert seen_title == title, uri
    assert watcher.after == (own_meta, title), "plugins after the build find the front matter as written"


def test_the_page_itself_still_renders_its_front_matter(project: Project) -> None:
    site = project.build()
    page = soup(site / "journeys" / "rondreis" / "index.html")
    assert page.title is not None and page.title.get_text() == "Rondreis door de VS boeken - Teamhandboek"
    toc = page.select_one('[data-md-type="toc"]')
    assert toc is not None and toc.has_attr("hidden"), "`hide: [toc]` reaches the theme"
    home = soup(site / "index.html")
    assert "Rondreis door de VS boeken" in [a.get_text(strip=True) for a in home.select(".md-nav__link")]


def test_the_site_is_byte_for_byte_the_same_as_with_the_front_matter_kept(
        project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    tucked = project.build("tucked")
    monkeypatch.setattr(TuckedMeta, "tuck", lambda self, page: None)
    kept = project.build("kept")
    differing: list[str] = []

    def compare(left: Path, right: Path) -> None:
        comparison = filecmp.dircmp(left, right)
        assert not comparison.left_only and not comparison.right_only, comparison.report()
        _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
        differing.extend(str(left / name) for name in mismatch + errors)
        for folder in comparison.common_dirs:
            compare(left / folder, right / folder)

    compare(tucked, kept)
    assert len(list(tucked.rglob("*.html"))) > 5
    assert differing == []
