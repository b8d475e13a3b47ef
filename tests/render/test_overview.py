"""The overview's HTML (render_overview) and the sparkline, on real collected maps."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

import pytest
from bs4 import BeautifulSoup

from mkdocs_journey.engine.collection import CollectedMap
from mkdocs_journey.engine.portfolio import PortfolioMap, map_keys
from mkdocs_journey.engine.render.overview import render_overview
from mkdocs_journey.engine.render.sparkline import sparkline

from .conftest import FULL_MAP, context

SECOND = """\
title: <script>alert(1)</script> Second
owner: "Team <b>B</b>"
status: validated
tags: [zeta, alpha]
stages:
  - name: S
    touchpoints:
      - {name: Hurts, id: hurts, emotion: 1, moment_of_truth: true, feeling: awful}
improvements:
  - {id: a, title: "Fix <img src=x onerror=alert(1)>", owner: "Web team", teams: ["R&D <x>"], status: doing,
     addresses: [hurts], due: 2026-10-01}
  - {id: b, title: Unowned idea, impact: 4, effort: 1}
"""

Overview = Callable[..., BeautifulSoup]


@pytest.fixture
def overview(load: Callable[..., CollectedMap]) -> Overview:
    def render(group_by_tag: bool = True, language: str = "en") -> BeautifulSoup:
        first = load(FULL_MAP, name="journeys/first.journey.yml", language=language)
        second = load(SECOND, name="journeys/second.journey.yml", language=language)
        keys = map_keys(["journeys/first.journey.yml", "journeys/second.journey.yml"])
        maps = [PortfolioMap(first, "Booking a trip", "first/", keys[0]),
                PortfolioMap(second, "<script>alert(1)</script> Second", "second/", keys[1])]
        rendered = render_overview(maps, context(language), group_by_tag=group_by_tag)
        page = BeautifulSoup(rendered.html, "html.parser")
        # Every id the page writes is one the outline lists, and back.
        assert {tag["id"] for tag in page.select("[id]")} == set(rendered.anchor_ids)
        assert [h.id for h in rendered.headings if h.level == 2] == [
            h2["id"] for h2 in page.find_all("h2")]
        return page

    return render


def test_one_row_per_map_in_the_order_given(overview: Overview) -> None:
    page = overview(group_by_tag=False)
    rows = page.select("table.journey-overview__maps tbody tr.journey-overview__map")
    assert [row.th.a["href"] for row in rows] == ["first/", "second/"]
    first = [cell.get_text(" ", strip=True) for cell in rows[0].find_all("td")]
    assert first[:3] == ["current validated", "Team Online", "14 October 2026"]
    assert first[3].startswith("Emotion over 5 touchpoints, lowest 1 at “Payment”")
    # Open pains (Too many similar offers, No filters), open improvements, quick wins, health notes.
    assert first[4:7] == ["2", "4", "2"]
    assert rows[0].find("svg", class_="journey-sparkline") is not None
    assert rows[0].select_one(".journey-overview__persona").get_text(strip=True) == "Mark"


def test_user_text_is_escaped_everywhere(overview: Overview) -> None:
    page = overview()
    assert page.find("script") is None
    assert page.find("img") is None
    assert page.find("b") is None
    assert "<script>alert(1)</script> Second" in page.get_text()
    # Class names made from user values are slugs.
    for tag in page.select("li[class]"):
        assert all(re.fullmatch(r"[a-z0-9_-]+", name) for name in tag["class"])


def test_maps_grouped_under_their_first_tag(overview: Overview) -> None:
    page = overview()
    groups = [row.get_text(strip=True) for row in page.select("tr.journey-overview__group")]
    assert groups == ["travel", "zeta"]  # each map once, under its first tag, tags sorted
    assert page.select_one("tr.journey-overview__group th")["id"] == "journey-overview-tag-travel"


def test_where_customers_suffer_most_links_to_the_touchpoint(overview: Overview) -> None:
    page = overview()
    moments = page.select("ol.journey-overview__moments > li")
    assert [m.a["href"] for m in moments] == ["second/#tp-s--hurts", "first/#tp-orientation--website"]
    assert moments[0].select_one(".journey-overview__moment-score").get_text() == "1"


def test_the_backlog_across_maps(overview: Overview) -> None:
    page = overview()
    cards = page.select("ol.journey-portfolio-backlog > li")
    titles = [card.select_one(".journey-backlog__title").get_text() for card in cards]
    # doing (mails: first map first, then a), planned, idea (by score), done.
    assert titles == ["Departure mails", "Fix <img src=x onerror=alert(1)>", "Filters on country and price",
                      "Unowned idea", "Another one in the same cell", "Not scored yet", "Already done"]
    first = cards[0]
    assert first["id"] == "journey-overview-journeys-first--mails"
    assert first.select_one("a.journey-portfolio-backlog__map")["href"] == "first/#improvement-mails"
    assert [a["href"] for a in first.select(".journey-portfolio-backlog__targets a")] == ["first/#tp-orientation--google"]
    assert first.select_one(".journey-backlog__score-value").get_text() == "Priority: 16"


MARKUP_EVERYWHERE = """\
title: M
stages:
  - name: "Stage <i>&amp; one</i>"
    id: s
    touchpoints:
      - {name: "Touch \\"<b>point</b>\\" & 'more'", id: t, emotion: 2}
improvements:
  - {id: x, title: "<script>alert(1)</script> & co", owner: "<em>Ops</em> & 'Co'", teams: ["<u>R</u>", "D&D"],
     status: planned, addresses: [t], due: 2026-12-01, impact: 3, effort: 2}
"""


def test_the_cards_escape_every_value_once(load: Callable[..., CollectedMap]) -> None:
    """The cards are written with autoescaping off, from values the view escaped: each shows as written."""
    loaded = load(MARKUP_EVERYWHERE, name="journeys/m.journey.yml")
    keys = map_keys(["journeys/m.journey.yml"])
    rendered = render_overview([PortfolioMap(loaded, "<b>Map</b> & 'one'", "m/", keys[0])], context())
    page = BeautifulSoup(rendered.html, "html.parser")
    card = page.select_one("ol.journey-portfolio-backlog > li")
    assert card.find(["script", "i", "b", "em", "u"]) is None
    assert card.select_one(".journey-backlog__title").get_text() == "<script>alert(1)</script> & co"
    assert card.select_one("a.journey-portfolio-backlog__map").get_text() == "<b>Map</b> & 'one'"
    assert card.select_one(".journey-portfolio-backlog__targets a").get_text() == (
        "Stage <i>&amp; one</i> › Touch \"<b>point</b>\" & 'more'")
    assert card.select_one(".journey-portfolio-backlog__owner").get_text() == "Owner: <em>Ops</em> & 'Co'"
    assert card.select_one(".journey-portfolio-backlog__teams").get_text() == "Stakeholders: <u>R</u>, D&D"
    assert card.select_one(".journey-portfolio-backlog__due").get_text() == "Due: 1 December 2026"
    assert card.select_one(".journey-status--planned").get_text() == "planned"
    # The same text, escaped as Jinja escapes it, in the source.
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in rendered.html
    assert "&lt;em&gt;Ops&lt;/em&gt; &amp; &#39;Co&#39;" in rendered.html


def test_filters_work_without_javascript(overview: Overview) -> None:
    page = overview()
    links = {a.get_text(strip=True): a["href"] for a in page.select(".journey-filters__links a")}
    assert links["Web team"] == "#journey-backlog-owner-web-team"
    assert links["no owner"] == "#journey-backlog-owner-none"
    assert links["doing"] == "#journey-backlog-status-doing"
    assert links["R&D <x>"] == "#journey-backlog-team-r-d-x"
    # The link targets sit before the list (CSS `~` reaches only later siblings) ...
    target = page.find(id="journey-backlog-owner-web-team")
    assert target.find_next_sibling("ol", class_="journey-portfolio-backlog") is not None
    # ... and the page's CSS hides every card without the owner's class while that target is shown.
    css = page.find("style").get_text()
    assert ("#journey-backlog-owner-web-team:target ~ .journey-portfolio-backlog > li:not(.journey-f-owner-web-team)"
            " { display: none; }") in css
    web = [card.select_one(".journey-backlog__title").get_text()
           for card in page.select("ol.journey-portfolio-backlog > li.journey-f-owner-web-team")]
    assert web == ["Fix <img src=x onerror=alert(1)>", "Filters on country and price", "Another one in the same cell"]
    # The menus for JavaScript are hidden until the script shows them.
    assert page.select_one("form[data-journey-filters]").has_attr("hidden")


def test_the_plan_across_maps_links_to_the_cards(overview: Overview) -> None:
    page = overview()
    columns = page.select("ol.journey-plan > li")
    assert [c["data-plan"] for c in columns] == ["overdue", "now", "2026-Q4", "2027-Q1", "later"]
    overdue = columns[0].select("a")
    assert [a["href"] for a in overdue] == ["#journey-overview-journeys-second--a"]
    assert "was due 1 October 2026" in columns[0].get_text()
    ids = {tag["id"] for tag in page.select("[id]")}
    assert all(a["href"][1:] in ids for a in page.select("ol.journey-plan a"))


def test_dutch_overview(overview: Overview) -> None:
    page = overview(language="nl")
    assert [h.get_text() for h in page.find_all("h2")] == [
        "Kaarten", "Waar klanten het meest lijden", "Backlog van alle kaarten", "Planning"]


def test_no_maps(load: Callable[..., CollectedMap]) -> None:
    rendered = render_overview([], context())
    page = BeautifulSoup(rendered.html, "html.parser")
    assert page.select_one(".journey-overview__empty").get_text() == "No maps yet."
    assert page.find("table") is None


# -- The sparkline ----------------------------------------------------------------------


def test_a_sparkline_breaks_at_a_touchpoint_without_emotion() -> None:
    line = sparkline([("a", 5), ("b", 3), ("c", None), ("d", 1), ("e", 2), ("f", None), ("g", 4)])
    assert line.path.count("M") == 2  # a-b, then d-e
    assert line.single == (("114", "16.25"),)  # g stands alone: a dot
    assert line.lowest is not None and (line.lowest.touchpoint, line.lowest.score) == ("d", 1)


def test_the_first_of_equal_lows_is_marked() -> None:
    line = sparkline([("a", 2), ("b", 4), ("c", 2)])
    assert line.lowest is not None and line.lowest.touchpoint == "a"


def test_no_emotion_no_line() -> None:
    assert sparkline([("a", None)]).lowest is None
    assert sparkline([]).lowest is None


TEAMS_TWICE = """\
title: T
stages:
  - name: S
    touchpoints:
      - {name: P, id: p, emotion: 3}
improvements:
  - {id: one, title: One, teams: [Zed, Alpha, Zed], owner: Ann}
  - {id: two, title: Two, teams: [Alpha]}
  - {id: three, title: Three, status: done}
"""


def test_filter_counts_and_classes_follow_the_filters_order(load: Callable[..., CollectedMap]) -> None:
    """A team named twice on an item counts once; a card's classes come in the filters' order."""
    loaded = load(TEAMS_TWICE, name="journeys/t.journey.yml")
    rendered = render_overview([PortfolioMap(loaded, "T", "t/", map_keys(["journeys/t.journey.yml"])[0])], context())
    page = BeautifulSoup(rendered.html, "html.parser")
    counts = {a.get_text(): a.find_next_sibling("span").get_text() for a in page.select(".journey-filters__links a")}
    assert counts == {"idea": "2", "done": "1", "Ann": "1", "no owner": "2", "Alpha": "2", "Zed": "1"}
    classes = {card.select_one(".journey-backlog__title").get_text(): card["class"]
               for card in page.select("ol.journey-portfolio-backlog > li")}
    assert classes["One"] == ["journey-backlog__item--idea", "journey-f-status-idea", "journey-f-owner-ann",
                              "journey-f-team-alpha", "journey-f-team-zed"]
    assert classes["Three"] == ["journey-backlog__item--done", "journey-backlog__item--closed", "journey-f-status-done",
                                "journey-f-owner-none"]
