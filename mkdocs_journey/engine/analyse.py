"""What a loaded map means: priority scores, quick wins, backlog order, health.

Everything here is derived from the model alone (no I/O, no MkDocs), so the page,
the command line and ``journeys.json`` agree on every number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from .i18n import Translator
from .load import LoadedJourney
from .model import Improvement, Kpi

if TYPE_CHECKING:  # settings.py reads this module's default
    from .settings import BuildSettings

OPEN_STATUSES = ("idea", "planned", "doing")
DEFAULT_STALE_AFTER_DAYS = 180
"""A map reviewed longer ago than this many days is `stale` (the contract's default)."""
_STATUS_ORDER = {"doing": 0, "planned": 1, "idea": 2, "done": 3, "dropped": 4}
HEALTH_KINDS = (
    "unaddressed-pain", "no-owner", "no-due", "empty-stage", "no-emotion",
    "off-brand", "stale", "not-reviewed", "draft",
)

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


@dataclass(frozen=True)
class HealthFinding:
    """A health note; ``path`` locates it in the source, ``anchor`` on the page."""

    kind: str
    params: dict[str, str]
    path: tuple[str | int, ...]
    anchor: str | None = None

    def message(self, translate: Translator) -> str:
        return translate(f"health.{self.kind}", **self.params)


@dataclass
class Analysis:
    backlog: list[BacklogItem]
    health: list[HealthFinding]
    improvements_for: dict[TouchpointKey, list[BacklogItem]] = field(default_factory=dict)


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
    translate, today, stale_after_days = settings.translate, settings.today, settings.stale_after_days
    items = [
        BacklogItem(item, index, priority_score(item.impact, item.effort), is_quick_win(item),
                    tuple(loaded.targets.get(item.id, ())))
        for index, item in enumerate(journey.improvements)
    ]
    backlog = sorted(items, key=lambda b: (_STATUS_ORDER[b.improvement.status],
                                           -(b.score or 0), b.score is None, b.position))
    improvements_for: dict[TouchpointKey, list[BacklogItem]] = {}
    for item in backlog:
        for key in item.targets:
            bucket = improvements_for.setdefault(key, [])
            if item not in bucket:
                bucket.append(item)

    health: list[HealthFinding] = []
    if journey.status == "draft":
        health.append(HealthFinding("draft", {}, ("status",)))
    if journey.reviewed is None:
        health.append(HealthFinding("not-reviewed", {}, ()))
    else:
        age = (today - journey.reviewed).days
        if age > stale_after_days:
            health.append(HealthFinding("stale", {"date": translate.date(journey.reviewed), "days": str(age),
                                                  "limit": str(stale_after_days)}, ("reviewed",)))
    for s, stage in enumerate(journey.stages):
        assert stage.id is not None
        if not stage.touchpoints:
            health.append(HealthFinding("empty-stage", {"stage": stage.name}, ("stages", s), f"stage-{stage.id}"))
        for t, touchpoint in enumerate(stage.touchpoints):
            assert touchpoint.id is not None
            key = (stage.id, touchpoint.id)
            anchor = touchpoint_anchor(*key)
            at = ("stages", s, "touchpoints", t)
            if touchpoint.emotion is None:
                health.append(HealthFinding("no-emotion", {"touchpoint": touchpoint.name}, at, anchor))
            if touchpoint.on_brand == "no":
                health.append(HealthFinding("off-brand", {"touchpoint": touchpoint.name}, (*at, "on_brand"), anchor))
            addressed = any(b.improvement.status != "dropped" for b in improvements_for.get(key, []))
            if not addressed:
                for p, pain in enumerate(touchpoint.pains):
                    health.append(HealthFinding("unaddressed-pain", {"pain": pain, "touchpoint": touchpoint.name},
                                                (*at, "pains", p), anchor))
    for item in items:
        improvement = item.improvement
        if not item.is_open:
            continue
        at = ("improvements", item.position)
        anchor = improvement_anchor(improvement.id)
        if not improvement.owner:
            health.append(HealthFinding("no-owner", {"improvement": improvement.id}, at, anchor))
        if improvement.status in ("planned", "doing") and improvement.due is None:
            health.append(HealthFinding("no-due", {"improvement": improvement.id,
                                                   "status": translate(f"status.{improvement.status}")},
                                        (*at, "status"), anchor))
    return Analysis(backlog=backlog, health=health, improvements_for=improvements_for)


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
