"""A map's changes in a reader's words: what changed, from what, to what, grouped by stage.

:mod:`.diff` says what changed in ids and values; a reviewer reads names, labels
and dates in their own language. This module turns a :class:`~.diff.JourneyDiff`
into sections (the journey, each stage with its touchpoints, the backlog, the
map's health) of plain-text lines, so every output (the terminal, the pull-request
comment, the map page's comparison panel) says the same thing in the same words
and only decides how to show and escape it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Literal

from .analyse import improvement_anchor, stage_anchor, touchpoint_anchor
from .collection import CollectedMap
from .diff import Change, ChangeKind, JourneyDiff, Summary, Value
from .health import HealthFinding
from .i18n import Translator
from .model import Journey

Tone = Literal["better", "worse"]

_LABEL = {
    # Fields whose label the map page already prints.
    "channel": "touchpoint.channel", "senses": "touchpoint.senses", "action": "lane.action",
    "thought": "lane.thought", "emotion": "lane.emotion", "needs": "lane.needs", "pains": "lane.pains",
    "gains": "lane.gains", "opportunities": "lane.opportunities", "evidence": "lane.evidence",
    "backstage.team": "backstage.team", "backstage.systems": "backstage.systems",
    "backstage.process": "backstage.process", "target": "kpi.target", "actual": "kpi.actual",
    "owner": "backlog.owner", "due": "backlog.due", "impact": "backlog.impact", "effort": "backlog.effort",
    "kpi": "backlog.kpi", "link": "backlog.link", "addresses": "backlog.addresses", "teams": "backlog.teams",
    "score": "backlog.score", "goals": "persona.goals", "frustrations": "persona.frustrations",
    "channels": "persona.channels", "facts": "persona.facts", "tags": "page.tags", "research": "page.research",
    "brand": "page.brand",
}
"""Label keys of fields the map page names already; every other field is ``diff.field.<name>``."""

_ITEM_LABEL = {"pains": "diff.item.pain", "gains": "diff.item.gain", "needs": "diff.item.need",
               "opportunities": "diff.item.opportunity"}


@dataclass(frozen=True)
class Line:
    """One change: ``what`` changed from ``before`` to ``after`` (None: there was or is nothing)."""

    what: str
    before: str | None
    after: str | None
    change: Change
    tone: Tone | None = None
    """Better or worse for the customer (an emotion, a quick win, a health note), when it says."""
    before_items: tuple[str, ...] = ()
    """For an order or a list: the names (items) ``before`` joins, for formats that list them."""
    after_items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    """The changes of one thing on the map: the journey, its persona, a stage, a touchpoint, an improvement."""

    kind: str
    name: str | None
    """The thing's name now (or when it was removed); None for the journey and the health notes."""
    anchor: str | None
    """The id of its place on the map page (None when it is not on the new page)."""
    lines: tuple[Line, ...]
    status: Literal["added", "removed", "changed"] = "changed"


@dataclass(frozen=True)
class Section:
    """A heading and its groups: "Journey", one per stage, "Backlog", "Map health"."""

    kind: Literal["journey", "stage", "backlog", "health"]
    title: str
    anchor: str | None
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Description:
    summary: str
    """The journey's change in one line of counts (empty when there is nothing to count)."""
    sections: tuple[Section, ...]

    def lines(self) -> list[Line]:
        return [line for section in self.sections for group in section.groups for line in group.lines]


def describe(old: CollectedMap, new: CollectedMap, changes: JourneyDiff, t: Translator) -> Description:
    """The changes from ``old`` to ``new`` (``changes`` is ``diff(old, new)``) in ``t``'s language."""
    assert old.loaded.journey is not None and new.loaded.journey is not None
    return _Describer(old.loaded.journey, new.loaded.journey, t).run(changes)


def summary_line(summary: Summary, t: Translator) -> str:
    """"2 touchpoints better, 1 worse, 10 unchanged · average emotion 3.1 → 3.4 · ..."."""
    parts = []
    if summary.better or summary.worse:
        parts.append(t("diff.summary.emotion", better=t("diff.summary.better", count=summary.better),
                       worse=summary.worse, unchanged=summary.unchanged))
    if summary.average_before != summary.average_after:
        parts.append(t("diff.summary.average", before=_average(summary.average_before, t),
                       after=_average(summary.average_after, t)))
    if summary.pains_added or summary.pains_solved:
        parts.append(t("diff.summary.pains", added=t("diff.summary.pains-added", count=summary.pains_added),
                       solved=summary.pains_solved))
    if summary.improvements_done:
        parts.append(t("diff.summary.done", count=summary.improvements_done))
    if summary.quick_wins_gained:
        parts.append(t("diff.summary.quick-wins-gained", count=summary.quick_wins_gained))
    if summary.quick_wins_lost:
        parts.append(t("diff.summary.quick-wins-lost", count=summary.quick_wins_lost))
    return " · ".join(parts)


def _average(value: float | None, t: Translator) -> str:
    return "—" if value is None else t.number(value)


def emotion_text(score: int | None, t: Translator) -> str:
    """"4 positive" (the page's word for the score), or the page's "no emotion recorded"."""
    if score is None:
        return t("emotion.none")
    return f"{score} {t(f'emotion.{score}')}"


def describe_changes(changes: Iterable[Change], t: Translator) -> list[Line]:
    """Changes without a map around them (a persona file's), each with the ones under it."""
    describer = _Describer(None, None, t)
    return [describer._line(c) for change in changes for c in change.walk()]


class _Describer:
    def __init__(self, old: Journey | None, new: Journey | None, t: Translator) -> None:
        self.journeys = [j for j in (new, old) if j is not None]
        self.t = t
        old_stages = old.stages if old is not None else []
        new_stages = new.stages if new is not None else []
        self.stage_names = {s.id: s.name for s in old_stages} | {s.id: s.name for s in new_stages}
        self.new_stages = {s.id for s in new_stages}
        self.new_touchpoints = {(s.id, tp.id) for s in new_stages for tp in s.touchpoints}
        self.new_improvements = {i.id for i in new.improvements} if new is not None else set()
        self.improvement_titles = {i.id: i.title for j in (old, new) if j is not None for i in j.improvements}

    def run(self, changes: JourneyDiff) -> Description:
        journey: list[Group] = []
        stages: dict[str, list[Group]] = {}
        stage_order: list[str] = []
        backlog: list[Group] = []
        health: list[Line] = []
        journey_lines: list[Line] = []
        backlog_lines: list[Line] = []
        for change in changes.changes:
            subject = change.subject
            if change.kind in (ChangeKind.HEALTH_APPEARED, ChangeKind.HEALTH_RESOLVED):
                health.append(self._line(change))
            elif subject.kind == "journey" and change.field == "backlog":
                backlog_lines.append(self._line(change))
            elif subject.kind == "journey":
                journey_lines.append(self._line(change))
            elif subject.kind == "persona":
                journey.append(self._group(change, "persona"))
            elif subject.kind == "improvement":
                backlog.append(self._group(change, "improvement"))
            else:
                stage = subject.stage or ""
                if stage not in stages:
                    stages[stage] = []
                    stage_order.append(stage)
                stages[stage].append(self._group(change, subject.kind))
        sections: list[Section] = []
        if journey_lines or journey:
            groups = ([Group("journey", None, None, tuple(journey_lines))] if journey_lines else []) + journey
            sections.append(Section("journey", self.t("diff.section.journey"), None, tuple(_merge(groups))))
        for stage in stage_order:
            anchor = stage_anchor(stage) if stage in self.new_stages else None
            sections.append(Section("stage", self.t("diff.section.stage", name=self.stage_names.get(stage, stage)),
                                    anchor, tuple(_merge(stages[stage]))))
        if backlog or backlog_lines:
            groups = _merge(backlog) + ([Group("backlog", None, None, tuple(backlog_lines))] if backlog_lines else [])
            sections.append(Section("backlog", self.t("backlog.heading"), None, tuple(groups)))
        if health:
            sections.append(Section("health", self.t("health.heading"), None,
                                    (Group("health", None, None, tuple(health)),)))
        return Description(summary_line(changes.summary, self.t), tuple(sections))

    # -- Groups: a thing and every change under it

    def _group(self, change: Change, kind: str) -> Group:
        subject = change.subject
        anchor: str | None = None
        if kind == "touchpoint" and (subject.stage, subject.touchpoint) in self.new_touchpoints:
            anchor = touchpoint_anchor(subject.stage or "", subject.touchpoint or "")
        elif kind == "kpi" and (subject.stage, subject.touchpoint) in self.new_touchpoints:
            anchor = touchpoint_anchor(subject.stage or "", subject.touchpoint or "")
        elif kind == "stage" and subject.stage in self.new_stages:
            anchor = stage_anchor(subject.stage or "")
        elif kind == "improvement" and subject.improvement in self.new_improvements:
            anchor = improvement_anchor(subject.improvement or "")
        status: Literal["added", "removed", "changed"] = (
            "added" if change.kind is ChangeKind.ADDED else "removed" if change.kind is ChangeKind.REMOVED
            else "changed")
        name = subject.name
        if kind == "kpi":
            # A KPI's changes belong to its touchpoint; the line names the KPI.
            kind = "touchpoint"
            name = self._touchpoint_name(subject.stage, subject.touchpoint)
            status = "changed"
        lines = [self._line(c) for c in change.walk()]
        return Group(kind, name, anchor, tuple(lines), status)

    def _touchpoint_name(self, stage: str | None, touchpoint: str | None) -> str | None:
        for journey in self.journeys:
            for s in journey.stages:
                for tp in s.touchpoints:
                    if s.id == stage and tp.id == touchpoint:
                        return tp.name
        return touchpoint

    # -- Lines: one change in words

    def _line(self, change: Change) -> Line:
        t = self.t
        kind, subject, field = change.kind, change.subject, change.field
        if kind is ChangeKind.EMOTION:
            tone = change.direction
            return Line(t("lane.emotion"), emotion_text(change.before, t),  # type: ignore[arg-type]
                        emotion_text(change.after, t), change, tone)  # type: ignore[arg-type]
        if kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
            # "— → Website" is a new touchpoint, "Website → —" one that is gone.
            what = t(f"diff.thing.{subject.kind}")
            if kind is ChangeKind.ADDED:
                return Line(what, None, str(change.after), change)
            return Line(what, str(change.before), None, change)
        if kind is ChangeKind.RENAMED:
            return Line(self._field(field or "name", subject.kind), str(change.before), str(change.after), change)
        if kind is ChangeKind.MOVED:
            return Line(t("diff.moved"), self._stage(change.before), self._stage(change.after), change)
        if kind is ChangeKind.REORDERED:
            what = t(f"diff.order.{field}")
            before, after = change.before, change.after
            assert isinstance(before, tuple) and isinstance(after, tuple)
            names = self._improvement if field == "backlog" else (
                self._stage if field == "stages" else lambda ident: self._touchpoint_name(subject.stage, ident) or ident)
            before_names = tuple(str(names(i)) for i in before)
            after_names = tuple(str(names(i)) for i in after)
            return Line(what, " · ".join(before_names), " · ".join(after_names), change,
                        before_items=before_names, after_items=after_names)
        if kind is ChangeKind.ITEMS:
            return self._items(change)
        if kind in (ChangeKind.QUICK_WIN_GAINED, ChangeKind.QUICK_WIN_LOST):
            gained = kind is ChangeKind.QUICK_WIN_GAINED
            return Line(t("diff.field.quick-win"), t("diff.no") if gained else t("diff.yes"),
                        t("diff.yes") if gained else t("diff.no"), change, "better" if gained else "worse")
        if kind in (ChangeKind.HEALTH_APPEARED, ChangeKind.HEALTH_RESOLVED):
            finding = change.after if kind is ChangeKind.HEALTH_APPEARED else change.before
            assert isinstance(finding, HealthFinding)
            what = finding.title(t)
            text = finding.message(t)
            if kind is ChangeKind.HEALTH_APPEARED:
                return Line(what, None, text, change, "worse")
            return Line(what, text, None, change, "better")
        if kind is ChangeKind.DERIVED:
            if field == "rank":
                return Line(t("diff.field.rank"), f"#{change.before}", f"#{change.after}", change)
            if field == "verdict":
                what = t("diff.field.verdict", name=subject.kpi or "")
                return Line(what, self._verdict(change.before), self._verdict(change.after), change,
                            _verdict_tone(change.before, change.after))
            return Line(self._field(field or "", subject.kind), self._value(field or "", change.before),
                        self._value(field or "", change.after), change)
        # A written field.
        what = self._field(field or "", subject.kind)
        if subject.kind == "kpi":
            what = t("diff.kpi-field", name=subject.kpi or "", field=what)
        return Line(what, self._value(field or "", change.before), self._value(field or "", change.after), change)

    def _items(self, change: Change) -> Line:
        """Items gone and items new: one line, ``before`` the removed ones, ``after`` the added."""
        field = change.field or ""
        what = self._field(field, change.subject.kind)
        if field == "senses":
            removed = [self.t(f"sense.{s}") for s in change.removed]
            added = [self.t(f"sense.{s}") for s in change.added]
        else:
            removed, added = list(change.removed), list(change.added)
        tone: Tone | None = None
        if field == "pains":
            tone = "worse" if added and not removed else "better" if removed and not added else None
        return Line(what, _listed(removed, self.t) if removed else None,
                    _listed(added, self.t) if added else None, change, tone,
                    before_items=tuple(removed), after_items=tuple(added))

    def _field(self, field: str, subject_kind: str) -> str:
        if field == "status" and subject_kind == "journey":
            return self.t("diff.field.map-status")
        if field == "goal" and subject_kind == "journey":
            return self.t("page.goal")
        if field == "goal" and subject_kind == "stage":
            return self.t("diff.field.stage-goal")
        if field == "image" and subject_kind == "touchpoint":
            return self.t("lane.image")
        if field == "needs" and subject_kind == "persona":
            return self.t("persona.needs")
        key = _LABEL.get(field, f"diff.field.{field.replace('_', '-').replace('.', '-')}")
        return self.t(key)

    def _value(self, field: str, value: Value) -> str | None:
        t = self.t
        if value is None:
            return None
        if isinstance(value, bool):
            return t("diff.yes") if value else t("diff.no")
        if isinstance(value, date):
            return t.due(value) if field == "due" else t.date(value)
        if isinstance(value, tuple):
            return _listed([str(v) for v in value], t)
        if field == "due":
            return t.due(str(value))
        if field == "status" and value in ("idea", "planned", "doing", "done", "dropped"):
            return t(f"status.{value}")
        if field == "status" and value in ("draft", "validated"):
            return t(f"page.map-status.{value}")
        if field == "state":
            return t(f"page.state.{value}")
        if field in ("met", "on_brand"):
            return t(f"diff.rating.{value}")
        if field == "better":
            return t(f"diff.better.{value}")
        return str(value)

    def _stage(self, ident: Value) -> str:
        return str(self.stage_names.get(str(ident), ident))

    def _improvement(self, ident: str) -> str:
        return self.improvement_titles.get(ident, ident)

    def _verdict(self, verdict: Value) -> str | None:
        if verdict is None:
            return None
        return self.t("kpi.on") if verdict == "on" else self.t("kpi.off")


def _verdict_tone(before: Value, after: Value) -> Tone | None:
    if after == "on" and before != "on":
        return "better"
    if before == "on" and after != "on":
        return "worse"
    return None


def _listed(items: list[str], t: Translator) -> str:
    """Items as one text: "“slow site”; “no prices”" (quotes show where each one ends)."""
    return "; ".join(t("diff.quoted", text=item) for item in items)


def _merge(groups: list[Group]) -> list[Group]:
    """One group per thing: a KPI's changes join its touchpoint's, an improvement's changes each other."""
    merged: list[Group] = []
    for group in groups:
        last = merged[-1] if merged else None
        if last is not None and last.kind == group.kind and last.name == group.name \
                and last.anchor == group.anchor and group.kind in ("touchpoint", "improvement"):
            merged[-1] = Group(last.kind, last.name, last.anchor, last.lines + group.lines, last.status)
        else:
            merged.append(group)
    return merged
