"""Beginners' YAML mistakes get a one-line hint at a place inside the file, from either parser.

PyYAML's C parser (libyaml) and its pure-Python one word their errors differently and
sometimes point elsewhere; the loader uses the C one when PyYAML was built with it,
so every hint is checked with both.
"""

from __future__ import annotations

import time

import pytest
import yaml

from mkdocs_journey.engine import yaml_source
from mkdocs_journey.engine.yaml_source import MAX_ALIAS_EXPANSION

from .expect import Spot, assert_errors

QUOTE = "must be quoted"


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "libyaml":
        if not yaml.__with_libyaml__:
            pytest.skip("PyYAML was built without libyaml")  # pragma: no cover
        monkeypatch.setattr(yaml_source, "_Loader", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(yaml_source, "_Loader", yaml.SafeLoader)
    return str(request.param)


MAP = "title: T\nstages:\n  - name: S\n"
GOOD_END = "stages:\n  - name: S\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Text that starts with a YAML indicator.
        pytest.param(MAP + "summary: *important*\n", [(4, 10, "text that starts with `*` must be quoted")], id="star"),
        pytest.param(MAP + "summary: *important\n", [(4, 10, "`*important` is an alias, but no anchor `&important`")],
                     id="undefined-alias"),
        pytest.param(MAP + "summary: & more\n", [(4, 10, "text that starts with `&` must be quoted")], id="ampersand"),
        pytest.param(MAP + "summary: &tag follow-up\n",
                     [(4, 10, "the anchor `&tag` is never used by an alias (`*tag`); text that starts with `&`")],
                     id="unused-anchor"),
        pytest.param("title: !important\nstages:\n  - name: S\n",
                     [(1, 8, "tag `!important` is not allowed: journey files use plain YAML values only; "
                             "text that starts with `!` must be quoted")], id="bang-tag"),
        pytest.param("title: ! Important\nstages:\n  - name: S\n",
                     [(1, 8, "`!` starts a YAML tag here; text that starts with `!` must be quoted")], id="bare-bang"),
        pytest.param(MAP + "summary: @team\n", [(4, 10, "text that starts with `@` must be quoted")], id="at"),
        pytest.param(MAP + "summary: `code` first\n", [(4, 10, "text that starts with `` ` `` must be quoted")],
                     id="backtick"),
        pytest.param(MAP + "summary: %done\n", [(4, 10, "text that starts with `%` must be quoted")], id="percent"),
        pytest.param("%done\n" + MAP, [(1, 1, "a line that starts with `%` is a YAML directive")], id="directive"),
        pytest.param(MAP + "summary: | see below\n", [(4, 10, "after `|` the text starts on the next line")], id="pipe"),
        pytest.param(MAP + "summary: >3 days\n", [(4, 10, "text that starts with `>` must be quoted")], id="greater"),
        pytest.param(MAP + "summary: ]\n", [(4, 10, "`]` cannot start a value here")], id="closing-bracket"),
        pytest.param("title: [Draft] Booking\nstages:\n  - name: S\n", [(1, 16, "text goes on after a `[…]`")],
                     id="bracket-text"),
        # Indentation.
        pytest.param("title: T\n\tstages: []\n", [(2, 1, "tabs cannot indent YAML; indent with spaces")], id="tab"),
        pytest.param("title: T\nstages:\n\t- name: S\n", [(3, 1, "tabs cannot indent YAML")], id="tab-before-dash"),
        pytest.param("title: T\n  stages: x\n", [(2, 9, "unexpected `key:` here: line this key up")],
                     id="indented-key"),
        pytest.param("title: T\nstages:\n  - name: S\n  id: s\n",
                     [(4, 3, "expected another `- ` item of the list that starts on line 3")], id="key-among-items"),
        pytest.param("title: T\nstages:\n  name: S\n  - id: s\n",
                     [(4, 3, "a `- ` list item cannot follow the `key:` lines")], id="item-among-keys"),
        pytest.param("title: T\nstages: - name: S\n", [(2, 9, "a `- ` list item cannot start here")],
                     id="item-after-key"),
        # Colons, quotes and brackets.
        pytest.param("title: Booking: the form\nstages: []\n", [(1, 15, "a value that contains `: ` must be quoted")],
                     id="colon-in-value"),
        pytest.param("title:Booking\nstages: []\n", [(1, 6, "a `:` that ends a key needs a space after it")],
                     id="no-space-after-colon"),
        pytest.param("title: T\nnotes\nstages: []\n", [(2, 1, "expected `key: value` here, but this line has no `:`")],
                     id="no-colon"),
        pytest.param('title: "Booking\nstages: []\n',
                     [(1, 8, 'the quote `"` that opens this text is never closed; add the closing `"`')],
                     id="unclosed-double-quote"),
        pytest.param("title: 'It's'\nstages: []\n", [(1, 12, "text goes on after a closing quote")],
                     id="apostrophe-in-single-quotes"),
        pytest.param('title: "Say "hi""\nstages: []\n', [(1, 14, "text goes on after a closing quote")],
                     id="quote-in-double-quotes"),
        pytest.param('title: "C:\\path"\nstages: []\n', [(1, 0, "unknown or invalid escape after `\\` in double quotes")],
                     id="bad-escape"),
        pytest.param("title: T\ntags: [a, b\nstages: []\n", [(3, 7, "expected `,` or `]` in the `[…]` that opens on "
                                                                    "line 2, column 7")], id="unclosed-list"),
        pytest.param("title: T\n---\ntitle: U\n", [(2, 1, "a journey file holds one YAML document")],
                     id="two-documents"),
        pytest.param("title: T\n...\nstages: []\n", [(2, 1, "a `...` line ends the YAML document")],
                     id="after-the-document-end"),
        pytest.param('title: "\\u12"\nstages: []\n', [(1, 0, "unknown or invalid escape after `\\`")],
                     id="short-unicode-escape"),
        pytest.param("title: !x,y\nstages:\n  - name: S\n", [(1, 8, "text that starts with `!` must be quoted")],
                     id="tag-with-comma"),
        pytest.param("a: &x 1\nb: &x 2\nc: *x\n", [(2, 4, "the anchor `&x` is already defined on line 1")],
                     id="duplicate-anchor"),
    ],
)
def test_common_mistakes_get_a_hint(load, parser: str, text: str, expected: list[Spot]) -> None:
    loaded = load(text)
    if expected[0][1] == 0:  # the parsers point at the backslash and at the letter after it
        line, _, piece = expected[0]
        expected = [(line, loaded.errors[0].column if loaded.errors else 0, piece)]
        assert loaded.errors and loaded.errors[0].column in (11, 12)
    assert_errors(loaded, expected)
    assert all("\n" not in f.message for f in loaded.errors)


def test_the_hint_for_a_tab_works_inside_a_line_too(load, parser: str) -> None:
    loaded = load("title: T\nstages:\n  -\tname: S\n")
    assert len(loaded.errors) == 1 and "tabs cannot indent YAML" in loaded.errors[0].message


# -- Every location inside the file, every message one line -----------------------------------


def lines_of(text: str) -> list[str]:
    return text.splitlines() or [""]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("title: T\nstag", [(2, 1, "expected `key: value` here")], id="ends-mid-key"),
        pytest.param("title: T\nstages:\n  - name: S\n    touch", [(4, 5, "expected `key: value` here")],
                     id="ends-mid-nested-key"),
        pytest.param('title: "T', [(1, 8, "never closed")], id="ends-in-quotes"),
        pytest.param("title: [a, b", [(1, 8, "expected `,` or `]`")], id="ends-in-a-list-no-newline"),
        pytest.param("title: [\n", [(1, 9, "the file ends where a value is expected")], id="ends-after-bracket"),
        pytest.param("title: {a: b\n", [(1, 8, "expected `,` or `}`")], id="ends-in-a-mapping"),
    ],
)
def test_a_file_that_ends_too_early_is_reported_inside_it(load, parser: str, text: str,
                                                          expected: list[Spot]) -> None:
    loaded = load(text)
    if parser == "pure-python" and text == "title: [a, b":
        expected = [(1, 13, expected[0][2])]  # it stops at the end of the line, libyaml at the bracket
    assert_errors(loaded, expected)
    for finding in loaded.errors:
        assert finding.line <= len(lines_of(text))
        assert finding.column <= len(lines_of(text)[finding.line - 1]) + 1


def test_a_file_that_is_not_utf8_is_located_with_old_mac_line_endings(load) -> None:
    # Lines that end in a carriage return only are lines too, to editors and to YAML.
    assert_errors(load(b"title: T\rstages:\r  - name: caf\xe9\r"), [(3, 14, "file is not UTF-8 text")])


@pytest.mark.parametrize(
    ("text", "line", "column", "char"),
    [
        pytest.param(MAP + "    touchpoints:\n      - name: a\x99b\n", 5, 16, "U+0099", id="c1-in-a-name"),
        pytest.param("title: a\x00b\nstages: []\n", 1, 9, "U+0000", id="nul"),
        pytest.param("title: T\n# note\x07\nstages: []\n", 2, 7, "U+0007", id="bell-in-a-comment"),
        pytest.param("title: T\r\nsummary: x\x85y\r\n", 2, 11, "U+0085", id="next-line-with-crlf"),
        pytest.param("title: a\u2028b\nstages: []\n", 1, 9, "U+2028", id="line-separator"),
        pytest.param("title: a\ufffeb\nstages: []\n", 1, 9, "U+FFFE", id="non-character"),
        pytest.param("title: a\U0001fffeb\nstages: []\n", 1, 9, "U+1FFFE", id="non-character-plane-1"),
        pytest.param("title: T\nstages: []\n\x7f", 3, 1, "U+007F", id="delete-at-the-end"),
        # Characters beyond U+FFFF that are fine must not hide or shift those that are not.
        pytest.param("title: \U0001f600a\x07b\nstages: []\n", 1, 10, "U+0007", id="bell-after-an-emoji"),
        pytest.param("title: \U0001f600\U0010ffff\nstages: []\n", 1, 9, "U+10FFFF", id="non-character-plane-16"),
        pytest.param("title: \U0001fffe\x07\nstages: []\n", 1, 8, "U+1FFFE", id="non-character-before-a-bell"),
    ],
)
def test_control_characters_are_named_where_they_are(load, parser: str, text: str, line: int, column: int,
                                                     char: str) -> None:
    loaded = load(text)
    assert_errors(loaded, [(line, column, f"{char} (")])
    assert "is not allowed in a journey file; remove it" in loaded.errors[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('title: "Book\\x85ing"\n' + GOOD_END, [(1, 8, "U+0085 (a control character), written as an escape")],
                     id="title"),
        pytest.param('title: T\nstages:\n  - name: "\\0"\n', [(3, 11, "U+0000 (a control character)")], id="nul"),
        pytest.param('title: "\\uFFFE"\n' + GOOD_END, [(1, 8, "U+FFFE (a Unicode non-character)")], id="fffe"),
        pytest.param('title: "\\ud800"\n' + GOOD_END, [(1, 8, "U+D800 (a lone surrogate)")], id="surrogate"),
        pytest.param('title: "a\\Lb"\n' + GOOD_END, [(1, 8, "U+2028 (a line or paragraph separator)")],
                     id="line-separator"),
        pytest.param('title: T\n"ti\\x1btle": x\n' + GOOD_END, [(2, 1, "U+001B (a control character)")],
                     id="in-a-key"),
        pytest.param('title: T\nstages:\n  - name: S\n    touchpoints:\n      - name: A\n        pains: ["a\\x9fb"]\n',
                     [(6, 17, "U+009F")], id="in-a-list"),
    ],
)
def test_control_characters_written_as_escapes_are_refused(load, parser: str, text: str,
                                                           expected: list[Spot]) -> None:
    loaded = load(text)
    if parser == "libyaml" and "ud800" in text:  # libyaml refuses the escape itself
        expected = [(1, 11, "unknown or invalid escape after `\\`")]
    # The refused value counts as not written, like a refused tag: one error, not two.
    assert_errors(loaded, expected)


def test_tabs_and_line_breaks_in_text_are_fine(load, parser: str) -> None:
    loaded = load('title: "Tab\\there"\nsummary: |\n  Two\n  lines\nstages:\n  - name: "S\\r\\n"\n')
    assert loaded.ok, loaded.errors
    assert loaded.journey.title == "Tab\there"


# -- Aliases: bounded by what they repeat --------------------------------------------------------


def test_aliases_of_a_large_text_fail_fast_at_the_alias(load, parser: str) -> None:
    big = "x" * 900_000
    text = f"title: T\nsummary: &big {big}\nstages:\n  - name: S\n    touchpoints:\n" + "".join(
        f"      - name: A{i}\n        thought: *big\n" for i in range(100)
    )
    started = time.perf_counter()
    loaded = load(text, max_size=2_000_000)
    if parser == "libyaml":  # the pure-Python parser alone takes a second to read 900 KB
        assert time.perf_counter() - started < 5
    # The first alias repeats 900,001; the second crosses the limit.
    assert_errors(loaded, [(9, 18, f"aliases repeat more than {MAX_ALIAS_EXPANSION:,} characters and values")])


def test_aliases_count_what_nested_aliases_repeat(load, parser: str) -> None:
    # Each level repeats the one before ten times: no single alias is large.
    lines = ["a: &a [" + ", ".join(["xxxxxxxxxx"] * 10) + "]"]
    for level in range(1, 6):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    loaded = load("\n".join(lines) + "\n")
    assert len(loaded.errors) == 1 and "aliases repeat more than" in loaded.errors[0].message
    assert loaded.errors[0].line == 5


def test_shared_blocks_stay_well_below_the_limit(load, parser: str) -> None:
    backstage = "        backstage: *web\n"
    text = (MAP + "    touchpoints:\n      - name: A0\n        backstage: &web\n          team: Digital\n"
            "          systems: [Booking engine, CMS, CRM]\n          process: " + "p" * 2_000 + "\n"
            + "".join(f"      - name: A{i}\n" + backstage for i in range(1, 200)))
    loaded = load(text)
    assert loaded.ok, loaded.errors
    assert loaded.journey.stages[0].touchpoints[199].backstage.team == "Digital"


def test_nesting_through_aliases_counts_too(load, parser: str) -> None:
    # 60 levels, then an alias of it 60 levels down: 120 levels in the data.
    deep = "[" * 60 + "x" + "]" * 60
    text = f"a: &deep {deep}\nb: " + "[" * 59 + "*deep" + "]" * 59 + "\n"
    loaded = load(text)
    assert len(loaded.errors) == 1
    assert loaded.errors[0].message == f"values are nested more than {yaml_source.MAX_DEPTH} levels deep"
    assert (loaded.errors[0].line, loaded.errors[0].column) == (2, 63)


def test_a_recursive_alias_is_reported_at_the_alias(load, parser: str) -> None:
    loaded = load("title: T\nstages: &s\n  - name: S\n    touchpoints: *s\n")
    assert_errors(loaded, [(4, 18, "an alias refers to itself (recursive anchor)")])
