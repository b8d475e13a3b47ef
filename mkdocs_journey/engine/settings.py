"""One build's settings, made once by an adapter and handed to every engine step.

The date that counts as today, when a map is stale, the language of the labels
and the size limits used to be threaded one by one through loading, analysis,
health checks, export and rendering; every new setting meant changing every
signature between the adapter and the step that needed it. The MkDocs plugin
builds one of these from its config, the command line from the site's settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from .i18n import Translator
from .limits import DEFAULT_MAX_TOUCHPOINTS
from .yaml_source import DEFAULT_MAX_FILE_SIZE

DEFAULT_STALE_AFTER_DAYS = 180
"""A map reviewed longer ago than this many days is `stale` (the contract's default)."""


@dataclass(frozen=True)
class BuildSettings:
    """What one build (or one ``check`` run) needs to know beyond the files themselves."""

    today: date = field(default_factory=date.today)
    """The build date (``clock.today()`` honours ``SOURCE_DATE_EPOCH``)."""
    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS
    """A map reviewed longer ago than this many days is stale."""
    translate: Translator = field(default_factory=Translator)
    """The labels' language (health messages, dates, the page)."""
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    """Bytes a journey or persona file may have."""
    max_touchpoints: int = DEFAULT_MAX_TOUCHPOINTS
    """Touchpoints a map may have."""

    def for_language(self, language: str | None) -> BuildSettings:
        """These settings with the labels of ``language`` (a map's own ``language:``); None keeps the site's.

        A map may be written in another language than the site around it: its page,
        its health notes and their dates then read in the map's language.
        """
        if language is None or language == self.translate.language:
            return self
        return replace(self, translate=Translator(language))
