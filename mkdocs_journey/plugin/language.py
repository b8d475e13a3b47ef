"""The language of a site's map labels: the plugin's ``language``, else the theme's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..engine.i18n import DEFAULT_LANGUAGE, available_languages, normalise_language
from ..engine.messages import message


@dataclass(frozen=True)
class LanguageChoice:
    language: str
    """A language with labels (``en``, ``nl``)."""
    warning: str | None = None
    """Set when the site asked for a language without labels (English is used)."""


def theme_language(theme: Any) -> str | None:
    """Material's ``theme.language``, else MkDocs' ``theme.locale`` (a babel ``Locale``)."""
    for key in ("language", "locale"):
        try:
            value = theme[key]
        except (KeyError, TypeError):
            continue
        if value:
            return str(value)
    return None


def choose_language(option: str | None, theme: Any) -> LanguageChoice:
    """Pick the labels' language; an unknown one falls back to English with a warning."""
    requested, where = ((option, message("plugin.language.from_option")) if option
                        else (theme_language(theme), message("plugin.language.from_theme")))
    if not requested:
        return LanguageChoice(DEFAULT_LANGUAGE)
    language = normalise_language(requested)
    if language is not None:
        return LanguageChoice(language)
    known = ", ".join(available_languages())
    return LanguageChoice(
        DEFAULT_LANGUAGE,
        message("plugin.language.unknown", language=requested, source=where, available=known),
    )
