"""A map page compared with another version of its map: what the page marks and lists.

Two things ask for a comparison: a future-state map that names its current state
(``compare_to``), and a preview build that compares every map with its own version
at a git ref (the plugin's ``compare_ref``). Both come down to two collected maps, so
both get the same marks: the other map's emotion as a ghost curve, ``was N`` where a
touchpoint's emotion differs, a "new" badge on touchpoints the other map does not
have, and the change list of :mod:`.describe` (the words of the ``diff`` command).
Everything here comes from :func:`.diff.diff`: no second way of matching touchpoints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Imported where a comparison is made: a build without `compare_to` or
    # `compare_ref` (most of them) needs only the class below, for its pages' type.
    from .collection import CollectedMap
    from .describe import Description
    from .diff import JourneyDiff
    from .i18n import Translator

TouchpointKey = tuple[str, str]


@dataclass(frozen=True)
class TouchpointMark:
    """How one touchpoint of this map stands against the other map."""

    new: bool = False
    """The other map has no touchpoint with this id."""
    emotion_changed: bool = False
    was: int | None = None
    """The other map's emotion for it (meaningful when ``emotion_changed``; None: it had none)."""
    ghost: int | None = None
    """The other map's emotion for it, for the ghost curve (None: new, or no emotion there)."""


@dataclass(frozen=True)
class Comparison:
    """This map against another version of it, as its page shows it."""

    title: str
    """The other map's title (for a git ref: this map's title at that ref)."""
    href: str | None = None
    """Where the other map's page is, relative to this page (``compare_to``); None for a git ref."""
    ref: str | None = None
    """The git ref compared with (``compare_ref``); None for ``compare_to``."""
    commit: str | None = None
    """The commit ``ref`` named when the site was built (abbreviated)."""
    description: Description | None = None
    """The changes in the page's language; None when the map is new (nothing to compare with)."""
    changes: JourneyDiff | None = None
    marks: dict[TouchpointKey, TouchpointMark] = field(default_factory=dict)

    @property
    def new_map(self) -> bool:
        """The map did not exist at ``ref``: everything on it is new."""
        return self.description is None

    def mark(self, stage: str | None, touchpoint: str | None) -> TouchpointMark | None:
        if stage is None or touchpoint is None:
            return None
        return self.marks.get((stage, touchpoint))


def compare(old: CollectedMap, new: CollectedMap, t: Translator, *, title: str | None = None,
            href: str | None = None, ref: str | None = None, commit: str | None = None) -> Comparison:
    """``new`` compared with ``old`` (two valid maps), described in ``t``'s language."""
    from .describe import describe
    from .diff import diff

    assert old.loaded.journey is not None and new.loaded.journey is not None
    changes = diff(old, new)
    return Comparison(title or old.loaded.journey.title, href, ref, commit,
                      describe(old, new, changes, t), changes, _marks(old, new, changes))


def new_at_ref(new: CollectedMap, ref: str, commit: str | None) -> Comparison:
    """``new`` compared with a ref at which it did not exist: every touchpoint is new."""
    assert new.loaded.journey is not None
    marks = {(s.id or "", tp.id or ""): TouchpointMark(new=True)
             for s in new.loaded.journey.stages for tp in s.touchpoints}
    return Comparison(new.loaded.journey.title, None, ref, commit, None, None, marks)


def _marks(old: CollectedMap, new: CollectedMap, changes: JourneyDiff) -> dict[TouchpointKey, TouchpointMark]:
    from .diff import ChangeKind

    assert old.loaded.journey is not None and new.loaded.journey is not None
    old_scores = {(s.id, tp.id): tp.emotion for s in old.loaded.journey.stages for tp in s.touchpoints}
    added: set[TouchpointKey] = set()
    moved_from: dict[TouchpointKey, TouchpointKey] = {}
    emotion: dict[TouchpointKey, int | None] = {}
    for change in changes.all_changes():
        subject = change.subject
        if subject.kind != "touchpoint" or subject.stage is None or subject.touchpoint is None:
            continue
        key = (subject.stage, subject.touchpoint)
        if change.kind is ChangeKind.ADDED:
            added.add(key)
        elif change.kind is ChangeKind.MOVED:
            moved_from[key] = (str(change.before), subject.touchpoint)
        elif change.kind is ChangeKind.EMOTION:
            emotion[key] = change.before if isinstance(change.before, int) else None
    marks: dict[TouchpointKey, TouchpointMark] = {}
    for stage in new.loaded.journey.stages:
        for tp in stage.touchpoints:
            key = (stage.id or "", tp.id or "")
            if key in added:
                marks[key] = TouchpointMark(new=True)
                continue
            ghost = old_scores.get(moved_from.get(key, key))  # type: ignore[arg-type]
            marks[key] = TouchpointMark(emotion_changed=key in emotion, was=emotion.get(key), ghost=ghost)
    return marks
