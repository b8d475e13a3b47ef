"""Geometry of the emotion lane: one small SVG per touchpoint cell.

Each cell draws its own smiley and the two half-segments of the curve that touch
it: from its left border to its point and from its point to its right border. The
halves are the two ends of one cubic Bézier between neighbouring points, split at
the border, so they meet exactly there whatever width the browser gives the
columns; a cell cannot drift out of line with its touchpoint. A touchpoint
without an emotion breaks the curve (neither neighbour draws towards it).

The curve layer is stretched to the cell (``preserveAspectRatio="none"``, with a
non-scaling stroke). A cell's layer depends only on its level and its neighbours'
(and the compared map's), so a map has few distinct ones: each is a ``<symbol>`` of
the map's sprite, written once (:func:`curve_piece`, ``smileys.py``), and a cell
shows its own by a ``<use>``. Smileys and numbers sit in a nested, unstretched viewport at
50% of the cell width, so they keep their shape and a readable pixel size. The
five faint guides, one per level, are a background in ``journey.css`` (a test checks
they sit at :func:`level`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

WIDTH = 100
"""Width of the stretched curve layer in its own units (the cell's full width)."""
HEIGHT = 96
"""Height of the lane in CSS pixels (the SVG is not scaled vertically)."""
TOP, BOTTOM = 24.0, 74.0
"""Where a 5 and a 1 sit; a 3 is halfway. The margins leave room for the
moment-of-truth ring (radius 20) and its star above a 5."""
BELOW, ABOVE = 30, -20
"""Baseline of the score number relative to its smiley: under a high point, over a
low one. The curve leaves a point horizontally, so straight above or below the
face it never touches the number (beside the face it read as a minus sign)."""
RING_EXTRA = 5
"""The moment-of-truth ring is 5 px wider than the face; the number moves out with it."""

#: Mouths for a smiley of radius 15 centred on (0, 0): deep frown, frown, flat, smile, big grin.
MOUTHS: dict[int, str] = {
    1: "M -8 9 Q 0 -1 8 9",
    2: "M -7 8 Q 0 3 7 8",
    3: "M -7 6 L 7 6",
    4: "M -7 4 Q 0 9 7 4",
    5: "M -8 3 Q 0 14 8 3 Z",
}


def level(score: int) -> float:
    """The y coordinate of an emotion score (1..5), 5 at the top."""
    return TOP + (5 - score) * (BOTTOM - TOP) / 4


@lru_cache(maxsize=1024)
def number(value: float) -> str:
    """A coordinate as short, stable text (no float noise in the page).

    Kept per value: a page writes hundreds of coordinates, most of them the same few
    levels and columns, and formatting a float costs several times the look-up."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@dataclass(frozen=True)
class EmotionPoint:
    """What one touchpoint cell of the emotion lane draws."""

    score: int | None
    y: float | None
    path: str
    """The curve's pieces inside this cell, in the stretched 0..100 layer ('' for none)."""
    moment_of_truth: bool
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def y_text(self) -> str:
        return number(self.y) if self.y is not None else ""

    @property
    def score_y(self) -> int:
        """Baseline of the score number, relative to the smiley's centre."""
        extra = RING_EXTRA if self.moment_of_truth else 0
        if self.score is not None and self.score <= 2:
            return ABOVE - extra
        return BELOW + extra


# The halves depend on two levels only (25 pairs): each is written once per process, not per cell.
# Written short: no space around a command's letter (the path is the same; a map writes dozens).
@lru_cache(maxsize=64)
def _left_half(previous: float, current: float) -> str:
    middle = (previous + current) / 2
    return (f"M0 {number(middle)}C{number(WIDTH / 8)} {number((previous + 3 * current) / 4)} "
            f"{number(WIDTH / 4)} {number(current)} {number(WIDTH / 2)} {number(current)}")


@lru_cache(maxsize=64)
def _right_half(current: float, following: float, *, joined: bool) -> str:
    middle = (current + following) / 2
    start = "" if joined else f"M{number(WIDTH / 2)} {number(current)}"
    return (f"{start}C{number(3 * WIDTH / 4)} {number(current)} "
            f"{number(7 * WIDTH / 8)} {number((3 * current + following) / 4)} {number(WIDTH)} {number(middle)}")


def emotion_points(scores: Sequence[int | None], moments: Sequence[bool]) -> list[EmotionPoint]:
    """One :class:`EmotionPoint` per column, left to right (None: no emotion, a gap)."""
    levels = [level(s) if s is not None else None for s in scores]
    points = []
    for index, (score, y) in enumerate(zip(scores, levels)):
        parts: list[str] = []
        if y is not None:
            previous = levels[index - 1] if index > 0 else None
            following = levels[index + 1] if index + 1 < len(levels) else None
            if previous is not None:
                parts.append(_left_half(previous, y))
            if following is not None:
                parts.append(_right_half(y, following, joined=bool(parts)))
        points.append(EmotionPoint(score, y, "".join(parts), bool(moments[index])))
    return points


def curve_piece(point: EmotionPoint, ghost: EmotionPoint | None) -> tuple[str, str] | None:
    """What a cell's curve layer draws: the compared map's curve and this map's ('' for none), or None
    when it draws nothing. Equal pieces are one symbol of the map's sprite."""
    piece = (ghost.path if ghost is not None else "", point.path)
    return piece if any(piece) else None
