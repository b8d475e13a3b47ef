"""Every word the plugin prints, in English and Dutch.

Labels live in ``translations/<lang>.yml`` beside this module, so adding a language
is adding a file; code asks for keys and never holds user-facing text itself.

Dates and plurals follow the language's CLDR rules through Babel (what Material's
blog plugin uses), so a new language gets its month names and plural forms with no
code: a label that counts something is a mapping of plural forms (``one``, ``other``,
and whatever else the language's rules name) instead of a string.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date as _Date  # `Translator.date` shadows the name in the class body
from functools import lru_cache
from importlib import resources
from typing import Any, Union

import yaml
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML has it: the catalogs are read at import, on every build."""

DEFAULT_LANGUAGE = "en"

Label = Union[str, dict[str, str]]
"""A label's text, or its plural forms by CLDR category (``one``, ``few``, ``other``...)."""


def available_languages() -> list[str]:
    folder = resources.files("mkdocs_journey").joinpath("translations")
    return sorted(p.name.rsplit(".", 1)[0] for p in folder.iterdir() if p.name.endswith(".yml"))


@lru_cache(maxsize=None)
def _catalog(language: str) -> dict[str, Label]:
    text = resources.files("mkdocs_journey").joinpath("translations").joinpath(f"{language}.yml").read_text("utf-8")
    return yaml.load(text, Loader=_SAFE_LOADER)


def labels(language: str) -> Mapping[str, Label]:
    """The labels one language's file itself holds, without the English fallback.

    For the tests that keep every language complete: a Translator cannot tell a
    Dutch label from the English one it fell back to.
    """
    return _catalog(language)


@lru_cache(maxsize=None)
def locale(language: str) -> Locale:
    """Babel's locale for a language we have: its plural rules and month names."""
    return Locale.parse(language)


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
        self._locale = locale(self.language)
        self._dates: dict[tuple[_Date, str], str] = {}
        self._plain: dict[str, str] = {}
        """Labels asked for without parameters, as given: a map page asks for a few dozen of them
        some 250 times."""

    def __call__(self, key: str, **params: Any) -> str:
        """The label ``key`` with ``params`` filled in; a plural label picks its form by ``count``."""
        if not params:
            plain = self._plain.get(key)
            if plain is not None:
                return plain
        text = self._labels.get(key, self._fallback.get(key))
        if text is None:
            raise KeyError(f"no label {key!r} in the {self.language} or {DEFAULT_LANGUAGE} translations")
        if isinstance(text, dict):
            if "count" not in params:
                raise KeyError(f"label {key!r} has plural forms: pass count=")
            text = text.get(self.plural_form(params["count"]), text["other"])
        if params:
            return str(text).format(**params)
        plain = self._plain[key] = str(text)
        return plain

    def plural_form(self, count: int) -> str:
        """The CLDR plural category of ``count`` in this language: "one", "other", ..."""
        return str(self._locale.plural_form(count))

    def date(self, value: _Date) -> str:
        """A date the way the language writes it: "14 October 2026", "14 oktober 2026".

        The label ``date_format`` is a Babel (CLDR) pattern; Babel supplies the month names.
        """
        return self._format_date(value, "date_format")

    def number(self, value: float) -> str:
        """A number with one decimal, as the language writes it: "3.4", "3,4"."""
        return str(format_decimal(value, format="0.0", locale=self._locale))

    def due(self, value: _Date | str) -> str:
        """A due date, a month (``2027-03`` -> "March 2027") or a quarter (``2027-Q1`` -> "Q1 2027")."""
        if isinstance(value, _Date):
            return self.date(value)
        if "-Q" not in value:
            year, month = value.split("-")
            return self.month(_Date(int(year), int(month), 1))
        year, quarter = value.split("-Q")
        return self("quarter_format").format(quarter=quarter, year=year)

    def month(self, value: _Date) -> str:
        """The month of a date as the language names it: "March 2027", "maart 2027" (label ``month_format``)."""
        return self._format_date(value, "month_format")

    def _format_date(self, value: _Date, pattern_key: str) -> str:
        """Babel's formatting, kept per date: a page shows the same few dates many times, a build thousands."""
        key = (value, pattern_key)
        if key not in self._dates:
            self._dates[key] = str(format_date(value, self(pattern_key), locale=self._locale))
        return self._dates[key]
