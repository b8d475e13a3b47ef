"""What the site's search indexes for a map page, written in Python (``search.html`` calls it).

The words of the map, in sections that carry the page's own anchors: a stage, a
touchpoint, an improvement. A search for a pain point then opens the map at its
touchpoint, and the search plugins read a short text instead of the map's markup.
Headings are h2 (the page's sections), h3 (stages, improvements) and h4 (touchpoints).

As a Jinja template this text cost as much as a third of the page (a map has
hundreds of words, each escaped and joined by a template call); here each part is
escaped once and the text is one join. It is the markup the template wrote, byte
for byte: the search index must not change. Every text a user wrote goes through
``md`` (inline Markdown, which escapes raw HTML) or ``escape_text``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from markupsafe import Markup

from ..lanes import search_paragraphs
from .escaping import escape_text

if TYPE_CHECKING:
    from ..i18n import Translator
    from .page import JourneyView

_DOT = " · "


def _joined(words: Iterable[str | Markup], separator: str) -> str:
    """Jinja's ``join`` filter under autoescape: plain strings escaped, Markup kept."""
    return separator.join([word if isinstance(word, Markup) else escape_text(word) for word in words])


def search_text(view: JourneyView, translate: Translator, md: Callable[[str], Markup]) -> Markup:
    """The map's search text: its summary facts, persona, health notes, stages with their
    touchpoints' words, and the backlog."""
    out: list[str] = []
    add = out.append
    j = view.journey
    if j.summary:
        add(f"<p>{md(j.summary)}</p>")
    if j.owner:
        add(f"<p>{escape_text(translate('page.owner'))}: {escape_text(j.owner)}</p>")
    if j.goal:
        add(f"<p>{escape_text(translate('page.goal'))}: {md(j.goal)}</p>")
    if j.brand:
        add(f"<p>{escape_text(translate('page.brand'))}: {md(j.brand)}</p>")
    if j.research:
        add(f"<p>{escape_text(translate('page.research'))}:</p><ul>{''.join(f'<li>{md(item)}</li>' for item in j.research)}</ul>")
    if j.tags:
        add(f"<p>{_joined(j.tags, ', ')}</p>")
    if view.persona:
        p = view.persona.persona
        add(f'<h2 id="journey-persona">{escape_text(translate("persona.heading"))}</h2>\n')
        add(f"<p>{escape_text(p.name)}{f', {md(p.role)}' if p.role else ''}</p>\n")
        if p.quote:
            add(f"<p>{md(p.quote)}</p>")
        if p.about:
            add(f"<p>{md(p.about)}</p>")
        for label, value in p.facts.items():
            add(f"<p>{escape_text(label)}: {md(value) if value else ''}</p>")
        items = p.goals + p.needs + p.frustrations + p.channels
        if items:
            add(f"<p>{_DOT.join(md(item) for item in items)}</p>")
    if view.health:
        notes = "".join(f"<li>{escape_text(note.title)}: {escape_text(note.message)}</li>" for note in view.notes)
        add(f'<h2 id="journey-health">{escape_text(translate("health.heading"))}</h2>\n<ul>{notes}</ul>\n')
    add(f'<h2 id="journey-map">{escape_text(translate("map.heading"))}</h2>\n')
    for header in view.stages:
        stage = header.stage
        add(f'<h3 id="{escape_text(header.anchor)}">{escape_text(stage.name)}</h3>\n')
        if stage.goal:
            add(f"<p>{md(stage.goal)}</p>")
        for column in header.columns:
            tp = column.touchpoint
            if tp is None:
                continue
            add(f'<h4 id="{escape_text(column.anchor)}">{escape_text(tp.name)}</h4>\n')
            for words in search_paragraphs(tp, md):
                add(f"<p>{_joined(words, _DOT)}</p>\n")
    if view.backlog:
        add(f'<h2 id="journey-backlog">{escape_text(translate("backlog.heading"))}</h2>\n')
        for row in view.backlog:
            item = row.improvement
            add(f'<h3 id="{escape_text(row.anchor)}">{escape_text(item.title)}</h3>\n')
            if item.notes:
                add(f"<p>{md(item.notes)}</p>")
            facts: list[str] = [escape_text(translate(f"status.{item.status}"))]
            if item.owner:
                facts.append(escape_text(item.owner))
            if item.teams:
                facts.append(_joined(item.teams, ", "))
            if item.kpi:
                facts.append(md(item.kpi))
            add(f"<p>{', '.join(facts)}</p>\n")
    return Markup("".join(out))
