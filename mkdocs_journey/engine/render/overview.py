"""The overview of all maps, as HTML: the map list, the worst moments, one backlog and one plan.

:func:`render_overview` is the one entry point: the plugin calls it for the
generated overview page, and a ``journey`` fence (``show: overview``) can call it for
any Markdown page, since it needs only the maps (with their URLs relative to the
page that shows them) and a :class:`~.PageContext`.

The backlog's filters work without JavaScript: each owner, team and status is a
link to an anchor, and CSS (``:target``, written into the page for exactly these
values) hides the cards that do not match. Where JavaScript runs, ``journey.js``
adds three menus that combine the filters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Sequence

from markupsafe import Markup, escape

from ..analyse import BacklogItem, improvement_anchor, touchpoint_anchor
from ..i18n import Translator
from ..model import Persona
from ..plan import plan
from ..portfolio import MapNumbers, Moment, PortfolioItem, PortfolioMap, map_numbers, portfolio_backlog, suffering
from ..slug import slugify
from . import PageContext
from .environment import environment
from .outline import Heading
from .plan_view import PlanColumnView, plan_entry, plan_view
from .sparkline import Sparkline, sparkline

STATUSES = ("doing", "planned", "idea", "done", "dropped")
"""The statuses in backlog order (the filter lists them so)."""
FILTER_DIMENSIONS = ("status", "owner", "team")
"""What the backlog across maps filters by, in the order the filters are shown."""


@dataclass(frozen=True)
class MapRow:
    map: PortfolioMap
    numbers: MapNumbers
    sparkline: Sparkline
    persona: Persona | None
    persona_url: str | None


@dataclass(frozen=True)
class MapGroup:
    tag: str | None
    """None: the maps without a tag (or every map, when the overview is not grouped)."""
    anchor: str | None
    rows: tuple[MapRow, ...]


@dataclass(frozen=True)
class Target:
    href: str
    stage: str
    touchpoint: str


@dataclass(frozen=True)
class CardText:
    """A card's values as the template writes them, escaped here (the page has thousands of cards).

    ``overview.html`` writes the cards with autoescaping off, so every value it writes
    there must come escaped from here (a ``Markup``): a card costs no escaping calls."""

    anchor: Markup
    css: Markup
    """The whole ``class`` attribute: the status modifiers and the filter classes."""
    rank: Markup
    title: Markup
    status: Markup
    """The status itself (``doing``...): a class name and the key of its label."""
    map_href: Markup
    map_title: Markup
    targets: tuple[tuple[Markup, Markup], ...]
    """Each target's link and its words (``Stage › Touchpoint``)."""
    owner: Markup
    teams: Markup
    due: Markup
    score: Markup


class _Escaped:
    """``escape`` with a memory: owners, teams, map titles and stage names repeat on every card."""

    def __init__(self) -> None:
        self._seen: dict[str, Markup] = {}

    def __call__(self, value: str) -> Markup:
        found = self._seen.get(value)
        if found is None:
            found = self._seen[value] = escape(value)
        return found

    def words(self, stage: str, touchpoint: str) -> Markup:
        """A target's words, ``Stage › Touchpoint`` (a few hundred touchpoints make thousands of targets)."""
        key = f"{stage}\0{touchpoint}"
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = Markup(f"{escape(stage)} › {escape(touchpoint)}")
        return found


@dataclass(frozen=True)
class Card:
    """An improvement in the backlog across maps."""

    rank: int
    anchor: str
    map: PortfolioMap
    item: BacklogItem
    map_href: str
    """The item's card on its map's page."""
    targets: tuple[Target, ...]
    classes: tuple[str, ...]
    """The filter classes it matches (``journey-f-owner-webteam``...)."""
    text: CardText


@dataclass(frozen=True)
class Filter:
    dimension: str
    """``status``, ``owner`` or ``team``."""
    value: str | None
    """The owner, team or status; None for "no owner"."""
    anchor: str
    css_class: str
    count: int


@dataclass(frozen=True)
class MomentView:
    moment: Moment
    href: str


@dataclass
class OverviewView:
    groups: list[MapGroup]
    moments: list[MomentView]
    backlog: list[Card]
    filters: dict[str, list[Filter]]
    plan: list[PlanColumnView]
    stale_after_days: int
    today: date
    maps: int = 0
    rules: list[str] = field(default_factory=list)
    """The CSS rules that make the filter links filter."""
    labels: dict[str, Markup] = field(default_factory=dict)
    """The words every card repeats, translated and escaped once: ``status``, ``addresses``, ``owner``,
    ``teams``, ``due``, ``score``, ``quick-win``, the map table's column names (``column.state``...)
    and each status's name (``status.doing``...)."""


@dataclass(frozen=True)
class RenderedOverview:
    html: str
    headings: tuple[Heading, ...]
    anchor_ids: frozenset[str]
    search_html: str = ""
    """What the site's search indexes instead of ``html``: the maps and the worst moments.

    The backlog and the plan repeat what the map pages hold; with 500 maps they are
    megabytes that the search plugins would parse for hits that only repeat the maps'."""
    search_headings: tuple[Heading, ...] = ()


def _unique(slugs: dict[str, str], value: str) -> str:
    base = slugify(value) or "x"
    slug, number = base, 1
    while slug in slugs.values():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _filters(items: list[PortfolioItem]) -> tuple[dict[str, list[Filter]], dict[int, tuple[str, ...]]]:
    """The filters with their counts, and the classes of each card (by position in ``items``)."""
    present_statuses = {entry.item.improvement.status for entry in items}
    owners = sorted({entry.item.improvement.owner for entry in items if entry.item.improvement.owner},
                    key=lambda v: (v.casefold(), v))
    teams = sorted({team for entry in items for team in entry.item.improvement.teams}, key=lambda v: (v.casefold(), v))
    values: dict[str, list[str | None]] = dict(zip(FILTER_DIMENSIONS, (
        [s for s in STATUSES if s in present_statuses],
        [*owners, *([None] if any(not e.item.improvement.owner for e in items) else [])],
        list(teams),
    )))
    # One pass over the items per dimension (not one per value): hundreds of owners and teams stay cheap.
    item_values: dict[str, list[tuple[str | None, ...]]] = {
        "status": [(entry.item.improvement.status,) for entry in items],
        "owner": [(entry.item.improvement.owner or None,) for entry in items],
        "team": [tuple(entry.item.improvement.teams) for entry in items],
    }
    filters: dict[str, list[Filter]] = {}
    classes: dict[int, list[str]] = {index: [] for index in range(len(items))}
    for dimension, options in values.items():
        slugs: dict[str, str] = {}
        css_of: dict[str | None, str] = {}
        found = []
        for value in options:
            slug = _unique(slugs, value if value is not None else "none")
            slugs[value or ""] = slug
            css_of[value] = f"journey-f-{dimension}-{slug}"
        counts: dict[str | None, int] = dict.fromkeys(options, 0)
        order = {value: position for position, value in enumerate(options)}
        for index, matched in enumerate(item_values[dimension]):
            # A team named twice on an item counts (and classes) once, in the filter's order.
            for value in sorted(set(matched), key=order.__getitem__) if len(matched) > 1 else matched:
                counts[value] += 1
                classes[index].append(css_of[value])
        for value in options:
            found.append(Filter(dimension, value, f"journey-backlog-{dimension}-{slugs[value or '']}",
                                css_of[value], counts[value]))
        filters[dimension] = found
    return filters, {index: tuple(names) for index, names in classes.items()}


def build_overview(maps: Sequence[PortfolioMap], context: PageContext, *, group_by_tag: bool = True) -> OverviewView:
    """The overview's view of valid maps, in the order given (the site's navigation order).

    A persona file's page is found through ``context.persona_url``.
    """
    settings = context.settings
    rows = []
    for entry in maps:
        numbers = map_numbers(entry, settings)
        loaded = entry.map.loaded
        url = context.persona_url(loaded.persona_path) if loaded.persona_path is not None else None
        line = sparkline([(tp.name, score) for tp, score in numbers.emotions])
        rows.append(MapRow(entry, numbers, line, loaded.persona, url))
    groups: list[MapGroup] = []
    # Each map once, under its first tag: a hundred maps with three tags each stay a hundred rows.
    tags = sorted({row.map.journey.tags[0] for row in rows if row.map.journey.tags}, key=lambda v: (v.casefold(), v))
    if group_by_tag and tags:
        slugs: dict[str, str] = {}
        for tag in tags:
            slug = _unique(slugs, tag)
            slugs[tag] = slug
            groups.append(MapGroup(tag, f"journey-overview-tag-{slug}",
                                   tuple(r for r in rows if r.map.journey.tags and r.map.journey.tags[0] == tag)))
        untagged = tuple(r for r in rows if not r.map.journey.tags)
        if untagged:
            groups.append(MapGroup(None, "journey-overview-untagged", untagged))
    else:
        groups.append(MapGroup(None, None, tuple(rows)))

    moments = [MomentView(m, f"{m.map.url}#{touchpoint_anchor(m.stage.id or '', m.touchpoint.id or '')}")
               for m in suffering(maps)]

    items = portfolio_backlog(maps)
    filters, classes = _filters(items)
    cards = []
    touchpoint_names: dict[str, dict[tuple[str | None, str | None], tuple[str, str]]] = {
        entry.key: {(s.id, t.id): (s.name, t.name) for s in entry.journey.stages for t in s.touchpoints}
        for entry in maps}
    translate = settings.translate
    esc = _Escaped()
    no_score = escape(translate("backlog.no-score"))
    due_texts: dict[object, Markup] = {}

    def due_text(due: date | str) -> Markup:
        """A due date as the card writes it; thousands of cards share a few dozen months and quarters."""
        found = due_texts.get(due)
        if found is None:
            found = due_texts[due] = escape(translate.due(due))
        return found

    for index, found in enumerate(items):
        where = found.map
        names = touchpoint_names[where.key]
        targets = tuple(Target(f"{where.url}#{touchpoint_anchor(*key)}", *names[key])
                        for key in found.item.targets if key in names)
        improvement = found.item.improvement
        anchor = f"journey-overview-{where.key}--{improvement.id}"
        map_href = f"{where.url}#{improvement_anchor(improvement.id)}"
        css = f"journey-backlog__item--{improvement.status}"
        if not found.item.is_open:
            css += " journey-backlog__item--closed"
        score = found.item.score
        text = CardText(
            anchor=escape(anchor), css=esc(" ".join((css, *classes[index]))), rank=Markup(index + 1),
            title=escape(improvement.title), status=esc(improvement.status), map_href=escape(map_href),
            map_title=esc(where.title),
            targets=tuple((escape(t.href), esc.words(t.stage, t.touchpoint)) for t in targets),
            owner=esc(improvement.owner) if improvement.owner else Markup("–"),
            teams=esc(", ".join(improvement.teams)), due=due_text(improvement.due) if improvement.due else Markup(),
            score=Markup(score) if score is not None else no_score)
        cards.append(Card(index + 1, anchor, where, found.item, map_href, targets, classes[index], text))
    columns = plan(cards, lambda card: card.item, settings.today)
    plan_columns = plan_view(columns, lambda card: plan_entry(card.item, f"#{card.anchor}", card.map.title),
                             settings.translate)
    rules = [f"#{f.anchor}:target ~ .journey-portfolio-backlog > li:not(.{f.css_class}) {{ display: none; }}"
             for options in filters.values() for f in options]
    labels = {key: escape(translate(f"backlog.{key}"))
              for key in ("status", "addresses", "owner", "teams", "due", "score", "quick-win")}
    labels.update({key: escape(translate(f"overview.{key}")) for key in (
        "column.state", "column.reviewed", "column.emotion", "column.pains", "column.improvements",
        "column.quick-wins", "column.health")})
    labels["page.owner"] = escape(translate("page.owner"))
    labels.update({f"status.{status}": escape(translate(f"status.{status}")) for status in STATUSES})
    return OverviewView(groups, moments, cards, filters, plan_columns, settings.stale_after_days, settings.today,
                        len(rows), rules, labels)


def overview_headings(view: OverviewView, translate: Translator) -> tuple[Heading, ...]:
    """The overview's sections in the order ``overview.html`` writes them: its table of contents."""
    headings = [Heading(2, "journey-overview-maps", translate("overview.maps"))]
    headings += [Heading(3, group.anchor, group.tag if group.tag is not None else translate("overview.untagged"))
                 for group in view.groups if group.anchor]
    headings += [Heading(2, "journey-overview-suffering", translate("overview.suffering")),
                 Heading(2, "journey-overview-backlog", translate("overview.backlog")),
                 Heading(2, "journey-overview-plan", translate("plan.heading"))]
    return tuple(headings)


def render_overview(maps: Sequence[PortfolioMap], context: PageContext, *,
                    group_by_tag: bool = True) -> RenderedOverview:
    """The overview's HTML fragment, its headings, every ``id`` it writes, and its search text.

    ``maps`` are the valid maps to show, in order, each with its URL relative to the
    page the overview is written into; ``context.persona_url`` links the personas.
    """
    view = build_overview(maps, context, group_by_tag=group_by_tag)
    translate = context.settings.translate
    template = environment(context.template_dirs).get_template("journey/overview.html")
    html = template.render(view=view, t=translate, md=context.inline_markdown, lang=translate.language,
                           filter_css=Markup("\n".join(view.rules)))
    headings = overview_headings(view, translate)
    ids = {h.id for h in headings}
    ids.update(card.anchor for card in view.backlog)
    ids.update(f.anchor for options in view.filters.values() for f in options)
    environment_ = environment(context.template_dirs)
    search_html = environment_.get_template("journey/overview-search.html").render(view=view, t=translate)
    search_headings = tuple(h for h in headings if h.id == "journey-overview-maps"
                            or (h.id == "journey-overview-suffering" and view.moments))
    return RenderedOverview(html, headings, frozenset(ids), search_html, search_headings)


__all__ = ["OverviewView", "RenderedOverview", "build_overview", "render_overview"]
