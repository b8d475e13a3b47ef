"""One way to suggest the word a typo meant, for keys, references, persona ids and lanes."""

from __future__ import annotations

from pathlib import Path

import mkdocs_journey
from mkdocs_journey.engine.spelling import closest, did_you_mean

PACKAGE = Path(mkdocs_journey.__file__).parent


def test_the_closest_known_word_or_none() -> None:
    assert closest("titel", ["title", "summary"]) == "title"
    assert did_you_mean("emotions", ["touchpoint", "emotion"]) == "did you mean `emotion`?"
    assert closest("xyz", ["title", "summary"]) is None and did_you_mean("xyz", ["title"]) is None


def test_no_other_module_guesses_words_itself() -> None:
    # Three copies of the same difflib call once drifted apart in wording and cut-off.
    guessing = sorted(str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
                      if "difflib" in path.read_text("utf-8"))
    assert guessing == ["engine/spelling.py"]
