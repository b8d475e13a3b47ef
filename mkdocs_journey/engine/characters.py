"""Characters a journey file may not hold, and how messages name them and quote values.

A control character in a title or a name is never intended (it comes from a copy and
paste, an editor accident or a fuzzer), and it does harm far from where it was
written: MkDocs silently drops a page's front matter when its title holds U+0085 or
U+FFFE, and YAML counts U+0085, U+2028 and U+2029 as line breaks, which would put
every location after them on the wrong line. So the loader refuses them, raw or
written as an escape (``"\\x85"``), with an error that names the character.
"""

from __future__ import annotations

import re
import unicodedata

from .messages import message

_BMP = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 (but tab, line feed, carriage return), DEL, C1
    "\u2028\u2029"  # line and paragraph separators: line breaks to YAML, not to editors
    "\ud800-\udfff"  # lone surrogates (an escape like "\\ud800"): cannot be written as UTF-8
    "\ufdd0-\ufdef\ufffe\uffff"  # Unicode non-characters
)
_ASTRAL = "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(1, 17))
"""The non-characters of the other planes, listed one by one: ranges there make ``re`` ten times slower."""
FORBIDDEN = re.compile(f"[{_BMP}{_ASTRAL}]")
"""Characters refused anywhere in a journey or persona file."""
_FORBIDDEN_BMP = re.compile(f"[{_BMP}]")
_FORBIDDEN_ASTRAL = re.compile(f"[{_ASTRAL}]")


def find_forbidden(text: str) -> re.Match[str] | None:
    """The first character of :data:`FORBIDDEN` in ``text``, fast on whole files."""
    found = _FORBIDDEN_BMP.search(text)
    if text.isascii() or not _has_astral(text):
        return found
    astral = _FORBIDDEN_ASTRAL.search(text, 0, found.start() if found else len(text))
    return astral or found


def _has_astral(text: str) -> bool:
    """Whether ``text`` holds a character beyond U+FFFF (which UTF-16 writes as two units).

    Encoding is a copy in C; ``max(text)`` compared every character in Python's
    terms and cost more than the rest of the check on a whole file.
    """
    return len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)


_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""What :meth:`str.splitlines` splits on: any of them would split a one-line message."""

_SHOWN_ESCAPES = re.compile(r"\r\n|[\t\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""The line breaks of :data:`_LINE_BREAKS` and the tab, written as escapes when a value is quoted."""

MAX_SHOWN = 80
"""Characters of a user's value quoted in a message; the rest is elided."""


def describe(char: str) -> str:
    """``U+0085 (a control character)``: the code point, and what kind of character it is."""
    code = ord(char)
    if code in (0x2028, 0x2029):
        kind = message("characters.separator")
    elif 0xD800 <= code <= 0xDFFF:
        kind = message("characters.surrogate")
    elif unicodedata.category(char) == "Cc":
        kind = message("characters.control")
    else:
        kind = message("characters.non_character")
    return message("characters.described", code=code, kind=kind)


def shown(value: str) -> str:
    """A user's text as a message quotes it: on one line, escapes visible, not too long.

    A tab is shown as ``\\t`` too: invisible in a message, it matters where browsers
    drop it (``/<tab>/host`` is ``//host`` to them).
    """
    short = value if len(value) <= MAX_SHOWN else value[: MAX_SHOWN - 1] + "…"
    return _SHOWN_ESCAPES.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), _escape(short))


def one_line(message: str) -> str:
    """``message`` with every line break written as an escape, so a diagnostic stays one line."""
    return _LINE_BREAKS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), message)


def _escape(text: str) -> str:
    return FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
