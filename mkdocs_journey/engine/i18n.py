"""Every word the plugin prints, in English and Dutch.

Labels live in ``translations/<lang>.yml`` beside this module, so adding a language
is adding a file; code asks for keys and never holds user-facing text itself.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

DEFAULT_LANGUAGE = "en"


def available_languages() -> list[str]:
    folder = resources.files("mkdocs_journey").joinpath("translations")
    return sorted(p.name.rsplit(".", 1)[0] for p in folder.iterdir() if p.name.endswith(".yml"))


@lru_cache(maxsize=None)
def _catalog(language: str) -> dict[str, Any]:
    text = resources.files("mkdocs_journey").joinpath("translations").joinpath(f"{language}.yml").read_text("utf-8")
    return yaml.safe_load(text)


def normalise_language(code: str | None) -> str | None:
    """``nl_BE`` / ``nl-NL`` / ``NL`` -> ``nl``; None when we have no such language."""
    if not code:
        return None
    base = code.replace("_", "-").split("-")[0].lower()
    return base if base in available_languages() else None


class Translator:
    """Looks up labels and formats dates for one language (falling back to English)."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = normalise_language(language) or DEFAULT_LANGUAGE
        self._labels = _catalog(self.language)
        self._fallback = _catalog(DEFAULT_LANGUAGE)

    def __call__(self, key: str, **params: Any) -> str:
        text = self._labels.get(key, self._fallback.get(key))
        if text is None:
            raise KeyError(f"no label {key!r} in the {self.language} or {DEFAULT_LANGUAGE} translations")
        return str(text).format(**params) if params else str(text)

    def date(self, value: date) -> str:
        """A date the way the language writes it: "14 October 2026", "14 oktober 2026"."""
        months = self("months").split()
        return self("date_format").format(day=value.day, month=months[value.month - 1], year=value.year)

    def due(self, value: date | str) -> str:
        """A due date or a quarter (``2027-Q1`` -> "Q1 2027")."""
        if isinstance(value, date):
            return self.date(value)
        year, quarter = value.split("-Q")
        return self("quarter_format").format(quarter=quarter, year=year)
