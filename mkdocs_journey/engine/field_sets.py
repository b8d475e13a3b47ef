"""One shared, frozen "fields set" per combination of written fields, instead of one per model.

Pydantic gives every model instance its own ``set`` of the field names the input
wrote (``model_fields_set``). A map of 30 touchpoints validates into about a
hundred models, most of them writing the same few combinations of fields, and
those sets (a set of ten names takes about 700 bytes) were about 40% of a
loaded map's memory: 20 MB of a 500-map build.

After validation each set is replaced by one ``frozenset`` shared by every model
that wrote the same fields. Nothing here reads or changes the sets afterwards;
the models are never assigned to once validated. The sets are frozen so that a
later assignment (which makes Pydantic add the name to the set) fails loudly
instead of changing the other models' sets.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

_SHARED: dict[frozenset[str], frozenset[str]] = {}
"""Every combination met so far (a few dozen: bounded by the models' fields)."""


def share_field_sets(value: Any) -> None:
    """Give every model in ``value`` (models, lists, tuples and dicts of them) a shared fields set.

    One walk without recursion that goes into the containers only, telling values
    apart by their type (looked up once per type): a map holds about 1,300 values,
    most of them text, and ``isinstance(value, BaseModel)`` runs Python code of
    Pydantic's for each, so a call and a check per value cost as much as validating the map.
    """
    pending = [value]
    shared = _SHARED
    kinds = _KINDS
    while pending:
        item = pending.pop()
        kind = kinds.get(type(item))
        if kind is None:
            kind = kinds[type(item)] = _kind(type(item))
        if kind is _MODEL:
            fields = frozenset(item.__pydantic_fields_set__)
            object.__setattr__(item, "__pydantic_fields_set__", shared.setdefault(fields, fields))
            pending += item.__dict__.values()
        elif kind is _MAPPING:
            pending += item.values()
        elif kind is _SEQUENCE:
            pending += item


_MODEL, _MAPPING, _SEQUENCE, _LEAF = "model", "mapping", "sequence", "leaf"
_KINDS: dict[type, str] = {}
"""What each type met is (a few dozen types: the models', text, numbers, dates)."""


def _kind(cls: type) -> str:
    if issubclass(cls, BaseModel):
        return _MODEL
    if issubclass(cls, dict):
        return _MAPPING
    if issubclass(cls, (list, tuple)):
        return _SEQUENCE
    return _LEAF
