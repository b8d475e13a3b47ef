"""Health checks, priority scores, quick wins, backlog order, KPI verdicts and "today"."""

from __future__ import annotations

import string
import textwrap
from datetime import date
from pathlib import Path

import pytest
import yaml

import mkdocs_journey
from mkdocs_journey.engine.analyse import (
    analyse,
    improvement_anchor,
    is_quick_win,
    kpi_verdict,
    priority_score,
    touchpoint_anchor,
)
from mkdocs_journey.engine.clock import today
from mkdocs_journey.engine.collection import health_findings
from mkdocs_journey.engine.diagnostics import Severity
from mkdocs_journey.engine.health import RULE_BY_KIND
from mkdocs_journey.engine.i18n import Translator, available_languages
from mkdocs_journey.engine.model import Improvement, Kpi
from mkdocs_journey.engine.settings import BuildSettings

TODAY = date(2026, 11, 1)
TRANSLATIONS = Path(mkdocs_journey.__file__).parent / "translations"
HEALTHY_HEAD = "title: T\nstatus: validated\nreviewed: 2026-10-01\n"
"""A map head that raises no health note; the map's own lines start on line 4."""


def warnings(loaded, **options):
    assert loaded.ok, loaded.errors
    settings = BuildSettings(**{"today": TODAY, **options})
    found = health_findings(loaded, analyse(loaded, settings), settings)
    assert all(f.severity is Severity.WARNING for f in found)
    return [(f.kind, f.line, f.column, f.message) for f in found]


def test_a_healthy_map_has_no_warnings(load) -> None:
    loaded = load(HEALTHY_HEAD + textwrap.dedent("""\
        stages:
          - name: S
            touchpoints:
              - name: A
                emotion: 2
                on_brand: partly
                pains: [Slow]
        improvements:
          - id: fast
            title: Faster
            addresses: [a]
            owner: Web
            status: doing
            due: 2027-Q1
        """))
    assert warnings(loaded) == []


HEALTH_CASES = [
        pytest.param("title: T\nreviewed: 2026-10-01\nstages:\n  - name: S\n    touchpoints: [{name: A, emotion: 3}]\n",
                     [("draft", 1, 1, "draft: the assumptions in this map have not been checked")], id="draft-default"),
        pytest.param("title: T\nstatus: draft\nreviewed: 2026-10-01\nstages:\n  - name: S\n"
                     "    touchpoints: [{name: A, emotion: 3}]\n", [("draft", 2, 9, "draft:")], id="draft"),
        pytest.param("title: T\nstatus: validated\nstages:\n  - name: S\n    touchpoints: [{name: A, emotion: 3}]\n",
                     [("not-reviewed", 1, 1, "never reviewed with customers")], id="not-reviewed"),
        pytest.param("title: T\nstatus: validated\nreviewed: 2026-01-01\nstages:\n  - name: S\n"
                     "    touchpoints: [{name: A, emotion: 3}]\n",
                     [("stale", 3, 11, "last reviewed with customers on 1 January 2026, 304 days ago "
                                       "(more than 180 days)")], id="stale"),
        pytest.param(HEALTHY_HEAD + "stages:\n  - name: S\n",
                     [("empty-stage", 5, 5, "stage “S” has no touchpoints yet")], id="empty-stage"),
        pytest.param(HEALTHY_HEAD + "stages:\n  - name: S\n    touchpoints:\n      - name: A\n",
                     [("no-emotion", 7, 9, "touchpoint “A” has no emotion score")], id="no-emotion"),
        pytest.param(HEALTHY_HEAD + "stages:\n  - name: S\n    touchpoints:\n      - name: A\n        emotion: 1\n"
                     "        on_brand: no\n",
                     [("off-brand", 9, 19, "touchpoint “A” does not carry the brand promise")], id="off-brand"),
        pytest.param(HEALTHY_HEAD + "stages:\n  - name: S\n    touchpoints:\n      - name: A\n        emotion: 1\n"
                     "        pains:\n          - Slow\n          - Dull\n",
                     [("unaddressed-pain", 10, 13, "pain “Slow” at touchpoint “A” is not addressed"),
                      ("unaddressed-pain", 11, 13, "pain “Dull” at touchpoint “A”")], id="unaddressed-pain"),
        pytest.param(HEALTHY_HEAD + "stages:\n  - name: S\n    touchpoints: [{name: A, emotion: 3}]\nimprovements:\n"
                     "  - id: x\n    title: X\n",
                     [("no-owner", 8, 5, "improvement `x` is open but has no owner")], id="no-owner"),
        pytest.param(HEALTHY_HEAD + "stages:\n  - name: S\n    touchpoints: [{name: A, emotion: 3}]\nimprovements:\n"
                     "  - id: x\n    title: X\n    owner: Web\n    status: planned\n",
                     [("no-due", 11, 13, "improvement `x` is planned but has no due date")], id="no-due"),
        pytest.param(HEALTHY_HEAD + "stages:\n  - name: S\n    touchpoints: [{name: A, emotion: 3}]\nimprovements:\n"
                     "  - id: x\n    title: X\n    owner: Web\n    due: 2026-Q3\n",
                     [("overdue", 11, 10, "improvement `x` is open but its due date (Q3 2026) has passed")],
                     id="overdue"),
]
"""One map per health rule that raises it (and nothing else), with where and what it says."""


@pytest.mark.parametrize(("text", "expected"), HEALTH_CASES)
def test_each_health_check_names_its_place(load, text: str, expected: list[tuple[str, int, int, str]]) -> None:
    found = warnings(load(text))
    assert [f[:3] for f in found] == [e[:3] for e in expected]
    for (_, _, _, message), (_, _, _, piece) in zip(found, expected):
        assert piece in message


def test_every_health_rule_has_a_map_that_raises_it() -> None:
    raised = {kind for case in HEALTH_CASES for kind, *_ in case.values[1]}
    assert raised == set(RULE_BY_KIND)


@pytest.mark.parametrize("language", available_languages())
@pytest.mark.parametrize(("text", "expected"), HEALTH_CASES)
def test_each_rule_is_worded_in_each_language(load, language: str, text: str,
                                              expected: list[tuple[str, int, int, str]]) -> None:
    """Both labels are in the language's own file (not the English fallback), and the
    message uses exactly the values the rule gives it."""
    labels = yaml.safe_load((TRANSLATIONS / f"{language}.yml").read_text("utf-8"))
    for finding in analyse(load(text), BuildSettings(today=TODAY)).health:
        rule = RULE_BY_KIND[finding.kind]
        assert isinstance(labels.get(rule.label_key), str) and labels[rule.label_key].strip()
        message = labels.get(rule.message_key)
        assert isinstance(message, str), f"{rule.message_key} is missing from {language}.yml"
        placeholders = {name for _, name, _, _ in string.Formatter().parse(message) if name}
        assert placeholders == set(finding.params)


def test_staleness_uses_today_and_the_limit(load) -> None:
    loaded = load("title: T\nstatus: validated\nreviewed: 2026-01-01\nstages:\n  - name: S\n"
                  "    touchpoints: [{name: A, emotion: 3}]\n")
    assert warnings(loaded, today=date(2026, 6, 30)) == []  # 180 days: not more than the limit
    assert [w[0] for w in warnings(loaded, today=date(2026, 7, 1))] == ["stale"]  # 181 days
    assert warnings(loaded, today=date(2026, 7, 1), stale_after_days=365) == []
    assert [w[0] for w in warnings(loaded, today=date(2026, 1, 2), stale_after_days=0)] == ["stale"]


@pytest.mark.parametrize(("language", "limit", "expected"), [
    ("en", 0, "last reviewed with customers on 31 October 2026, 1 day ago (more than 0 days)"),
    ("en", 1, None),
    ("en", None, "last reviewed with customers on 31 October 2025, 366 days ago (more than 180 days)"),
    ("nl", 0, "laatst met klanten gevalideerd op 31 oktober 2026, 1 dag geleden (meer dan 0 dagen)"),
    ("nl", None, "laatst met klanten gevalideerd op 31 oktober 2025, 366 dagen geleden (meer dan 180 dagen)"),
])
def test_the_stale_note_counts_its_days(load, language: str, limit: int | None, expected: str | None) -> None:
    reviewed = "2026-10-31" if limit is not None else "2025-10-31"
    loaded = load(f"title: T\nstatus: validated\nreviewed: {reviewed}\nstages:\n  - name: S\n"
                  "    touchpoints: [{name: A, emotion: 3}]\n")
    found = warnings(loaded, stale_after_days=180 if limit is None else limit, translate=Translator(language))
    assert [w[3] for w in found] == ([] if expected is None else [expected])


def test_done_and_dropped_improvements_need_no_owner_or_due(load) -> None:
    loaded = load(HEALTHY_HEAD + "stages:\n  - name: S\n    touchpoints: [{name: A, emotion: 3}]\nimprovements:\n"
                  "  - {id: x, title: X, status: done}\n  - {id: y, title: Y, status: dropped}\n"
                  "  - {id: z, title: Z, status: idea, owner: Web}\n")
    assert warnings(loaded) == []


def test_doing_without_due_and_owner_gives_two_notes(load) -> None:
    loaded = load(HEALTHY_HEAD + "stages:\n  - name: S\n    touchpoints: [{name: A, emotion: 3}]\nimprovements:\n"
                  "  - id: x\n    title: X\n    status: doing\n")
    assert [w[:3] for w in warnings(loaded)] == [("no-owner", 8, 5), ("no-due", 10, 13)]


@pytest.mark.parametrize(("status", "addressed"), [("idea", True), ("doing", True), ("done", True),
                                                   ("dropped", False)])
def test_a_dropped_improvement_does_not_address_a_pain(load, status: str, addressed: bool) -> None:
    # Documented decision: dropping the work leaves the pain as it was, so it shows again.
    loaded = load(HEALTHY_HEAD + "stages:\n  - name: S\n    touchpoints:\n"
                  "      - {name: A, emotion: 1, pains: [Slow]}\n"
                  "improvements:\n"
                  f"  - {{id: x, title: X, status: {status}, owner: Web, due: 2027-Q1, addresses: [s/a]}}\n")
    kinds = [w[0] for w in warnings(loaded)]
    assert kinds == ([] if addressed else ["unaddressed-pain"])


def test_health_anchors_point_at_the_page(load) -> None:
    loaded = load("title: T\nreviewed: 2026-10-01\nstages:\n  - name: Oriëntatie\n    touchpoints: [{name: Web}]\n"
                  "  - name: Leeg\nimprovements:\n  - {id: x, title: X}\n")
    analysis = analyse(loaded, BuildSettings(today=TODAY))
    anchors = {note.kind: note.anchor for note in analysis.health}
    assert anchors == {"draft": None, "no-emotion": touchpoint_anchor("orientatie", "web"),
                       "empty-stage": "stage-leeg", "no-owner": improvement_anchor("x")}
    assert touchpoint_anchor("orientatie", "web") == "tp-orientatie--web"
    assert improvement_anchor("x") == "improvement-x"


def test_health_messages_in_dutch(load) -> None:
    loaded = load("title: T\nstages:\n  - name: S\n")
    english = [w[3] for w in warnings(loaded)]
    dutch = [w[3] for w in warnings(loaded, translate=Translator("nl"))]
    assert len(dutch) == len(english) == 3 and dutch != english


def test_analyse_refuses_a_map_that_did_not_load(load) -> None:
    with pytest.raises(ValueError, match="analyse valid maps only"):
        analyse(load("title: T\n"), BuildSettings(today=TODAY))


# -- Priority and quick wins ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("impact", "effort", "score"),
    [(1, 5, 1), (5, 1, 25), (3, 3, 9), (5, 3, 15), (1, 1, 5), (5, 5, 5), (None, 3, None), (3, None, None),
     (None, None, None)],
)
def test_priority_score(impact: int | None, effort: int | None, score: int | None) -> None:
    assert priority_score(impact, effort) == score


@pytest.mark.parametrize(
    ("impact", "effort", "status", "quick"),
    [
        (3, 2, "idea", True), (5, 1, "planned", True), (3, 2, "doing", True),
        (2, 1, "idea", False), (3, 3, "idea", False), (None, 1, "idea", False), (5, None, "idea", False),
        (5, 1, "done", False), (5, 1, "dropped", False),
    ],
)
def test_quick_win(impact: int | None, effort: int | None, status: str, quick: bool) -> None:
    item = Improvement.model_validate({"id": "x", "title": "X", "impact": impact, "effort": effort, "status": status})
    assert is_quick_win(item) is quick


def test_backlog_order_status_then_score_then_file_order(load) -> None:
    loaded = load(
        """\
        title: T
        stages:
          - name: S
        improvements:
          - {id: done-high, title: a, status: done, impact: 5, effort: 1}
          - {id: idea-none, title: a}
          - {id: idea-low, title: a, impact: 1, effort: 5}
          - {id: dropped, title: a, status: dropped, impact: 5, effort: 1}
          - {id: idea-high, title: a, impact: 5, effort: 1}
          - {id: doing-low, title: a, status: doing, impact: 1, effort: 5}
          - {id: planned, title: a, status: planned, impact: 3, effort: 3}
          - {id: idea-none-2, title: a, impact: 5}
          - {id: idea-high-2, title: a, impact: 5, effort: 1}
          - {id: doing-none, title: a, status: doing}
        """
    )
    analysis = analyse(loaded, BuildSettings(today=TODAY))
    assert [b.improvement.id for b in analysis.backlog] == [
        "doing-low", "doing-none", "planned", "idea-high", "idea-high-2", "idea-low", "idea-none", "idea-none-2",
        "done-high", "dropped",
    ]
    by_id = {b.improvement.id: b for b in analysis.backlog}
    assert (by_id["idea-high"].score, by_id["idea-high"].quick_win, by_id["idea-high"].position) == (25, True, 4)
    assert (by_id["done-high"].score, by_id["done-high"].quick_win, by_id["done-high"].is_open) == (25, False, False)
    assert by_id["idea-none"].score is None


def test_improvements_for_a_touchpoint_follow_the_backlog_order(load) -> None:
    loaded = load("title: T\nstages:\n  - name: S\n    touchpoints: [{name: A}, {name: B}]\nimprovements:\n"
                  "  - {id: one, title: a, addresses: [a, s/a]}\n"
                  "  - {id: two, title: b, status: doing, addresses: [a]}\n")
    analysis = analyse(loaded, BuildSettings(today=TODAY))
    assert [b.improvement.id for b in analysis.improvements_for[("s", "a")]] == ["two", "one"]
    assert ("s", "b") not in analysis.improvements_for
    assert dict((b.improvement.id, b.targets) for b in analysis.backlog)["one"] == (("s", "a"), ("s", "a"))


# -- KPI verdicts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "actual", "better", "verdict"),
    [
        ("5%", "3.2%", "higher", "off"),
        ("5%", "5%", "higher", "on"),
        ("5%", "7,5%", "higher", "on"),
        ("3,5", "3.4", "higher", "off"),
        ("2 min", "1.5 min", "lower", "on"),
        ("2 min", "3 min", "lower", "off"),
        ("-1", "-2", "lower", "on"),
        ("5%", "3 min", "higher", None),
        ("5%", "3", "higher", None),
        ("veel", "weinig", "higher", None),
        ("5%", None, "higher", None),
        (None, "5%", "higher", None),
        # A separator before exactly three digits may group thousands ("1,000" in
        # English, "1.000" in Dutch): no verdict rather than a wrong one.
        ("1,000", "900", "higher", None),
        ("1.000 bezoekers", "900 bezoekers", "higher", None),
        ("900", "1,000", "lower", None),
        ("1000", "900", "higher", "off"),
        ("2,25", "2,5", "higher", "on"),
    ],
)
def test_kpi_verdict(target: str | None, actual: str | None, better: str, verdict: str | None) -> None:
    kpi = Kpi.model_validate({"name": "K", "target": target, "actual": actual, "better": better})
    assert kpi_verdict(kpi) == verdict


# -- Today ---------------------------------------------------------------------------------------


def test_source_date_epoch_drives_today(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1791936000")  # 2026-10-14 00:00 UTC
    assert today() == date(2026, 10, 14)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1792022399")  # 23:59:59 UTC, same day everywhere we build
    assert today() == date(2026, 10, 14)


@pytest.mark.parametrize("value", ["", "soon", "99999999999999999999"])
def test_a_useless_source_date_epoch_falls_back_to_the_real_date(monkeypatch, value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    before = date.today()
    assert today() in (before, date.today())  # a run across midnight sees either


@pytest.mark.parametrize(("due", "status", "overdue"), [
    ("2026-10-31", "idea", True),     # the day before today
    ("2026-11-01", "planned", False),  # today: still on time
    ("2026-10", "doing", True),       # a month is due at its last day
    ("2026-11", "doing", False),
    ("2026-Q3", "planned", True),     # a quarter too: 30 September
    ("2026-Q4", "planned", False),
    ("2026-01-01", "done", False),    # done and dropped items are not late
    ("2026-01-01", "dropped", False),
])
def test_overdue_means_an_open_item_past_the_last_day_its_due_allows(load, due: str, status: str,
                                                                        overdue: bool) -> None:
    loaded = load(HEALTHY_HEAD + "stages:\n  - name: S\n    touchpoints: [{name: A, emotion: 3}]\nimprovements:\n"
                  f"  - id: x\n    title: X\n    owner: Web\n    status: {status}\n    due: {due}\n")
    assert [kind for kind, *_ in warnings(loaded)] == (["overdue"] if overdue else [])
