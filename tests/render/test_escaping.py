"""``escape_text`` is MarkupSafe's ``escape`` as a plain ``str``: the same characters for every input."""

from __future__ import annotations

import pytest
from markupsafe import Markup, escape

from mkdocs_journey.engine.render.escaping import escape_text

TEXTS = [
    "", "Stap 1: Website bekijken", "<script>alert(1)</script>", "Tom & Jerry's \"deal\"", "&amp; stays &amp;amp;",
    "a > b < c", "'", '"', "&", "“Reizen” › Na de reis", "line\nbreak\ttab", "\x00nul", "emoji 😀 & <b>",
    "`code` *em* _u_ [link](http://x) &#39; &lt;",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_is_escaped_as_markupsafe_escapes_it(text: str) -> None:
    assert escape_text(text) == str(escape(text))
    assert type(escape_text(text)) is str  # no Markup: the caller's f-string is wrapped once


@pytest.mark.parametrize("value", [Markup("<b>kept</b>"), 3, 2.5, None, Markup("a &amp; b")])
def test_markup_and_other_values_are_escaped_as_markupsafe_does(value: object) -> None:
    assert escape_text(value) == str(escape(value))


def test_every_character_markupsafe_escapes_is_escaped() -> None:
    every = "".join(chr(c) for c in range(0x250))
    assert escape_text(every) == str(escape(every))
