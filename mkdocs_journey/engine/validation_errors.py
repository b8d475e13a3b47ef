"""Pydantic's validation errors, rewritten as messages a map author understands."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from .characters import shown
from .model import Backstage, Improvement, Journey, Kpi, Persona, Stage, Touchpoint
from .spelling import closest, did_you_mean
from .yaml_source import DataPath, Document, Problem

# Which model a key in the data leads to: used to suggest the closest known key.
_MODEL_OF_KEY: dict[str, type[BaseModel]] = {
    "stages": Stage,
    "touchpoints": Touchpoint,
    "backstage": Backstage,
    "kpis": Kpi,
    "improvements": Improvement,
    "persona": Persona,
}
# Tags pydantic adds to a location for the branches of the persona union.
_UNION_TAGS = frozenset(("inline", "file"))

_WHAT: dict[type[BaseModel], str] = {
    Journey: "a journey",
    Stage: "a stage",
    Touchpoint: "a touchpoint",
    Backstage: "`backstage`",
    Kpi: "a KPI",
    Improvement: "an improvement",
    Persona: "a persona",
}


def problems_from(error: ValidationError, document: Document, root: type[BaseModel]) -> list[Problem]:
    items = [(item, _clean(item["loc"])) for item in error.errors(include_url=False)]
    # A misspelt required key (`titel:`) is one mistake: "did you mean `title`?" says
    # it all, so the "needs the key `title`" it also causes is left out.
    suggested = {
        (loc[:-1], closest(str(loc[-1]), _model_at(loc[:-1], root).model_fields))
        for item, loc in items if item["type"] == "extra_forbidden"
    }
    return [
        _problem(item, loc, document, root)
        for item, loc in items
        if not (item["type"] == "missing" and (loc[:-1], loc[-1]) in suggested)
    ]


def _clean(loc: tuple[Any, ...]) -> DataPath:
    cleaned: list[str | int] = []
    for part in loc:
        if part in _UNION_TAGS and cleaned and cleaned[-1] == "persona":
            continue
        cleaned.append(part)
    return tuple(cleaned)


def _model_at(path: DataPath, root: type[BaseModel]) -> type[BaseModel]:
    model = root
    for part in path:
        if isinstance(part, str) and part in _MODEL_OF_KEY:
            model = _MODEL_OF_KEY[part]
    return model


def _problem(item: Any, loc: DataPath, document: Document, root: type[BaseModel]) -> Problem:
    kind = item["type"]
    value = item.get("input")
    if kind == "extra_forbidden":
        key = str(loc[-1])
        model = _model_at(loc[:-1], root)
        known = list(model.model_fields)
        line, column = document.locate(loc, key=True)
        hint = did_you_mean(key, known) or "known keys: " + ", ".join(f"`{k}`" for k in known)
        return Problem(line, column, f"unknown key `{shown(key)}` in {_WHAT[model]}; {hint}")
    if kind == "missing":
        line, column = document.locate(loc[:-1])
        model = _model_at(loc[:-1], root)
        return Problem(line, column, f"{_WHAT[model]} needs the key `{loc[-1]}`, which is missing")
    line, column = document.locate(loc)
    field = f"`{_field_name(loc)}`"
    if kind == "literal_error":
        expected = str(item.get("ctx", {}).get("expected", "")).replace("'", "`")
        return Problem(line, column, f"{field} must be one of {expected}, got {_show(value)}")
    if kind == "string_type":
        return Problem(line, column, f"{field} expected text, got {_show(value)}")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return Problem(line, column, f"{field} expected a mapping of `key: value` lines, got {_show(value)}")
    if kind in ("too_short", "string_too_short"):
        if isinstance(value, list):
            return Problem(line, column, f"{field} needs at least one item")
        return Problem(line, column, f"{field} must not be empty")
    return Problem(line, column, f"{field} {item['msg']}")


def _field_name(loc: DataPath) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return "value"


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"`{shown(str(value))}`"
