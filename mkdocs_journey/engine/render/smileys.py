"""The smiley of an emotion score, as SVG: drawn once per score and reused for every point.

A map page draws a smiley for every touchpoint twice (the strip and the emotion
lane), so the smiley is short: its parts carry no classes of their own, and
``journey.css`` tells them apart by position (the face is the first circle, the eyes
the others, the mouth the path) and colours the face by the ``journey-smiley--N``
class. The moment-of-truth ring and star are drawn around it.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup

from .emotion_curve import MOUTHS
from .icons import PATHS


@lru_cache(maxsize=None)
def smiley(score: int, moment_of_truth: bool = False) -> Markup:
    """A smiley of radius 15 centred on (0, 0); a moment of truth adds a ring and a star."""
    ring = ""
    if moment_of_truth:
        ring = ('<circle class="journey-smiley__ring" r="20"/>'
                f'<path class="journey-smiley__star" transform="translate(12 -26) scale(0.5)" d="{PATHS["star"]}"/>')
    return Markup(f'{ring}<g class="journey-smiley journey-smiley--{score}"><circle r="15"/>'
                  f'<circle cx="-5" cy="-4" r="1.8"/><circle cx="5" cy="-4" r="1.8"/><path d="{MOUTHS[score]}"/></g>')


def point_smiley(point: object) -> Markup:
    """The smiley of a point with a ``score`` and a ``moment_of_truth`` (the templates' call)."""
    return smiley(point.score, bool(point.moment_of_truth))  # type: ignore[attr-defined]
