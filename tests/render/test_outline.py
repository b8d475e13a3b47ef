"""The outline a rendered map reports (headings, anchor ids) is exactly what its HTML holds.

The plugin builds the page's table of contents, MkDocs' known anchors and the search
sections from this outline instead of parsing the HTML, so it must agree with the
HTML to the last id: these tests parse the real HTML and compare.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Callable

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from mkdocs_journey.engine.collection import CollectedMap, Collection
from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.render import Heading, PageContext, RenderedMap, render_map
from mkdocs_journey.engine.render.inline_markdown import InlineMarkdown

from .conftest import FULL_MAP, asset_url, context, settings

EXAMPLE_SITE = Path(__file__).parents[2] / "example-site"
EXAMPLE_MAPS = sorted((EXAMPLE_SITE / "docs").rglob("*.journey.yml"))


def html_ids(html: str) -> set[str]:
    return {tag["id"] for tag in BeautifulSoup(html, "html.parser").find_all(id=True) if tag["id"]}


def html_headings(html: str, levels: tuple[int, ...]) -> list[Heading]:
    soup = BeautifulSoup(html, "html.parser")
    found = soup.find_all([f"h{level}" for level in levels])
    return [Heading(int(tag.name[1]), tag["id"], " ".join(tag.get_text().split())) for tag in found if tag.get("id")]


def assert_outline_matches(rendered: RenderedMap) -> None:
    assert set(rendered.anchor_ids) == html_ids(rendered.html)
    assert list(rendered.headings) == html_headings(rendered.html, (2,))
    if rendered.search_html is None:
        assert rendered.search_headings == ()
    else:
        assert list(rendered.search_headings) == html_headings(rendered.search_html, (2, 3, 4))


def example_context(language: str) -> PageContext:
    """The example site's own Markdown extensions (``attr_list`` among them), as its build uses them."""
    config = load_config(str(EXAMPLE_SITE / "mkdocs.yml"))
    return context(language, inline_markdown=InlineMarkdown(config.markdown_extensions, config.mdx_configs))


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("path", EXAMPLE_MAPS, ids=lambda p: p.name)
def test_the_example_sites_maps(path: Path, language: str) -> None:
    collected = Collection(DocsTree.scan(EXAMPLE_SITE / "docs"), settings(language)).journey(path)
    assert collected.ok
    rendered = render_map(collected, example_context(language))
    assert_outline_matches(rendered)
    assert len(rendered.anchor_ids) > 10 and len(rendered.search_headings) > 5


def test_the_example_site_has_maps() -> None:
    assert len(EXAMPLE_MAPS) >= 4


def test_a_map_with_errors_has_no_outline(docs_dir: Path, write_file: Callable[..., Path]) -> None:
    path = write_file("bad.journey.yml", "title: Bad\nstages:\n  - name: A\n    touchpoints: [{name: B, emotoin: 3}]\n")
    collected = Collection(DocsTree.scan(docs_dir), settings()).journey(path)
    assert not collected.ok
    rendered = render_map(collected, context())
    assert (rendered.headings, rendered.anchor_ids, rendered.search_html) == ((), frozenset(), None)
    assert html_ids(rendered.html) == set() and html_headings(rendered.html, (1, 2, 3, 4, 5, 6)) == []


def test_a_full_map_and_a_bare_one(load: Callable[..., CollectedMap]) -> None:
    for collected in (load(), load("title: T\nstages:\n  - name: Only\n")):
        assert_outline_matches(render_map(collected, context()))


def test_ids_an_author_writes_with_attr_list_are_anchors_too(load: Callable[..., CollectedMap]) -> None:
    # `{#id}` after a value is Markdown's attr_list: the id is on the page, so a link may point at it.
    text = FULL_MAP.replace("summary: From *inspiration* to the trip",
                            "summary: From *inspiration*{#dream} to the trip")
    markdown = InlineMarkdown(["attr_list"])
    rendered = render_map(load(text), PageContext(settings=settings(), inline_markdown=markdown, asset_url=asset_url))
    assert "dream" in rendered.anchor_ids
    assert_outline_matches(rendered)


def test_headings_are_the_text_a_reader_sees(load: Callable[..., CollectedMap]) -> None:
    # Markup-like text and runs of white space in a name come out as the reader sees them.
    text = FULL_MAP.replace("  - name: Orientation\n", "  - name: \"Orientation   <b>&amp;</b>\"\n    id: orientation\n")
    rendered = render_map(load(text), context())
    stage = next(h for h in rendered.search_headings if h.id == "stage-orientation")
    assert stage.title == "Orientation <b>&amp;</b>"
    assert_outline_matches(rendered)


def test_a_compared_map_with_history(load: Callable[..., CollectedMap]) -> None:
    from datetime import date

    from mkdocs_journey.engine.compare import compare, new_at_ref
    from mkdocs_journey.engine.history import HistoryEntry, MapHistory, TrendPoint
    from mkdocs_journey.engine.i18n import Translator

    old = load(FULL_MAP.replace("emotion: 2", "emotion: 3"), name="journeys/old.journey.yml")
    new = load()
    history = MapHistory((HistoryEntry("a" * 40, date(2026, 10, 1), "Anna", "First", None),), 1, True,
                         (TrendPoint("a" * 40, date(2026, 10, 1), 3.4, 2),))
    for comparison in (compare(old, new, Translator("en")), compare(old, new, Translator("en"), ref="main"),
                       new_at_ref(new, "main", "abc1234")):
        rendered = render_map(new, context(comparison=comparison, history=history))
        assert_outline_matches(rendered)
        assert "journey-compare" in rendered.anchor_ids and "journey-history" in rendered.anchor_ids


def test_the_example_sites_future_map_compares_with_its_current_map() -> None:
    from mkdocs_journey.engine.compare import compare

    collection = Collection(DocsTree.scan(EXAMPLE_SITE / "docs"), settings("nl"))
    future = collection.journey(EXAMPLE_SITE / "docs/journeys/rondreis-vs-toekomst.journey.yml")
    assert future.loaded.compare_path == (EXAMPLE_SITE / "docs/journeys/rondreis-vs.journey.yml").resolve()
    current = collection.journey(future.loaded.compare_path)
    comparison = compare(current, future, settings("nl").translate)
    rendered = render_map(future, dataclasses.replace(example_context("nl"), comparison=comparison))
    assert_outline_matches(rendered)
    page = BeautifulSoup(rendered.html, "html.parser")
    assert page.select(".journey-emotion__was") and page.select(".journey-emotion__ghost")


def test_a_ref_and_commit_subjects_are_text_never_markup(load: Callable[..., CollectedMap]) -> None:
    from datetime import date

    from mkdocs_journey.engine.compare import compare
    from mkdocs_journey.engine.history import HistoryEntry, MapHistory
    from mkdocs_journey.engine.i18n import Translator

    old = load(FULL_MAP.replace("emotion: 2", "emotion: 3"), name="journeys/old.journey.yml")
    new = load()
    ref = "<img/src=x/onerror=alert(1)>"
    history = MapHistory((HistoryEntry("a" * 40, date(2026, 10, 1), "<b>Anna</b>", "<script>x()</script>",
                                       "https://github.com/o/r/commit/" + "a" * 40),), 1, False)
    html = render_map(new, context(comparison=compare(old, new, Translator("en"), ref=ref, commit="abc1234"),
                                   history=history)).html
    page = BeautifulSoup(html, "html.parser")
    assert page.find("img", onerror=True) is None and page.find("script") is None and page.find("b") is None
    assert ref in page.select_one(".journey-compare-banner").get_text()
    assert page.select_one(".journey-history__subject").get_text() == "<script>x()</script>"
