"""The map's sprite: the smiley of an emotion score and the emotion lane's curve pieces, as SVG symbols
drawn once per map and reused for every point and cell.

A map page shows a smiley for every touchpoint twice (the strip and the emotion
lane), so each score's smiley is a ``<symbol>`` in a sprite the map writes once
(:func:`smiley_sprite`), and every point is a ``<use>`` of it (:func:`smiley_use`).
The smiley's parts carry no classes of their own: ``journey.css`` tells them apart by
position (the face is the first circle, the eyes the others, the mouth the path) and
colours the face by the ``journey-smiley--N`` class. The moment-of-truth ring and
star are drawn around the ``<use>``.

Each distinct piece of the emotion curve (what one cell draws between its borders,
:func:`~.emotion_curve.curve_piece`) is a symbol too, stretched to the cell
(``preserveAspectRatio="none"``): a cell shows its piece by a ``<use>`` that takes the
cell's svg's full size (SVG 2: a symbol's ``use`` without width and height is 100%).
Its paths keep their classes (``journey-emotion__curve``, ``journey-emotion__ghost``): a
``<use>`` shows a copy of the symbol's content alone, which selectors about the sprite or
the cell cannot reach, and a class written once per piece costs little.

The symbols' ids start with the view's anchor prefix, so two maps on one page (fences)
never share one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from .emotion_curve import HEIGHT, MOUTHS, WIDTH, EmotionPoint
from .icons import PATHS

if TYPE_CHECKING:
    from .page import JourneyView


def _ring(moment_of_truth: bool) -> str:
    if not moment_of_truth:
        return ""
    return ('<circle class="journey-smiley__ring" r="20"/>'
            f'<path class="journey-smiley__star" transform="translate(12 -26) scale(0.5)" d="{PATHS["star"]}"/>')


def _face(score: int) -> str:
    return (f'<g class="journey-smiley journey-smiley--{score}"><circle r="15"/>'
            f'<circle cx="-5" cy="-4" r="1.8"/><circle cx="5" cy="-4" r="1.8"/><path d="{MOUTHS[score]}"/></g>')


def smiley_id(prefix: str, score: int) -> str:
    """The id of a score's symbol in the sprite of the map whose ids start with ``prefix``."""
    return f"{prefix}journey-s{score}"


def sprite_ids(view: JourneyView) -> set[str]:
    """The ids :func:`smiley_sprite` writes for ``view`` (the page's outline lists every id)."""
    return {smiley_id(view.anchor_prefix, score) for score in view.scores} | set(view.curve_pieces.values())


def _curve_symbol(ident: str, piece: tuple[str, str]) -> str:
    ghost, path = piece
    return (f'<symbol id="{ident}" viewBox="0 0 {WIDTH} {HEIGHT}" preserveAspectRatio="none">'
            + (f'<path class="journey-emotion__ghost" d="{escape(ghost)}"/>' if ghost else "")
            + (f'<path class="journey-emotion__curve" d="{escape(path)}"/>' if path else "") + "</symbol>")


def smiley_sprite(view: JourneyView) -> Markup:
    """The symbols of the scores the map shows and of its curve's pieces, drawn nowhere themselves (empty
    when it shows neither)."""
    if not view.scores and not view.curve_pieces:
        return Markup("")
    symbols = "".join(f'<symbol id="{smiley_id(view.anchor_prefix, score)}" overflow="visible">{_face(score)}</symbol>'
                      for score in view.scores)
    symbols += "".join(_curve_symbol(ident, piece) for piece, ident in view.curve_pieces.items())
    # A div, not the svg alone: Markdown keeps a fence's parts that start with a block-level tag as they are
    # (an svg would get a paragraph around it).
    return Markup(f'<div class="journey-sprite" aria-hidden="true"><svg width="0" height="0">{symbols}</svg></div>')


@lru_cache(maxsize=None)
def _use(prefix: str, score: int, moment_of_truth: bool) -> Markup:
    return Markup(f'{_ring(moment_of_truth)}<use href="#{smiley_id(prefix, score)}"/>')


def smiley_use(point: EmotionPoint, view: JourneyView) -> Markup:
    """A point's smiley, centred on (0, 0): a ``<use>`` of the view's sprite (the point has a score)."""
    assert point.score is not None
    return _use(view.anchor_prefix, point.score, bool(point.moment_of_truth))


@lru_cache(maxsize=None)
def smiley(score: int, moment_of_truth: bool = False) -> Markup:
    """A smiley of radius 15 centred on (0, 0), drawn in full; a moment of truth adds a ring and a star."""
    return Markup(_ring(moment_of_truth) + _face(score))


def point_smiley(point: object) -> Markup:
    """The full smiley of a point with a ``score`` and a ``moment_of_truth`` (for overriding templates)."""
    return smiley(point.score, bool(point.moment_of_truth))  # type: ignore[attr-defined]
