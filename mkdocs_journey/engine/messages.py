"""Every message a user reads from the loader, the checks, the plugin's log and the CLI.

The English templates live in one file, ``translations/messages/en.yml``, keyed by a
dotted name, with ``{name}`` placeholders (``str.format`` syntax, so ``{count:,}``
and ``{{`` work). Code asks for a key and passes the named values; it never holds
the sentence itself, so translating the messages later is adding a file beside
``en.yml``, not a hunt through the code. Labels on the map page are a different
catalog (``translations/<lang>.yml``, read by :mod:`.i18n`).

``tests/engine/test_messages.py`` keeps catalog and code in step: every key is used,
every key used exists, and each call passes exactly the template's placeholders.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from string import Formatter
from typing import Any

import yaml

from .i18n import locale

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML has it: the catalogs are read at import, on every build."""

CATALOG_LANGUAGE = "en"


@lru_cache(maxsize=None)
def catalog(language: str = CATALOG_LANGUAGE) -> dict[str, str]:
    """The templates of one language, key -> template (read once per process)."""
    folder = resources.files("mkdocs_journey").joinpath("translations").joinpath("messages")
    data = yaml.load(folder.joinpath(f"{language}.yml").read_text("utf-8"), Loader=_SAFE_LOADER)
    return {str(key): str(value) for key, value in data.items()}


def template(key: str) -> str:
    """The raw template of ``key``: for pydantic's custom errors, which fill in ``{name}`` themselves."""
    try:
        return catalog()[key]
    except KeyError:
        raise KeyError(f"no message {key!r} in translations/messages/{CATALOG_LANGUAGE}.yml") from None


def message(key: str, /, **params: Any) -> str:
    """The message ``key`` with its placeholders filled in from ``params``."""
    return template(key).format_map(params)


def plural(key: str, count: int, /, **params: Any) -> str:
    """``key.<form>`` for ``count`` by the catalog language's CLDR plural rule (Babel, as the labels)."""
    form = str(locale(CATALOG_LANGUAGE).plural_form(count))
    return message(f"{key}.{form}", count=count, **params)


def placeholders(text: str) -> set[str]:
    """The field names a template fills in: ``{total:,}`` -> ``total``; ``{{`` is no field."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}
