"""The review as a pull-request comment: GitHub-flavoured Markdown that reads like a review.

Laid out as the best PR bots do it (the verdict and counts first, then one
collapsible block per map), and always under GitHub's 65,536-character limit: when
the full text is longer, the details of the last maps are left out, and the
comment says so and how to see everything.

Text from the files goes into Markdown, HTML and table cells, so every character
that means something there is escaped, and ``@name`` is broken with a zero-width
space so that a map's text never pings anyone.
"""

from __future__ import annotations

import re

from ..describe import Description, Group, Line, describe_changes
from ..i18n import Translator
from ..review import MapReview, PersonaReview, Review
from . import compared, counts, description, headline, map_facts, map_url, verdict

MARKER = "<!-- mkdocs-journey-diff -->"
"""The comment's first line: how the GitHub Action finds its own comment to update it."""

NO_CHANGES = "<!-- mkdocs-journey-diff:no-changes -->"
"""The second line when nothing changed: the Action then updates an earlier comment but starts none."""

LIMIT = 65_536
"""GitHub's maximum comment size in characters."""

_BUDGET = LIMIT - 1_536
"""What the comment may use: room is left for a workflow to add a line of its own."""

_CELL = 400
"""Characters of one value shown in a table cell; longer text is cut with an ellipsis."""

FACES = {1: "😣", 2: "🙁", 3: "😐", 4: "🙂", 5: "😄"}
"""The smiley of each emotion score (the map page draws the same five faces)."""

BETTER, WORSE = "🟢", "🔴"
"""The marks of what is better or worse for the customer (green and red, and also told in words)."""

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def escape(text: str) -> str:
    """``text`` as literal Markdown inline text: no formatting, no HTML, no links, no mentions."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    text = _SPECIAL.sub(r"\\\1", text)
    # A zero-width space after `@` keeps GitHub from turning `@team` into a mention.
    text = text.replace("@", "@&#8203;")
    # Line breaks would end a table row or a paragraph.
    return re.sub(r"\r\n|\r|\n", "<br>", text)


def escape_html(text: str) -> str:
    """``text`` inside raw HTML (a ``<summary>``): entities only, since Markdown is not read there."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return re.sub(r"\r\n|\r|\n", " ", text).replace("@", "@&#8203;")


def _cell(text: str | None) -> str:
    if text is None:
        return "—"
    if len(text) > _CELL:
        text = text[: _CELL - 1].rstrip() + "…"
    return escape(text)


def _link(text: str, url: str | None) -> str:
    """A link whose text is escaped; the URL is ours (site URL + page path), percent-encoded as needed."""
    if url is None:
        return text
    safe = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    return f"[{text}]({safe})"


def render_markdown(review: Review, t: Translator, site_url: str | None = None) -> str:
    """The comment body; never longer than GitHub allows."""
    changed = [m for m in review.maps if m.changed]
    blocks = [_map_block(item, t, site_url) for item in changed] + [_persona_block(p, t) for p in review.personas]
    head = _head(review, t, site_url)
    kept = len(blocks)
    while True:
        body = head + "".join(blocks[:kept])
        left = len(blocks) - kept
        if left:
            body += "\n" + t("diff.report.left-out", count=left) + "\n"
        body += _footer(review, t)
        if len(body) <= _BUDGET or kept == 0:
            break
        kept -= 1
    if len(body) > _BUDGET:
        # Even the summary table is too long (thousands of maps): cut it, and say so.
        cut = body[: _BUDGET - 200].rsplit("\n", 1)[0]
        body = cut + "\n\n" + t("diff.report.cut") + "\n"
    return body


def _head(review: Review, t: Translator, site_url: str | None) -> str:
    out = [MARKER]
    if not review.changed:
        out.append(NO_CHANGES)
        out.append(f"### {t('diff.report.heading')}")
        out.append("")
        out.append(t("diff.report.no-changes"))
        return "\n".join(out) + "\n"
    out.append(f"### {t('diff.report.heading')}: {headline(review, t)}")
    out.append("")
    numbers = counts(review)
    mark = WORSE if numbers.worse or numbers.quick_wins_lost else BETTER if numbers.better else "➖"
    out.append(f"**{mark} {verdict(review, t)}**")
    intro = compared(review, t)
    if intro:
        out.append("")
        out.append(escape(intro[:1].upper() + intro[1:]))
    rows = [m for m in review.maps if m.changed]
    if rows:
        out.append("")
        out.append("| " + " | ".join(t(f"diff.report.column.{c}") for c in
                                       ("map", "emotion", "touchpoints", "pains", "health")) + " |")
        out.append("| --- | --- | --- | --- | --- |")
        for item in rows:
            out.append(_row(item, t, site_url))
    return "\n".join(out) + "\n"


def _row(item: MapReview, t: Translator, site_url: str | None) -> str:
    title = _link(escape(item.title), map_url(item, site_url))
    if item.changes is None:
        status = t(f"diff.report.map.{item.status}")
        return f"| {title} | {status} | {escape(map_facts(item, t))} | | |"
    summary = item.changes.summary
    average = "—"
    if summary.average_before is not None or summary.average_after is not None:
        before = t.number(summary.average_before) if summary.average_before is not None else "—"
        after = t.number(summary.average_after) if summary.average_after is not None else "—"
        average = before if before == after else f"{before} → {after}"
    moved = f"{BETTER} {summary.better} · {WORSE} {summary.worse}"
    pains = f"+{summary.pains_added} · −{summary.pains_solved}"
    notes = list(item.changes.all_changes())
    appeared = sum(1 for c in notes if c.kind.value == "health-appeared")
    resolved = sum(1 for c in notes if c.kind.value == "health-resolved")
    return f"| {title} | {average} | {moved} | {pains} | +{appeared} · −{resolved} |"


def _map_block(item: MapReview, t: Translator, site_url: str | None) -> str:
    url = map_url(item, site_url)
    described = description(item, t)
    note = described.summary if described is not None and described.summary else (
        t(f"diff.report.map.{item.status}") if item.status in ("added", "removed") else "")
    out = ["", "<details>", f"<summary><strong>{escape_html(item.title)}</strong>"
           + (f": {escape_html(note)}" if note else "") + "</summary>", ""]
    where = [f"`{_code(item.name)}`"]
    if item.status == "renamed" and item.old_name:
        where.append(escape(t("diff.report.map-renamed", old=item.old_name)))
    if url is not None:
        where.append(_link(escape(t("diff.report.open-map")), url))
    out.append(" · ".join(where))
    if item.status in ("added", "removed"):
        out += ["", escape(map_facts(item, t))]
    if described is not None:
        out += _sections(described, t, url)
    out += ["", "</details>", ""]
    return "\n".join(out)


def _sections(described: Description, t: Translator, url: str | None) -> list[str]:
    out: list[str] = []
    for section in described.sections:
        out += ["", f"#### {escape(section.title)}"]
        order = [line for group in section.groups for line in group.lines
                 if line.change.kind.value == "reordered" and line.change.field == "backlog"]
        rows = []
        for group in section.groups:
            where = _where(group, url)
            # The backlog's new order is a numbered list below the table, not a row of it.
            lines = [line for line in group.lines if line not in order]
            for index, line in enumerate(lines):
                rows.append(f"| {where if index == 0 else ''} | {escape(line.what)} | "
                            f"{_change(line)} |")
        if rows:
            out += ["", "| " + " | ".join(t(f"diff.report.column.{c}") for c in ("where", "what", "change"))
                    + " |", "| --- | --- | --- |", *rows]
        if order:
            out += ["", escape(t("diff.report.backlog-order")), ""]
            out += [f"{rank}. {escape(title)}" for rank, title in enumerate(order[0].after_items, 1)]
    return out


def _where(group: Group, url: str | None) -> str:
    if group.name is None:
        return ""
    name = f"**{escape(group.name)}**"
    if url is not None and group.anchor is not None:
        return _link(name, f"{url}#{group.anchor}")
    return name


def _change(line: Line) -> str:
    """``before → after``, as every human format writes a change."""
    return f"{_value(line, 'before')} → {_value(line, 'after')}"


def _value(line: Line, side: str) -> str:
    text = line.before if side == "before" else line.after
    change = line.change
    if change.kind.value == "emotion":
        score = change.before if side == "before" else change.after
        face = FACES.get(score, "") if isinstance(score, int) else ""
        shown = f"{face} {_cell(text)}".strip()
    else:
        shown = _cell(text)
    if side == "after" and line.tone is not None:
        shown += f" {BETTER}" if line.tone == "better" else f" {WORSE}"
    return shown


def _persona_block(persona: PersonaReview, t: Translator) -> str:
    out = ["", "<details>", f"<summary><strong>{escape_html(persona.persona)}</strong>: "
           f"{escape_html(t(f'diff.report.persona.{persona.status}'))}</summary>", ""]
    out.append(f"`{_code(persona.name)}` · " + escape(
        t("diff.report.used-by", maps="; ".join(persona.maps)) if persona.maps else t("diff.report.used-by-none")))
    lines = describe_changes(persona.changes, t)
    if lines:
        out += ["", "| " + " | ".join(t(f"diff.report.column.{c}") for c in ("what", "change")) + " |",
                "| --- | --- |"]
        out += [f"| {escape(line.what)} | {_change(line)} |" for line in lines]
    out += ["", "</details>", ""]
    return "\n".join(out)


def _footer(review: Review, t: Translator) -> str:
    return "\n<sub>" + escape(t("diff.report.footer")) + "</sub>\n"


def _code(text: str) -> str:
    """A file name in a code span: backticks cannot end it, a line break cannot split it."""
    return text.replace("`", "'").replace("\n", " ")
