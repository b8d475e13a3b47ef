"""PyYAML's syntax errors, rewritten as one-line hints a map author can act on.

PyYAML says ``while scanning an alias, did not find expected alphabetic or numeric
character`` where the author wrote Markdown emphasis (``notes: *important*``), and
``found character that cannot start any token`` for a tab. Its messages also span
lines, differ between the C and the pure-Python parser, and may point one line past
the end of the file. :func:`explain` turns the errors beginners actually make into
a sentence that says what to write instead, at a line and column inside the file,
and keeps PyYAML's words (on one line) for the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import yaml

from .characters import one_line
from .messages import message


def quote_any() -> str:
    """The general rule, named in hints where the exact character does not matter."""
    return message("yaml.quote_any")


def quote_hint(char: str) -> str:
    """The rule for one character, with what to write: ``text that starts with `*` must be quoted``."""
    shown = "`` ` ``" if char == "`" else f"`{char}`"
    return message("yaml.quote_one", shown=shown, char=char)


@dataclass(frozen=True)
class Place:
    """A 0-based line and column, as PyYAML's marks count them."""

    line: int
    column: int


class SourceLines:
    """The file's lines as an editor shows them, to read characters at marks and keep places inside."""

    def __init__(self, text: str) -> None:
        lines = re.split(r"\r\n|\r|\n", text)
        if len(lines) > 1 and lines[-1] == "":
            lines.pop()  # the break that ends the last line does not start another
        self.lines = lines

    def char(self, place: Place) -> str:
        """The character at ``place``, ``""`` past the end of its line, ``"\\n"`` at the end of it."""
        if place.line >= len(self.lines):
            return ""
        line = self.lines[place.line]
        if place.column < len(line):
            return line[place.column]
        return "\n" if place.column == len(line) else ""

    def line(self, number: int) -> str:
        return self.lines[number] if 0 <= number < len(self.lines) else ""

    def inside(self, place: Place) -> bool:
        return place.line < len(self.lines) and place.column <= len(self.lines[place.line])

    def clamp(self, place: Place) -> tuple[int, int]:
        """1-based line and column of ``place``, moved back to the end of the file if it lies past it."""
        if place.line >= len(self.lines):
            last = len(self.lines) - 1
            return last + 1, len(self.lines[last]) + 1
        return place.line + 1, min(place.column, len(self.lines[place.line])) + 1


@dataclass(frozen=True)
class _Error:
    context: str
    problem: str
    context_at: Place | None
    problem_at: Place | None
    source: SourceLines

    def has(self, *words: str) -> bool:
        both = f"{self.context} | {self.problem}"
        return any(word in both for word in words)

    @property
    def at(self) -> Place:
        """Where PyYAML noticed the problem, or where the construct it was reading began."""
        for place in (self.problem_at, self.context_at):
            if place is not None and self.source.inside(place):
                return place
        return self.problem_at or self.context_at or Place(0, 0)

    @property
    def start(self) -> Place:
        """Where the construct PyYAML was reading began (the quote, the bracket, the key)."""
        return self.context_at if self.context_at is not None else self.at


Hint = tuple[Place, str]


def explain(exc: yaml.YAMLError, text: str) -> tuple[int, int, str]:
    """1-based line, column and a one-line ``invalid YAML: …`` message for ``exc``."""
    source = SourceLines(text)
    if not isinstance(exc, yaml.MarkedYAMLError):
        return 1, 1, one_line(message("yaml.invalid", problem=exc))
    error = _Error(
        context=str(exc.context or ""),
        problem=str(exc.problem or ""),
        context_at=_place(exc.context_mark),
        problem_at=_place(exc.problem_mark),
        source=source,
    )
    for rule in _RULES:
        hint = rule(error)
        if hint is not None:
            place, hint_text = hint
            break
    else:
        words = ", ".join(part for part in (error.context, error.problem) if part) or str(exc)
        place, hint_text = error.at, words
    line, column = source.clamp(place)
    return line, column, one_line(message("yaml.invalid", problem=hint_text))


def _place(mark: yaml.Mark | None) -> Place | None:
    return Place(mark.line, mark.column) if mark is not None else None


# -- The rules, most specific first ------------------------------------------------------------


def _tab(error: _Error) -> Hint | None:
    """A tab at the error, or in the indentation of its line (both parsers, every wording)."""
    place = error.problem_at or error.context_at
    if place is not None:
        if error.source.char(place) == "\t":
            return place, message("yaml.tab")
        line = error.source.line(place.line)
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            return Place(place.line, line.index("\t")), message("yaml.tab")
    return None


def _alias(error: _Error) -> Hint | None:
    if error.has("scanning an alias"):
        return error.start, message("yaml.alias", quote=quote_hint('*'))
    if error.has("found undefined alias"):
        name = _word_at(error.source, error.at, 1)
        return error.at, message("yaml.undefined_alias", name=name, quote=quote_hint('*'))
    return None


def _anchor(error: _Error) -> Hint | None:
    if error.has("scanning an anchor"):
        return error.start, message("yaml.anchor", quote=quote_hint('&'))
    if error.has("duplicate anchor"):
        name = _word_at(error.source, error.at, 1)
        first = error.context_at.line + 1 if error.context_at else 0
        return error.at, message("yaml.duplicate_anchor", name=name, line=first)
    return None


def _block_scalar(error: _Error) -> Hint | None:
    if not error.has("scanning a block scalar"):
        return None
    char = error.source.char(error.start) or "|"
    return error.start, message("yaml.block_scalar", char=char, quote=quote_hint(char))


def _directive(error: _Error) -> Hint | None:
    if error.has("directive") or error.has("expected '<document start>'"):
        for number, line in enumerate(error.source.lines):
            if line.startswith("%"):
                return Place(number, 0), message("yaml.directive", quote=quote_hint('%'))
    return None


def _cannot_start(error: _Error) -> Hint | None:
    if not error.has("cannot start any token"):
        return None
    char = error.source.char(error.at)
    if char in ("@", "`", "%"):
        return error.at, quote_hint(char)
    return error.at, message("yaml.cannot_start", char=char, quote=quote_any())


def _unclosed_quote(error: _Error) -> Hint | None:
    if not (error.has("quoted scalar") and error.has("end of stream")):
        return None
    quote = error.source.char(error.start) or '"'
    extra = message("yaml.unclosed_quote.single") if quote == "'" else ""
    return error.start, message("yaml.unclosed_quote", mark=quote, extra=extra)


def _escape(error: _Error) -> Hint | None:
    if not error.has("unknown escape character", "invalid Unicode character escape", "expected hexdecimal",
                     "expected escape sequence of"):
        return None
    return error.at, message("yaml.escape")


def _missing_colon(error: _Error) -> Hint | None:
    if not (error.has("simple key") and error.has("could not find expected ':'")):
        return None
    return error.start, message("yaml.missing_colon")


def _mapping_values(error: _Error) -> Hint | None:
    if not error.has("mapping values are not allowed"):
        return None
    at = error.at
    before = error.source.line(at.line)[: at.column]
    if ": " in before or before.rstrip().endswith(":"):
        return at, message("yaml.colon_in_value")
    for number in range(at.line - 1, -1, -1):
        previous = error.source.line(number)
        if previous.strip() and not previous.lstrip().startswith("#"):
            if re.search(r"^\s*(- )?[^\s:#'\"][^:]*:[^\s]", previous) and ": " not in previous:
                return Place(number, previous.index(":")), message("yaml.colon_space")
            break
    return at, message("yaml.unexpected_key")


def _sequence_entry(error: _Error) -> Hint | None:
    if not error.has("sequence entries are not allowed"):
        return None
    return error.at, message("yaml.sequence_entry")


def _mixed_list(error: _Error) -> Hint | None:
    if not (error.has("block collection") and error.has("expected '-'", "found '?'", "<block mapping start>")):
        return None
    first = error.start.line + 1
    return error.at, message("yaml.mixed_list", line=first)


def _block_mapping(error: _Error) -> Hint | None:
    if not (error.has("block mapping") and error.has("expected key", "expected <block end>")):
        return None
    at = error.at
    first = error.start.line + 1
    if error.source.char(at) == "-":
        return at, message("yaml.list_in_mapping", line=first)
    before = error.source.line(at.line)[: at.column].rstrip()
    if before.endswith(("'", '"')) and ":" in before:
        return at, message("yaml.after_quote")
    if before.endswith(("]", "}")) and ":" in before:
        return at, message("yaml.after_flow", quote=quote_any())
    return at, message("yaml.mapping_indent", line=first)


def _flow(error: _Error) -> Hint | None:
    found = re.search(r"expected ',' or '([\]}])'", error.problem)
    if found is None:
        return None
    close = found.group(1)
    open_ = "[" if close == "]" else "{"
    start = error.start
    return error.at, message("yaml.flow", close=close, open=open_, line=start.line + 1, column=start.column + 1,
                             quote=quote_hint(open_))


def _documents(error: _Error) -> Hint | None:
    if not error.has("but found another document"):
        return None
    return error.at, message("yaml.documents")


def _document_end(error: _Error) -> Hint | None:
    if not error.has("expected <document start>", "expected '<document start>'"):
        return None
    for number in range(min(error.at.line, len(error.source.lines) - 1), -1, -1):
        if error.source.line(number).startswith("..."):
            return Place(number, 0), message("yaml.document_end_marker")
    return error.at, message("yaml.document_end")


def _tag(error: _Error) -> Hint | None:
    if not error.has("scanning a tag"):
        return None
    return error.start, message("yaml.tag", quote=quote_hint('!'))


def _node_content(error: _Error) -> Hint | None:
    if not error.has("expected node content", "expected the node content"):
        return None
    char = error.source.char(error.at)
    if not error.source.inside(error.at) or (char == "\n" and error.at.line == len(error.source.lines) - 1):
        return error.at, message("yaml.file_ends")
    if char in ("", "\n"):
        return error.at, message("yaml.value_missing")
    return error.at, message("yaml.cannot_start", char=char, quote=quote_any())


_RULES: tuple[Callable[[_Error], Hint | None], ...] = (
    _tab, _alias, _anchor, _block_scalar, _directive, _cannot_start, _unclosed_quote, _escape,
    _missing_colon, _mapping_values, _sequence_entry, _mixed_list, _block_mapping, _flow, _documents,
    _document_end, _tag, _node_content,
)


def _word_at(source: SourceLines, place: Place, skip: int) -> str:
    line = source.line(place.line)
    found = re.match(r"[^\s,\[\]{}]*", line[place.column + skip:])
    return found.group() if found else ""
