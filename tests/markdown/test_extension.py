"""The ``journey`` fence in plain Python-Markdown: with and without superfences, every part and option."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup

from ..files import put

MAP = """\
title: Booking
summary: From *search* to trip
owner: Team Online
persona: {name: Mark, role: Father of two}
stages:
  - name: Orientation
    touchpoints:
      - {name: Search, emotion: 4, pains: ["<script>alert(1)</script> too many offers"], action: Searches}
  - name: Purchase
    touchpoints:
      - {name: Checkout, emotion: 2, action: Pays, thought: "See [the team](../team.md#web)"}
improvements:
  - {id: filters, title: Filters, addresses: [orientation/search], owner: Web, impact: 4, effort: 2, status: planned,
     due: 2027-Q1}
  - {id: pay, title: Faster payment, addresses: [purchase/checkout], owner: Web, impact: 3, effort: 3}
"""

FILE = "file: journeys/booking.journey.yml"
#: The class that shows each part is there.
PART_CLASS = {"title": "journey-fence__title", "header": "journey-summary", "persona": "journey-persona",
              "health": "journey-health", "map": "journey-map", "curve": "journey-map--compact",
              "backlog": "journey-backlog", "matrix": "journey-matrix"}
HEADED = {"persona": "Persona", "health": "Map health", "map": "Journey map", "backlog": "Improvement backlog",
          "matrix": "Impact and effort"}


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "docs"
    put(root, "journeys/booking.journey.yml", MAP)
    put(root, "team.md", "# Team\n\n## Web\n")
    return root


def convert(text: str, *, superfences: bool = False, listed: bool = True, **options: Any) -> tuple[BeautifulSoup, Any]:
    extensions: list[Any] = ["toc"]
    configs: dict[str, Any] = {"mkdocs_journey.markdown": {"docs_dir": "docs", **options}}
    if superfences:
        from mkdocs_journey.markdown import fence_format, fence_validator
        extensions.append("pymdownx.superfences")
        configs["pymdownx.superfences"] = {"custom_fences": [
            {"name": "journey", "class": "journey", "format": fence_format, "validator": fence_validator}]}
    if listed:
        extensions.append("mkdocs_journey.markdown")
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    html = md.convert(text)
    return BeautifulSoup(html, "html.parser"), md


def fence(*lines: str) -> str:
    return "```journey\n" + "\n".join(lines) + "\n```\n"


def toc_ids(md: Any) -> list[str]:
    ids: list[str] = []

    def walk(tokens: list[dict[str, Any]]) -> None:
        for token in tokens:
            ids.append(token["id"])
            walk(token["children"])
    walk(md.toc_tokens)
    return ids


def assert_ids_unique_and_links_resolve(page: BeautifulSoup) -> None:
    ids = [element["id"] for element in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for link in page.find_all("a", href=True):
        if link["href"].startswith("#") and len(link["href"]) > 1:
            assert link["href"][1:] in ids, link


@pytest.mark.parametrize("part", list(PART_CLASS))
def test_each_part_shows_alone_and_only_headed_parts_join_the_toc(docs: Path, part: str) -> None:
    page, md = convert("# Page\n\n" + fence(FILE, f"show: [{part}]"))
    div = page.find("div", class_="journey-fence")
    assert div is not None and div.find(class_=PART_CLASS[part]) is not None
    for other, css in PART_CLASS.items():
        if other != part and not (part == "curve" and other == "map") and not (part == "map" and other == "curve"):
            assert div.find(class_=css) is None, other
    headings = [h.get_text(strip=True) for h in div.find_all(["h2", "h3"])]
    assert headings == ([HEADED[part]] if part in HEADED else [])
    assert toc_ids(md) == ["page"] + ([f"journey1--journey-{part}"] if part in HEADED else [])
    assert_ids_unique_and_links_resolve(page)


def test_the_default_is_the_whole_map_under_its_title_in_page_order(docs: Path) -> None:
    page, _ = convert(fence(FILE))
    div = page.find("div", class_="journey-fence")
    assert div.find(class_="journey-fence__title").get_text(strip=True) == "Booking"
    assert [h.get_text(strip=True) for h in div.find_all("h2")] == list(HEADED.values())
    assert div.find(class_="journey-map--compact") is None


def test_parts_come_in_the_order_asked_for(docs: Path) -> None:
    page, _ = convert(fence(FILE, "show: [backlog, map]"))
    assert [h.get_text(strip=True) for h in page.find_all("h2")] == ["Improvement backlog", "Journey map"]


def test_fence_headings_sit_one_level_below_the_heading_before_them(docs: Path) -> None:
    page, md = convert("# Page\n\n## Section\n\n" + fence(FILE, "show: [backlog]"))
    assert page.find("h3", id="journey1--journey-backlog") is not None
    assert toc_ids(md) == ["page", "section", "journey1--journey-backlog"]


def test_stages_narrow_the_map_the_curve_and_the_backlog(docs: Path) -> None:
    page, _ = convert(fence(FILE, "show: [map, curve, backlog]", "stages: [purchase]"))
    stages = [th.get_text(" ", strip=True) for th in page.select("tr.journey-map__stages > th[id]")]
    assert stages == ["Purchase", "Purchase"]
    titles = [t.get_text(strip=True) for t in page.select("ol.journey-backlog > li > div > div:first-of-type > span:first-child")]
    assert titles == ["Faster payment"]
    # The rank is the one the improvement has on the map's own page.
    assert page.select_one("ol.journey-backlog > li > div > span").get_text(strip=True) == "2"


def test_lanes_choose_the_rows_of_the_map(docs: Path) -> None:
    page, _ = convert(fence(FILE, "show: [map]", "lanes: [touchpoint, action]"))
    rows = [tr["class"][-1] for tr in page.select("tr[class*='journey-lane--']")]
    assert rows == ["journey-lane--touchpoint", "journey-lane--action"]


def test_two_fences_of_one_map_never_share_an_id(docs: Path) -> None:
    page, md = convert("# Journey map\n\n" + fence(FILE) + "\n" + fence(FILE, "show: [map, curve, backlog]"))
    assert_ids_unique_and_links_resolve(page)
    assert "journey1--journey-map" in toc_ids(md) and "journey2--journey-map" in toc_ids(md)


def test_user_text_is_escaped_and_links_resolve_from_the_page(docs: Path) -> None:
    page, _ = convert(fence(FILE, "show: [map]"))
    assert page.find("script") is None
    assert "<script>alert(1)</script> too many offers" in page.get_text()
    # ../team.md from journeys/booking.journey.yml is team.md; the page is the home page.
    assert page.find("a", string="the team")["href"] == "team/#web"


def test_file_urls_when_the_site_uses_them(docs: Path) -> None:
    page, _ = convert(fence(FILE, "show: [map]"), use_directory_urls=False)
    assert page.find("a", string="the team")["href"] == "team.html#web"


def test_an_inline_journey_renders_like_a_file(docs: Path) -> None:
    page, _ = convert(fence("show: [title, curve]", "---", "title: Inline map", "stages:",
                            "  - name: One", "    touchpoints: [{name: A, emotion: 5}, {name: B, emotion: 1}]"))
    assert page.find(class_="journey-fence__title").get_text(strip=True) == "Inline map"
    assert len(page.find_all(class_="journey-smiley")) == 2


def test_errors_show_in_place_and_are_logged_with_page_and_line(docs: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR)
    page, _ = convert("# Page\n\n" + fence(FILE, "show: [curve, backlgo]") + "\nAfter.\n")
    box = page.find(class_="journey-errors")
    assert box is not None and "unknown part `backlgo`" in box.get_text()
    assert "After." in page.get_text()
    # Without a generator the page is the text given: the option is on its line 5.
    assert [r.getMessage() for r in caplog.records] == [
        "<markdown>:5:15: error: unknown part `backlgo` (did you mean `backlog`?); parts are: "
        "title, header, persona, health, map, curve, backlog, matrix"]


@pytest.mark.parametrize("listed", [True, False], ids=["extension-listed", "formatter-only"])
def test_superfences_renders_fences_in_lists_too(docs: Path, listed: bool) -> None:
    page, md = convert("# Page\n\n- Our backlog:\n\n    " + fence(FILE, "show: [backlog]").replace("\n", "\n    ")
                       + "\n" + fence(FILE, "show: [curve]"), superfences=True, listed=listed)
    fences = page.find_all("div", class_="journey-fence")
    assert len(fences) == 2 and fences[0].find_parent("li") is not None
    assert fences[0].find(class_="journey-backlog") is not None and fences[1].select_one("tr.journey-lane--emotion td > svg")
    assert page.find("code", class_="language-journey") is None
    if listed:  # the extension puts the headings in the tree, so the toc lists them
        assert "journey-backlog" in " ".join(toc_ids(md))
    assert_ids_unique_and_links_resolve(page)


def test_without_superfences_other_fences_stay_code(docs: Path) -> None:
    page, _ = convert("```python\nprint(1)\n```\n\n````markdown\n" + fence(FILE) + "````\n",
                      listed=True)
    assert page.find("div", class_="journey-fence") is None
    assert "```journey" in page.get_text()


def test_health_narrowed_to_stages_keeps_the_maps_own_notes_and_those_shown(docs: Path) -> None:
    put(docs, "journeys/booking.journey.yml", MAP.replace("{name: Search, emotion: 4,", "{name: Search,"))
    whole, _ = convert(fence(FILE, "show: [health]"))
    narrowed, _ = convert(fence(FILE, "show: [health]", "stages: [purchase]"))
    notes = [li.get_text(" ", strip=True) for li in whole.select(".journey-health__list > li")]
    kept = [li.get_text(" ", strip=True) for li in narrowed.select(".journey-health__list > li")]
    # Search, in the stage left out, has no emotion; the draft status and the missing
    # review date are the map's own.
    assert sum("Search" in n for n in notes) == 1
    assert not any("Search" in n for n in kept)
    assert [n for n in notes if "Search" not in n] == kept and len(kept) == 2


def test_fences_draw_their_own_smileys_and_every_use_finds_its_own(docs: Path) -> None:
    # A smiley is a <use> of a symbol its map draws once: two fences (a map and a curve of the
    # same map) on one page each draw theirs under their own ids, and every <use> points at
    # a symbol of its own fence.
    page, _ = convert(fence(FILE, "show: [map, curve]") + "\n" + fence(FILE, "show: [curve]"))
    assert_ids_unique_and_links_resolve(page)
    fences = page.find_all("div", class_="journey-fence")
    assert len(fences) == 2
    for number, div in enumerate(fences, start=1):
        own = {symbol["id"] for symbol in div.select(".journey-sprite symbol")}
        uses = [use["href"][1:] for use in div.find_all("use")]
        assert uses and set(uses) <= own, (uses, own)
        # The curve's pieces too: each fence's cells show symbols of its own sprite, under its own prefix.
        curves = {ident for ident in uses if "journey-c" in ident}
        assert curves and all(ident.startswith(f"journey{number}--") for ident in curves), curves
    curve_ids = [s["id"] for s in page.select(".journey-sprite symbol") if "journey-c" in s["id"]]
    assert len(curve_ids) == len(set(curve_ids))  # three sprites (the map, two curves), no id twice
    assert len(page.select(".journey-sprite")) == 3  # the map, its curve, the second fence's curve
    # Markdown leaves the sprite as it is: a block, no paragraph around it.
    assert all(sprite.parent.name == "div" for sprite in page.select(".journey-sprite"))
