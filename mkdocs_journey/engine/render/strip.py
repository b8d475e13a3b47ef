"""The overview strip at the top of a map page: every stage and every touchpoint's smiley in one look.

A map's swimlanes are wide (a column per touchpoint), so a reader sees a few
touchpoints at a time. The strip shows the whole journey at the content's width:
a band of stages, and one compact emotion curve with each touchpoint's smiley, its
moments of truth and its lowest point, each smiley a link to its column. It is
plain HTML and one small SVG for the curve, without script.

Every column gets the same width (a CSS grid of ``columns`` equal tracks), so the
curve, drawn once in a layer stretched over the whole strip, passes through the
centre of each column whatever width the browser gives the strip: point ``i`` sits
at ``(i + 0.5) * UNIT`` in the layer's own units.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from markupsafe import Markup

from .emotion_curve import EmotionPoint, level, number
from .escaping import escape_text
from .icons import icon
from .smileys import smiley_id, smiley_use

if TYPE_CHECKING:
    from ..i18n import Translator
    from .page import Column, JourneyView, StageHeader

UNIT = 100
"""Width of one column in the curve layer's own units."""
HEIGHT = 106
"""Height of the strip's curve row in CSS pixels: the emotion lane's five levels, and
room under a low point for the lowest-point mark. The points' svgs take it from journey.css
(``.journey-strip__points a > svg``), the curve's from its ``height``."""
MARK_GAP = 22
"""How far under a smiley's centre the lowest-point mark starts (a ringed smiley: 5 more)."""


@dataclass(frozen=True)
class OverviewPoint:
    """One column of the strip: a touchpoint (scored or not), or an empty stage's placeholder."""

    column: Column
    lowest: bool
    """One of the touchpoints with the map's lowest emotion (when the scores differ at all)."""
    label: str = ""
    """What a screen reader says for this point, in order: "Stage › Touchpoint: 2 of 5,
    negative, moment of truth, lowest point" (made here once: a map has many points)."""

    @property
    def emotion(self) -> EmotionPoint | None:
        return self.column.emotion

    @property
    def mark_y(self) -> str:
        """Top of the lowest-point mark, relative to the smiley's centre."""
        point = self.column.emotion
        extra = 5 if point is not None and point.moment_of_truth else 0
        return number(MARK_GAP + extra)


@dataclass(frozen=True)
class OverviewStage:
    header: StageHeader
    start: int
    """Grid line where the stage starts (1 is the first column)."""

    @property
    def end(self) -> int:
        return self.start + self.header.span


@dataclass(frozen=True)
class Strip:
    """What the strip draws: the stage band, the points and the curve through them."""

    stages: tuple[OverviewStage, ...]
    points: tuple[OverviewPoint, ...]
    curve: str
    """The curve through every scored touchpoint, in the layer's units ('' for none); a
    touchpoint without an emotion breaks it."""
    lowest: tuple[OverviewPoint, ...]
    moments: tuple[OverviewPoint, ...]
    width: int
    height: int = HEIGHT

    @property
    def columns(self) -> int:
        return len(self.points)


def curve_path(scores: Sequence[int | None]) -> str:
    """One smooth path through the points, left to right, broken where a score is missing.

    Each piece leaves and reaches its points horizontally (control points halfway
    between the columns), like the emotion lane's curve, so a peak or a dip is a
    point of the curve and never overshoots a level.
    """
    parts: list[str] = []
    previous: tuple[float, float] | None = None
    joined = smooth = False
    for index, score in enumerate(scores):
        if score is None:
            previous = None
            continue
        x, y = (index + 0.5) * UNIT, level(score)
        if previous is None:
            parts.append(f"M{number(x)} {number(y)}")
            smooth = False
        else:
            px, py = previous
            middle = (px + x) / 2
            if smooth:
                # The first control point, (middle, py), is the previous piece's second one, (middle of
                # the previous gap, py), mirrored in the previous point: what S takes it to be.
                parts.append(f"S{number(middle)} {number(y)} {number(x)} {number(y)}")
            else:
                parts.append(f"C{number(middle)} {number(py)} {number(middle)} {number(y)} {number(x)} {number(y)}")
            joined = smooth = True
        previous = (x, y)
    # A lone point (its neighbours unscored) draws no line: only its smiley.
    return "".join(parts) if joined else ""  # "M50 61.5C…S…": no spaces a command letter already separates


def point_label(column: Column, lowest: bool, translate: Translator) -> str:
    """A point's words: its link's title, which names it for screen readers and is its tooltip (an empty
    stage's placeholder says so in a visually hidden span)."""
    return _Words(translate).point(column, lowest)


class _Words:
    """The strip's words, each looked up once per map (a map has many points, five scores)."""

    def __init__(self, translate: Translator) -> None:
        self.translate = translate
        self.empty = translate("map.empty-stage")
        self.moment = translate("touchpoint.moment-of-truth")
        self.lowest = translate("strip.lowest")
        self.none = translate("emotion.none")
        self.scores = {score: translate("emotion.point", score=score, label=translate(f"emotion.{score}"))
                       for score in range(1, 6)}

    def point(self, column: Column, lowest: bool) -> str:
        touchpoint = column.touchpoint
        if touchpoint is None:
            return f"{column.stage.name}: {self.empty}"
        score = column.emotion.score if column.emotion is not None else None
        emotion = self.scores[score] if score is not None else self.none
        words = [self.translate("strip.point", stage=column.stage.name, touchpoint=touchpoint.name, emotion=emotion)]
        if touchpoint.moment_of_truth:
            words.append(self.moment)
        if lowest:
            words.append(self.lowest)
        return ", ".join(words)


def build_strip(columns: Sequence[Column], stages: Sequence[StageHeader], translate: Translator) -> Strip:
    """The strip of a map whose columns and stage headers the page view has laid out."""
    scores = [c.emotion.score if c.touchpoint is not None and c.emotion is not None else None for c in columns]
    scored = [s for s in scores if s is not None]
    # A lowest point only means something when the journey goes up and down.
    minimum = min(scored) if scored and min(scored) < max(scored) else None
    words = _Words(translate)
    points = []
    for column, score in zip(columns, scores):
        lowest = minimum is not None and score == minimum
        points.append(OverviewPoint(column, lowest, words.point(column, lowest)))
    bands = []
    start = 1
    for header in stages:
        bands.append(OverviewStage(header, start))
        start += header.span
    return Strip(
        stages=tuple(bands),
        points=tuple(points),
        curve=curve_path(scores),
        lowest=tuple(p for p in points if p.lowest),
        moments=tuple(p for p in points if p.column.touchpoint is not None and p.column.touchpoint.moment_of_truth),
        width=max(1, len(points)) * UNIT,
    )


def strip_html(view: JourneyView, translate: Translator) -> Markup:
    """The strip's markup (``strip.html`` calls it; empty when the map has no strip).

    Written here rather than as a template loop: a point is a dozen values, each a
    template call and an escape, and a map has dozens of points. The markup is the
    loop's, byte for byte.
    """
    strip = view.strip
    if strip is None or not strip.points:
        return Markup("")
    height = strip.height
    out = [f'<nav class="journey-strip" aria-label="{escape_text(translate("strip.label"))}">\n'
           '<div class="journey-strip__scroll">\n'
           f'<div class="journey-strip__body" style="--journey-strip-columns:{strip.columns}">\n'
           '<ol class="journey-strip__stages">\n']
    add = out.append
    # A band and a point carry no class their list implies (a map has dozens of points): only a
    # point's modifiers (--moment-of-truth, --lowest, --empty); its words are the link's title (its
    # accessible name and its tooltip), its smiley the link's svg (journey.css selects it so).
    for band in strip.stages:
        name = escape_text(band.header.stage.name)
        add(f'<li style="grid-column:{band.start}/{band.end}">'
            f'<a href="#{escape_text(band.header.anchor)}" title="{name}">{name}</a></li>\n')
    add('</ol>\n<div class="journey-strip__curve">\n')
    if strip.curve:
        add(f'<svg class="journey-strip__line" viewBox="0 0 {strip.width} {height}" preserveAspectRatio="none" '
            f'height="{height}" aria-hidden="true"><path d="{escape_text(strip.curve)}"/></svg>\n')
    add('<ol class="journey-strip__points">\n')
    for point in strip.points:
        column, label = point.column, escape_text(point.label)
        touchpoint = column.touchpoint
        if touchpoint is None:
            add(f'<li class="journey-strip__point--empty"><span class="journey-sr">{label}</span></li>\n')
            continue
        modifiers = []
        if touchpoint.moment_of_truth:
            modifiers.append("journey-strip__point--moment-of-truth")
        if point.lowest:
            modifiers.append("journey-strip__point--lowest")
        css = f' class="{" ".join(modifiers)}"' if modifiers else ""
        emotion = point.emotion
        if emotion is not None and emotion.score is not None:
            y = escape_text(emotion.y_text)
            if point.lowest or touchpoint.moment_of_truth:
                # The ring, the star and the lowest-point mark (the svg's last path) are drawn around the
                # smiley's centre.
                mark = (f'<path d="M-6 {escape_text(point.mark_y)}h12l-6 8z"/>'
                        if point.lowest else "")
                smiley = f'<svg x="50%" y="{y}">{smiley_use(emotion, view)}{mark}</svg>'
            else:
                # A plain smiley is the symbol placed at the point by the <use> itself.
                smiley = f'<use x="50%" y="{y}" href="#{smiley_id(view.anchor_prefix, emotion.score)}"/>'
        else:
            smiley = '<svg x="50%" y="49"><circle class="journey-strip__unscored" r="7"/></svg>'
        # The link's title is its words: its name for screen readers (its smiley is hidden from them,
        # it holds no text) and its tooltip (stage, touchpoint and emotion), in one attribute.
        add(f'<li{css}><a href="#{escape_text(column.anchor)}" title="{label}">'
            f'<svg aria-hidden="true">{smiley}</svg></a></li>\n')
    add("</ol>\n</div>\n</div>\n</div>\n")
    if strip.moments or strip.lowest:
        add('<p class="journey-strip__legend">\n')
        if strip.moments:
            add(f'<span class="journey-strip__key--moment-of-truth">{icon("star")}'
                f'{escape_text(translate("touchpoint.moment-of-truth"))}</span>')
        if strip.lowest:
            links = ", ".join(f'<a href="#{escape_text(p.column.anchor)}">{escape_text(p.column.touchpoint.name)}</a>'
                              for p in strip.lowest if p.column.touchpoint is not None)
            add(f'<span class="journey-strip__key--lowest">{icon("lowest")}'
                f'{escape_text(translate("strip.lowest"))}: {links}</span>')
        add("</p>\n")
    add("</nav>\n")
    return Markup("".join(out))
