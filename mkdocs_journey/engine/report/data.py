"""The review as JSON, for programs: every change with its kind, subject, field and values.

The values are the model's (dates as ISO text, lists as arrays); health notes carry
their kind and their message in the chosen language. Version 1; a field is only
ever added, never renamed, within a version.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from ..diff import Change, Summary, Value
from ..health import HealthFinding
from ..i18n import Translator
from ..review import MapReview, PersonaReview, Review
from . import map_url


def render_json(review: Review, t: Translator, site_url: str | None = None) -> str:
    payload = {
        "version": 1,
        "base": review.base,
        "head": review.head,
        "changed": review.changed,
        "maps": [_map(item, t, site_url) for item in review.maps],
        "personas": [_persona(p, t) for p in review.personas],
        "errors": [finding.as_dict() for finding in review.errors],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)


def _map(item: MapReview, t: Translator, site_url: str | None) -> dict[str, Any]:
    return {
        "status": item.status,
        "file": item.name,
        "old_file": item.old_name,
        "title": item.title,
        "page": item.page,
        "url": map_url(item, site_url),
        "summary": _summary(item.changes.summary) if item.changes is not None else None,
        "changes": [_change(c, t) for c in item.changes.changes] if item.changes is not None else [],
    }


def _persona(persona: PersonaReview, t: Translator) -> dict[str, Any]:
    return {"status": persona.status, "file": persona.name, "old_file": persona.old_name,
            "name": persona.persona, "maps": persona.maps, "changes": [_change(c, t) for c in persona.changes]}


def _summary(summary: Summary) -> dict[str, Any]:
    return {
        "better": summary.better, "worse": summary.worse, "unchanged": summary.unchanged,
        "average_before": _round(summary.average_before), "average_after": _round(summary.average_after),
        "pains_added": summary.pains_added, "pains_solved": summary.pains_solved,
        "improvements_done": summary.improvements_done,
        "quick_wins_gained": summary.quick_wins_gained, "quick_wins_lost": summary.quick_wins_lost,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _change(change: Change, t: Translator) -> dict[str, Any]:
    subject = {k: v for k, v in vars(change.subject).items() if v is not None}
    data: dict[str, Any] = {"kind": change.kind.value, "subject": subject}
    if change.field is not None:
        data["field"] = change.field
    if change.added or change.removed:
        data["added"] = list(change.added)
        data["removed"] = list(change.removed)
    else:
        data["before"] = _value(change.before, t)
        data["after"] = _value(change.after, t)
    if change.direction is not None:
        data["direction"] = change.direction
    if change.changes:
        data["changes"] = [_change(c, t) for c in change.changes]
    return data


def _value(value: Value, t: Translator) -> Any:
    if isinstance(value, HealthFinding):
        return {"kind": value.kind, "message": value.message(t)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value
