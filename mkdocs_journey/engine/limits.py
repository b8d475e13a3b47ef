"""Limits on what one map may hold, checked after loading by the plugin and by ``check``.

``max_file_size`` bounds the bytes of a file, but a megabyte of flow-style YAML holds
some 75,000 touchpoints: such a map loads in a second or two and then takes half a
minute or more to render and index, and its page (megabytes of table) is of no use to
a reader. A
hand-made map has tens of touchpoints, so the default of 2,000 leaves any real map
far below the limit while keeping the worst build to about a second.
"""

from __future__ import annotations

from .diagnostics import Finding, Severity, sort_findings
from .load import LoadedJourney
from .messages import message

DEFAULT_MAX_TOUCHPOINTS = 2000


def limit_touchpoints(loaded: LoadedJourney, max_touchpoints: int) -> LoadedJourney:
    """Add an error at the first touchpoint beyond ``max_touchpoints``, if there is one.

    The count reads the file's own lists, so a map with other errors is told about
    its size too. A map over the limit is not rendered: its errors are shown instead.
    """
    data = loaded.document.data if loaded.document is not None else None
    stages = data.get("stages") if isinstance(data, dict) else None
    if not isinstance(stages, list):
        return loaded
    lists = [(s, stage.get("touchpoints")) for s, stage in enumerate(stages) if isinstance(stage, dict)]
    counts = [(s, len(touchpoints)) for s, touchpoints in lists if isinstance(touchpoints, list)]
    total = sum(count for _, count in counts)
    if total <= max_touchpoints:
        return loaded
    assert loaded.document is not None
    line, column = 1, 1
    index = max_touchpoints  # of the first touchpoint over the limit, counted from 0 within its stage
    for s, count in counts:
        if index < count:
            line, column = loaded.document.locate(("stages", s, "touchpoints", index))
            break
        index -= count
    text = message("limits.too_many_touchpoints", total=total, limit=max_touchpoints)
    loaded.errors = sort_findings([*loaded.errors, Finding(loaded.name, line, column, Severity.ERROR, text)])
    return loaded
