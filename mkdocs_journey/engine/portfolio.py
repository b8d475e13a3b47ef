"""All maps of a site at a glance: the numbers per map, one backlog across maps, the worst moments.

A team with ten maps plans from one list, not from ten pages. Everything here is
derived from collected maps (each analysed once), in the order the caller gives
them (the site's navigation order), so the overview page, a ``journey`` fence that
shows it, and ``improvements.csv`` agree on every number and on the order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .analyse import BacklogItem, backlog_order
from .collection import CollectedMap
from .docs_tree import stem
from .health import is_stale
from .model import Journey, Stage, Touchpoint
from .settings import BuildSettings
from .slug import slugify


@dataclass(frozen=True)
class PortfolioMap:
    """A valid map as the overview lists it."""

    map: CollectedMap
    title: str
    url: str
    """Its page's URL, relative to the page that shows the overview (or to the site root, for the CSV)."""
    key: str
    """A short id unique among the maps (:func:`map_keys`), for the anchors the overview writes."""

    @property
    def journey(self) -> Journey:
        journey = self.map.loaded.journey
        assert journey is not None, "only valid maps are in a portfolio"
        return journey

    @property
    def backlog(self) -> list[BacklogItem]:
        assert self.map.analysis is not None
        return self.map.analysis.backlog


def map_keys(sources: Sequence[str]) -> list[str]:
    """A unique anchor-safe key per journey file, from its path: ``journeys/booking.journey.yml`` -> ``journeys-booking``.

    Two paths that fold to the same slug get ``-2``, ``-3``... in the order given.
    """
    keys: list[str] = []
    taken: set[str] = set()
    for source in sources:
        folder, _, name = source.rpartition("/")
        base = slugify(f"{folder} {stem(name)}") or "map"
        key, number = base, 1
        while key in taken:
            number += 1
            key = f"{base}-{number}"
        taken.add(key)
        keys.append(key)
    return keys


@dataclass(frozen=True)
class MapNumbers:
    """What the overview shows of one map besides its title and its facts."""

    emotions: tuple[tuple[Touchpoint, int | None], ...]
    """Every touchpoint of every stage, left to right, with its emotion (None: a gap in the sparkline)."""
    open_pains: int
    open_improvements: int
    quick_wins: int
    health_notes: int
    stale: bool


def map_numbers(entry: PortfolioMap, settings: BuildSettings) -> MapNumbers:
    """The counts of one map.

    A pain is *open* while no ``done`` improvement addresses its touchpoint; an
    improvement is open while it is idea, planned or doing.
    """
    journey, analysis = entry.journey, entry.map.analysis
    assert analysis is not None
    open_pains = 0
    for stage in journey.stages:
        for touchpoint in stage.touchpoints:
            assert stage.id is not None and touchpoint.id is not None
            done = any(item.improvement.status == "done"
                       for item in analysis.improvements_for.get((stage.id, touchpoint.id), []))
            if not done:
                open_pains += len(touchpoint.pains)
    return MapNumbers(
        emotions=tuple((tp, tp.emotion) for stage in journey.stages for tp in stage.touchpoints),
        open_pains=open_pains,
        open_improvements=sum(1 for item in analysis.backlog if item.is_open),
        quick_wins=sum(1 for item in analysis.backlog if item.quick_win),
        health_notes=len(analysis.health),
        stale=journey.reviewed is not None and is_stale(journey.reviewed, today=settings.today,
                                                        stale_after_days=settings.stale_after_days),
    )


@dataclass(frozen=True)
class PortfolioItem:
    """An improvement in the backlog across maps."""

    map: PortfolioMap
    item: BacklogItem


def portfolio_backlog(maps: Sequence[PortfolioMap]) -> list[PortfolioItem]:
    """Every improvement of every map in the contract's backlog order, maps in the given order for ties."""
    entries = [(backlog_order(item), index, PortfolioItem(entry, item))
               for index, entry in enumerate(maps) for item in entry.backlog]
    entries.sort(key=lambda e: (e[0], e[1]))
    return [entry for _, _, entry in entries]


@dataclass(frozen=True)
class Moment:
    """A moment of truth and how the customer feels there."""

    map: PortfolioMap
    stage: Stage
    touchpoint: Touchpoint
    emotion: int


SUFFERING_LIMIT = 10
"""How many moments of truth "where customers suffer most" lists."""
SUFFERING_BELOW = 3
"""Only moments below neutral (emotion 1 or 2) are suffering."""


def suffering(maps: Sequence[PortfolioMap], limit: int = SUFFERING_LIMIT) -> list[Moment]:
    """The moments of truth with the lowest emotion across maps: lowest first, then maps and touchpoints in order.

    Only moments below neutral count (a 4 is no suffering, however few moments a site
    has); moments without an emotion are left out (nobody knows how they feel).
    """
    moments = [Moment(entry, stage, touchpoint, touchpoint.emotion)
               for entry in maps for stage in entry.journey.stages for touchpoint in stage.touchpoints
               if touchpoint.moment_of_truth and touchpoint.emotion is not None
               and touchpoint.emotion < SUFFERING_BELOW]
    return sorted(moments, key=lambda m: m.emotion)[:limit]  # stable: ties keep map and file order
