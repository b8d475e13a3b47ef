"""What the page shows, prepared from a loaded map for the templates.

The templates only lay things out; every decision (which lanes have content,
how wide a stage is, which badge a KPI gets, where a dot sits) is made here, in
plain Python that tests can reach.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from markupsafe import Markup

from ..analyse import Analysis, BacklogItem, improvement_anchor, kpi_verdict, stage_anchor, touchpoint_anchor
from ..health import HealthFinding, is_stale
from ..i18n import Translator
from ..lanes import BY_KEY
from ..load import LoadedJourney
from ..model import Improvement, Journey, Kpi, Persona, Stage, Touchpoint
from ..plan import plan
from .emotion_curve import EmotionPoint, curve_piece, emotion_points
from .escaping import escape_text
from .matrix import Matrix, build_matrix
from .plan_view import PlanColumnView, plan_entry, plan_view
from .strip import Strip, build_strip
from .ticks import code_ticks

if TYPE_CHECKING:
    from ..compare import Comparison, TouchpointMark
    from ..history import MapHistory
    from ..settings import BuildSettings

AssetUrl = Callable[[Path], str]

@dataclass(frozen=True)
class HealthNote:
    """A health note in the page's language, worded once for the page and its search text."""

    finding: HealthFinding
    title: str
    """The note's kind, as its rule labels it ("Pain not addressed")."""
    message: str
    """What the note says, plain (the search text's words)."""
    html: Markup
    """The note's list item on the page: its kind's label and its message, linked; its class is
    its kind (``journey-health__note--unaddressed-pain``), its icon that class's ``::before``."""

    @property
    def kind(self) -> str:
        return self.finding.kind


def health_notes(findings: list[HealthFinding], translate: Translator, prefix: str) -> list[HealthNote]:
    """The notes as ``health.html`` lists them; one item per note, written here (a map has dozens)."""
    notes = []
    # A kind's title and the item's opening are the same for each of its notes: made once per kind.
    openings: dict[str, tuple[str, str]] = {}
    for finding in findings:
        if finding.kind not in openings:
            title = finding.title(translate)
            # The item's class is its kind alone (the list implies a note), its label the first span; the
            # rule's icon is the item's ::before (journey.css, generated from engine/health.py's rules).
            openings[finding.kind] = (title, f'<li class="journey-health__note--{escape_text(finding.kind)}">'
                                             f"<span>{escape_text(title)}:</span> ")
        title, opening = openings[finding.kind]
        message = finding.message(translate)
        text = str(code_ticks(message))
        if finding.anchor:
            text = f'<a href="#{escape_text(prefix + finding.anchor)}">{text}</a>'
        # f-strings of escaped parts: Markup.format costs several times as much, and a map has dozens of notes.
        notes.append(HealthNote(finding, title, message, Markup(f"{opening}{text}</li>")))
    return notes


def health_lists(notes: list[HealthNote]) -> Markup:
    """The notes' list, in order (``health.html``; empty when there are none)."""
    if not notes:
        return Markup("")
    # An item a line: a fence's notes are in its page's search index as they are written.
    items = "".join(f"{note.html}\n" for note in notes)
    return Markup(f'<ul class="journey-health__list">\n{items}</ul>')


@dataclass(frozen=True)
class KpiView:
    kpi: Kpi
    verdict: str | None
    """``on``, ``off`` or None when target and actual cannot be compared."""


@dataclass(frozen=True)
class Target:
    """A touchpoint an improvement addresses, as a link on the page."""

    anchor: str
    stage: str
    touchpoint: str


@dataclass(frozen=True)
class Column:
    """One column of the map: a touchpoint, or the placeholder of an empty stage."""

    stage: Stage
    touchpoint: Touchpoint | None
    anchor: str | None
    first_of_stage: bool
    image_url: str | None
    improvements: list[BacklogRow]
    kpis: list[KpiView]
    emotion: EmotionPoint | None
    mark: TouchpointMark | None = None
    """How the touchpoint stands against the map it is compared with (None: no comparison)."""
    ghost: EmotionPoint | None = None
    """The compared map's curve in this column (None: no comparison)."""


@dataclass(frozen=True)
class StageHeader:
    stage: Stage
    anchor: str
    span: int
    columns: tuple[Column, ...] = ()
    """The stage's own columns (``span`` of them), so a template can walk the map stage
    by stage without scanning every column for each stage."""


@dataclass(frozen=True)
class BacklogRow:
    item: BacklogItem
    rank: int
    anchor: str
    targets: list[Target]
    link_href: str | None = None
    """Where ``link`` points from this page: a relative link to a docs file resolved like a Markdown link."""

    @property
    def improvement(self) -> Improvement:
        return self.item.improvement


@dataclass(frozen=True)
class Review:
    """The "last validated" badge."""

    reviewed: date | None
    stale: bool


@dataclass(frozen=True)
class PersonaView:
    persona: Persona
    image_url: str | None
    page_url: str | None = None
    """The persona file's own page, relative to this page (None for an inline persona)."""


@dataclass
class JourneyView:
    journey: Journey
    review: Review
    persona: PersonaView | None
    health: list[HealthFinding]
    stages: list[StageHeader]
    columns: list[Column]
    lanes: list[str]
    backlog: list[BacklogRow]
    matrix: Matrix
    stale_after_days: int
    comparison: Comparison | None = None
    """The map this page is compared with (``compare_to`` or ``compare_ref``), when there is one."""
    history: MapHistory | None = None
    """The commits that changed the map's file (the History section), when it is on."""
    plan: list[PlanColumnView] = field(default_factory=list)
    """The open improvements by due (``plan.html``, after the backlog)."""
    strip: Strip | None = None
    """The strip at the top of the page (every stage and touchpoint in one look)."""
    anchor_prefix: str = ""
    """What every id of this view starts with (the smiley sprite's ids too)."""
    notes: list[HealthNote] = field(default_factory=list)
    """``health`` worded in the page's language (``health.html`` and ``search.html`` show them)."""

    @property
    def notes_html(self) -> Markup:
        """The notes' lists (``health.html``): :func:`health_lists` of ``notes``."""
        return health_lists(self.notes)

    @property
    def scores(self) -> tuple[int, ...]:
        """The emotion scores the map shows, each once: the smiley sprite's symbols."""
        return tuple(sorted({c.emotion.score for c in self.columns if c.emotion is not None and c.emotion.score is not None}))

    @cached_property
    def curve_pieces(self) -> dict[tuple[str, str], str]:
        """The emotion lane's distinct curve pieces (:func:`curve_piece`), each with its symbol's id in the
        sprite, numbered in the order the cells first show them (none when the map shows no emotion lane)."""
        pieces: dict[tuple[str, str], str] = {}
        if "emotion" not in self.lanes:
            return pieces
        for column in self.columns:
            if column.touchpoint is None or column.emotion is None:
                continue
            piece = curve_piece(column.emotion, column.ghost)
            if piece is not None and piece not in pieces:
                pieces[piece] = f"{self.anchor_prefix}journey-c{len(pieces) + 1}"
        return pieces


def build_view(loaded: LoadedJourney, analysis: Analysis, settings: BuildSettings, *, lanes: tuple[str, ...],
               asset_url: AssetUrl, link_url: Callable[[str], str | None] = lambda href: None,
               comparison: Comparison | None = None, history: MapHistory | None = None,
               stages: frozenset[str] | None = None, anchor_prefix: str = "",
               persona_url: Callable[[Path], str | None] = lambda path: None) -> JourneyView:
    """The page's view of a collected map: ``loaded.persona`` is the persona it was given.

    ``stages`` (stage ids) narrows the map, its curve and its backlog to those stages, for a
    ``journey`` fence that shows part of a map: an improvement stays when it addresses one
    of their touchpoints, with its rank in the whole backlog, so "#3" means the same
    improvement on the map's own page. ``anchor_prefix`` starts every id the view hands the
    templates, so two fences on one page (or a fence on its map's page) never share an id.
    """
    journey = loaded.journey
    if journey is None:
        raise ValueError(f"{loaded.name} did not load; render its errors instead")
    shown_stages = [s for s in journey.stages if stages is None or s.id in stages]
    names = {(s.id, t.id): (s.name, t.name) for s in shown_stages for t in s.touchpoints}
    rows: list[BacklogRow] = []
    by_id: dict[str, BacklogRow] = {}
    ranked: list[tuple[int, BacklogItem]] = []
    for rank, item in enumerate(analysis.backlog, start=1):
        if stages is not None and not any(key in names for key in item.targets):
            continue
        targets = [Target(anchor_prefix + touchpoint_anchor(*key), *names[key]) for key in item.targets if key in names]
        link = item.improvement.link
        href = (link_url(link) or link) if link else None
        row = BacklogRow(item, rank, anchor_prefix + improvement_anchor(item.improvement.id), targets, href)
        rows.append(row)
        ranked.append((rank, item))
        by_id[item.improvement.id] = row

    cells: list[tuple[Stage, Touchpoint | None, bool]] = []
    for stage in shown_stages:
        if not stage.touchpoints:
            cells.append((stage, None, True))
        for index, touchpoint in enumerate(stage.touchpoints):
            cells.append((stage, touchpoint, index == 0))
    points = emotion_points([tp.emotion if tp else None for _, tp, _ in cells],
                            [bool(tp and tp.moment_of_truth) for _, tp, _ in cells])
    marks = [comparison.mark(stage.id, tp.id if tp else None) if comparison else None for stage, tp, _ in cells]
    ghosts: list[EmotionPoint | None] = [None] * len(cells)
    if comparison is not None:
        ghosts = list(emotion_points([m.ghost if m else None for m in marks], [False] * len(cells)))
    columns = []
    for (stage, maybe_touchpoint, first), point, mark, ghost in zip(cells, points, marks, ghosts):
        if maybe_touchpoint is None:
            columns.append(Column(stage, None, None, first, None, [], [], None))
            continue
        touchpoint = maybe_touchpoint
        assert stage.id is not None and touchpoint.id is not None
        key = (stage.id, touchpoint.id)
        image_url = asset_url((loaded.path.parent / touchpoint.image).resolve()) if touchpoint.image else None
        improvements = [by_id[b.improvement.id] for b in analysis.improvements_for.get(key, [])]
        kpis = [KpiView(k, kpi_verdict(k)) for k in touchpoint.kpis]
        columns.append(Column(stage, touchpoint, anchor_prefix + touchpoint_anchor(*key), first, image_url,
                              improvements, kpis, point, mark, ghost))
    headers: list[StageHeader] = []
    start = 0
    for stage in shown_stages:  # columns are in stage order, an empty stage has one
        assert stage.id is not None
        span = max(1, len(stage.touchpoints))
        headers.append(StageHeader(stage, anchor_prefix + stage_anchor(stage.id), span,
                                   tuple(columns[start:start + span])))
        start += span

    shown_lanes = [key for key in lanes if key in BY_KEY
                   and any(BY_KEY[key].has_content(column.touchpoint, column)
                           for column in columns if column.touchpoint is not None)]
    persona, persona_path = loaded.persona, loaded.persona_path
    today, stale_after_days = settings.today, settings.stale_after_days
    persona_view = None
    if persona is not None:
        url = None
        if persona.image and persona_path is not None:
            url = asset_url((persona_path.parent / persona.image).resolve())
        # An inline persona (its path is the map's own) has no page: asking would resolve the path on disk.
        page = persona_url(persona_path) if persona_path is not None and persona_path != loaded.path else None
        persona_view = PersonaView(persona, url, page)
    health = _health_shown(analysis, headers, columns, rows, anchor_prefix) if stages is not None else list(analysis.health)
    return JourneyView(
        journey=journey,
        review=Review(journey.reviewed, is_stale(journey.reviewed, today=today, stale_after_days=stale_after_days)),
        persona=persona_view,
        health=health,
        stages=headers,
        columns=columns,
        lanes=shown_lanes,
        backlog=rows,
        matrix=build_matrix([item for _, item in ranked], ranks=[rank for rank, _ in ranked]),
        stale_after_days=stale_after_days,
        comparison=comparison,
        history=history,
        plan=plan_view(plan(rows, lambda row: row.item, today),
                       lambda row: plan_entry(row.item, f"#{row.anchor}"), settings.translate),
        strip=build_strip(columns, headers, settings.translate),
        anchor_prefix=anchor_prefix,
        notes=health_notes(health, settings.translate, anchor_prefix),
    )



def _health_shown(analysis: Analysis, headers: list[StageHeader], columns: list[Column], rows: list[BacklogRow],
                  prefix: str) -> list[HealthFinding]:
    """The health notes of a map narrowed to some stages: the map's own, and those about what is shown."""
    shown = {header.anchor for header in headers} | {row.anchor for row in rows}
    shown.update(column.anchor for column in columns if column.anchor)
    return [note for note in analysis.health if note.anchor is None or prefix + note.anchor in shown]
