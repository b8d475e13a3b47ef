"""``journeys.json``: every valid map of a site as plain data, for dashboards and scripts.

This is a pure function of loaded maps and the analysis, so the numbers in the file
are the numbers on the pages (the same ``analyse`` produces both). Key order and
list order are fixed, so the same site gives byte-identical files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from .analyse import Analysis, BacklogItem
from .health import HealthFinding
from .collection import CollectedMap
from .i18n import Translator
from .lanes import export_touchpoint_fields
from .model import Journey, Stage, Touchpoint

EXPORT_VERSION = 1
_VERSION_1_ORDER = {key: index for index, key in enumerate(
    ("channel", "emotion", "moment_of_truth", "on_brand", "pains", "gains", "needs", "met"))}
"""Where version 1 put a touchpoint's fields, kept so the file does not change; fields
a newer lane publishes follow, in lane order (the sort is stable)."""


@dataclass(frozen=True)
class ExportedMap:
    """One map as the site publishes it."""

    map: CollectedMap
    url: str
    """The page URL relative to the site root (``journeys/booking/``)."""
    source: str
    """The journey file relative to the docs folder, with ``/`` separators."""


def export_journeys(maps: list[ExportedMap], translate: Translator) -> dict[str, Any]:
    """The content of ``journeys.json``; maps that did not load are left out.

    Each map's analysis is the one made when it was collected, so the numbers
    are the page's.
    """
    valid = sorted((m for m in maps if m.map.ok), key=lambda m: m.source)
    journeys = []
    for item in valid:
        assert item.map.analysis is not None
        journeys.append(_journey(item, item.map.analysis, translate))
    return {"version": EXPORT_VERSION, "journeys": journeys}


def dump_export(data: dict[str, Any]) -> str:
    """The file's text: indented, UTF-8 as written, ending in a newline."""
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def export_entry(item: ExportedMap, translate: Translator) -> str:
    """One valid map's entry, as :func:`dump_export` writes it in the list (for ``serve``, which keeps entries).

    ``export_text`` of the entries of the valid maps, in ``source`` order, is
    ``dump_export(export_journeys(...))`` byte for byte.
    """
    assert item.map.analysis is not None
    text = json.dumps(_journey(item, item.map.analysis, translate), indent=2, ensure_ascii=False, sort_keys=False)
    return "\n".join("    " + line for line in text.split("\n"))  # JSON escapes a newline in a string


def export_text(entries: list[str]) -> str:
    """The file's text made of entries from :func:`export_entry`."""
    if not entries:
        return dump_export({"version": EXPORT_VERSION, "journeys": []})
    return f'{{\n  "version": {EXPORT_VERSION},\n  "journeys": [\n' + ",\n".join(entries) + "\n  ]\n}\n"


def export_bytes(maps: list[ExportedMap], translate: Translator) -> bytes:
    """The file as UTF-8, ``dump_export(export_journeys(...))`` byte for byte (see :func:`export_chunks`)."""
    return b"".join(export_chunks(maps, translate))


def export_chunks(maps: list[ExportedMap], translate: Translator) -> Iterator[bytes]:
    """The file as UTF-8 in pieces, made one map at a time as they are asked for.

    Dumping the whole site at once held every map's data and the indenting
    encoder's pieces together: at 500 maps that was the build's peak memory
    (about 100 MB more than the pages), before a single page was rendered. Written
    piece by piece (the plugin does, see ``plugin/on_demand.py``), the file never
    is in memory whole: at 500 maps it is some 18 MB.
    """
    valid = sorted((m for m in maps if m.map.ok), key=lambda m: m.source)
    if not valid:
        yield export_text([]).encode("utf-8")
        return
    yield f'{{\n  "version": {EXPORT_VERSION},\n  "journeys": [\n'.encode("utf-8")
    for index, item in enumerate(valid):
        if index:
            yield b",\n"
        yield export_entry(item, translate).encode("utf-8")
    yield b"\n  ]\n}\n"


def _journey(item: ExportedMap, analysis: Analysis, translate: Translator) -> dict[str, Any]:
    loaded = item.map.loaded
    journey = loaded.journey
    assert journey is not None
    return {
        "title": journey.title,
        "url": item.url,
        "source": item.source,
        "summary": journey.summary,
        "owner": journey.owner,
        "status": journey.status,
        "state": journey.state,
        "reviewed": journey.reviewed.isoformat() if journey.reviewed else None,
        "persona": loaded.persona.name if loaded.persona is not None else None,
        "stages": [_stage(stage) for stage in journey.stages],
        "improvements": [_improvement(entry) for entry in analysis.backlog],
        "health": [_health(note, journey, Translator(journey.language) if journey.language else translate)
                   for note in analysis.health],
    }


def _stage(stage: Stage) -> dict[str, Any]:
    return {
        "id": stage.id,
        "name": stage.name,
        "goal": stage.goal,
        "touchpoints": [_touchpoint(touchpoint) for touchpoint in stage.touchpoints],
    }


def _touchpoint(touchpoint: Touchpoint) -> dict[str, Any]:
    """A touchpoint's id and name, then the fields its lanes publish (see ``lanes.py``)."""
    fields = export_touchpoint_fields(touchpoint)
    ordered = sorted(fields, key=lambda key: _VERSION_1_ORDER.get(key, len(_VERSION_1_ORDER)))
    return {"id": touchpoint.id, "name": touchpoint.name, **{key: fields[key] for key in ordered}}


def _improvement(entry: BacklogItem) -> dict[str, Any]:
    improvement = entry.improvement
    due = improvement.due
    return {
        "id": improvement.id,
        "title": improvement.title,
        "status": improvement.status,
        "owner": improvement.owner,
        "impact": improvement.impact,
        "effort": improvement.effort,
        "score": entry.score,
        "quick_win": entry.quick_win,
        "due": due.isoformat() if isinstance(due, date) else due,
        "addresses": [f"{stage}/{touchpoint}" for stage, touchpoint in entry.targets],
    }


def _health(note: HealthFinding, journey: Journey, translate: Translator) -> dict[str, Any]:
    """A health note, with the stage, touchpoint or improvement it is about (when it is about one)."""
    data: dict[str, Any] = {"kind": note.kind, "message": note.message(translate)}
    path = note.path
    if len(path) >= 2 and path[0] == "stages" and isinstance(path[1], int):
        stage = journey.stages[path[1]]
        data["stage"] = stage.id
        if len(path) >= 4 and path[2] == "touchpoints" and isinstance(path[3], int):
            data["touchpoint"] = stage.touchpoints[path[3]].id
    elif len(path) >= 2 and path[0] == "improvements" and isinstance(path[1], int):
        data["improvement"] = journey.improvements[path[1]].id
    return data
