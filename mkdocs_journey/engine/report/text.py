"""The review for a terminal: indented lines, ``before → after``, colour by the caller.

Colour is not decided here: the command line passes a ``style`` function that
colours on a terminal and leaves text plain in a pipe or a CI log.
"""

from __future__ import annotations

from typing import Callable, Literal

from ..describe import Description, Line, describe_changes
from ..i18n import Translator
from ..review import MapReview, PersonaReview, Review
from . import compared, description, headline, map_facts, verdict

Style = Literal["heading", "better", "worse", "muted"]
Styler = Callable[[str, Style], str]


def _plain(text: str, style: Style) -> str:
    return text


def render_text(review: Review, t: Translator, style: Styler = _plain) -> str:
    """The whole review as lines of text, ending in a newline."""
    out: list[str] = []
    if not review.changed:
        out.append(t("diff.report.no-changes"))
        return "\n".join(out) + "\n"
    intro = compared(review, t)
    out.append(style(headline(review, t), "heading") + (f" ({intro})" if intro else ""))
    out.append(verdict(review, t))
    for item in review.maps:
        if item.changed:
            out.append("")
            out += _map(item, t, style)
    for persona in review.personas:
        out.append("")
        out += _persona(persona, t, style)
    return "\n".join(out) + "\n"


def _map(item: MapReview, t: Translator, style: Styler) -> list[str]:
    head = f"{style(item.title, 'heading')}  ({item.name})"
    if item.status == "added":
        return [f"{head}: {t('diff.report.map.added')}", f"  {map_facts(item, t)}"]
    if item.status == "removed":
        return [f"{head}: {t('diff.report.map.removed')}", f"  {map_facts(item, t)}"]
    out = [head]
    if item.status == "renamed":
        out.append("  " + t("diff.report.map-renamed", old=item.old_name))
    described = description(item, t)
    if described is not None:
        out += _described(described, style)
    return out


def _described(described: Description, style: Styler) -> list[str]:
    out = []
    if described.summary:
        out.append("  " + described.summary)
    for section in described.sections:
        out.append("  " + style(section.title, "heading"))
        for group in section.groups:
            indent = "    "
            if group.name is not None and group.kind != "stage":
                out.append(f"    {group.name}")
                indent = "      "
            out += [indent + _line(line, style) for line in group.lines]
    return out


def _line(line: Line, style: Styler) -> str:
    text = f"{line.what}: {line.before or '—'} → {line.after or '—'}"
    if line.tone is not None:
        mark = "▲" if line.tone == "better" else "▼"
        return style(f"{text}  {mark}", line.tone)
    return text


def _persona(persona: PersonaReview, t: Translator, style: Styler) -> list[str]:
    out = [f"{style(persona.persona, 'heading')}  ({persona.name}): {t(f'diff.report.persona.{persona.status}')}"]
    if persona.old_name:
        out.append("  " + t("diff.report.map-renamed", old=persona.old_name))
    out.append("  " + (t("diff.report.used-by", maps="; ".join(persona.maps)) if persona.maps
                       else t("diff.report.used-by-none")))
    out += ["    " + _line(line, style) for line in describe_changes(persona.changes, t)]
    return out
