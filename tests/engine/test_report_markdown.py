"""The pull-request comment, rendered as GitHub renders it (CommonMark, raw HTML, GFM tables)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.i18n import Translator
from mkdocs_journey.engine.report.markdown import LIMIT, MARKER, NO_CHANGES, escape, render_markdown
from mkdocs_journey.engine.review import Review, compare_files
from mkdocs_journey.engine.settings import BuildSettings

from ..files import put

SETTINGS = BuildSettings(today=date(2026, 11, 1))

OLD = """\
title: Booking a trip
stages:
  - name: Orientation
    touchpoints:
      - name: Google search
        emotion: 4
        pains: [Too many offers]
      - name: Website
        emotion: 2
improvements:
  - {id: filters, title: Filters, addresses: [website], owner: Web, due: 2027-Q1, impact: 4, effort: 2}
  - {id: mails, title: Mails, addresses: [website], owner: Web, due: 2027-Q1, impact: 2, effort: 2}
"""

HOSTILE = '<script>alert(1)</script> **bold** [x](javascript:alert(1)) | `code` @octocat <img src=x onerror=alert(2)>'


def github(markdown: str) -> BeautifulSoup:
    """HTML as GitHub makes it from a comment: CommonMark with raw HTML and GFM tables."""
    html = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown)
    return BeautifulSoup(html, "html.parser")


def compare(tmp_path: Path, old: str, new: str, name: str = "map") -> Review:
    docs = tmp_path / "docs"
    before = put(docs, f"old/{name}.journey.yml", old)
    after = put(docs, f"{name}.journey.yml", new)
    tree = DocsTree.scan(docs)
    return compare_files(before, after, tree, tree, SETTINGS, name_of=lambda p: p.name, page=f"{name}/")


def test_the_verdict_and_counts_come_first(tmp_path: Path) -> None:
    review = compare(tmp_path, OLD, OLD.replace("emotion: 4", "emotion: 1").replace("emotion: 2", "emotion: 3"))
    body = render_markdown(review, Translator("en"), "https://example.org/site/")
    assert body.startswith(MARKER + "\n### Journey maps: 1 map changed\n\n**🔴 worse for the customer at 1 "
                           "touchpoint · better for the customer at 1 touchpoint**\n")
    page = github(body)
    summary_table = page.find("table")
    assert [th.get_text() for th in summary_table.find_all("th")] == [
        "Map", "Average emotion", "Touchpoints better · worse", "Pain points added · solved",
        "Health notes new · resolved"]
    cells = [td.get_text() for td in summary_table.find("tbody").find_all("td")]
    assert cells == ["Booking a trip", "3.0 → 2.0", "🟢 1 · 🔴 1", "+0 · −0", "+0 · −0"]
    assert summary_table.find("a")["href"] == "https://example.org/site/map/"


def test_one_details_block_per_map_grouped_by_stage(tmp_path: Path) -> None:
    review = compare(tmp_path, OLD, OLD.replace("emotion: 4", "emotion: 1"))
    page = github(render_markdown(review, Translator("en"), "https://example.org/"))
    (details,) = page.find_all("details")
    assert details.find("summary").get_text() == (
        "Booking a trip: 0 touchpoints better, 1 worse, 1 unchanged · average emotion 3.0 → 1.5")
    assert [h.get_text() for h in page.find_all("h4")] == ["Stage “Orientation”"]
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in page.find_all("table")[1].find("tbody").find_all("tr")]
    assert rows == [["Google search", "Emotion", "🙂 4 positive → 😣 1 very negative 🔴"]]
    link = page.find_all("table")[1].find("a")
    assert link["href"] == "https://example.org/map/#tp-orientation--google-search"


def test_the_backlog_s_new_order_is_listed(tmp_path: Path) -> None:
    review = compare(tmp_path, OLD, OLD.replace("impact: 2, effort: 2", "impact: 5, effort: 1"))
    page = github(render_markdown(review, Translator("en")))
    assert [li.get_text() for li in page.find("ol").find_all("li")] == ["Mails", "Filters"]
    assert "The backlog's new order:" in page.get_text() and "Order of the backlog" not in page.get_text()
    assert len(page.find_all("table")) == 2  # the summary, and the improvements whose scores changed


def test_text_from_the_files_is_escaped_everywhere(tmp_path: Path) -> None:
    hostile = (OLD.replace("title: Booking a trip", f"title: '{HOSTILE}'")
               .replace("name: Google search", f"name: '{HOSTILE}'\n        id: google")
               .replace("pains: [Too many offers]", f"pains: ['{HOSTILE}', 'line\\none']"))
    hostile = hostile.replace("'", "\"").replace('"<script>', '"<script>')
    review = compare(tmp_path, OLD.replace("name: Google search", "name: Google search\n        id: google"),
                     hostile.replace("emotion: 4", "emotion: 1"))
    assert not review.errors, [e.format_text() for e in review.errors]
    body = render_markdown(review, Translator("en"), "https://example.org/")
    page = github(body)
    # Our own <strong> around a name holds the whole text; the file's `**bold**` and `code` stay literal.
    assert not page.find_all("strong", string="bold") and not page.find_all("code", string="code")
    assert not page.find("script") and not page.find("img")
    assert all(not a["href"].startswith("javascript") for a in page.find_all("a"))
    assert "@octocat" not in body and "@\u200boctocat" in page.get_text()
    text = page.get_text()
    assert HOSTILE.replace("@octocat", "@\u200boctocat") in text
    # Every table row still has its columns: a `|` or a line break in a value does not break it.
    for table in page.find_all("table"):
        widths = {len(tr.find_all(["td", "th"])) for tr in table.find_all("tr")}
        assert len(widths) == 1, widths


@pytest.mark.parametrize("text", ["# heading", "- item", "1. item", "> quote", "***", "<!-- x -->", "a\\b", "&amp;"])
def test_escape_keeps_block_and_inline_syntax_literal(text: str) -> None:
    page = github(escape(text))
    assert page.get_text().strip() == text
    assert [t.name for t in page.find_all(True)] == ["p"]


def test_no_changes(tmp_path: Path) -> None:
    body = render_markdown(compare(tmp_path, OLD, OLD), Translator("nl"))
    assert body == MARKER + "\n" + NO_CHANGES + "\n### Klantreiskaarten\n\nGeen wijzigingen in de klantreiskaarten.\n" \
                            "\n<sub>Vergeleken door mkdocs\\-journey</sub>\n"


def test_dutch(tmp_path: Path) -> None:
    review = compare(tmp_path, OLD, OLD.replace("emotion: 4", "emotion: 1"))
    page = github(render_markdown(review, Translator("nl")))
    assert page.find("h3").get_text() == "Klantreiskaarten: 1 kaart gewijzigd"
    assert "🙂 4 positief" in page.get_text() and "😣 1 zeer negatief 🔴" in page.get_text()


def _big_map(score: int, touchpoints: int = 30) -> str:
    stages = []
    for s in range(5):
        items = "".join(f"      - name: Touchpoint {s}-{i} with a name long enough to count\n"
                        f"        emotion: {score}\n"
                        f"        pains: [A pain that is written out in words at some length {s}-{i}-{score}]\n"
                        for i in range(touchpoints // 5))
        stages.append(f"  - name: Stage {s}\n    touchpoints:\n{items}")
    return "title: Big map\nstages:\n" + "".join(stages)


def test_a_huge_change_stays_under_github_s_limit_and_says_what_was_left_out(tmp_path: Path) -> None:
    reviews = [compare(tmp_path / str(n), _big_map(2), _big_map(4), f"map{n}") for n in range(40)]
    review = Review(maps=[m for r in reviews for m in r.maps])
    body = render_markdown(review, Translator("en"))
    assert len(body) <= LIMIT
    page = github(body)
    shown = len(page.find_all("details"))
    assert 0 < shown < 40
    assert f"The details of {40 - shown} more maps are left out" in page.get_text()
    # The summary table still lists every map.
    assert len(page.find("table").find("tbody").find_all("tr")) == 40


def test_a_backlog_that_only_changed_order_shows_ranks_and_the_order(tmp_path: Path) -> None:
    tied = OLD.replace("impact: 2, effort: 2", "impact: 4, effort: 2")  # same score: file order decides
    swapped = tied.replace("  - {id: filters", "  - {id: FIRST").replace("  - {id: mails", "  - {id: filters") \
        .replace("  - {id: FIRST", "  - {id: mails")
    swapped = swapped.replace("title: Filters,", "title: TMP,").replace("title: Mails,", "title: Filters,") \
        .replace("title: TMP,", "title: Mails,")
    page = github(render_markdown(compare(tmp_path, tied, swapped), Translator("en")))
    assert [li.get_text() for li in page.find("ol").find_all("li")] == ["Mails", "Filters"]
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in page.find_all("table")[1].find_all("tr")[1:]]
    assert rows == [["Mails", "Place in the backlog", "#2 → #1"], ["Filters", "Place in the backlog", "#1 → #2"]]
