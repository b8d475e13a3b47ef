"""Stable ids from human names.

Ids end up in URLs, anchors and `addresses` references that people type by hand, so
they fold accents (``Oriëntatie`` -> ``orientatie``) instead of percent-encoding them.
"""

from __future__ import annotations

import re
import unicodedata

_ID = r"[a-z0-9][a-z0-9_-]*"
ID_PATTERN = rf"^{_ID}$"
"""What an explicit id may look like, as the JSON Schema publishes it (ECMA-262, where
``$`` is the end of the text; Python's ``$`` also matches before a final newline, so
the loader uses :func:`re.fullmatch` instead)."""

_ID_RE = re.compile(_ID)
_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """Return the id a stage or touchpoint gets when it has no explicit ``id``.

    Returns an empty string when the name has no letter or digit left after folding;
    the caller then falls back to a positional id.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    lowered = ascii_only.casefold().replace("ß", "ss")
    return _NON_WORD.sub("-", lowered).strip("-")


def is_valid_id(value: str) -> bool:
    """True when ``value`` is an id as written, all of it (``"book\\n"`` is not)."""
    return _ID_RE.fullmatch(value) is not None
