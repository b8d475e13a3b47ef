"""What a loaded map means: priority scores, quick wins, backlog order, health.

Everything here is derived from the model alone (no I/O, no MkDocs), so the page,
the command line and ``journeys.json`` agree on every number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .health import RULES, HealthFinding, HealthRule, Scope, TouchpointSubject
from .load import LoadedJourney
from .model import Improvement, Journey, Kpi
from .settings import BuildSettings


OPEN_STATUSES = ("idea", "planned", "doing")
_STATUS_ORDER = {"doing": 0, "planned": 1, "idea": 2, "done": 3, "dropped": 4}

TouchpointKey = tuple[str, str]


def priority_score(impact: int | None, effort: int | None) -> int | None:
    """``impact × (6 − effort)``: 1..25, or None when either is missing."""
    if impact is None or effort is None:
        return None
    return impact * (6 - effort)


def is_quick_win(item: Improvement) -> bool:
    return (
        item.impact is not None and item.effort is not None
        and item.impact >= 3 and item.effort <= 2 and item.status in OPEN_STATUSES
    )


@dataclass(frozen=True)
class BacklogItem:
    improvement: Improvement
    position: int
    """Index in the file (0-based): the last tie-breaker of the backlog order."""
    score: int | None
    quick_win: bool
    targets: tuple[TouchpointKey, ...]

    @property
    def is_open(self) -> bool:
        return self.improvement.status in OPEN_STATUSES


def backlog_order(item: BacklogItem) -> tuple[int, int, bool, int]:
    """The contract's backlog order as a sort key: status, then score (highest first, none last), then file order.

    The backlog across maps (:mod:`.portfolio`) sorts by the same key, then by the maps' order.
    """
    return (_STATUS_ORDER[item.improvement.status], -(item.score or 0), item.score is None, item.position)


@dataclass
class Analysis:
    backlog: list[BacklogItem]
    health: list[HealthFinding]
    improvements_for: dict[TouchpointKey, list[BacklogItem]] = field(default_factory=dict)


# The ids on a map page that links (health notes, backlog rows, the matrix) point at:
# each is written here once, so a link and its target cannot drift apart.

def stage_anchor(stage_id: str) -> str:
    return f"stage-{stage_id}"


def touchpoint_anchor(stage_id: str, touchpoint_id: str) -> str:
    return f"tp-{stage_id}--{touchpoint_id}"


def improvement_anchor(improvement_id: str) -> str:
    return f"improvement-{improvement_id}"


def analyse(loaded: LoadedJourney, settings: BuildSettings) -> Analysis:
    """Score and order the backlog and run the health checks of a valid map.

    A build calls this once per map (when the map is collected, see
    :mod:`.collection`); the log, the export and the page all read that one result.
    """
    journey = loaded.journey
    if journey is None:
        raise ValueError(f"{loaded.name} did not load; analyse valid maps only")
    items = [
        BacklogItem(item, index, priority_score(item.impact, item.effort), is_quick_win(item),
                    tuple(loaded.targets.get(item.id, ())))
        for index, item in enumerate(journey.improvements)
    ]
    backlog = sorted(items, key=backlog_order)
    improvements_for: dict[TouchpointKey, list[BacklogItem]] = {}
    for item in backlog:
        for key in item.targets:
            bucket = improvements_for.setdefault(key, [])
            if item not in bucket:
                bucket.append(item)

    health = _health(journey, items, improvements_for, settings)
    return Analysis(backlog=backlog, health=health, improvements_for=improvements_for)


def _health(journey: Journey, items: list[BacklogItem], improvements_for: dict[TouchpointKey, list[BacklogItem]],
            settings: BuildSettings) -> list[HealthFinding]:
    """Run every rule of :data:`~mkdocs_journey.engine.health.RULES` on the subjects of its scope.

    The walk gives each subject its place in the file and its anchor on the page, so
    a rule only says what is wrong and (with ``Note.at``) where below the subject.
    """
    found: list[HealthFinding] = []

    def run(scope: Scope, subject: object, path: tuple[str | int, ...], anchor: str | None) -> None:
        for health_rule in _RULES_BY_SCOPE[scope]:
            for note in health_rule.check(subject, settings):
                found.append(HealthFinding(health_rule.kind, note.params, (*path, *note.at), anchor))

    run("journey", journey, (), None)
    for s, stage in enumerate(journey.stages):
        assert stage.id is not None
        run("stage", stage, ("stages", s), stage_anchor(stage.id))
        for t, touchpoint in enumerate(stage.touchpoints):
            assert touchpoint.id is not None
            key = (stage.id, touchpoint.id)
            run("touchpoint", TouchpointSubject(touchpoint, improvements_for.get(key, [])),
                ("stages", s, "touchpoints", t), touchpoint_anchor(*key))
    for item in items:
        run("improvement", item, ("improvements", item.position), improvement_anchor(item.improvement.id))
    return found


_RULES_BY_SCOPE: dict[Scope, list[HealthRule]] = {
    scope: [r for r in RULES if r.scope == scope] for scope in ("journey", "stage", "touchpoint", "improvement")
}

_NUMBER = re.compile(r"^\s*([+-]?[0-9]+(?:[.,][0-9]+)?)\s*(.*?)\s*$")
_GROUPED = re.compile(r"^[+-]?[0-9]{1,3}[.,][0-9]{3}$")
"""``1,000`` or ``1.000``: a thousands separator in one language, a decimal mark in another."""


def kpi_verdict(kpi: Kpi) -> Literal["on", "off"] | None:
    """On or off target when target and actual are numbers in the same unit."""
    if kpi.target is None or kpi.actual is None:
        return None
    target, actual = _NUMBER.match(kpi.target), _NUMBER.match(kpi.actual)
    if not target or not actual or target.group(2) != actual.group(2):
        return None
    if _GROUPED.match(target.group(1)) or _GROUPED.match(actual.group(1)):
        return None
    goal, now = float(target.group(1).replace(",", ".")), float(actual.group(1).replace(",", "."))
    good = now >= goal if kpi.better == "higher" else now <= goal
    return "on" if good else "off"
