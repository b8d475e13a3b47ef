"""The loader's rules for values: known keys, numbers, choices, dates, required keys, shapes.

Each case is a small file and the exact errors it must produce, at line and column.
"""

from __future__ import annotations

from datetime import date

import pytest

from .expect import Spot, assert_errors

MAP = "title: T\nstages:\n  - name: S\n"
TOUCHPOINT = MAP + "    touchpoints:\n      - name: A\n"
"""Touchpoint fields added after this start on line 6, column 9."""
IMPROVEMENT = MAP + "improvements:\n  - id: a\n    title: A\n"
"""Improvement fields added after this start on line 7, column 5."""


# -- Unknown keys --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("title: T\nsumary: x\nstages:\n  - name: S\n",
                     [(2, 1, "unknown key `sumary` in a journey; did you mean `summary`?")], id="journey"),
        pytest.param(MAP + "    gaol: x\n", [(4, 5, "unknown key `gaol` in a stage; did you mean `goal`?")],
                     id="stage"),
        pytest.param(TOUCHPOINT + "        emotoin: 3\n",
                     [(6, 9, "unknown key `emotoin` in a touchpoint; did you mean `emotion`?")], id="touchpoint"),
        pytest.param(TOUCHPOINT + "        backstage:\n          teem: x\n",
                     [(7, 11, "unknown key `teem` in `backstage`; did you mean `team`?")], id="backstage"),
        pytest.param(TOUCHPOINT + "        kpis:\n          - name: K\n            targte: 5%\n",
                     [(8, 13, "unknown key `targte` in a KPI; did you mean `target`?")], id="kpi"),
        pytest.param(IMPROVEMENT + "    efort: 2\n",
                     [(7, 5, "unknown key `efort` in an improvement; did you mean `effort`?")], id="improvement"),
        pytest.param("title: T\npersona:\n  name: M\n  rol: x\nstages:\n  - name: S\n",
                     [(4, 3, "unknown key `rol` in a persona; did you mean `role`?")], id="inline-persona"),
        pytest.param("titel: T\nstages:\n  - nmae: S\n",
                     [(1, 1, "unknown key `titel` in a journey; did you mean `title`?"),
                      (3, 5, "unknown key `nmae` in a stage; did you mean `name`?")], id="misspelt-required-key"),
        pytest.param("title: T\ncolour: red\nstages:\n  - name: S\n",
                     [(2, 1, "unknown key `colour` in a journey; known keys: `title`, `summary`")], id="no-close-key"),
    ],
)
def test_unknown_keys_suggest_the_closest_known_key(load, text: str, expected: list[Spot]) -> None:
    assert_errors(load(text), expected)


def test_a_misspelt_required_key_is_one_mistake(load) -> None:
    # Not also "a journey needs the key `title`": the suggestion already says so.
    assert [f.message for f in load("titel: T\nstages:\n  - name: S\n").errors] == [
        "unknown key `titel` in a journey; did you mean `title`?"
    ]
    # A key that suggests something else leaves the missing key reported.
    assert len(load("sumary: T\nstages:\n  - name: S\n").errors) == 2


def test_unknown_key_in_a_persona_file(load_person) -> None:
    loaded = load_person("name: Mark\nfrustations: [Wachten]\n")
    assert_errors(loaded, [(2, 1, "unknown key `frustations` in a persona; did you mean `frustrations`?")])


# -- Numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("emotion: 0", [(6, 18, "`emotion` expected a whole number from 1 to 5, got 0")], id="zero"),
        pytest.param("emotion: 6", [(6, 18, "from 1 to 5, got 6")], id="six"),
        pytest.param("emotion: -1", [(6, 18, "from 1 to 5, got -1")], id="negative"),
        pytest.param("emotion: 3.5", [(6, 18, "from 1 to 5, got `3.5`")], id="fraction"),
        pytest.param('emotion: "4"', [(6, 18, 'without quotes, got the text "4"')], id="double-quoted"),
        pytest.param("emotion: '4'", [(6, 18, 'without quotes, got the text "4"')], id="single-quoted"),
        pytest.param("emotion: four", [(6, 18, "from 1 to 5, got `four`")], id="word"),
        pytest.param("emotion: [4]", [(6, 18, "from 1 to 5, got a list")], id="list"),
        pytest.param("emotion: 0x4", [(6, 18, "got `0x4`")], id="hex"),
    ],
)
def test_emotion_is_a_whole_number_from_one_to_five(load, line: str, expected: list[Spot]) -> None:
    assert_errors(load(TOUCHPOINT + f"        {line}\n"), expected)


@pytest.mark.parametrize(("written", "value"), [("1", 1), ("5", 5), ("+3", 3), ("null", None), ("", None)])
def test_valid_emotions(load, written: str, value: int | None) -> None:
    loaded = load(TOUCHPOINT + f"        emotion: {written}\n")
    assert loaded.ok, loaded.errors
    assert loaded.journey.stages[0].touchpoints[0].emotion == value


@pytest.mark.parametrize("field", ["impact", "effort"])
def test_impact_and_effort_are_whole_numbers_from_one_to_five(load, field: str) -> None:
    text = IMPROVEMENT + f"    {field}: 9\n  - id: b\n    title: B\n    {field}: 2.0\n"
    assert_errors(load(text), [(7, 5 + len(field) + 2, f"`{field}` expected a whole number from 1 to 5, got 9"),
                               (10, 5 + len(field) + 2, f"`{field}` expected a whole number from 1 to 5, got `2.0`")])


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        pytest.param("!!str 4", "4", id="str-tag"),
        pytest.param("!!str", "", id="str-tag-empty"),
        pytest.param("|\n          4", "4\\n", id="literal-block"),
        pytest.param("|-\n          4", "4", id="literal-block-strip"),
        pytest.param(">\n          4", "4\\n", id="folded-block"),
    ],
)
@pytest.mark.parametrize("field", ["emotion", "impact", "effort"])
def test_a_number_written_as_text_is_an_error_as_in_quotes(load, write_file, field: str, value: str,
                                                            shown: str) -> None:
    # `!!str 4` and a block holding 4 are the text "4", as `"4"` is: not the number.
    if field == "emotion":
        text, at = TOUCHPOINT + f"        emotion: {value}\n", (6, 18)
    else:
        text, at = IMPROVEMENT + f"    {field}: {value}\n", (7, 5 + len(field) + 2)
    assert_errors(load(text), [(*at, f"`{field}` expected a whole number from 1 to 5, got the text \"{shown}\" "
                                     "(a `|` or `>` block or a `!!str` tag makes a value text)")])


@pytest.mark.parametrize(("value", "text"), [("!!str hello", "hello"), ("!!str 4", "4"),
                                           ("|\n          4 stars", "4 stars\n"), ("!!str null", "null")])
def test_text_tagged_or_in_a_block_is_text_where_text_is_asked(load, value: str, text: str) -> None:
    loaded = load(TOUCHPOINT + f"        feeling: {value}\n")
    assert loaded.ok, loaded.errors
    assert loaded.journey.stages[0].touchpoints[0].feeling == text


def test_an_explicit_number_tag_is_a_number(load) -> None:
    loaded = load(TOUCHPOINT + "        emotion: !!int 4\n")
    assert loaded.ok, loaded.errors
    assert loaded.journey.stages[0].touchpoints[0].emotion == 4


def test_numbers_where_text_is_asked_stay_text(load) -> None:
    loaded = load(TOUCHPOINT + "        kpis:\n          - name: 2025\n"
                               "            target: 5\n            actual: 4.50\n")
    assert loaded.ok, loaded.errors
    kpi = loaded.journey.stages[0].touchpoints[0].kpis[0]
    assert (kpi.name, kpi.target, kpi.actual) == ("2025", "5", "4.50")


# -- Enumerations --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("title: T\nstatus: Draft\nstages:\n  - name: S\n",
                     [(2, 9, "`status` must be one of `draft` or `validated`, got `Draft`")], id="journey-status"),
        pytest.param("title: T\nstate: past\nstages:\n  - name: S\n",
                     [(2, 8, "`state` must be one of `current` or `future`, got `past`")], id="state"),
        pytest.param(TOUCHPOINT + "        met: maybe\n",
                     [(6, 14, "`met` must be one of `yes`, `partly` or `no`, got `maybe`")], id="met"),
        pytest.param(TOUCHPOINT + "        on_brand: true\n",
                     [(6, 19, "`on_brand` must be one of `yes`, `partly` or `no`, got `true`")], id="on-brand"),
        pytest.param(TOUCHPOINT + "        senses: [see, sight]\n",
                     [(6, 23, "`senses` must be one of `see`, `hear`, `smell`, `touch` or `taste`, got `sight`")],
                     id="senses"),
        pytest.param(TOUCHPOINT + "        kpis:\n          - name: K\n            better: up\n",
                     [(8, 21, "`better` must be one of `higher` or `lower`, got `up`")], id="better"),
        pytest.param(IMPROVEMENT + "    status: todo\n",
                     [(7, 13, "`status` must be one of `idea`, `planned`, `doing`, `done` or `dropped`, got `todo`")],
                     id="improvement-status"),
        pytest.param(TOUCHPOINT + "        moment_of_truth: often\n",
                     [(6, 26, "`moment_of_truth` expected true or false, got `often`")], id="flag"),
    ],
)
def test_enumerations_take_exactly_the_listed_words(load, text: str, expected: list[Spot]) -> None:
    assert_errors(load(text), expected)


# -- Dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("title: T\nreviewed: 2026-02-30\nstages:\n  - name: S\n",
                     [(2, 11, "`reviewed` expected a real date, but `2026-02-30` is not in the calendar")],
                     id="february-30"),
        pytest.param("title: T\nreviewed: 14-10-2026\nstages:\n  - name: S\n",
                     [(2, 11, "`reviewed` expected a date written as YYYY-MM-DD, got `14-10-2026`")], id="day-first"),
        pytest.param("title: T\nreviewed: 2026-10\nstages:\n  - name: S\n",
                     [(2, 11, "expected a date written as YYYY-MM-DD")], id="month-only"),
        pytest.param(IMPROVEMENT + "    due: 2027-Q5\n",
                     [(7, 10, "`due` expected a date (YYYY-MM-DD), a month (YYYY-MM) or a quarter (YYYY-Qn), got `2027-Q5`")],
                     id="quarter-5"),
        pytest.param(IMPROVEMENT + "    due: 2027-13-01\n",
                     [(7, 10, "`due` expected a real date, but `2027-13-01` is not in the calendar")], id="month-13"),
        pytest.param(IMPROVEMENT + "    due: next week\n", [(7, 10, "got `next week`")], id="words"),
        pytest.param(IMPROVEMENT + "    due: 2027-13\n", [(7, 10, "a month (YYYY-MM)")], id="month-13-alone"),
        pytest.param(IMPROVEMENT + "    due: 2027-3\n", [(7, 10, "got `2027-3`")], id="month-one-digit"),
    ],
)
def test_dates_are_real(load, text: str, expected: list[Spot]) -> None:
    assert_errors(load(text), expected)


def test_valid_dates_and_quarters(load) -> None:
    import datetime

    text = ("title: T\nreviewed: 2024-02-29\nstages:\n  - name: S\nimprovements:\n"
            "  - {id: a, title: A, due: 2027-Q1}\n  - {id: b, title: B, due: 2027-03-31}\n"
            "  - {id: c, title: C, due: '2027-Q4'}\n")
    loaded = load(text)
    assert loaded.ok, loaded.errors
    journey = loaded.journey
    assert journey.reviewed == datetime.date(2024, 2, 29)
    assert [i.due for i in journey.improvements] == ["2027-Q1", datetime.date(2027, 3, 31), "2027-Q4"]


# -- Whole values: a trailing line break is not part of an id or a date ------------------


@pytest.mark.parametrize(
    ("text", "at", "message"),
    [
        pytest.param(MAP + '    id: "s\\n"\n', (4, 9), "`id` expected an id of lowercase letters, digits, `-` and `_` "
                     "(starting with a letter or digit), got `s\\n`", id="stage-id"),
        pytest.param(TOUCHPOINT + '        id: "book\\n"\n', (6, 13), "`id` expected an id of lowercase letters, "
                     "digits, `-` and `_` (starting with a letter or digit), got `book\\n`", id="touchpoint-id"),
        pytest.param(TOUCHPOINT + "        id: |\n          book\n", (6, 13), "got `book\\n`", id="touchpoint-id-block"),
        pytest.param(MAP + "improvements:\n  - id: \"a\\n\"\n    title: A\n", (5, 9), "`id` expected an id of "
                     "lowercase letters, digits, `-` and `_` (starting with a letter or digit), got `a\\n`",
                     id="improvement-id"),
        pytest.param(IMPROVEMENT + '    due: "2027-Q1\\n"\n', (7, 10),
                     "`due` expected a date (YYYY-MM-DD), a month (YYYY-MM) or a quarter (YYYY-Qn), got `2027-Q1\\n`", id="due-quarter"),
        pytest.param(IMPROVEMENT + '    due: "2027-03-31\\n"\n', (7, 10),
                     "`due` expected a date (YYYY-MM-DD), a month (YYYY-MM) or a quarter (YYYY-Qn), got `2027-03-31\\n`", id="due-date"),
        pytest.param('title: T\nreviewed: "2026-10-14\\n"\nstages:\n  - name: S\n', (2, 11),
                     "`reviewed` expected a date written as YYYY-MM-DD, got `2026-10-14\\n`", id="reviewed"),
        pytest.param(TOUCHPOINT + '        emotion: "4\\n"\n', (6, 18),
                     '`emotion` expected a whole number from 1 to 5 without quotes, got the text "4\\n"',
                     id="emotion"),
    ],
)
def test_a_trailing_line_break_makes_an_id_or_date_invalid(load, text: str, at: tuple[int, int],
                                                            message: str) -> None:
    loaded = load(text)
    assert_errors(loaded, [(*at, message)])
    assert all("\n" not in finding.message for finding in loaded.errors), "every message is one line"


@pytest.mark.parametrize(("line", "message"), [
    ('met: "yes\\n"', "`met` must be one of `yes`, `partly` or `no`, got `yes\\n`"),
    ("moment_of_truth: |\n          true", "`moment_of_truth` expected true or false, got `true\\n`"),
])
def test_a_word_with_a_line_break_is_an_error_on_one_line(load, line: str, message: str) -> None:
    assert_errors(load(TOUCHPOINT + f"        {line}\n"), [(6, 9 + len(line.split(":")[0]) + 2, message)])


def test_an_id_with_a_line_break_does_not_become_a_second_id(load) -> None:
    # `book` and `book\n` side by side: one error, not two touchpoints with "different" ids.
    loaded = load(TOUCHPOINT + '        id: book\n      - name: B\n        id: "book\\n"\n')
    assert [(f.line, f.column) for f in loaded.errors] == [(8, 13)]


def test_a_persona_id_with_a_line_break_names_no_file(load, write_file) -> None:
    write_file("mark.persona.yml", "name: Mark\n")
    loaded = load('title: T\npersona: "mark\\n"\nstages:\n  - name: S\n')
    assert_errors(loaded, [(2, 10, "persona `mark\\n` not found")])
    assert "\n" not in loaded.errors[0].message


# -- Required keys -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("stages:\n  - name: S\n", [(1, 1, "a journey needs the key `title`, which is missing")],
                     id="title"),
        pytest.param("title: T\n", [(1, 1, "a journey needs the key `stages`, which is missing")], id="stages"),
        pytest.param("title: T\nstages:\n  - goal: G\n", [(3, 5, "a stage needs the key `name`, which is missing")],
                     id="stage-name"),
        pytest.param(MAP + "    touchpoints:\n      - channel: Web\n",
                     [(5, 9, "a touchpoint needs the key `name`, which is missing")], id="touchpoint-name"),
        pytest.param(MAP + "improvements:\n  - title: A\n",
                     [(5, 5, "an improvement needs the key `id`, which is missing")], id="improvement-id"),
        pytest.param(MAP + "improvements:\n  - id: a\n",
                     [(5, 5, "an improvement needs the key `title`, which is missing")], id="improvement-title"),
        pytest.param("title: T\npersona:\n  role: Klant\nstages:\n  - name: S\n",
                     [(3, 3, "a persona needs the key `name`, which is missing")], id="inline-persona-name"),
        pytest.param(TOUCHPOINT + "        kpis:\n          - target: 5%\n",
                     [(7, 13, "a KPI needs the key `name`, which is missing")], id="kpi-name"),
        pytest.param("title: T\nstages: []\n", [(2, 9, "`stages` needs at least one item")], id="no-stages"),
        pytest.param("title: T\nstages:\n", [(2, 8, "`stages` needs at least one item")], id="empty-stages"),
        pytest.param("title: ''\nstages:\n  - name: S\n", [(1, 8, "`title` must not be empty")], id="empty-title"),
        pytest.param("title:\nstages:\n  - name: S\n", [(1, 7, "`title` expected text, got nothing")],
                     id="null-title"),
    ],
)
def test_required_keys(load, text: str, expected: list[Spot]) -> None:
    assert_errors(load(text), expected)


def test_persona_file_needs_a_name(load_person) -> None:
    assert_errors(load_person("role: Klant\n"), [(1, 1, "a persona needs the key `name`, which is missing")])


def test_a_stage_without_touchpoints_is_fine(load) -> None:
    for text in (MAP, MAP + "    touchpoints: []\n", MAP + "    touchpoints:\n"):
        loaded = load(text)
        assert loaded.ok, loaded.errors
        assert loaded.journey.stages[0].touchpoints == []


# -- Shapes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(TOUCHPOINT + "        pains: one pain\n",
                     [(6, 16, "`pains` expected a list (one `- item` per line, or `[a, b]`), got the text `one pain`")],
                     id="text-for-list"),
        pytest.param(TOUCHPOINT + "        needs:\n          a: b\n",
                     [(7, 11, "`needs` expected a list (one `- item` per line, or `[a, b]`), got a mapping")],
                     id="mapping-for-list"),
        pytest.param(MAP + "    touchpoints:\n      name: A\n",
                     [(5, 7, "`touchpoints` expected a list")], id="touchpoints-mapping"),
        pytest.param("title: T\nstages:\n  name: S\n", [(3, 3, "`stages` expected a list")], id="stages-mapping"),
        pytest.param(TOUCHPOINT + "        channel: [Web, App]\n",
                     [(6, 18, "`channel` expected text, got a list")], id="list-for-text"),
        pytest.param("title:\n  nl: Reis\nstages:\n  - name: S\n", [(2, 3, "`title` expected text, got a mapping")],
                     id="mapping-for-text"),
        pytest.param(TOUCHPOINT + "        pains: [ok, [nested]]\n",
                     [(6, 21, "`pains` expected text, got a list")], id="list-in-list"),
        pytest.param(TOUCHPOINT + "        backstage: Marketing\n",
                     [(6, 20, "`backstage` expected a mapping of `key: value` lines, got `Marketing`")],
                     id="text-for-mapping"),
        pytest.param(MAP + "    touchpoints:\n      - Website\n",
                     [(5, 9, "`touchpoints` expected a mapping of `key: value` lines, got `Website`")],
                     id="text-for-touchpoint"),
        pytest.param("title: T\npersona: [mark]\nstages:\n  - name: S\n",
                     [(2, 10, "`persona` expected text, got a list")], id="list-for-persona"),
    ],
)
def test_wrong_shapes_say_what_was_expected(load, text: str, expected: list[Spot]) -> None:
    assert_errors(load(text), expected)


# -- Links -----------------------------------------------------------------------------


@pytest.mark.parametrize("link", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x",
                                  "tel:+31201234567", "ftp://files.example.com/a", "C:\\tracker\\web-42",
                                  "https:evil.example", "https:///evil.example", "mailto:"])
def test_links_with_another_scheme_are_refused(load, link: str) -> None:
    # Script (`javascript:`), but also anything that is not a web page or an address.
    assert_errors(load(IMPROVEMENT + f"    link: '{link}'\n"),
                  [(7, 11, "`link` expected an `https://` or `http://` URL, a `mailto:` address or a relative path, "
                           f"got `{link}`")])


@pytest.mark.parametrize("link", ["//evil.example/x", "\\\\evil.example\\x", "/\\evil.example", "\\/evil.example",
                                  "  //evil.example", " \\\\evil.example", "///evil.example"])
def test_links_that_would_leave_the_site_are_refused(load, link: str) -> None:
    # A browser opens all of these on the host `evil.example` (`\` counts as `/`,
    # spaces around a URL are dropped): they look relative but are not.
    assert_errors(load(IMPROVEMENT + f"    link: '{link}'\n"),
                  [(7, 11, f"`link` expected a relative path or an `https://` URL, got `{link}`, which browsers "
                           "open on another site: a relative path cannot start with two slashes")])


@pytest.mark.parametrize(("written", "shown"), [
    ('"/\\t/evil.example"', "/\\t/evil.example"), ('"https://x.test/a\\nb"', "https://x.test/a\\nb"),
    ("|\n      https://x.test", "https://x.test\\n"),
])
def test_a_link_with_a_control_character_is_refused(load, written: str, shown: str) -> None:
    # Browsers remove tabs and line breaks from a URL: `/<tab>/evil.example` is `//evil.example`.
    assert_errors(load(IMPROVEMENT + f"    link: {written}\n"),
                  [(7, 11, f"`link` must not contain a tab, line break or other control character, got `{shown}`")])


def test_an_empty_link_is_refused_and_no_link_is_fine(load) -> None:
    assert_errors(load(IMPROVEMENT + "    link: ' '\n"), [(7, 11, "`link` must not be empty")])
    assert load(IMPROVEMENT + "    link:\n").ok


@pytest.mark.parametrize("link", ["https://jira.example.com/browse/WEB-42", "http://x.test", "mailto:a@b.test",
                                  "HTTPS://X.TEST", "MailTo:a@b.test", "../backlog.md#web-42", "WEB-42",
                                  "/backlog/web-42/", "\\backlog\\web-42", "./x//y", "2024", "'  ../a.md  '",
                                  "a/b:c", "#web-42", "?q=1"])
def test_safe_links(load, link: str) -> None:
    loaded = load(IMPROVEMENT + f"    link: {link}\n")
    assert loaded.ok, loaded.errors


# -- All at once -------------------------------------------------------------------------


def test_every_error_of_a_file_is_reported_at_once(load) -> None:
    text = """\
        title: T
        status: final
        stages:
          - name: S
            touchpoints:
              - name: A
                emotion: 7
                chanel: Web
          - name: S
        improvements:
          - id: a
            title: A
            due: someday
        """
    assert_errors(load(text), [
        (2, 9, "`status` must be one of"),
        (7, 18, "`emotion` expected a whole number from 1 to 5, got 7"),
        (8, 9, "unknown key `chanel` in a touchpoint; did you mean `channel`?"),
        (9, 11, "stage id `s` is already used by the stage on line 4"),
        (13, 10, "`due` expected a date"),
    ])


@pytest.mark.parametrize(("due", "read"), [("2027-03", "2027-03"), ("2027-Q1", "2027-Q1"), ("2026-12-15", date(2026, 12, 15))])
def test_due_is_a_date_a_month_or_a_quarter(load, due: str, read: object) -> None:
    loaded = load(IMPROVEMENT + f"    due: {due}\n")
    assert loaded.ok, loaded.errors
    assert loaded.journey.improvements[0].due == read
