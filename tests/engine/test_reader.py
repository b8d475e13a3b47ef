"""The YAML reader: safe, exact, strict about duplicates, and hard to knock over.

Each case is a whole file and the errors it must produce, at their line and column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_journey.engine.yaml_source import MAX_ALIAS_EXPANSION, MAX_DEPTH, YamlReadError, read_yaml

from .expect import Spot, assert_errors

MAP = "title: T\nstages:\n  - name: S\n"
TOUCHPOINT = "title: T\nstages:\n  - name: S\n    touchpoints:\n      - name: A\n"
"""Touchpoint fields added after this start on line 6, column 9."""


# -- Safe YAML -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "title: !!python/object/apply:os.system ['touch pwned']\nstages:\n  - name: S\n",
            [(1, 8, "tag `!!python/object/apply:os.system` is not allowed")],
            id="python-object-tag",
        ),
        pytest.param(
            "title: !!python/name:os.system\nstages:\n  - name: S\n",
            [(1, 8, "tag `!!python/name:os.system` is not allowed")],
            id="python-name-tag",
        ),
        pytest.param("title: !foo x\nstages:\n  - name: S\n", [(1, 8, "tag `!foo` is not allowed")], id="custom-tag"),
        pytest.param(
            TOUCHPOINT + "        pains: !!set {a, b}\n", [(6, 16, "tag `!!set` is not allowed")], id="set-tag"
        ),
    ],
)
def test_tags_that_build_objects_are_refused(load, tmp_path: Path, monkeypatch, text: str,
                                             expected: list[Spot]) -> None:
    monkeypatch.chdir(tmp_path)
    assert_errors(load(text), expected)
    assert not (tmp_path / "pwned").exists()


def test_a_refused_tag_is_reported_once(load) -> None:
    # The value behind a refused tag is dropped; that must not add a second,
    # confusing "expected text, got nothing" at the same place.
    loaded = load("title: !foo x\nstages:\n  - name: S\n")
    assert len(loaded.errors) == 1


# -- Exact text ----------------------------------------------------------------------


def test_text_stays_exactly_as_written(load) -> None:
    loaded = load(
        """\
        title: 1.10
        summary: 0x1F
        owner: .inf
        goal: 2026-10-14
        brand: .NaN
        tags: [1e3, null-ish, 010, yes]
        stages:
          - name: 1.10
            goal: ~not null
            touchpoints:
              - name: No
                feeling: 010
                met: no
                on_brand: yes
                channel: 12:30
                moment_of_truth: yes
              - name: Off
                met: partly
                on_brand: no
        """
    )
    assert loaded.ok, loaded.errors
    journey = loaded.journey
    assert journey is not None
    assert (journey.title, journey.summary, journey.owner, journey.goal, journey.brand) == (
        "1.10", "0x1F", ".inf", "2026-10-14", ".NaN"
    )
    assert journey.tags == ["1e3", "null-ish", "010", "yes"]
    stage = journey.stages[0]
    assert (stage.name, stage.id, stage.goal) == ("1.10", "1-10", "~not null")
    first, second = stage.touchpoints
    assert (first.name, first.feeling, first.met, first.on_brand, first.channel) == ("No", "010", "no", "yes", "12:30")
    assert first.moment_of_truth is True
    assert (second.met, second.on_brand, second.moment_of_truth) == ("partly", "no", False)


@pytest.mark.parametrize("empty", ["", "~", "null", "Null", "NULL"])
def test_plain_null_words_mean_no_value(load, empty: str) -> None:
    loaded = load(TOUCHPOINT + f"        emotion: {empty}\n        channel: {empty}\n")
    assert loaded.ok, loaded.errors
    touchpoint = loaded.journey.stages[0].touchpoints[0]
    assert touchpoint.emotion is None and touchpoint.channel is None


def test_quoted_null_is_text(load) -> None:
    loaded = load(TOUCHPOINT + '        channel: "null"\n')
    assert loaded.journey.stages[0].touchpoints[0].channel == "null"


# -- Duplicate keys ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("title: T\ntitle: U\nstages:\n  - name: S\n",
                     [(2, 1, "duplicate key `title` (first used on line 1)")], id="journey"),
        pytest.param("title: T\nstages:\n  - name: S\n    goal: a\n    goal: b\n",
                     [(5, 5, "duplicate key `goal` (first used on line 4)")], id="stage"),
        pytest.param(TOUCHPOINT + "        emotion: 2\n        channel: x\n        emotion: 4\n",
                     [(8, 9, "duplicate key `emotion` (first used on line 6)")], id="touchpoint"),
        pytest.param(TOUCHPOINT + "        backstage:\n          team: a\n          team: b\n",
                     [(8, 11, "duplicate key `team` (first used on line 7)")], id="backstage"),
        pytest.param(TOUCHPOINT + "        kpis:\n          - name: K\n            name: L\n",
                     [(8, 13, "duplicate key `name` (first used on line 7)")], id="kpi"),
        pytest.param(MAP + "improvements:\n  - id: a\n    title: x\n    id: b\n",
                     [(7, 5, "duplicate key `id` (first used on line 5)")], id="improvement"),
        pytest.param("title: T\npersona:\n  name: M\n  name: N\nstages:\n  - name: S\n",
                     [(4, 3, "duplicate key `name` (first used on line 3)")], id="persona"),
        pytest.param("title: T\nstages:\n  - {name: S, name: U}\n",
                     [(3, 15, "duplicate key `name` (first used on line 3)")], id="flow-mapping"),
    ],
)
def test_duplicate_keys_are_errors_at_every_level(load, text: str, expected: list[Spot]) -> None:
    assert_errors(load(text), expected)


# -- Merge keys ----------------------------------------------------------------------


def test_merge_keys_copy_values_and_explicit_keys_win(load) -> None:
    loaded = load(
        """\
        title: T
        stages:
          - name: S
            touchpoints:
              - &defaults
                name: Website
                channel: Web
                emotion: 3
                pains: [Slow]
              - <<: *defaults
                name: App
                emotion: 5
              - {<<: [*defaults], name: Shop, channel: Store}
        """
    )
    assert loaded.ok, loaded.errors
    website, app, shop = loaded.journey.stages[0].touchpoints
    assert (app.name, app.id, app.channel, app.emotion, app.pains) == ("App", "app", "Web", 5, ["Slow"])
    assert (shop.name, shop.channel, shop.emotion) == ("Shop", "Store", 3)
    assert website.name == "Website"


def test_merging_a_non_mapping_is_an_error(load) -> None:
    text = TOUCHPOINT + "        pains: &p [x]\n      - <<: *p\n        name: B\n"
    assert_errors(load(text), [(7, 9, "`<<` merges a mapping")])


# -- Files that are not a map at all --------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param("- title: T\n", [(1, 1, "expected a mapping of `key: value` lines at the top")], id="list"),
        pytest.param("just words\n", [(1, 1, "expected a mapping of `key: value` lines at the top")], id="text"),
        pytest.param("", [(1, 1, "the file is empty")], id="empty"),
        pytest.param("# only a comment\n", [(1, 1, "the file is empty")], id="comment-only"),
        pytest.param(b"title: T\nstages:\n  - name: caf\xe9\n", [(3, 14, "not UTF-8")], id="latin-1"),
        pytest.param("title: [a\nstages: x\n", [(2, 7, "invalid YAML: expected `,` or `]`")], id="unclosed-flow"),
        pytest.param("title: T\n  stages: x\n", [(2, 9, "invalid YAML: unexpected `key:` here")],
                     id="bad-indent"),
        # At the opening quote: PyYAML points one line past the end of the file.
        pytest.param("title: 'T\n", [(1, 8, "invalid YAML: the quote `'` that opens this text is never closed")],
                     id="unclosed-quote"),
        pytest.param("title: T\n\tstages: []\n", [(2, 1, "invalid YAML: tabs cannot indent YAML")], id="tab"),
        pytest.param("title: *nowhere\n", [(1, 8, "invalid YAML: `*nowhere` is an alias, but no anchor")],
                     id="undefined-alias"),
    ],
)
def test_unreadable_files_name_line_and_column(load, content: str | bytes, expected: list[Spot]) -> None:
    assert_errors(load(content), expected)


def test_a_byte_order_mark_is_fine(load) -> None:
    assert load("\ufefftitle: T\nstages:\n  - name: S\n".encode()).ok


def test_size_limit_is_checked_before_parsing(load) -> None:
    # Invalid YAML past the limit: the size message must win, so nothing was parsed.
    text = MAP + "# padding\n" * 200 + "stages: [\n"
    loaded = load(text, max_size=1000)
    assert_errors(loaded, [(1, 1, "the limit is 1,000 bytes (plugin option `max_file_size`)")])
    assert f"file is {len(text.encode()):,} bytes" in loaded.errors[0].message
    assert loaded.document is None


def test_a_raised_size_limit_lets_a_large_file_load(load) -> None:
    text = MAP + "# padding\n" * 200
    assert load(text, max_size=10_000).ok


# -- Attacks on the reader -------------------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels + 1):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused(load) -> None:
    loaded = load(billion_laughs())
    assert len(loaded.errors) == 1
    message = loaded.errors[0].message
    assert f"aliases repeat more than {MAX_ALIAS_EXPANSION:,} characters and values" in message
    assert "billion laughs" in message
    assert loaded.document is None


def test_modest_alias_use_is_fine(load) -> None:
    text = TOUCHPOINT + "        pains: &p [a, b]\n      - name: B\n        pains: *p\n"
    loaded = load(text)
    assert loaded.ok, loaded.errors
    assert loaded.journey.stages[0].touchpoints[1].pains == ["a", "b"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a: &a [*a]\n", id="list"),
        pytest.param("a: &a\n  b: *a\n", id="mapping"),
        pytest.param("title: T\nstages: &s\n  - name: S\n    touchpoints: *s\n", id="in-a-map"),
    ],
)
def test_recursive_alias_is_refused(load, text: str) -> None:
    loaded = load(text)
    assert [f.message for f in loaded.errors] == ["an alias refers to itself (recursive anchor)"]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        pytest.param("title: " + "[" * 200_000 + "]" * 200_000 + "\n", 1, 7 + MAX_DEPTH, id="flow-lists"),
        pytest.param("title: " + "[" * 200_000 + "\n", 1, 7 + MAX_DEPTH, id="unclosed-flow-lists"),
        pytest.param("title: " + "{a: " * 50_000 + "\n", 1, 8 + 4 * (MAX_DEPTH - 1), id="flow-mappings"),
        pytest.param("- " * 50_000 + "x\n", 1, 1 + 2 * MAX_DEPTH, id="block-lists"),
        pytest.param("- " * 5_000 + "x\n", 1, 1 + 2 * MAX_DEPTH, id="block-lists-below-the-pre-check"),
        pytest.param("a:\n" + "".join("  " * i + "- \n" for i in range(1, 300)), 1 + MAX_DEPTH, 1 + 2 * MAX_DEPTH, id="300-block-levels-in-a-small-file"),
        pytest.param("title: " + "[" * 300 + "]" * 300 + "\n", 1, 7 + MAX_DEPTH, id="300-flow-levels-in-a-small-file"),
        # Several places too deep: the first written is named.
        pytest.param("x: " + "[" * 150 + "]" * 150 + "\ny: " + "[" * 150 + "]" * 150 + "\n", 1, 3 + MAX_DEPTH,
                     id="two-branches-too-deep"),
        pytest.param("x:\n" + "".join("  " * i + "- \n" for i in range(1, 150)) + "y: " + "[" * 150 + "]" * 150 + "\n",
                     1 + MAX_DEPTH, 1 + 2 * MAX_DEPTH, id="a-block-branch-before-a-flow-branch"),
        pytest.param("x: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\ny: " + "[" * 150 + "]" * 150 + "\n",
                     2, 3 + MAX_DEPTH, id="the-limit-itself-is-fine"),
    ],
)
def test_absurd_nesting_is_an_error_not_a_crash(load, text: str, line: int, column: int) -> None:
    # 200,000 levels used to overflow the C stack in libyaml's composer. The top
    # mapping is the first level, so the error points at the bracket one too deep.
    loaded = load(text)
    assert_errors(loaded, [(line, column, f"nested more than {MAX_DEPTH} levels deep")])


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_was(load, load_person, enabled: bool) -> None:
    # Loading pauses automatic collection for speed; the caller's setting must survive,
    # for good files and for files that do not even parse.
    import gc

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert load("title: T\nstages: [{name: S}]\n").ok
        assert gc.isenabled() is enabled
        assert load("title: [\n").errors
        assert gc.isenabled() is enabled
        assert load_person("name: Mark\n").persona is not None
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_locations_follow_merges_and_the_first_of_duplicate_keys() -> None:
    # Every health note and reference error is placed through `locate`; it reads small
    # mappings in place and indexes large ones, and both must find what a walk over the pairs
    # finds. Each path is walked once: asking again (or a longer path) must give the same.
    padding = "".join(f"  k{index}: v\n" for index in range(40))  # a large mapping, indexed
    for pad in ("", padding):
        shift = pad.count("\n")
        text = f"base: &b\n  team: A\n  process: P\nx:\n{pad}  <<: *b\n  team: B\n  team: C\n  list: [a, b]\n"
        document = read_yaml(text)
        assert [p.line for p in document.problems] == [7 + shift]
        for _ in range(2):
            assert document.locate(("x", "team")) == (6 + shift, 9)
            assert document.locate(("x", "team"), key=True) == (6 + shift, 3)
            assert document.locate(("x", "process")) == (3, 12)
            assert document.locate(("x", "list", 1)) == (8 + shift, 13)
            assert document.locate(["x", "list", 5]) == (8 + shift, 9)
            assert document.locate(("x", "nothing", "deeper")) == (5, 3)
            assert document.locate(("x", 0, 0)) == (5, 3)
    document = read_yaml("base: &b\n  team: A\n  process: P\nx:\n  <<: *b\n  team: B\n  team: C\n  list: [a, b]\n")
    assert [p.line for p in document.problems] == [7]  # the duplicate `team`
    assert document.locate(("x", "team")) == (6, 9)  # written beats merged, first beats the duplicate
    assert document.locate(("x", "team"), key=True) == (6, 3)
    assert document.locate(("x", "process")) == (3, 12)  # merged in from the anchor
    assert document.locate(("x", "list", 1)) == (8, 13)
    assert document.locate(("x", "list", 5)) == (8, 9)  # no such item: the list
    assert document.locate(("x", "nothing")) == (5, 3)  # no such key: the mapping
    assert document.locate(("x", 0)) == (5, 3)  # a mapping has no item 0


def _flow(levels: int) -> str:
    return "[" * levels + "]" * levels


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # A file without anchors is measured while it is built; what the build skips or
        # builds at another level than written is measured on its own, so each is refused
        # where the first level too deep is written.
        pytest.param(f"a: 1\na: {_flow(150)}\n", (2, 103), id="under-a-duplicate-key"),
        pytest.param(f"? {_flow(150)}\n: 1\n", (1, 102), id="under-a-key-that-is-not-text"),
        pytest.param(f"a: !foo {_flow(150)}\n", (1, 108), id="in-a-refused-tag"),
        pytest.param("x:\n  <<: [{a: " + _flow(MAX_DEPTH - 3) + "}]\n", (2, 108),
                     id="merged-from-a-list-one-level-deeper-than-built"),
        pytest.param("x:\n  <<: [{a: " + _flow(MAX_DEPTH - 4) + "}]\n", None, id="merged-from-a-list-at-the-limit"),
        pytest.param("x:\n  <<: {a: " + _flow(150) + "}\n  b: " + _flow(150) + "\n", (2, 108),
                     id="merged-before-a-deeper-key"),
        pytest.param(f"a: {_flow(MAX_DEPTH - 1)}\n", None, id="at-the-limit"),
        pytest.param(f"a: {_flow(MAX_DEPTH)}\n", (1, 103), id="one-over-the-limit"),
    ],
)
def test_nesting_is_measured_as_written_wherever_the_build_goes(text: str, place: tuple[int, int] | None) -> None:
    if place is None:
        read_yaml(text)
        return
    with pytest.raises(YamlReadError) as raised:
        read_yaml(text)
    assert [(p.line, p.column, p.message) for p in raised.value.problems] == [
        (*place, f"values are nested more than {MAX_DEPTH} levels deep")]
