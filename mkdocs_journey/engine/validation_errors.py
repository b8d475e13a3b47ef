"""Pydantic's validation errors, rewritten as messages a map author understands."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from .characters import shown
from .messages import message
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

# The message key that names what each model is ("a stage") in a message.
_WHAT: dict[type[BaseModel], str] = {
    Journey: "validation.what.journey",
    Stage: "validation.what.stage",
    Touchpoint: "validation.what.touchpoint",
    Backstage: "validation.what.backstage",
    Kpi: "validation.what.kpi",
    Improvement: "validation.what.improvement",
    Persona: "validation.what.persona",
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
        hint = did_you_mean(key, known) or message("validation.known_keys", keys=", ".join(f"`{k}`" for k in known))
        return Problem(line, column, message("validation.unknown_key", key=shown(key), what=message(_WHAT[model]),
                                             hint=hint))
    if kind == "missing":
        line, column = document.locate(loc[:-1])
        model = _model_at(loc[:-1], root)
        return Problem(line, column, message("validation.missing_key", what=message(_WHAT[model]), key=loc[-1]))
    line, column = document.locate(loc)
    field = f"`{_field_name(loc)}`"
    if kind == "literal_error":
        expected = str(item.get("ctx", {}).get("expected", "")).replace("'", "`")
        return Problem(line, column, message("validation.one_of", field=field, expected=expected, value=_show(value)))
    if kind == "string_type":
        return Problem(line, column, message("validation.text", field=field, value=_show(value)))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return Problem(line, column, message("validation.mapping", field=field, value=_show(value)))
    if kind in ("too_short", "string_too_short"):
        if isinstance(value, list):
            return Problem(line, column, message("validation.at_least_one", field=field))
        return Problem(line, column, message("validation.not_empty", field=field))
    return Problem(line, column, message("validation.other", field=field, problem=item['msg']))


def _field_name(loc: DataPath) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return message("validation.value")


def _show(value: Any) -> str:
    if value is None:
        return message("validation.show.nothing")
    if isinstance(value, list):
        return message("validation.show.list")
    if isinstance(value, dict):
        return message("validation.show.mapping")
    return f"`{shown(str(value))}`"
