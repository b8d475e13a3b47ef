"""The semantic diff of two versions of a map: real files, collected as a build collects them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from mkdocs_journey.engine.diff import Change, ChangeKind, JourneyDiff, Subject, diff, merged_order
from mkdocs_journey.engine.health import HealthFinding

from ..render.conftest import collect

BASE = """\
title: Booking a trip
owner: Team Online
status: validated
state: current
reviewed: 2026-10-14
goal: Sell more trips
brand: Carefree travel
tags: [travel]
research: [Interviews]
persona:
  name: Mark
  role: Traveller
  facts: {Age: "42"}
  goals: [A trip]
stages:
  - name: Orientation
    id: orientation
    goal: Get inspired
    touchpoints:
      - name: Google search
        id: google
        channel: Google
        senses: [see]
        action: Searches
        thought: Which route?
        emotion: 4
        feeling: curious
        needs: [Route ideas]
        met: partly
        on_brand: yes
        evidence: [Interview 3]
        pains: [Too many offers]
        gains: [Nice photos]
        opportunities: [Themes]
        backstage: {team: Marketing, systems: [CMS], process: SEO}
        kpis:
          - {name: Click rate, target: 5%, actual: 3.2%}
      - name: Website
        id: website
        emotion: 2
        pains: [No filters]
  - name: Booking
    id: booking
    touchpoints:
      - name: Book online
        id: book
        emotion: 3
      - name: Payment
        id: pay
        emotion: 1
improvements:
  - id: filters
    title: Filters
    addresses: [orientation/website]
    owner: Web team
    impact: 5
    effort: 3
    status: planned
    due: 2027-Q1
  - id: mails
    title: Departure mails
    addresses: [google]
    owner: Marketing
    impact: 4
    effort: 2
    status: doing
    due: 2026-12-15
"""

Diff = Callable[..., JourneyDiff]


def edit(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture
def compare(docs_dir: Path, write_file: Callable[..., Path]) -> Diff:
    """Collect two versions of a map from one docs folder and diff them."""

    def run(new: str, old: str = BASE) -> JourneyDiff:
        before = collect(docs_dir, write_file("old.journey.yml", old))
        after = collect(docs_dir, write_file("new.journey.yml", new))
        assert before.ok and after.ok, [e.format_text() for e in before.loaded.errors + after.loaded.errors]
        return diff(before, after)

    return run


def kinds(result: JourneyDiff) -> list[tuple[str, str, str | None]]:
    return [(c.kind.value, c.subject.kind, c.field) for c in result.changes]


def test_identical_maps_have_no_changes(compare: Diff) -> None:
    result = compare(BASE)
    assert result.changes == () and not result.changed
    summary = result.summary
    assert (summary.better, summary.worse, summary.unchanged) == (0, 0, 4)
    assert summary.average_before == summary.average_after == 2.5
    assert (summary.pains_added, summary.pains_solved, summary.improvements_done) == (0, 0, 0)
    assert (summary.quick_wins_gained, summary.quick_wins_lost) == (0, 0)


def test_journey_fields_with_before_and_after(compare: Diff) -> None:
    new = edit(BASE, ("title: Booking a trip", "title: Booking a holiday"), ("owner: Team Online", "owner: Team Web"),
               ("state: current", "state: future"), ("reviewed: 2026-10-14", "reviewed: 2026-10-20"),
               ("goal: Sell more trips", "goal: Sell more holidays"), ("brand: Carefree travel", "brand: Easy"),
               ("tags: [travel]", "tags: [travel, online]"), ("research: [Interviews]", "research: [Survey]"))
    result = compare(new)
    fields = {c.field: (c.before, c.after) for c in result.changes if c.kind is ChangeKind.FIELD}
    assert fields == {
        "title": ("Booking a trip", "Booking a holiday"), "owner": ("Team Online", "Team Web"),
        "state": ("current", "future"), "reviewed": (date(2026, 10, 14), date(2026, 10, 20)),
        "goal": ("Sell more trips", "Sell more holidays"), "brand": ("Carefree travel", "Easy"),
    }
    assert all(c.subject == Subject("journey") for c in result.changes)
    items = {c.field: (c.added, c.removed) for c in result.changes if c.kind is ChangeKind.ITEMS}
    assert items == {"tags": (("online",), ()), "research": (("Survey",), ("Interviews",))}


def test_status_to_draft_changes_the_field_and_raises_a_health_note(compare: Diff) -> None:
    result = compare(edit(BASE, ("status: validated", "status: draft")))
    status, note = result.changes
    assert (status.kind, status.field, status.before, status.after) == (ChangeKind.FIELD, "status", "validated", "draft")
    assert (note.kind, note.field, note.subject) == (ChangeKind.HEALTH_APPEARED, "draft", Subject("journey"))
    assert isinstance(note.after, HealthFinding) and note.after.kind == "draft"
    back = compare(BASE, old=edit(BASE, ("status: validated", "status: draft")))
    assert [c.kind for c in back.changes] == [ChangeKind.FIELD, ChangeKind.HEALTH_RESOLVED]


def test_an_inline_persona_is_compared_by_content(compare: Diff) -> None:
    new = edit(BASE, ("role: Traveller", "role: Family traveller"), ('facts: {Age: "42"}', 'facts: {Age: "43"}'),
               ("goals: [A trip]", "goals: [A trip, Rest]"))
    result = compare(new)
    subject = Subject("persona", name="Mark")
    assert result.changes == (
        Change(ChangeKind.FIELD, subject, "role", "Traveller", "Family traveller"),
        Change(ChangeKind.ITEMS, subject, "facts", added=("Age: 43",), removed=("Age: 42",)),
        Change(ChangeKind.ITEMS, subject, "goals", added=("Rest",)),
    )


def test_a_persona_file_swapped_names_both_ids_and_the_content(compare: Diff, write_file: Callable[..., Path]) -> None:
    write_file("mark.persona.yml", "name: Mark\nrole: Traveller\n")
    write_file("priya.persona.yml", "name: Priya\nrole: Traveller\n")
    inline = "persona:\n  name: Mark\n  role: Traveller\n  facts: {Age: \"42\"}\n  goals: [A trip]\n"
    result = compare(edit(BASE, (inline, "persona: priya\n")), old=edit(BASE, (inline, "persona: mark\n")))
    assert result.changes == (
        Change(ChangeKind.FIELD, Subject("journey"), "persona", "mark", "priya"),
        Change(ChangeKind.FIELD, Subject("persona", name="Priya"), "name", "Mark", "Priya"),
    )
    gone = compare(edit(BASE, (inline, "")), old=edit(BASE, (inline, "persona: mark\n")))
    assert kinds(gone)[:2] == [("field", "journey", "persona"), ("removed", "persona", None)]


def test_stages_added_removed_renamed_and_reordered(compare: Diff) -> None:
    new = edit(BASE, ("  - name: Orientation\n    id: orientation\n    goal: Get inspired\n",
                      "  - name: Inspiration\n    id: orientation\n    goal: Dream\n"),
               ("  - name: Booking\n    id: booking\n", "  - name: Paying\n    id: paying\n"),
               ("stages:\n", "stages:\n  - name: Travel\n    touchpoints: []\n"))
    old = edit(BASE, ("stages:\n", "stages:\n  - name: Dreaming\n    touchpoints: []\n"))
    result = compare(new, old=old)
    assert kinds(result) == [
        ("removed", "stage", None),
        ("added", "stage", None),
        ("renamed", "stage", "name"),
        ("removed", "stage", None),
        ("added", "stage", None), ("moved", "touchpoint", "stage"), ("moved", "touchpoint", "stage"),
        ("health-resolved", "stage", "empty-stage"),
        ("health-appeared", "stage", "empty-stage"),
    ]
    dreaming, travel, renamed, booking, paying, book = result.changes[:6]
    assert (dreaming.before, travel.after) == ("Dreaming", "Travel")
    assert (renamed.before, renamed.after) == ("Orientation", "Inspiration")
    assert renamed.changes == (Change(ChangeKind.FIELD, renamed.subject, "goal", "Get inspired", "Dream"),)
    assert booking == Change(ChangeKind.REMOVED, Subject("stage", stage="booking", name="Booking"), before="Booking")
    assert paying == Change(ChangeKind.ADDED, Subject("stage", stage="paying", name="Paying"), after="Paying")
    assert (book.subject.stage, book.subject.touchpoint, book.before, book.after) == ("paying", "book", "booking", "paying")
    booking_block = BASE[BASE.index("  - name: Booking"):BASE.index("improvements:")]
    gone = compare(BASE.replace(booking_block, ""))
    assert kinds(gone) == [("removed", "stage", None), ("removed", "touchpoint", None), ("removed", "touchpoint", None)]
    assert gone.changes[2].subject == Subject("touchpoint", stage="booking", touchpoint="pay", name="Payment")


def test_a_stage_order_change_is_one_change(compare: Diff) -> None:
    orientation, booking = BASE.split("stages:\n")[1].split("improvements:\n")[0].split("  - name: Booking\n")
    new = BASE.replace(orientation + "  - name: Booking\n" + booking, "  - name: Booking\n" + booking + orientation)
    result = compare(new)
    assert result.changes == (Change(ChangeKind.REORDERED, Subject("journey"), "stages",
                                     ("orientation", "booking"), ("booking", "orientation")),)


def test_a_renamed_touchpoint_is_one_change_with_its_other_changes_under_it(compare: Diff) -> None:
    new = edit(BASE, ("- name: Website\n        id: website\n        emotion: 2",
                      "- name: Web shop\n        id: website\n        emotion: 3"))
    result = compare(new)
    (renamed,) = [c for c in result.changes if c.subject.kind == "touchpoint"]
    subject = Subject("touchpoint", stage="orientation", touchpoint="website", name="Web shop")
    assert renamed == Change(ChangeKind.RENAMED, subject, "name", "Website", "Web shop",
                             changes=(Change(ChangeKind.EMOTION, subject, "emotion", 2, 3),))
    assert renamed.changes[0].direction == "better"
    assert list(result.all_changes())[1] is renamed.changes[0]


def test_a_touchpoint_in_another_stage_is_moved_not_removed_and_added(compare: Diff) -> None:
    website = "      - name: Website\n        id: website\n        emotion: 2\n        pains: [No filters]\n"
    moved = edit(BASE, (website, ""), ("        id: pay\n        emotion: 1\n",
                                       "        id: pay\n        emotion: 1\n" + website.replace("2", "1")))
    result = compare(moved.replace("orientation/website", "booking/website"))
    touchpoint = [c for c in result.changes if c.subject.kind == "touchpoint"]
    subject = Subject("touchpoint", stage="booking", touchpoint="website", name="Website")
    assert touchpoint == [Change(ChangeKind.MOVED, subject, "stage", "orientation", "booking",
                                 changes=(Change(ChangeKind.EMOTION, subject, "emotion", 2, 1),))]
    assert not [c for c in result.changes if c.kind.value.startswith("health")], "a move resolves no note"
    renamed = compare(moved.replace("orientation/website", "booking/website").replace("name: Website", "name: Shop"))
    (change,) = [c for c in renamed.changes if c.subject.kind == "touchpoint"]
    assert (change.kind, change.before, change.after) == (ChangeKind.RENAMED, "Website", "Shop")
    assert [c.kind for c in change.changes] == [ChangeKind.MOVED, ChangeKind.EMOTION]


def test_touchpoints_added_removed_and_reordered_inside_a_stage(compare: Diff) -> None:
    book = "      - name: Book online\n        id: book\n        emotion: 3\n"
    pay = "      - name: Payment\n        id: pay\n        emotion: 1\n"
    new = edit(BASE, (book + pay, pay + "      - name: Receipt\n        emotion: 5\n"))
    result = compare(new)
    assert result.changes == (
        Change(ChangeKind.REMOVED, Subject("touchpoint", stage="booking", touchpoint="book", name="Book online"),
               before="Book online"),
        Change(ChangeKind.ADDED, Subject("touchpoint", stage="booking", touchpoint="receipt", name="Receipt"),
               after="Receipt"),
    )
    swapped = compare(edit(BASE, (book + pay, pay + book)))
    assert swapped.changes == (Change(ChangeKind.REORDERED, Subject("stage", stage="booking", name="Booking"),
                                      "touchpoints", ("book", "pay"), ("pay", "book")),)


def test_every_touchpoint_field(compare: Diff, write_file: Callable[..., Path]) -> None:
    new = edit(BASE, ("channel: Google", "channel: Bing"), ("senses: [see]", "senses: [see, hear]"),
               ("action: Searches", "action: Asks"), ("thought: Which route?", "thought: Where?"),
               ("emotion: 4", "emotion: 2"), ("feeling: curious", "feeling: lost"),
               ("needs: [Route ideas]", "needs: [Prices]"), ("met: partly", "met: no"),
               ("on_brand: yes", "on_brand: partly\n        moment_of_truth: true\n        image: x.svg"),
               ("evidence: [Interview 3]", "evidence: []"), ("pains: [Too many offers]", "pains: [Ads, Slow]"),
               ("gains: [Nice photos]", "gains: [Nice photos, Maps]"), ("opportunities: [Themes]", "opportunities:"),
               ("{team: Marketing, systems: [CMS], process: SEO}", "{team: Web, systems: [CMS, Ads]}"),
               ("- {name: Click rate, target: 5%, actual: 3.2%}",
                "- {name: Click rate, target: 5%, actual: 6%}\n          - {name: Bounce, better: lower}"))
    write_file("x.svg", "<svg/>")
    result = compare(new, old=BASE)
    changes = [(c.kind.value, c.subject.kind, c.field, c.before, c.after, c.added, c.removed)
               for c in result.changes if c.subject.kind in ("touchpoint", "kpi")]
    assert changes == [
        ("emotion", "touchpoint", "emotion", 4, 2, (), ()),
        ("field", "touchpoint", "channel", "Google", "Bing", (), ()),
        ("field", "touchpoint", "action", "Searches", "Asks", (), ()),
        ("field", "touchpoint", "thought", "Which route?", "Where?", (), ()),
        ("field", "touchpoint", "feeling", "curious", "lost", (), ()),
        ("field", "touchpoint", "met", "partly", "no", (), ()),
        ("field", "touchpoint", "on_brand", "yes", "partly", (), ()),
        ("field", "touchpoint", "moment_of_truth", False, True, (), ()),
        ("field", "touchpoint", "image", None, "x.svg", (), ()),
        ("items", "touchpoint", "senses", None, None, ("hear",), ()),
        ("items", "touchpoint", "needs", None, None, ("Prices",), ("Route ideas",)),
        ("items", "touchpoint", "evidence", None, None, (), ("Interview 3",)),
        ("items", "touchpoint", "pains", None, None, ("Ads", "Slow"), ("Too many offers",)),
        ("items", "touchpoint", "gains", None, None, ("Maps",), ()),
        ("items", "touchpoint", "opportunities", None, None, (), ("Themes",)),
        ("field", "touchpoint", "backstage.team", "Marketing", "Web", (), ()),
        ("field", "touchpoint", "backstage.process", "SEO", None, (), ()),
        ("items", "touchpoint", "backstage.systems", None, None, ("Ads",), ()),
        ("field", "kpi", "actual", "3.2%", "6%", (), ()),
        ("derived", "kpi", "verdict", "off", "on", (), ()),
        ("added", "kpi", None, None, "Bounce", (), ()),
    ]
    emotion = result.changes[0]
    assert emotion.direction == "worse" and emotion.subject.touchpoint == "google"
    kpi = [c for c in result.changes if c.subject.kind == "kpi"][0].subject
    assert kpi == Subject("kpi", stage="orientation", touchpoint="google", kpi="Click rate", name="Click rate")


def test_improvements_added_removed_renamed_and_what_follows(compare: Diff) -> None:
    new = edit(BASE, ("title: Filters\n", "title: Better filters\n"), ("owner: Web team", "owner: Shop team"),
               ("effort: 3\n    status: planned\n    due: 2027-Q1", "effort: 1\n    status: doing\n    due: 2027-Q2"),
               ("  - id: mails\n", "  - id: chat\n    title: Chat\n  - id: mails\n"),
               ("status: doing\n    due: 2026-12-15", "status: done\n    due: 2026-12-15"))
    result = compare(new)
    renamed, chat, mails_status, mails_rank, mails_lost, backlog, no_owner = result.changes
    filters = Subject("improvement", improvement="filters", name="Better filters")
    assert (renamed.kind, renamed.before, renamed.after) == (ChangeKind.RENAMED, "Filters", "Better filters")
    assert renamed.changes == (
        Change(ChangeKind.FIELD, filters, "status", "planned", "doing"),
        Change(ChangeKind.FIELD, filters, "owner", "Web team", "Shop team"),
        Change(ChangeKind.FIELD, filters, "due", "2027-Q1", "2027-Q2"),
        Change(ChangeKind.FIELD, filters, "effort", 3, 1),
        Change(ChangeKind.DERIVED, filters, "score", 15, 25),
        Change(ChangeKind.DERIVED, filters, "rank", 2, 1),
        Change(ChangeKind.QUICK_WIN_GAINED, filters, "quick_win", False, True),
    )
    assert (chat.kind, chat.after, chat.changes) == (ChangeKind.ADDED, "Chat", ())
    mails = Subject("improvement", improvement="mails", name="Departure mails")
    assert mails_status == Change(ChangeKind.FIELD, mails, "status", "doing", "done")
    assert mails_rank == Change(ChangeKind.DERIVED, mails, "rank", 1, 3)
    assert mails_lost == Change(ChangeKind.QUICK_WIN_LOST, mails, "quick_win", True, False)
    assert backlog == Change(ChangeKind.REORDERED, Subject("journey"), "backlog",
                             ("mails", "filters"), ("filters", "chat", "mails"))
    assert (no_owner.kind, no_owner.field, no_owner.subject.improvement) == (ChangeKind.HEALTH_APPEARED, "no-owner", "chat")
    assert (result.summary.improvements_done, result.summary.quick_wins_gained,
            result.summary.quick_wins_lost) == (1, 1, 1)
    removed = compare(BASE, old=new)
    chat_removed = [c for c in removed.changes if c.subject.improvement == "chat" and not c.kind.value.startswith("h")]
    assert chat_removed == [Change(ChangeKind.REMOVED, Subject("improvement", improvement="chat", name="Chat"),
                                   before="Chat")]


def test_impact_and_a_removed_quick_win(compare: Diff) -> None:
    new = edit(BASE, ("impact: 4\n", "impact: 2\n"))
    result = compare(new)
    mails = Subject("improvement", improvement="mails", name="Departure mails")
    assert result.changes == (
        Change(ChangeKind.FIELD, mails, "impact", 4, 2),
        Change(ChangeKind.DERIVED, mails, "score", 16, 8),
        Change(ChangeKind.QUICK_WIN_LOST, mails, "quick_win", True, False),
    )
    mails_block = BASE[BASE.index("  - id: mails"):]
    gone = compare(BASE.replace(mails_block, ""))
    removed = [c for c in gone.changes if c.kind is ChangeKind.REMOVED][0]
    assert removed.changes == (Change(ChangeKind.QUICK_WIN_LOST, removed.subject, "quick_win", True, False),)
    assert gone.summary.quick_wins_lost == 1
    assert [c.field for c in gone.changes if c.kind is ChangeKind.HEALTH_APPEARED] == ["unaddressed-pain"]


def test_health_notes_appear_and_resolve_with_their_subjects(compare: Diff) -> None:
    new = edit(BASE, ("id: pay\n        emotion: 1", "id: pay"), ("    owner: Marketing\n", ""),
               ("reviewed: 2026-10-14\n", ""))
    old = edit(BASE, ("on_brand: yes", "on_brand: no"))
    result = compare(new, old=old)
    health = [(c.kind.value, c.field, c.subject) for c in result.changes if c.kind.value.startswith("health")]
    assert health == [  # the old map's first note had nothing kept before it: it comes first
        ("health-resolved", "off-brand", Subject("touchpoint", stage="orientation", touchpoint="google",
                                                  name="Google search")),
        ("health-appeared", "not-reviewed", Subject("journey")),
        ("health-appeared", "no-emotion", Subject("touchpoint", stage="booking", touchpoint="pay", name="Payment")),
        ("health-appeared", "no-owner", Subject("improvement", improvement="mails", name="Departure mails")),
    ]


def test_the_summary(compare: Diff) -> None:
    new = edit(BASE, ("emotion: 4", "emotion: 5"), ("id: website\n        emotion: 2", "id: website\n        emotion: 1"),
               ("id: pay\n        emotion: 1", "id: pay"), ("pains: [No filters]", "pains: [No filters, Slow]"),
               ("      - name: Book online\n        id: book\n        emotion: 3\n", ""),
               ("status: planned", "status: done"))
    summary = compare(new).summary
    assert (summary.better, summary.worse, summary.unchanged) == (1, 1, 0)
    assert (summary.average_before, summary.average_after) == (2.5, 3.0)
    assert (summary.pains_added, summary.pains_solved, summary.improvements_done) == (1, 0, 1)


def test_pains_of_added_and_removed_touchpoints_count(compare: Diff) -> None:
    website = "      - name: Website\n        id: website\n        emotion: 2\n        pains: [No filters]\n"
    new = edit(BASE, (website, "      - name: Shop\n        pains: [A, B]\n"),
               ("addresses: [orientation/website]", "addresses: [shop]"))
    summary = compare(new).summary
    assert (summary.pains_added, summary.pains_solved) == (2, 1)


def test_invalid_maps_are_refused(docs_dir: Path, write_file: Callable[..., Path]) -> None:
    good = collect(docs_dir, write_file("good.journey.yml", BASE))
    bad = collect(docs_dir, write_file("bad.journey.yml", "title: x\n"))
    with pytest.raises(ValueError, match="bad.journey.yml"):
        diff(good, bad)


def test_merged_order_keeps_removed_keys_where_they_were() -> None:
    assert merged_order(["a", "b", "c", "d"], ["x", "a", "c", "y"]) == ["x", "a", "b", "c", "d", "y"]
    assert merged_order(["gone", "a"], ["a"]) == ["gone", "a"]
    assert merged_order([], []) == []


def test_renaming_a_touchpoint_keeps_its_health_notes(compare: Diff) -> None:
    old = edit(BASE, ("id: pay\n        emotion: 1", "id: pay"))
    result = compare(old.replace("name: Payment", "name: Paying"), old=old)
    assert [c.kind for c in result.changes] == [ChangeKind.RENAMED]


def test_kpi_target_direction_and_removal(compare: Diff) -> None:
    old = edit(BASE, ("- {name: Click rate, target: 5%, actual: 3.2%}",
                      "- {name: Click rate, target: 5%, actual: 3.2%}\n          - {name: Waiting, target: 2 min}"))
    new = edit(BASE, ("- {name: Click rate, target: 5%, actual: 3.2%}",
                      "- {name: Click rate, target: 3%, actual: 3.2%, better: lower}"))
    result = compare(new, old=old)
    kpi = Subject("kpi", stage="orientation", touchpoint="google", kpi="Click rate", name="Click rate")
    waiting = Subject("kpi", stage="orientation", touchpoint="google", kpi="Waiting", name="Waiting")
    assert result.changes == (
        Change(ChangeKind.FIELD, kpi, "target", "5%", "3%"),
        Change(ChangeKind.FIELD, kpi, "better", "higher", "lower"),
        Change(ChangeKind.REMOVED, waiting, before="Waiting"),
    )


def test_the_other_improvement_fields(compare: Diff) -> None:
    new = edit(BASE, ("    addresses: [google]\n    owner: Marketing\n",
                      "    addresses: [google, booking/pay]\n    owner: Marketing\n    teams: [Legal]\n"
                      "    kpi: Opens\n    notes: Ask *legal*\n    link: https://example.com/1\n"))
    mails = Subject("improvement", improvement="mails", name="Departure mails")
    assert compare(new).changes == (
        Change(ChangeKind.FIELD, mails, "kpi", None, "Opens"),
        Change(ChangeKind.FIELD, mails, "notes", None, "Ask *legal*"),
        Change(ChangeKind.FIELD, mails, "link", None, "https://example.com/1"),
        Change(ChangeKind.ITEMS, mails, "addresses", added=("booking/pay",)),
        Change(ChangeKind.ITEMS, mails, "teams", added=("Legal",)),
    )


def test_list_items_count_repeats_and_ignore_their_order(compare: Diff) -> None:
    old = edit(BASE, ("gains: [Nice photos]", "gains: [Fast, Fast, Nice photos]"))
    result = compare(edit(BASE, ("gains: [Nice photos]", "gains: [Nice photos, Fast, Maps]")), old=old)
    (change,) = result.changes
    assert (change.field, change.added, change.removed) == ("gains", ("Maps",), ("Fast",))
    assert compare(edit(BASE, ("gains: [Nice photos]", "gains: [Fast, Nice photos, Fast]")), old=old).changes == ()


def test_a_new_map_language_is_one_field_change(compare: Diff) -> None:
    """`language:` changes the labels only: the diff names it, and no health note changes with it."""
    result = compare(edit(BASE, ("state: current", "state: current\nlanguage: nl")))
    assert [(c.kind, c.field, c.before, c.after) for c in result.changes] == [
        (ChangeKind.FIELD, "language", None, "nl")]
