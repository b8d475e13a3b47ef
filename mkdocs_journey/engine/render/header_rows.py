"""The map's head, written in Python: the lane list, its columns, the stages' row, the touchpoints' row
and the images' row.

``map.html`` and the ``touchpoint`` and ``image`` macros of ``lanes.html`` call these
(the macros stay, thin, so a template that overrides them still works). As Jinja
loops a map's head cost about as much as three lanes: every touchpoint is a header
cell of a dozen values, each a template call and an escape. The markup is the
loops', byte for byte. Every text a user wrote goes through ``md`` (inline Markdown,
which escapes raw HTML) or ``escape_text``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from markupsafe import Markup

from ..lanes import BY_KEY
from .cells import rating
from .escaping import escape_text
from .icons import icon

if TYPE_CHECKING:
    from ..i18n import Translator
    from .page import Column, StageHeader

_EMPTY_STAGE = '<td class="journey-cell--stage-start journey-cell--empty-stage"></td>'


def column_group(columns: Sequence[Column]) -> Markup:
    """The touchpoints' columns (after the lanes' labels): one ``<col>`` spanning them all."""
    if not columns:
        return Markup("")
    return Markup(f'<col span="{len(columns)}" class="journey-map__column">\n')


def stage_cells(stages: Sequence[StageHeader], md: Callable[[str], Markup], nl: str = "") -> Markup:
    """The stages' header cells, each spanning its columns, with its name and goal (the first span and
    the second: the row, ``journey-map__stages``, says what they are)."""
    out = []
    for header in stages:
        stage = header.stage
        goal = f"<span>{md(stage.goal)}</span>{nl}" if stage.goal else ""
        out.append(f'<th scope="colgroup" colspan="{header.span}" id="{escape_text(header.anchor)}">{nl}'
                   f"<span>{escape_text(stage.name)}</span>{nl}{goal}</th>{nl}")
    return Markup("".join(out))


def touchpoint_cells(columns: Sequence[Column], details: bool, translate: Translator, nl: str = "") -> Markup:
    """The touchpoints' header cells: each one's name (and "new" when compared), and with ``details``
    (the ``touchpoint`` lane is shown) its channel, senses, moment of truth and brand rating.

    The row (``journey-lane--touchpoint``) says what its header cells are: a cell's class holds only
    its modifiers (stage start, moment of truth, new), its name is its first span and its channel
    the unclassed span after it."""
    channel_label = escape_text(translate("touchpoint.channel"))
    senses_label = escape_text(translate("touchpoint.senses"))
    new_badge = f'<span class="journey-badge--new">{escape_text(translate("compare.new"))}</span>{nl}'
    moment_badge = (f'<span class="journey-badge--moment-of-truth">{icon("star")}'
                    f'{escape_text(translate("touchpoint.moment-of-truth"))}</span>\n')
    empty_stage = f'<td class="journey-cell--stage-start journey-cell--empty-stage">{escape_text(translate("map.empty-stage"))}</td>{nl}'
    words: dict[str, str] = {}

    def word(key: str) -> str:
        if key not in words:
            words[key] = escape_text(translate(key))
        return words[key]

    out: list[str] = []
    add = out.append
    for column in columns:
        tp = column.touchpoint
        if tp is None:
            add(empty_stage)
            continue
        new = column.mark is not None and column.mark.new
        modifiers = []
        if column.first_of_stage:
            modifiers.append("journey-cell--stage-start")
        if tp.moment_of_truth:
            modifiers.append("journey-touchpoint--moment-of-truth")
        if new:
            modifiers.append("journey-touchpoint--new")
        css = f' class="{" ".join(modifiers)}"' if modifiers else ""
        add(f'<th scope="col" id="{escape_text(column.anchor)}"{css}><span>{escape_text(tp.name)}</span>{nl}')
        if new:
            add(new_badge)
        if details:
            if tp.channel:
                add(f'<span><span class="journey-sr">{channel_label}: </span>{escape_text(tp.channel)}</span>{nl}')
            if tp.senses:
                senses = '<span class="journey-sr">, </span>'.join(
                    f'<span class="journey-sense journey-sense--{escape_text(sense)}">{word(f"sense.{sense}")}</span>'
                    for sense in tp.senses)
                add(f'<span class="journey-senses"><span class="journey-sr">{senses_label}: </span>\n{senses}</span>\n')
            if tp.moment_of_truth or tp.on_brand:
                add('<span class="journey-touchpoint__badges">\n')
                if tp.moment_of_truth:
                    add(moment_badge)
                if tp.on_brand:
                    add(rating(tp.on_brand, word(f"touchpoint.on-brand.{tp.on_brand}")) + "\n")
                add("</span>\n")
        add(f"</th>{nl}")
    return Markup("".join(out))


def image_cells(columns: Sequence[Column], translate: Translator, nl: str = "") -> Markup:
    """The storyboard row's cells: each touchpoint's picture, described by its touchpoint's name."""
    out = []
    for column in columns:
        tp = column.touchpoint
        if tp is None:
            out.append(_EMPTY_STAGE + nl)
            continue
        opening = '<td class="journey-cell--stage-start">' if column.first_of_stage else "<td>"
        image = ""
        if column.image_url:
            alt = escape_text(translate("emotion.image", touchpoint=tp.name))
            image = f'<img class="journey-storyboard" src="{escape_text(column.image_url)}" alt="{alt}" loading="lazy">{nl}'
        out.append(f"{opening}{nl}{image}</td>{nl}")
    return Markup("".join(out))


def lane_toggles(lanes: Sequence[str], translate: Translator, spaced: bool = False) -> Markup:
    """The reader's lane list above the map (``lane-toggles.html``): its legend only (nothing when the map
    shows no lane but the touchpoints'). ``journey-map.js`` adds a ticked checkbox per row of the map's
    body, labelled by the row's label, when it shows the list: the page does not carry the labels twice.
    ``spaced`` (a map in a Markdown page, whose HTML the site's search reads) writes the boxes too, as
    the search always read them."""
    toggles = [lane for lane in lanes if lane != "touchpoint"]
    if not toggles:
        return Markup("")
    if spaced:
        labels = "".join(f'<label class="journey-lanes__lane"><input type="checkbox" data-lane="{escape_text(lane)}" checked> '
                         f'{escape_text(translate(BY_KEY[lane].label_key))}</label>\n' for lane in toggles)
        return Markup(f'<fieldset class="journey-lanes" data-journey-lanes hidden>\n'
                      f'<legend>{escape_text(translate("lanes.legend"))}</legend>\n{labels}</fieldset>\n')
    return Markup(f'<fieldset class="journey-lanes" data-journey-lanes hidden>'
                  f'<legend>{escape_text(translate("lanes.legend"))}</legend></fieldset>\n')
