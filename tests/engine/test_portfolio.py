"""All maps together: the backlog across maps (order and ties), the worst moments, the counts, and the CSV."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from mkdocs_journey.engine.collection import Collection
from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.improvements_csv import HEADER, improvements_csv
from mkdocs_journey.engine.portfolio import PortfolioMap, map_keys, map_numbers, portfolio_backlog, suffering
from mkdocs_journey.engine.settings import BuildSettings

SETTINGS = BuildSettings(today=date(2027, 1, 10))

FIRST = """\
title: First map
stages:
  - name: S
    touchpoints:
      - {name: A, emotion: 4, moment_of_truth: true, pains: [Slow, Dull]}
      - {name: B, emotion: 1, moment_of_truth: true, pains: [Broken]}
      - {name: C, emotion: 2, pains: [Not a moment]}
improvements:
  - {id: f-idea, title: Idea scored 20, impact: 5, effort: 2, addresses: [a]}
  - {id: f-doing, title: Doing unscored, status: doing}
  - {id: f-tie, title: Planned scored 12, impact: 3, effort: 2, status: planned}
  - {id: f-done, title: Done, status: done, addresses: [b]}
"""

SECOND = """\
title: Second map
stages:
  - name: T
    touchpoints:
      - {name: X, emotion: 1, moment_of_truth: true}
      - {name: Y, emotion: 2, moment_of_truth: true, pains: [Lost]}
      - {name: Z, moment_of_truth: true}
improvements:
  - {id: s-idea, title: Idea scored 20 too, impact: 4, effort: 1}
  - {id: s-drop, title: Dropped, status: dropped, impact: 5, effort: 1}
  - {id: s-tie, title: Planned scored 12 too, impact: 4, effort: 3, status: planned}
"""

Maps = Callable[..., list[PortfolioMap]]


@pytest.fixture
def maps(docs_dir: Path, write_file: Callable[..., Path]) -> Maps:
    """Collect journey files (name -> text) in the order given, as a site lists them."""

    def collect(files: dict[str, str]) -> list[PortfolioMap]:
        paths = [write_file(name, text) for name, text in files.items()]
        collection = Collection(DocsTree.scan(docs_dir), SETTINGS)
        keys = map_keys(list(files))
        result = []
        for name, path, key in zip(files, paths, keys):
            collected = collection.journey(path)
            assert collected.ok, collected.loaded.errors
            assert collected.loaded.journey is not None
            result.append(PortfolioMap(collected, collected.loaded.journey.title, name.replace(".journey.yml", "/"), key))
        return result

    return collect


def test_the_backlog_across_maps_follows_status_then_score_then_file_order_then_map_order(maps: Maps) -> None:
    entries = portfolio_backlog(maps({"a/first.journey.yml": FIRST, "b/second.journey.yml": SECOND}))
    assert [e.item.improvement.id for e in entries] == [
        "f-doing",            # doing first, even without a score
        "f-tie", "s-tie",     # planned, both 12, both third in their file: the first map first
        "f-idea", "s-idea",   # ideas scored 20, both first in their file
        "f-done", "s-drop",   # then done, then dropped
    ]


def test_ties_go_to_the_map_that_comes_first(maps: Maps) -> None:
    both = maps({"b/second.journey.yml": SECOND, "a/first.journey.yml": FIRST})
    entries = portfolio_backlog(both)
    assert [e.item.improvement.id for e in entries][1:3] == ["s-tie", "f-tie"]  # same status, score, place in file


def test_file_order_breaks_ties_before_map_order(maps: Maps) -> None:
    first = FIRST.replace("  - {id: f-idea", "  - {id: f-filler, title: Filler, status: done}\n  - {id: f-idea")
    entries = portfolio_backlog(maps({"a/first.journey.yml": first, "b/second.journey.yml": SECOND}))
    ideas = [e.item.improvement.id for e in entries if e.item.improvement.status == "idea"]
    assert ideas == ["s-idea", "f-idea"]  # 1st in its file before 2nd in its file, whatever the map order


def test_where_customers_suffer_most(maps: Maps) -> None:
    moments = suffering(maps({"a/first.journey.yml": FIRST, "b/second.journey.yml": SECOND}))
    # Lowest first; equal lows in map order; only moments of truth below neutral; none without an emotion.
    assert [(m.map.title, m.touchpoint.name, m.emotion) for m in moments] == [
        ("First map", "B", 1), ("Second map", "X", 1), ("Second map", "Y", 2)]


def test_suffering_lists_at_most_the_limit(maps: Maps) -> None:
    many = "title: M\nstages:\n  - name: S\n    touchpoints:\n" + "".join(
        f"      - {{name: T{n}, emotion: {1 + n % 2}, moment_of_truth: true}}\n" for n in range(15))
    moments = suffering(maps({"m.journey.yml": many}))
    assert len(moments) == 10
    assert [m.emotion for m in moments] == [1] * 8 + [2] * 2


def test_the_numbers_of_a_map(maps: Maps) -> None:
    first, second = maps({"a/first.journey.yml": FIRST, "b/second.journey.yml": SECOND})
    numbers = map_numbers(first, SETTINGS)
    # B's pain is addressed by a done improvement; A's pains only by an idea, C's by none: still open.
    assert first.map.analysis is not None
    assert (numbers.open_pains, numbers.open_improvements, numbers.quick_wins, numbers.health_notes) == (
        3, 3, 2, len(first.map.analysis.health))
    assert [score for _, score in numbers.emotions] == [4, 1, 2]
    assert numbers.stale is False
    assert [score for _, score in map_numbers(second, SETTINGS).emotions] == [1, 2, None]


def test_map_keys_are_unique_and_anchor_safe() -> None:
    assert map_keys(["journeys/booking.journey.yml", "journeys/Booking.journey.yaml", "trip.journey.yml",
                     "é/ß.journey.yml"]) == ["journeys-booking", "journeys-booking-2", "trip", "e-ss"]


# -- improvements.csv -----------------------------------------------------------------

TRICKY = """\
title: 'Map, with "quotes"'
stages:
  - name: S
    touchpoints:
      - {name: A, id: a}
      - {name: B, id: b}
improvements:
  - id: tricky
    title: |-
      Two lines, a comma
      and "quotes"
    owner: "Team; Online"
    teams: [HR, "Sales, EMEA"]
    impact: 4
    effort: 2
    status: planned
    due: 2027-03
    addresses: [a, s/b]
  - id: bare
    title: Nothing else
"""


def read_back(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "Excel needs the byte order mark to read UTF-8"
    data = text.encode("utf-8").decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(data, newline="")))


def test_the_csv_reads_back_with_the_csv_module(maps: Maps) -> None:
    text = improvements_csv(maps({"journeys/tricky.journey.yml": TRICKY}))
    rows = read_back(text)
    assert list(rows[0]) == list(HEADER)
    assert rows == [
        {"map": 'Map, with "quotes"', "url": "journeys/tricky/", "id": "tricky",
         "title": 'Two lines, a comma\nand "quotes"', "status": "planned", "owner": "Team; Online",
         "teams": "HR; Sales, EMEA", "due": "2027-03", "impact": "4", "effort": "2", "score": "16",
         "quick_win": "true", "addresses": "s/a; s/b"},
        {"map": 'Map, with "quotes"', "url": "journeys/tricky/", "id": "bare", "title": "Nothing else",
         "status": "idea", "owner": "", "teams": "", "due": "", "impact": "", "effort": "", "score": "",
         "quick_win": "false", "addresses": ""},
    ]


def test_the_csv_quotes_as_spreadsheets_expect(maps: Maps) -> None:
    text = improvements_csv(maps({"journeys/tricky.journey.yml": TRICKY}))
    lines = text[1:].split("\r\n")
    assert lines[0] == ",".join(HEADER)
    # The line break inside the title stays inside its quotes; only rows end in CRLF.
    assert lines[1] == ('"Map, with ""quotes""",journeys/tricky/,tricky,"Two lines, a comma\nand ""quotes""",'
                        'planned,Team; Online,"HR; Sales, EMEA",2027-03,4,2,16,true,s/a; s/b')
    assert text.endswith("\r\n")


def test_the_csv_follows_the_backlog_across_maps(maps: Maps) -> None:
    rows = read_back(improvements_csv(maps({"a/first.journey.yml": FIRST, "b/second.journey.yml": SECOND})))
    assert [row["id"] for row in rows] == ["f-doing", "f-tie", "s-tie", "f-idea", "s-idea", "f-done", "s-drop"]
    assert rows[0]["due"] == "" and rows[0]["score"] == ""
    assert {row["map"] for row in rows} == {"First map", "Second map"}


def test_an_empty_site_has_only_the_header() -> None:
    assert read_back(improvements_csv([])) == []
    assert improvements_csv([]) == "\ufeff" + ",".join(HEADER) + "\r\n"
