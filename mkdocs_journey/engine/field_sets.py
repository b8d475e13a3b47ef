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


_NESTED = (BaseModel, list, tuple, dict)
"""What can hold a model; every other value (text, numbers, dates) is a leaf."""


def share_field_sets(value: Any) -> None:
    """Give every model in ``value`` (models, lists, tuples and dicts of them) a shared fields set.

    One walk without recursion that looks at each value once and goes into the
    containers only: a map holds about 1,300 values, most of them text, and a call
    per value cost as much as validating the map.
    """
    pending = [value] if isinstance(value, _NESTED) else []
    shared = _SHARED
    while pending:
        item = pending.pop()
        if isinstance(item, BaseModel):
            fields = frozenset(item.__pydantic_fields_set__)
            object.__setattr__(item, "__pydantic_fields_set__", shared.setdefault(fields, fields))
            values: Any = item.__dict__.values()
        elif isinstance(item, dict):
            values = item.values()
        else:
            values = item
        pending += [child for child in values if isinstance(child, _NESTED)]
