"""A map's emotion in one small line: the sparkline of the overview and persona pages.

Every touchpoint of every stage, left to right, on a fixed 120 × 30 px drawing, so a
hundred maps line up in a column and compare at a glance. A touchpoint without an
emotion breaks the line (as on the map); the lowest point is marked with a dot and
its score, since that is where the map needs attention first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .emotion_curve import number

WIDTH = 120
HEIGHT = 30
PAD_X = 6
"""Room at either end for the dot and its number."""
TOP, BOTTOM = 13.0, 26.0
"""Where a 5 and a 1 sit; the space above a 1 holds the lowest point's number."""


@dataclass(frozen=True)
class Lowest:
    x: str
    y: str
    score: int
    touchpoint: str
    label_y: str
    """Baseline of the number: above the dot, or below it when the lowest point is high up."""


@dataclass(frozen=True)
class Sparkline:
    path: str
    """Line segments (``M``/``L``), one run per stretch of touchpoints with an emotion."""
    single: tuple[tuple[str, str], ...]
    """Points with no neighbour to draw a line to (drawn as dots, so a lone score shows)."""
    lowest: Lowest | None
    count: int
    """Touchpoints, with or without an emotion."""
    width: int = WIDTH
    height: int = HEIGHT


def _y(score: int) -> float:
    return TOP + (5 - score) * (BOTTOM - TOP) / 4


def sparkline(points: Sequence[tuple[str, int | None]]) -> Sparkline:
    """The sparkline of ``(touchpoint name, emotion)`` pairs, left to right."""
    count = len(points)
    step = (WIDTH - 2 * PAD_X) / (count - 1) if count > 1 else 0.0
    xs = [PAD_X + index * step if count > 1 else WIDTH / 2 for index in range(count)]
    parts: list[str] = []
    single: list[tuple[str, str]] = []
    for index, (_, score) in enumerate(points):
        if score is None:
            continue
        previous = points[index - 1][1] if index > 0 else None
        following = points[index + 1][1] if index + 1 < count else None
        x, y = number(xs[index]), number(_y(score))
        if previous is None:
            if following is None:
                single.append((x, y))
            else:
                parts.append(f"M {x} {y}")
        else:
            parts.append(f"L {x} {y}")
    scored = [(index, name, score) for index, (name, score) in enumerate(points) if score is not None]
    lowest = None
    if scored:
        place, touchpoint, low = min(scored, key=lambda s: s[2])  # the first of equal lows
        height = _y(low)
        lowest = Lowest(number(xs[place]), number(height), low, touchpoint,
                        number(height - 4 if low < 5 else height + 13))
    return Sparkline(" ".join(parts), tuple(single), lowest, count)
