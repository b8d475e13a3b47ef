"""The plugin's whole-number options: each one's name, default and least accepted value.

Two adapters read these options. ``mkdocs build`` refuses a bad value with an error
(``plugin/config.py``); ``mkdocs-journey check`` reads the same options from
``mkdocs.yml`` without MkDocs and keeps the default for a value the build would refuse,
leaving the complaint to MkDocs (``cli/site_settings.py``). Both ask the definition
here, so a value is never good for one and bad for the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from .settings import DEFAULT_STALE_AFTER_DAYS
from .limits import DEFAULT_MAX_TOUCHPOINTS
from .messages import message
from .yaml_source import DEFAULT_MAX_FILE_SIZE


@dataclass(frozen=True)
class WholeNumberOption:
    """An option that takes a whole number of at least ``minimum`` (``true`` is no number)."""

    name: str
    default: int
    minimum: int

    def problem(self, value: object) -> str | None:
        """Why ``value`` is refused, or None when it is accepted."""
        if isinstance(value, bool) or not isinstance(value, int):
            return message("options.not_whole", value=value)
        if value < self.minimum:
            return message("options.below_minimum", minimum=self.minimum, value=value)
        return None

    def value_or_default(self, value: object) -> int:
        """``value`` when it is accepted, else the default."""
        return value if isinstance(value, int) and self.problem(value) is None else self.default


STALE_AFTER_DAYS = WholeNumberOption("stale_after_days", DEFAULT_STALE_AFTER_DAYS, minimum=0)
MAX_FILE_SIZE = WholeNumberOption("max_file_size", DEFAULT_MAX_FILE_SIZE, minimum=1)
MAX_TOUCHPOINTS = WholeNumberOption("max_touchpoints", DEFAULT_MAX_TOUCHPOINTS, minimum=1)
HISTORY_TREND = WholeNumberOption("history_trend", 0, minimum=0)
"""Versions of a map the History section's trend chart shows (0: no chart). The build alone reads it."""
WHOLE_NUMBER_OPTIONS = (STALE_AFTER_DAYS, MAX_FILE_SIZE, MAX_TOUCHPOINTS)
