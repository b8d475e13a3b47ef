"""What changed between two versions of a map, in terms a reviewer cares about.

A YAML diff shows lines; a reviewer wants to know what changes for the customer:
which touchpoints got better or worse, which pains appeared or went, what happened
to the backlog's priorities and quick wins, which health notes appeared or went
away. :func:`diff` compares two collected maps (loaded, persona resolved, analysed
once, see :mod:`.collection`) and returns typed :class:`Change` values plus a
:class:`Summary`; it writes no text, so the command line, its JSON and the
pull-request comment all read the same result.

Stages, touchpoints and improvements are matched by id (as the contract says): a
thing that keeps its id is the same thing, so a new name is one *renamed* change
with the thing's other changes under it, and a touchpoint whose id turns up in
another stage is *moved*. Lists of text (pains, needs, tags, ...) are compared as
items added and removed, never as a rewritten list. The order is the new map's
file order, with removed things where they used to be, so the output is stable.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Hashable, Iterable, Literal, Sequence, TypeVar, Union

from .analyse import Analysis, kpi_verdict
from .collection import CollectedMap
from .health import HealthFinding
from .model import Improvement, Journey, Kpi, Persona, Stage, Touchpoint


class ChangeKind(str, Enum):
    """What kind of change a :class:`Change` is; the value is its name in JSON."""

    FIELD = "field"
    """A written value changed: ``field`` names it, ``before`` and ``after`` hold it."""
    ITEMS = "items"
    """A list of text lost and gained items: ``field`` names it, ``removed`` and ``added`` hold them."""
    EMOTION = "emotion"
    """A touchpoint's emotion score (1..5 or None); :attr:`Change.direction` says better or worse.

    The word and face for a score are the page's: the label ``emotion.<score>``."""
    ADDED = "added"
    """A stage, touchpoint, KPI or improvement that is new; ``after`` is its name (title)."""
    REMOVED = "removed"
    """One that is gone; ``before`` is its name (title)."""
    RENAMED = "renamed"
    """Same id, new name: ``before``/``after`` are the names, the thing's other changes are under it."""
    MOVED = "moved"
    """A touchpoint now in another stage: ``before``/``after`` are the stage ids, other changes under it."""
    REORDERED = "reordered"
    """An order changed (``field``: ``stages``, ``touchpoints`` of a stage, or ``backlog``);
    ``before``/``after`` are tuples of ids: the kept ones for stages and touchpoints, all for the backlog."""
    DERIVED = "derived"
    """A value computed from the map changed (``field``: ``score``, ``rank`` or a KPI's ``verdict``)."""
    QUICK_WIN_GAINED = "quick-win-gained"
    """An improvement became an open quick win (or arrived as one)."""
    QUICK_WIN_LOST = "quick-win-lost"
    """An improvement stopped being an open quick win (or left the backlog as one)."""
    HEALTH_APPEARED = "health-appeared"
    """A health note the old map did not have: ``field`` is its kind, ``after`` the :class:`HealthFinding`."""
    HEALTH_RESOLVED = "health-resolved"
    """A health note the new map no longer has: ``field`` is its kind, ``before`` the :class:`HealthFinding`."""


SubjectKind = Literal["journey", "persona", "stage", "touchpoint", "kpi", "improvement"]

Value = Union[str, int, float, bool, date, None, tuple[str, ...], HealthFinding]
"""A before or after value as the model holds it (text exactly as written, dates as dates)."""


@dataclass(frozen=True)
class Subject:
    """What a change is about, by ids (the anchors of the map page can be made from them)."""

    kind: SubjectKind
    stage: str | None = None
    """The stage id (for a moved touchpoint: the stage it is in now)."""
    touchpoint: str | None = None
    improvement: str | None = None
    kpi: str | None = None
    """A KPI's name (KPIs have no id; they are matched by name within their touchpoint)."""
    name: str | None = None
    """The name (title) it has now, or had when it is removed; None for the journey."""


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    subject: Subject
    field: str | None = None
    """The field it is about: ``owner``, ``backstage.team``, ``pains``, a health kind, ..."""
    before: Value = None
    after: Value = None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()
    """For a renamed or moved thing (and an added or removed improvement): its other changes."""

    @property
    def direction(self) -> Literal["better", "worse"] | None:
        """For an emotion: better or worse when both scores are there, else None."""
        if self.kind is not ChangeKind.EMOTION or not isinstance(self.before, int) \
                or not isinstance(self.after, int):
            return None
        return "better" if self.after > self.before else "worse" if self.after < self.before else None

    def walk(self) -> Iterable[Change]:
        """This change and every change under it, depth first."""
        yield self
        for child in self.changes:
            yield from child.walk()


@dataclass(frozen=True)
class Summary:
    """The journey in a few numbers: what a reviewer reads first."""

    better: int
    """Touchpoints in both versions whose emotion went up."""
    worse: int
    """Touchpoints in both versions whose emotion went down."""
    unchanged: int
    """Touchpoints in both versions with the same emotion (a score gained or lost counts as neither)."""
    average_before: float | None
    """The mean emotion of the scored touchpoints of the old map (None when none is scored)."""
    average_after: float | None
    pains_added: int
    """Pain items that are new, on kept and on added touchpoints."""
    pains_solved: int
    """Pain items no longer on the map: taken off a touchpoint, or gone with their touchpoint."""
    improvements_done: int
    """Improvements whose status is ``done`` now and was not (or that arrive done)."""
    quick_wins_gained: int
    quick_wins_lost: int


@dataclass(frozen=True)
class JourneyDiff:
    changes: tuple[Change, ...]
    summary: Summary

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def all_changes(self) -> Iterable[Change]:
        """Every change, nested ones included, in order."""
        for change in self.changes:
            yield from change.walk()


JOURNEY_FIELDS = ("title", "summary", "owner", "status", "state", "language", "reviewed", "goal", "brand")
JOURNEY_LISTS = ("tags", "research")
PERSONA_FIELDS = ("name", "role", "quote", "image", "about")
PERSONA_LISTS = ("goals", "needs", "frustrations", "channels")
STAGE_FIELDS = ("goal",)
TOUCHPOINT_FIELDS = ("channel", "action", "thought", "feeling", "met", "on_brand", "moment_of_truth", "image")
TOUCHPOINT_LISTS = ("senses", "needs", "evidence", "pains", "gains", "opportunities")
KPI_FIELDS = ("target", "actual", "better")
IMPROVEMENT_FIELDS = ("status", "owner", "due", "impact", "effort", "kpi", "notes", "link")
IMPROVEMENT_LISTS = ("addresses", "teams")
_SUBJECT_PARAMS = frozenset(("touchpoint", "stage", "improvement"))
"""Health note values that name the note's subject, which the diff matches by id instead."""


def diff(old: CollectedMap, new: CollectedMap, *, persona: bool = True) -> JourneyDiff:
    """The changes from ``old`` to ``new``, two valid collected maps (checked, not assumed).

    ``persona=False`` leaves out changes inside a persona *file* both versions name:
    comparing a whole folder reports a changed persona file once, not once per map.
    """
    for collected in (old, new):
        if not collected.ok:
            raise ValueError(f"{collected.loaded.name} did not load; diff valid maps only")
    return _Differ(old, new, persona=persona).run()


def diff_persona(old: Persona | None, new: Persona | None) -> tuple[Change, ...]:
    """The changes of a persona on its own (a persona file that changed)."""
    if old == new:
        return ()
    if old is None or new is None:
        present = new if new is not None else old
        assert present is not None
        name = present.name
        if new is not None:
            return (Change(ChangeKind.ADDED, Subject("persona", name=name), after=name),)
        return (Change(ChangeKind.REMOVED, Subject("persona", name=name), before=name),)
    subject = Subject("persona", name=new.name)
    changes = _fields(PERSONA_FIELDS, subject, old, new)
    changes += _items("facts", subject, _facts(old), _facts(new))
    return tuple(changes + _lists(PERSONA_LISTS, subject, old, new))


# -- Helpers -------------------------------------------------------------------------------

K = TypeVar("K", bound=Hashable)


def merged_order(old: Sequence[K], new: Sequence[K]) -> list[K]:
    """The keys of ``new`` in order, with each key only in ``old`` placed after its old predecessor.

    So a removed stage is listed where it was, between the stages around it.
    """
    kept = set(new)
    after: dict[K | None, list[K]] = {}
    anchor: K | None = None
    for key in old:
        if key in kept:
            anchor = key
        else:
            after.setdefault(anchor, []).append(key)
    result = list(after.get(None, []))
    for key in new:
        result.append(key)
        result.extend(after.get(key, []))
    return result


def _items(field: str, subject: Subject, before: Sequence[str], after: Sequence[str]) -> list[Change]:
    """Items added and removed, counting repeats (a pain written twice and removed once is removed once)."""
    old, new = Counter(before), Counter(after)
    removed = tuple(_each(before, old - new))
    added = tuple(_each(after, new - old))
    return [Change(ChangeKind.ITEMS, subject, field, added=added, removed=removed)] if added or removed else []


def _each(order: Sequence[str], counts: Counter[str]) -> Iterable[str]:
    left = Counter(counts)
    for item in order:
        if left[item] > 0:
            left[item] -= 1
            yield item


def _fields(names: Iterable[str], subject: Subject, old: object, new: object, prefix: str = "") -> list[Change]:
    changes = []
    for name in names:
        before, after = getattr(old, name, None), getattr(new, name, None)
        if before != after:
            changes.append(Change(ChangeKind.FIELD, subject, prefix + name, before, after))
    return changes


def _lists(names: Iterable[str], subject: Subject, old: object, new: object, prefix: str = "") -> list[Change]:
    changes = []
    for name in names:
        changes += _items(prefix + name, subject, getattr(old, name, None) or [], getattr(new, name, None) or [])
    return changes


def _keyed(keys: Iterable[K]) -> list[tuple[K, int]]:
    """Keys made unique by their occurrence (two KPIs of one name are the first and the second)."""
    seen: Counter[K] = Counter()
    result = []
    for key in keys:
        result.append((key, seen[key]))
        seen[key] += 1
    return result


def _mean(scores: list[int]) -> float | None:
    return sum(scores) / len(scores) if scores else None


# -- The comparison ------------------------------------------------------------------------

TouchpointKey = tuple[str, str]


class _Differ:
    def __init__(self, old: CollectedMap, new: CollectedMap, *, persona: bool = True) -> None:
        self.include_persona_file = persona
        assert old.loaded.journey is not None and new.loaded.journey is not None
        assert old.analysis is not None and new.analysis is not None
        self.old, self.new = old.loaded.journey, new.loaded.journey
        self.old_persona, self.new_persona = old.loaded.persona, new.loaded.persona
        self.old_analysis, self.new_analysis = old.analysis, new.analysis
        self.old_stages = {s.id: s for s in self.old.stages}
        self.new_stages = {s.id: s for s in self.new.stages}
        self.old_tps = _touchpoints(self.old)
        self.new_tps = _touchpoints(self.new)
        self.new_key_of_old = self._match_touchpoints()
        self.old_key_of_new = {v: k for k, v in self.new_key_of_old.items()}

    def _match_touchpoints(self) -> dict[TouchpointKey, TouchpointKey]:
        """Old (stage, touchpoint) key to new: same key first, then the same id alone in another stage."""
        matched = {key: key for key in self.old_tps if key in self.new_tps}
        old_left = [k for k in self.old_tps if k not in matched]
        new_left = [k for k in self.new_tps if k not in matched.values()]
        old_by_id = Counter(k[1] for k in old_left)
        new_by_id = {k[1]: k for k in new_left}
        new_count = Counter(k[1] for k in new_left)
        for key in old_left:
            if old_by_id[key[1]] == 1 and new_count[key[1]] == 1:
                matched[key] = new_by_id[key[1]]
        return matched

    def run(self) -> JourneyDiff:
        changes: list[Change] = []
        changes += self._journey()
        changes += self._persona()
        changes += self._stages()
        changes += self._improvements()
        changes += self._health()
        return JourneyDiff(tuple(changes), self._summary(changes))

    # -- The map and its persona

    def _journey(self) -> list[Change]:
        subject = Subject("journey")
        changes = _fields(JOURNEY_FIELDS, subject, self.old, self.new)
        old_ref, new_ref = _persona_ref(self.old), _persona_ref(self.new)
        if old_ref != new_ref:
            changes.append(Change(ChangeKind.FIELD, subject, "persona", old_ref, new_ref))
        return changes + _lists(JOURNEY_LISTS, subject, self.old, self.new)

    def _persona(self) -> list[Change]:
        """The persona by content, whether inline or from a file: what a reader of the map sees."""
        if not self.include_persona_file and _persona_ref(self.old) is not None \
                and _persona_ref(self.old) == _persona_ref(self.new):
            return []
        return list(diff_persona(self.old_persona, self.new_persona))

    # -- Stages and touchpoints

    def _stages(self) -> list[Change]:
        changes: list[Change] = []
        old_ids = [s.id for s in self.old.stages if s.id]
        new_ids = [s.id for s in self.new.stages if s.id]
        kept_old = [i for i in old_ids if i in self.new_stages]
        kept_new = [i for i in new_ids if i in self.old_stages]
        if kept_old != kept_new:
            changes.append(Change(ChangeKind.REORDERED, Subject("journey"), "stages",
                                  tuple(kept_old), tuple(kept_new)))
        for stage_id in merged_order(old_ids, new_ids):
            old, new = self.old_stages.get(stage_id), self.new_stages.get(stage_id)
            changes += self._stage(old, new)
        return changes

    def _stage(self, old: Stage | None, new: Stage | None) -> list[Change]:
        shown = new or old
        assert shown is not None and shown.id is not None
        subject = Subject("stage", stage=shown.id, name=shown.name)
        changes: list[Change] = []
        if old is None:
            changes.append(Change(ChangeKind.ADDED, subject, after=shown.name))
        elif new is None:
            changes.append(Change(ChangeKind.REMOVED, subject, before=shown.name))
        else:
            own = _fields(STAGE_FIELDS, subject, old, new)
            if old.name != new.name:
                changes.append(Change(ChangeKind.RENAMED, subject, "name", old.name, new.name, changes=tuple(own)))
            else:
                changes += own
            stayed_old = tuple(k[1] for k in _keys(old) if self.new_key_of_old.get(k) == k)
            stayed_new = tuple(k[1] for k in _keys(new) if self.new_key_of_old.get(k) == k)
            if stayed_old != stayed_new:
                changes.append(Change(ChangeKind.REORDERED, subject, "touchpoints", stayed_old, stayed_new))
        changes += self._stage_touchpoints(old, new)
        return changes

    def _stage_touchpoints(self, old: Stage | None, new: Stage | None) -> list[Change]:
        """The touchpoints of one stage, in the new order; those that left it are listed where they were."""
        # A touchpoint that moved away is listed in its new stage, not here.
        old_keys = [k for k in _keys(old) if self.new_key_of_old.get(k, k) == k]
        changes: list[Change] = []
        for key in merged_order(old_keys, _keys(new)):
            changes += self._touchpoint(key)
        return changes

    def _touchpoint(self, key: TouchpointKey) -> list[Change]:
        if key in self.new_tps:
            old_key = self.old_key_of_new.get(key)
            new = self.new_tps[key]
            subject = Subject("touchpoint", stage=key[0], touchpoint=key[1], name=new.name)
            if old_key is None:
                return [Change(ChangeKind.ADDED, subject, after=new.name)]
            old = self.old_tps[old_key]
            own = _touchpoint_changes(subject, old, new)
            if old_key[0] != key[0]:
                moved = Change(ChangeKind.MOVED, subject, "stage", old_key[0], key[0])
                if old.name != new.name:
                    return [Change(ChangeKind.RENAMED, subject, "name", old.name, new.name,
                                   changes=(moved, *own))]
                return [Change(ChangeKind.MOVED, subject, "stage", old_key[0], key[0], changes=tuple(own))]
            if old.name != new.name:
                return [Change(ChangeKind.RENAMED, subject, "name", old.name, new.name, changes=tuple(own))]
            return own
        old = self.old_tps[key]
        return [Change(ChangeKind.REMOVED, Subject("touchpoint", stage=key[0], touchpoint=key[1], name=old.name),
                       before=old.name)]

    # -- The backlog

    def _improvements(self) -> list[Change]:
        old_items = {i.id: i for i in self.old.improvements}
        new_items = {i.id: i for i in self.new.improvements}
        old_rank, new_rank = _ranks(self.old_analysis), _ranks(self.new_analysis)
        old_facts, new_facts = _backlog_facts(self.old_analysis), _backlog_facts(self.new_analysis)
        changes: list[Change] = []
        for ident in merged_order(list(old_items), list(new_items)):
            old, new = old_items.get(ident), new_items.get(ident)
            shown = new or old
            assert shown is not None
            subject = Subject("improvement", improvement=ident, name=shown.title)
            old_win = old_facts[ident][1] if old else False
            new_win = new_facts[ident][1] if new else False
            win = ([Change(ChangeKind.QUICK_WIN_GAINED, subject, "quick_win", old_win, new_win)] if new_win and not old_win
                   else [Change(ChangeKind.QUICK_WIN_LOST, subject, "quick_win", old_win, new_win)]
                   if old_win and not new_win else [])
            if old is None:
                changes.append(Change(ChangeKind.ADDED, subject, after=shown.title, changes=tuple(win)))
                continue
            if new is None:
                changes.append(Change(ChangeKind.REMOVED, subject, before=shown.title, changes=tuple(win)))
                continue
            own = _fields(IMPROVEMENT_FIELDS, subject, old, new) + _lists(IMPROVEMENT_LISTS, subject, old, new)
            if old_facts[ident][0] != new_facts[ident][0]:
                own.append(Change(ChangeKind.DERIVED, subject, "score", old_facts[ident][0], new_facts[ident][0]))
            if old_rank[ident] != new_rank[ident]:
                own.append(Change(ChangeKind.DERIVED, subject, "rank", old_rank[ident], new_rank[ident]))
            own += win
            if old.title != new.title:
                changes.append(Change(ChangeKind.RENAMED, subject, "title", old.title, new.title, changes=tuple(own)))
            else:
                changes += own
        old_order = tuple(b.improvement.id for b in self.old_analysis.backlog)
        new_order = tuple(b.improvement.id for b in self.new_analysis.backlog)
        if old_order != new_order:
            changes.append(Change(ChangeKind.REORDERED, Subject("journey"), "backlog", old_order, new_order))
        return changes

    # -- Health

    def _health(self) -> list[Change]:
        """Notes compared by kind, what they are about and their values (a note's line may move freely)."""
        old = dict(zip(_keyed(self._note_key(f, self.old, self.new_key_of_old) for f in self.old_analysis.health),
                       self.old_analysis.health))
        new = dict(zip(_keyed(self._note_key(f, self.new, {}) for f in self.new_analysis.health),
                       self.new_analysis.health))
        changes = []
        for key in merged_order(list(old), list(new)):
            if key in old and key in new:
                continue
            finding = new.get(key) or old[key]
            subject = _health_subject(finding, self.new if key in new else self.old)
            if key in new:
                changes.append(Change(ChangeKind.HEALTH_APPEARED, subject, finding.kind, after=finding))
            else:
                changes.append(Change(ChangeKind.HEALTH_RESOLVED, subject, finding.kind, before=finding))
        return changes

    @staticmethod
    def _note_key(finding: HealthFinding, journey: Journey,
                  moved: dict[TouchpointKey, TouchpointKey]) -> tuple[object, ...]:
        """Kind, subject (by id) and values; renaming or moving a thing resolves none of its notes.

        An old touchpoint is named by its new place, and the values that only name the
        subject (``touchpoint``, ``stage``, ``improvement``) are left out: the ids say it.
        """
        subject = _health_subject(finding, journey)
        where: tuple[object, ...] = (subject.kind, subject.stage, subject.touchpoint, subject.improvement)
        if subject.kind == "touchpoint":
            key = (subject.stage, subject.touchpoint)
            where = (subject.kind, *moved.get(key, key), None)  # type: ignore[arg-type]
        values = tuple(sorted((k, v) for k, v in finding.params.items() if k not in _SUBJECT_PARAMS))
        return (finding.kind, *where, values)

    # -- The summary

    def _summary(self, changes: list[Change]) -> Summary:
        better = worse = unchanged = 0
        for old_key, new_key in self.new_key_of_old.items():
            before, after = self.old_tps[old_key].emotion, self.new_tps[new_key].emotion
            if before == after:
                unchanged += 1
            elif before is not None and after is not None:
                better += after > before
                worse += after < before
        pains_added = pains_solved = 0
        gained = lost = 0
        for change in (c for top in changes for c in top.walk()):
            if change.subject.kind == "touchpoint":
                if change.kind is ChangeKind.ITEMS and change.field == "pains":
                    pains_added += len(change.added)
                    pains_solved += len(change.removed)
                elif change.kind is ChangeKind.ADDED:
                    pains_added += len(self.new_tps[(change.subject.stage, change.subject.touchpoint)].pains)  # type: ignore[index]
                elif change.kind is ChangeKind.REMOVED:
                    pains_solved += len(self.old_tps[(change.subject.stage, change.subject.touchpoint)].pains)  # type: ignore[index]
            gained += change.kind is ChangeKind.QUICK_WIN_GAINED
            lost += change.kind is ChangeKind.QUICK_WIN_LOST
        was_done = {i.id for i in self.old.improvements if i.status == "done"}
        done = sum(1 for i in self.new.improvements if i.status == "done" and i.id not in was_done)
        return Summary(better, worse, unchanged,
                       _mean([t.emotion for t in self.old_tps.values() if t.emotion is not None]),
                       _mean([t.emotion for t in self.new_tps.values() if t.emotion is not None]),
                       pains_added, pains_solved, done, gained, lost)


def _touchpoints(journey: Journey) -> dict[TouchpointKey, Touchpoint]:
    return {key: t for s in journey.stages for key, t in zip(_keys(s), s.touchpoints)}


def _keys(stage: Stage | None) -> list[TouchpointKey]:
    """The (stage id, touchpoint id) of each touchpoint of a stage (ids are set once a map loads)."""
    if stage is None:
        return []
    keys = []
    for touchpoint in stage.touchpoints:
        assert stage.id is not None and touchpoint.id is not None
        keys.append((stage.id, touchpoint.id))
    return keys


def _touchpoint_changes(subject: Subject, old: Touchpoint, new: Touchpoint) -> list[Change]:
    """A kept touchpoint's changes, in the order the map's lanes read."""
    changes: list[Change] = []
    if old.emotion != new.emotion:
        changes.append(Change(ChangeKind.EMOTION, subject, "emotion", old.emotion, new.emotion))
    changes += _fields(TOUCHPOINT_FIELDS, subject, old, new)
    changes += _lists(TOUCHPOINT_LISTS, subject, old, new)
    old_back, new_back = old.backstage, new.backstage
    changes += _fields(("team", "process"), subject, old_back, new_back, "backstage.")
    changes += _lists(("systems",), subject, old_back, new_back, "backstage.")
    changes += _kpis(subject, old.kpis, new.kpis)
    return changes


def _kpis(touchpoint: Subject, old: list[Kpi], new: list[Kpi]) -> list[Change]:
    """KPIs matched by name (the first of a name with the first), with the verdict that follows."""
    old_by = dict(zip(_keyed(k.name for k in old), old))
    new_by = dict(zip(_keyed(k.name for k in new), new))
    changes: list[Change] = []
    for key in merged_order(list(old_by), list(new_by)):
        before, after = old_by.get(key), new_by.get(key)
        subject = Subject("kpi", stage=touchpoint.stage, touchpoint=touchpoint.touchpoint, kpi=key[0], name=key[0])
        if before is None:
            changes.append(Change(ChangeKind.ADDED, subject, after=key[0]))
        elif after is None:
            changes.append(Change(ChangeKind.REMOVED, subject, before=key[0]))
        else:
            changes += _fields(KPI_FIELDS, subject, before, after)
            verdicts = kpi_verdict(before), kpi_verdict(after)
            if verdicts[0] != verdicts[1]:
                changes.append(Change(ChangeKind.DERIVED, subject, "verdict", *verdicts))
    return changes


def _persona_ref(journey: Journey) -> str | None:
    """The persona file id a map names (None for an inline persona or none; their content is compared)."""
    return journey.persona if isinstance(journey.persona, str) else None


def _facts(persona: Persona) -> list[str]:
    return [f"{label}: {value}" if value is not None else label for label, value in persona.facts.items()]


def _ranks(analysis: Analysis) -> dict[str, int]:
    """Each improvement's place in the backlog, from 1."""
    return {item.improvement.id: rank for rank, item in enumerate(analysis.backlog, 1)}


def _backlog_facts(analysis: Analysis) -> dict[str, tuple[int | None, bool]]:
    return {item.improvement.id: (item.score, item.quick_win) for item in analysis.backlog}


def _health_subject(finding: HealthFinding, journey: Journey) -> Subject:
    """What a note is about, from where it was found in the file's data."""
    path = finding.path
    if len(path) >= 2 and path[0] == "improvements" and isinstance(path[1], int):
        item: Improvement = journey.improvements[path[1]]
        return Subject("improvement", improvement=item.id, name=item.title)
    if len(path) >= 2 and path[0] == "stages" and isinstance(path[1], int):
        stage = journey.stages[path[1]]
        if len(path) >= 4 and path[2] == "touchpoints" and isinstance(path[3], int):
            tp = stage.touchpoints[path[3]]
            return Subject("touchpoint", stage=stage.id, touchpoint=tp.id, name=tp.name)
        return Subject("stage", stage=stage.id, name=stage.name)
    return Subject("journey")
