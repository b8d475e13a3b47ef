"""The backlog's cards, written in Python (``backlog.html`` calls it for its list).

One card per improvement, in priority order. As a Jinja loop each card cost some
forty template calls and escapes, and a map has dozens of cards; here its labels are
looked up once per map and every value is escaped once. The markup is the loop's,
byte for byte. Every text a user wrote goes through ``md`` (inline Markdown, which
escapes raw HTML) or ``escape``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from markupsafe import Markup, escape

from .icons import icon

if TYPE_CHECKING:
    from ..i18n import Translator
    from .page import BacklogRow

_NONE = "–"


def backlog_items(rows: Sequence[BacklogRow], translate: Translator, md: Callable[[str], Markup]) -> Markup:
    """The ``<ol>`` of backlog cards (an empty backlog is ``backlog.html``'s own paragraph)."""
    label = {key.removeprefix("backlog."): escape(translate(key))
             for key in ("backlog.status", "backlog.quick-win", "backlog.score", "backlog.no-score", "backlog.impact",
                         "backlog.effort", "backlog.owner", "backlog.teams", "backlog.due", "backlog.kpi",
                         "backlog.link", "backlog.addresses")}
    statuses: dict[str, Markup] = {}
    quick_win = (f'<span class="journey-badge journey-badge--quick-win">{icon("bolt")}{label["quick-win"]}</span>\n')
    no_score = f'<span class="journey-backlog__score-value journey-backlog__score-value--none">{label["no-score"]}</span>\n'
    owner_term = f'<dt>{icon("person")}{label["owner"]}</dt>'
    due_term = f'<dt>{icon("calendar")}{label["due"]}</dt>'
    addresses_term = f'<dt>{icon("arrow")}{label["addresses"]}</dt>'
    link_icon = icon("link")
    out = ['<ol class="journey-backlog">\n']
    add = out.append
    for row in rows:
        item, improvement = row.item, row.improvement
        status = improvement.status
        if status not in statuses:
            statuses[status] = escape(translate(f"status.{status}"))
        css_status = escape(status)
        closed = "" if item.is_open else " journey-backlog__item--closed"
        impact = _NONE if improvement.impact is None else improvement.impact
        effort = _NONE if improvement.effort is None else improvement.effort
        add(f'<li id="{escape(row.anchor)}" class="journey-backlog__item journey-backlog__item--{css_status}{closed}">\n'
            '<div class="journey-backlog__head">\n'
            f'<span class="journey-backlog__rank">{row.rank}</span>\n'
            '<div class="journey-backlog__heading">\n'
            f'<span class="journey-backlog__title">{escape(improvement.title)}</span>\n'
            '<span class="journey-backlog__badges">\n'
            f'<span class="journey-sr">{label["status"]}: </span><span class="journey-status journey-status--{css_status}">'
            f'{statuses[status]}</span>\n'
            f'{quick_win if item.quick_win else ""}'
            '</span>\n'
            '</div>\n'
            '<div class="journey-backlog__score">\n'
            f'<span class="journey-sr">{label["score"]}: </span>\n')
        if item.score is not None:
            detail = escape(translate("backlog.score-detail", impact=improvement.impact, effort=improvement.effort))
            add(f'<span class="journey-backlog__score-value" title="{detail}">{item.score}</span>\n')
        else:
            add(no_score)
        add(f'<span class="journey-backlog__scores">{label["impact"]} {impact} · {label["effort"]} {effort}</span>\n'
            '</div>\n'
            '</div>\n')
        if improvement.notes:
            add(f'<p class="journey-backlog__notes">{md(improvement.notes)}</p>\n')
        add('<dl class="journey-backlog__facts">\n'
            f'<div class="journey-backlog__fact journey-backlog__owner">{owner_term}'
            f'<dd>{escape(improvement.owner or _NONE)}</dd></div>\n')
        if improvement.teams:
            teams = ", ".join(escape(team) for team in improvement.teams)
            add(f'<div class="journey-backlog__fact journey-backlog__teams"><dt>{label["teams"]}</dt><dd>{teams}</dd></div>\n')
        due = escape(translate.due(improvement.due)) if improvement.due else _NONE
        add(f'<div class="journey-backlog__fact journey-backlog__due">{due_term}<dd>{due}</dd></div>\n')
        if improvement.kpi:
            add(f'<div class="journey-backlog__fact journey-backlog__kpi"><dt>{label["kpi"]}</dt>'
                f'<dd>{md(improvement.kpi)}</dd></div>\n')
        if improvement.link:
            add('<div class="journey-backlog__fact journey-backlog__fact--wide journey-backlog__link">'
                f'<dt>{label["link"]}</dt><dd><a href="{escape(row.link_href)}" rel="noopener">'
                f'{link_icon}{escape(improvement.link)}</a></dd></div>\n')
        add(f'<div class="journey-backlog__fact journey-backlog__fact--wide journey-backlog__addresses">{addresses_term}<dd>\n')
        if row.targets:
            add('<ul class="journey-list journey-list--targets">\n')
            out.extend(f'<li><a href="#{escape(target.anchor)}">{escape(target.stage)} › {escape(target.touchpoint)}</a></li>\n'
                       for target in row.targets)
            add("</ul>\n")
        else:
            add(_NONE)
        add("</dd></div>\n</dl>\n</li>\n")
    add("</ol>")
    return Markup("".join(out))
