"""The backlog's cards, written in Python (``backlog.html`` calls it for its list).

One card per improvement, in priority order. As a Jinja loop each card cost some
forty template calls and escapes, and a map has dozens of cards; here its labels are
looked up once per map and every value is escaped once. Every text a user wrote goes through ``md`` (inline Markdown, which
escapes raw HTML) or ``escape_text``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from markupsafe import Markup

from .escaping import escape_text
from .icons import icon

if TYPE_CHECKING:
    from ..i18n import Translator
    from .page import BacklogRow

_NONE = "–"


def backlog_items(rows: Sequence[BacklogRow], translate: Translator, md: Callable[[str], Markup]) -> Markup:
    """The ``<ol>`` of backlog cards (an empty backlog is ``backlog.html``'s own paragraph).

    A card carries no class its place implies (``journey.css`` selects its parts by position
    under ``ol.journey-backlog``, docs/css.md lists them): the ``li`` has its status and
    ``--closed`` as modifiers, its head is a ``div`` of the rank (a ``span``), the heading (a
    ``div``: title and badges) and the score (a ``div``); the notes a ``p``; each fact a
    ``div`` of the ``dl`` named by what it is (``journey-backlog__owner``, ``__due``…), its
    icon its term's ``::before``. The words for screen readers ("Status: ", "Priority: ") are
    the first span of the badges and of the score, visually hidden like ``journey-sr``.
    """
    label = {key.removeprefix("backlog."): escape_text(translate(key))
             for key in ("backlog.status", "backlog.quick-win", "backlog.score", "backlog.no-score", "backlog.impact",
                         "backlog.effort", "backlog.owner", "backlog.teams", "backlog.due", "backlog.kpi",
                         "backlog.link", "backlog.addresses")}
    statuses: dict[str, str] = {}
    quick_win = f'<span class="journey-badge--quick-win">{icon("bolt")}{label["quick-win"]}</span>\n'
    no_score = f'<span class="journey-backlog__score-value--none">{label["no-score"]}</span>\n'
    owner_term = f'<dt>{label["owner"]}</dt>'
    due_term = f'<dt>{label["due"]}</dt>'
    addresses_term = f'<dt>{label["addresses"]}</dt>'
    link_icon = icon("link")
    # The line breaks are the page's words' breaks: a fence's backlog is in its page's search index as it is.
    out = ['<ol class="journey-backlog">\n']
    add = out.append
    for row in rows:
        item, improvement = row.item, row.improvement
        status = improvement.status
        if status not in statuses:
            statuses[status] = escape_text(translate(f"status.{status}"))
        css_status = escape_text(status)
        closed = "" if item.is_open else " journey-backlog__item--closed"
        impact = _NONE if improvement.impact is None else improvement.impact
        effort = _NONE if improvement.effort is None else improvement.effort
        add(f'<li id="{escape_text(row.anchor)}" class="journey-backlog__item--{css_status}{closed}">\n'
            '<div>\n'
            f'<span>{row.rank}</span>\n'
            '<div>\n'
            f'<span>{escape_text(improvement.title)}</span>\n'
            '<span>\n'
            f'<span>{label["status"]}: </span><span class="journey-status--{css_status}">'
            f'{statuses[status]}</span>\n'
            f'{quick_win if item.quick_win else ""}'
            '</span>\n'
            '</div>\n'
            '<div>\n'
            f'<span>{label["score"]}: </span>\n')
        if item.score is not None:
            detail = escape_text(translate("backlog.score-detail", impact=improvement.impact, effort=improvement.effort))
            add(f'<span title="{detail}">{item.score}</span>\n')
        else:
            add(no_score)
        add(f'<span>{label["impact"]} {impact} · {label["effort"]} {effort}</span>\n'
            '</div>\n'
            '</div>\n')
        if improvement.notes:
            add(f'<p>{md(improvement.notes)}</p>\n')
        add(f'<dl>\n<div class="journey-backlog__owner">{owner_term}<dd>{escape_text(improvement.owner or _NONE)}</dd></div>\n')
        if improvement.teams:
            teams = ", ".join(escape_text(team) for team in improvement.teams)
            add(f'<div class="journey-backlog__teams"><dt>{label["teams"]}</dt><dd>{teams}</dd></div>\n')
        due = escape_text(translate.due(improvement.due)) if improvement.due else _NONE
        add(f'<div class="journey-backlog__due">{due_term}<dd>{due}</dd></div>\n')
        if improvement.kpi:
            add(f'<div class="journey-backlog__kpi"><dt>{label["kpi"]}</dt><dd>{md(improvement.kpi)}</dd></div>\n')
        if improvement.link:
            add(f'<div class="journey-backlog__link"><dt>{label["link"]}</dt><dd><a href="{escape_text(row.link_href)}" '
                f'rel="noopener">{link_icon}{escape_text(improvement.link)}</a></dd></div>\n')
        add(f'<div class="journey-backlog__addresses">{addresses_term}<dd>\n')
        if row.targets:
            add("<ul>\n")
            out.extend(f'<li><a href="#{escape_text(target.anchor)}">{escape_text(target.stage)} › {escape_text(target.touchpoint)}</a></li>\n'
                       for target in row.targets)
            add("</ul>\n")
        else:
            add(_NONE)
        add("</dd></div>\n</dl>\n</li>\n")
    add("</ol>")
    return Markup("".join(out))
