"""A ``journey`` fence's text: its options, its map, and errors at the Markdown page's lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_journey.engine.collection import Collection
from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.fence import (PARTS, WHOLE_MAP, FenceSource, check_page, find_fences, parse_fence,
                                         resolve_fence)
from mkdocs_journey.engine.settings import BuildSettings

from ..files import put

MAP = """\
title: Booking
stages:
  - name: Orientation
    touchpoints:
      - {name: Search, emotion: 4, pains: [Too many offers]}
  - name: Purchase
    touchpoints:
      - {name: Checkout, emotion: 2}
improvements:
  - {id: filters, title: Filters, addresses: [orientation/search], owner: Web, impact: 4, effort: 2}
"""

#: Line 4, column 9: ``emotoin`` is a typo.
BROKEN = "title: Broken\nstages:\n  - name: One\n    touchpoints: [{name: A, emotoin: 3}]\n"

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<column>\d+): error: (?P<message>.+)$")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    put(root, "journeys/booking.journey.yml", MAP)
    put(root, "journeys/broken.journey.yml", BROKEN)
    return root


def _collection(docs: Path) -> Collection:
    return Collection(DocsTree.scan(docs), BuildSettings())


def _page(docs: Path, text: str) -> Path:
    return put(docs, "team.md", text)


def _errors(docs: Path, text: str) -> list[str]:
    page = _page(docs, text)
    return [f.format_text() for f in check_page(page, "docs/team.md", _collection(docs))]


def test_find_fences_gives_the_opening_line_and_skips_fences_inside_other_fences() -> None:
    text = ("---\ntitle: T\n---\n\n# Page\n\n```journey\nfile: a.journey.yml\n```\n\n"
            "````markdown\n```journey\nfile: example.journey.yml\n```\n````\n\n"
            "- item\n\n    ~~~ journey\n    file: b.journey.yml\n    ~~~\n")
    found = find_fences(text)
    assert [(f.line, f.body, f.column) for f in found] == [(7, "file: a.journey.yml", 1),
                                                          (19, "file: b.journey.yml", 5)]


def test_options_default_to_the_whole_map() -> None:
    request = parse_fence(FenceSource(3, "file: journeys/booking.journey.yml"), "team.md")
    assert request.findings == [] and request.file == "journeys/booking.journey.yml"
    assert request.show == WHOLE_MAP and request.stages is None and request.lanes is None
    assert set(WHOLE_MAP) | {"curve"} == set(PARTS)


@pytest.mark.parametrize(("body", "line", "column", "words"), [
    ("file: journeys/booking.journey.yml\nshwo: [curve]", 3, 1, ["unknown option `shwo`", "did you mean `show`"]),
    ("file: journeys/booking.journey.yml\nshow: [curve, backlgo]", 3, 15, ["unknown part `backlgo`", "`backlog`"]),
    ("file: journeys/booking.journey.yml\nlanes: [emotoin]", 3, 9, ["unknown lane `emotoin`", "`emotion`"]),
    ("file: journeys/booking.journey.yml\nstages: {a: b}", 3, 9, ["`stages:` expected a list"]),
    ("file: journeys/booking.md", 2, 7, ["expected a journey file"]),
    ("show: [curve]", 2, 1, ["needs `file:`"]),
    ("file: journeys/nothing.journey.yml", 2, 7, ["names no file in the docs folder"]),
    ("file: journeys/booking.journey.yml\nstages: [orientation, purchse]", 3, 9,
     ["unknown stage `purchse`", "`purchase`", "orientation, purchase"]),
    ("- just\n- a list", 2, 1, ["expected the options of a `journey` fence"]),
    ("file: journeys/booking.journey.yml\n---\ntitle: Inline\nstages: []", 2, 1, ["not both"]),
])
def test_a_wrong_fence_is_one_error_at_the_page_line_and_column(docs: Path, body: str, line: int, column: int,
                                                                  words: list[str]) -> None:
    errors = _errors(docs, f"# Team\n```journey\n{body}\n```\n")
    assert len(errors) == 1, errors
    match = LINE.match(errors[0])
    assert match is not None, errors[0]
    assert (match["path"], int(match["line"]), int(match["column"])) == ("docs/team.md", line + 1, column)
    for word in words:
        assert word in match["message"]


def test_a_fence_of_a_map_with_errors_names_the_fence_and_the_map_files_own_place(docs: Path) -> None:
    page = _page(docs, "# Team\n\n```journey\nfile: journeys/broken.journey.yml\n```\n")
    resolved = resolve_fence(find_fences(page.read_text())[0], "docs/team.md", page, _collection(docs))
    texts = [f.format_text() for f in resolved.findings]
    assert texts[0].startswith("docs/team.md:4:7: error: the map ")
    assert any(re.match(r".*broken\.journey\.yml:4:\d+: error: .*emotoin", t) for t in texts[1:]), texts
    # `check` reports the map's own errors under the map file itself, once.
    assert _errors(docs, page.read_text()) == [texts[0]]


def test_an_inline_journey_after_the_separator_is_placed_in_the_page(docs: Path) -> None:
    text = "# Team\n\n```journey\nshow: [curve]\n---\ntitle: Inline\nstages:\n  - name: One\n    gaol: x\n```\n"
    errors = _errors(docs, text)
    assert len(errors) == 1 and errors[0].startswith("docs/team.md:9:5: error: "), errors


def test_a_fence_that_is_a_journey_needs_no_options(docs: Path) -> None:
    page = _page(docs, "```journey\ntitle: Inline\nstages:\n  - name: One\n    touchpoints: [{name: A, emotion: 3}]\n```\n")
    resolved = resolve_fence(find_fences(page.read_text())[0], "docs/team.md", page, _collection(docs))
    assert resolved.ok and resolved.collected is not None
    assert resolved.collected.loaded.journey is not None and resolved.collected.loaded.journey.title == "Inline"
    assert resolved.request.show == WHOLE_MAP


def test_an_indented_fence_reports_columns_in_the_page(docs: Path) -> None:
    errors = _errors(docs, "- item\n\n    ```journey\n    file: journeys/booking.journey.yml\n    shwo: [x]\n    ```\n")
    assert [e.split(": error")[0] for e in errors] == ["docs/team.md:5:5"]


def test_a_file_outside_the_docs_folder_is_refused(docs: Path) -> None:
    put(docs.parent, "outside.journey.yml", MAP)
    errors = _errors(docs, "```journey\nfile: ../outside.journey.yml\n```\n")
    assert len(errors) == 1 and "names no file in the docs folder" in errors[0]
