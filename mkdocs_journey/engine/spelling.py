"""The known word a misspelt one most likely meant, for "did you mean ...?" hints.

Unknown keys, touchpoint references, persona ids and lane names all suggest the
closest known word the same way, so one typo gets the same help wherever it is made.
"""

from __future__ import annotations

import difflib
from typing import Iterable

from .messages import message

#: How alike two words must be (``difflib``'s ratio) before one is suggested for the other.
SIMILARITY = 0.6


def closest(word: str, known: Iterable[str]) -> str | None:
    """The word of ``known`` most like ``word``, or None when none is alike enough."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=SIMILARITY)
    return close[0] if close else None


def did_you_mean(word: str, known: Iterable[str]) -> str | None:
    """``did you mean `title`?`` for ``titel``, or None when no known word is close."""
    match = closest(word, known)
    return message("spelling.did_you_mean", word=match) if match is not None else None
