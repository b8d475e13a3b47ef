"""The map's summary under its title, written in Python (``summary.html`` calls it).

The summary line, the badges (owner, status, state, comparison, review), the tags
and the facts that open (goal, brand, research). ``summary.html`` is the map page's
header and a fence's ``header`` part; as a template it was some sixty template calls
for a few lines. The markup is the template's, byte for byte. Every text a user
wrote goes through ``md`` (inline Markdown, which escapes raw HTML) or ``escape_text``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from markupsafe import Markup

from .escaping import escape_text
from .icons import icon

if TYPE_CHECKING:
    from ..i18n import Translator
    from .page import JourneyView


def _fact(kind: str, label: str, value: str) -> str:
    return (f'<details class="journey-summary__fact journey-summary__fact--{kind}"><summary>'
            f'<span class="journey-summary__label">{escape_text(label)}</span> '
            f'<span class="journey-summary__value">{value}</span></summary>')


def summary_html(view: JourneyView, translate: Translator, md: Callable[[str], Markup], theme_tags: bool = False) -> Markup:
    """The summary block; ``theme_tags``: the theme shows the map's tags, so the block leaves them out."""
    j = view.journey
    out = ['<div class="journey-summary">\n']
    add = out.append
    if j.summary:
        add(f'<p class="journey-summary__text">{md(j.summary)}</p>\n')
    add('<ul class="journey-badges">\n')
    if j.owner:
        add(f'<li class="journey-badge--owner">{icon("person")}<span class="journey-badge__label">'
            f'{escape_text(translate("page.owner"))}:</span> {escape_text(j.owner)}</li>\n')
    add(f'<li class="journey-badge--{escape_text(j.status)}">{icon("pencil" if j.status == "draft" else "check")}'
        f'{escape_text(translate(f"page.map-status.{j.status}"))}</li>\n'
        f'<li class="journey-badge--{escape_text(j.state)}">{escape_text(translate(f"page.state.{j.state}"))}</li>\n')
    comparison = view.comparison
    if comparison and not comparison.ref:
        add(f'<li class="journey-badge--compare">{icon("arrow")}<a href="#journey-compare">'
            f'{escape_text(translate("compare.badge", title=comparison.title))}</a></li>\n')
    reviewed = view.review.reviewed
    if reviewed:
        add(f'<li class="journey-badge--reviewed">{icon("calendar")}<time datetime="{reviewed.isoformat()}">'
            f'{escape_text(translate("page.reviewed", date=translate.date(reviewed)))}</time></li>\n')
        if view.review.stale:
            limit = translate("days", count=view.stale_after_days)
            add(f'<li class="journey-badge--warning">{icon("warning")}'
                f'{escape_text(translate("page.stale", limit=limit))}</li>\n')
    else:
        add(f'<li class="journey-badge--warning">{icon("warning")}{escape_text(translate("page.not-reviewed"))}</li>\n')
    add("</ul>\n")
    if j.tags and not theme_tags:
        add(f'<ul class="journey-tags" aria-label="{escape_text(translate("page.tags"))}">\n')
        out.extend(f'<li class="journey-tag">{escape_text(tag)}</li>\n' for tag in j.tags)
        add("</ul>\n")
    if j.goal or j.brand or j.research:
        # Compact cards: one line each until opened (the whole text is in the summary line,
        # clipped by CSS only while closed; research lists its sources when opened).
        add('<div class="journey-summary__facts">\n')
        if j.goal:
            add(_fact("goal", translate("page.goal"), md(j.goal)) + "</details>\n")
        if j.brand:
            add(_fact("brand", translate("page.brand"), md(j.brand)) + "</details>\n")
        if j.research:
            count = escape_text(translate("page.research-count", count=len(j.research)))
            items = "".join(f"<li>{md(item)}</li>\n" for item in j.research)
            add(_fact("research", translate("page.research"), count) + f'\n<ul class="journey-list">\n{items}</ul></details>\n')
        add("</div>\n")
    add("</div>")
    return Markup("".join(out))
