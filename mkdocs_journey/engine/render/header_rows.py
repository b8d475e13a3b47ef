"""The map's head, written in Python: the lane list, its columns, the stages' row, the touchpoints' row
and the images' row.

``map.html`` and the ``touchpoint`` and ``image`` macros of ``lanes.html`` call these
(the macros stay, thin, so a template that overrides them still works). As Jinja
loops a map's head cost about as much as three lanes: every touchpoint is a header
cell of a dozen values, each a template call and an escape. The markup is the
loops', byte for byte. Every text a user wrote goes through ``md`` (inline Markdown,
which escapes raw HTML) or ``escape``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from markupsafe import Markup, escape

from ..lanes import BY_KEY
from .cells import rating
from .icons import icon

if TYPE_CHECKING:
    from ..i18n import Translator
    from .page import Column, StageHeader

_EMPTY_STAGE = '<td class="journey-cell--stage-start journey-cell--empty-stage"></td>\n'


def column_group(columns: Sequence[Column]) -> Markup:
    """The ``<col>`` of every column (after the lanes' labels)."""
    return Markup('<col class="journey-map__column">\n' * len(columns))


def stage_cells(stages: Sequence[StageHeader], md: Callable[[str], Markup]) -> Markup:
    """The stages' header cells, each spanning its columns, with its name and goal."""
    out = []
    for header in stages:
        stage = header.stage
        goal = f'<span class="journey-stage__goal">{md(stage.goal)}</span>\n' if stage.goal else ""
        out.append(f'<th scope="colgroup" colspan="{header.span}" id="{escape(header.anchor)}" class="journey-stage">\n'
                   f'<span class="journey-stage__name">{escape(stage.name)}</span>\n{goal}</th>\n')
    return Markup("".join(out))


def touchpoint_cells(columns: Sequence[Column], details: bool, translate: Translator) -> Markup:
    """The touchpoints' header cells: each one's name (and "new" when compared), and with ``details``
    (the ``touchpoint`` lane is shown) its channel, senses, moment of truth and brand rating."""
    channel_label = escape(translate("touchpoint.channel"))
    senses_label = escape(translate("touchpoint.senses"))
    new_badge = f'<span class="journey-badge journey-badge--new">{escape(translate("compare.new"))}</span>\n'
    moment_badge = (f'<span class="journey-badge journey-badge--moment-of-truth">{icon("star")}'
                    f'{escape(translate("touchpoint.moment-of-truth"))}</span>\n')
    empty_stage = f'<td class="journey-cell--stage-start journey-cell--empty-stage">{escape(translate("map.empty-stage"))}</td>\n'
    words: dict[str, str] = {}

    def word(key: str) -> str:
        if key not in words:
            words[key] = escape(translate(key))
        return words[key]

    out: list[str] = []
    add = out.append
    for column in columns:
        tp = column.touchpoint
        if tp is None:
            add(empty_stage)
            continue
        new = column.mark is not None and column.mark.new
        css = "journey-touchpoint"
        if column.first_of_stage:
            css += " journey-cell--stage-start"
        if tp.moment_of_truth:
            css += " journey-touchpoint--moment-of-truth"
        if new:
            css += " journey-touchpoint--new"
        add(f'<th scope="col" id="{escape(column.anchor)}" class="{css}">'
            f'<span class="journey-touchpoint__name">{escape(tp.name)}</span>\n')
        if new:
            add(new_badge)
        if details:
            if tp.channel:
                add(f'<span class="journey-touchpoint__channel"><span class="journey-sr">{channel_label}: </span>'
                    f'{escape(tp.channel)}</span>\n')
            if tp.senses:
                senses = '<span class="journey-sr">, </span>'.join(
                    f'<span class="journey-sense journey-sense--{escape(sense)}">{word(f"sense.{sense}")}</span>'
                    for sense in tp.senses)
                add(f'<span class="journey-senses"><span class="journey-sr">{senses_label}: </span>\n{senses}</span>\n')
            if tp.moment_of_truth or tp.on_brand:
                add('<span class="journey-touchpoint__badges">\n')
                if tp.moment_of_truth:
                    add(moment_badge)
                if tp.on_brand:
                    add(rating(tp.on_brand, word(f"touchpoint.on-brand.{tp.on_brand}")) + "\n")
                add("</span>\n")
        add("</th>\n")
    return Markup("".join(out))


def image_cells(columns: Sequence[Column], translate: Translator) -> Markup:
    """The storyboard row's cells: each touchpoint's picture, described by its touchpoint's name."""
    out = []
    for column in columns:
        tp = column.touchpoint
        if tp is None:
            out.append(_EMPTY_STAGE)
            continue
        opening = '<td class="journey-cell--stage-start">\n' if column.first_of_stage else "<td>\n"
        image = ""
        if column.image_url:
            alt = escape(translate("emotion.image", touchpoint=tp.name))
            image = f'<img class="journey-storyboard" src="{escape(column.image_url)}" alt="{alt}" loading="lazy">\n'
        out.append(f"{opening}{image}</td>\n")
    return Markup("".join(out))


def lane_toggles(lanes: Sequence[str], translate: Translator) -> Markup:
    """The reader's lane list above the map (``lane-toggles.html``): a ticked checkbox per lane shown
    but the touchpoints' (empty when there is none)."""
    toggles = [lane for lane in lanes if lane != "touchpoint"]
    if not toggles:
        return Markup("")
    labels = "".join(f'<label class="journey-lanes__lane"><input type="checkbox" data-lane="{escape(lane)}" checked> '
                     f'{escape(translate(BY_KEY[lane].label_key))}</label>\n' for lane in toggles)
    return Markup(f'<fieldset class="journey-lanes" data-journey-lanes hidden>\n'
                  f'<legend class="journey-lanes__legend">{escape(translate("lanes.legend"))}</legend>\n'
                  f'{labels}</fieldset>\n')
