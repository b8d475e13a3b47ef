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
    """Give every model in ``value`` (models, lists, tuples and dicts of them) a shared fields set."""
    if isinstance(value, BaseModel):
        fields = frozenset(value.__pydantic_fields_set__)
        object.__setattr__(value, "__pydantic_fields_set__", _SHARED.setdefault(fields, fields))
        for item in value.__dict__.values():
            share_field_sets(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            share_field_sets(item)
    elif isinstance(value, dict):
        for item in value.values():
            share_field_sets(item)
