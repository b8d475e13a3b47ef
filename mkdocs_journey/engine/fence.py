"""The ``journey`` fence in a Markdown page, without Markdown: its options, its map, its errors.

A fence names a journey file (``file:``) or holds a journey itself, and says which parts
of the map to show. This module reads a fence's text into a :class:`FenceRequest` and
finds the map it shows (:func:`resolve_fence`); the Markdown extension
(:mod:`mkdocs_journey.markdown`) renders it and ``mkdocs-journey check`` reports its
errors, so both judge a fence alike. Every problem is a :class:`Finding` at the
Markdown page and the line inside it (the fence's line plus the line in the fence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .collection import CollectedMap, Collection
from .diagnostics import Finding, Severity
from .docs_tree import is_journey_file
from .lanes import LANE_KEYS
from .messages import message, plural
from .spelling import did_you_mean
from .yaml_source import Document, YamlReadError, read_yaml

LANGUAGE = "journey"
"""The fence's language: ```` ```journey ````."""
PARTS = ("title", "header", "persona", "health", "map", "curve", "backlog", "matrix")
"""What a fence can show, each a part of the map page (``title`` is the map's name, linked to its
page when the site has one; ``curve`` is the emotion lane alone, compact)."""
WHOLE_MAP = ("title", "header", "persona", "health", "map", "backlog", "matrix")
"""What a fence shows when it names no parts: the map as on its own page, under its title."""
PAGE_PARTS = WHOLE_MAP[1:]
"""The parts of a map's own page (its title is the page's)."""
OPTIONS = ("file", "show", "stages", "lanes")
SEPARATOR = "---"
"""A line that ends the options and starts a journey written in the fence."""


@dataclass(frozen=True)
class FenceSource:
    """A fence found in a Markdown page: where it starts and what it holds."""

    line: int
    """The line of the opening ```` ```journey ```` (1-based, in the page's file)."""
    body: str
    column: int = 1
    """Where the fence's text starts on its lines (after a list's or quote's indentation)."""


@dataclass
class FenceRequest:
    """What a fence asks for; ``findings`` says what is wrong with the asking."""

    file: str | None = None
    inline: str | None = None
    """The journey written in the fence (YAML), when it names no file."""
    inline_line: int = 0
    """Lines before the inline journey in the fence (its line 1 is the fence's line + 1 + this)."""
    show: tuple[str, ...] = WHOLE_MAP
    stages: tuple[str, ...] | None = None
    lanes: tuple[str, ...] | None = None
    findings: list[Finding] = field(default_factory=list)
    places: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Option -> (line, column) of its value in the page, for errors found later."""


@dataclass
class ResolvedFence:
    """A fence with its map: ``collected`` is None when the fence itself is wrong."""

    request: FenceRequest
    collected: CollectedMap | None
    findings: list[Finding]
    """The fence's own errors and, for a map with errors, the map's (its file's lines)."""

    @property
    def ok(self) -> bool:
        return self.collected is not None and self.collected.ok and not any(
            f.severity is Severity.ERROR for f in self.findings)


_OPENING = re.compile(r"^(?P<prefix>(?:[ \t]*>)*[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*)$")


def _language(info: str) -> str:
    """``journey``, ``.journey`` or ``{.journey}``: the first word of a fence's info string."""
    word = info.strip().lstrip("{").lstrip(".").split(" ")[0].split("}")[0]
    return word.strip()


def find_fences(text: str) -> list[FenceSource]:
    """Every ``journey`` fence of a Markdown page, in order; fences inside other fences are code.

    A page shows a fence as an example inside a longer ```` ````markdown ```` fence; that
    one is text, not a map, as Markdown itself reads it.
    """
    lines = text.splitlines()
    found: list[FenceSource] = []
    index = 0
    while index < len(lines):
        match = _OPENING.match(lines[index])
        if match is None or (match["fence"][0] == "`" and "`" in match["info"]):
            index += 1
            continue
        prefix, fence = match["prefix"], match["fence"]
        closing = re.compile(rf"^{re.escape(prefix.rstrip())}[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = index + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        if _language(match["info"]) == LANGUAGE:
            body = [_strip_prefix(line, prefix) for line in lines[index + 1:end]]
            found.append(FenceSource(index + 1, "\n".join(body), len(prefix) + 1))
        index = end + 1
    return found


def _strip_prefix(line: str, prefix: str) -> str:
    if line.startswith(prefix):
        return line[len(prefix):]
    return line.lstrip(" \t>") if not line.strip(" \t>") else line.lstrip()


def _as_words(value: Any) -> list[str] | None:
    """A list of words, or one word for a list of one; None for anything else."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return list(value)
    return None


def parse_fence(source: FenceSource, page: str) -> FenceRequest:
    """Read a fence's text: options, then a journey after ``---``, or a journey alone."""
    request = FenceRequest()

    def at(line: int, column: int) -> tuple[int, int]:
        return source.line + line, source.column + column - 1

    def error(line: int, column: int, text: str) -> None:
        where = at(line, column)
        request.findings.append(Finding(page, where[0], where[1], Severity.ERROR, text))

    lines = source.body.split("\n")
    split = next((i for i, line in enumerate(lines) if line.rstrip() == SEPARATOR), None)
    options_text = "\n".join(lines[:split]) if split is not None else source.body
    if split is not None:
        request.inline = "\n".join(lines[split + 1:])
        request.inline_line = split + 1
    try:
        document = read_yaml(options_text)
    except YamlReadError as exc:
        for problem in exc.problems:
            error(problem.line, problem.column, problem.message)
        return request
    for problem in document.problems:
        error(problem.line, problem.column, problem.message)
    data = document.data
    if split is None and isinstance(data, dict) and "title" in data and "stages" in data:
        request.inline = source.body  # the whole fence is a journey
        return request
    if not isinstance(data, dict):
        error(1, 1, message("fence.not_options", options=", ".join(OPTIONS)))
        return request
    _read_options(request, data, document, at, error)
    return request


def _read_options(request: FenceRequest, data: dict[str, Any], document: Document,
                  at: Callable[[int, int], tuple[int, int]], error: Callable[[int, int, str], None]) -> None:
    for key, value in data.items():
        line, column = document.locate((key,))
        request.places[key] = at(line, column)
        if key not in OPTIONS:
            hint = did_you_mean(str(key), OPTIONS)
            key_line, key_column = document.locate((key,), key=True)
            error(key_line, key_column, message("fence.unknown_option", option=key, hint=f" ({hint})" if hint else "",
                                                options=", ".join(OPTIONS)))
        elif key == "file":
            if not isinstance(value, str) or not is_journey_file(value.strip()):
                error(line, column, message("fence.file_not_journey", value=value))
            else:
                request.file = value.strip()
        elif key == "show":
            words = _as_words(value)
            if words is None:
                error(line, column, message("fence.not_a_list", option="show", known=", ".join(PARTS)))
                continue
            for index, word in enumerate(words):
                if word not in PARTS:
                    hint = did_you_mean(word, PARTS)
                    w_line, w_column = document.locate((key, index)) if isinstance(value, list) else (line, column)
                    error(w_line, w_column, message("fence.unknown_part", part=word, hint=f" ({hint})" if hint else "",
                                                    parts=", ".join(PARTS)))
            request.show = tuple(dict.fromkeys(w for w in words if w in PARTS))
        elif key == "stages":
            words = _as_words(value)
            if words is None:
                error(line, column, message("fence.not_a_list", option="stages", known="stage ids"))
                continue
            request.stages = tuple(dict.fromkeys(words))
        elif key == "lanes":
            words = _as_words(value)
            if words is None:
                error(line, column, message("fence.not_a_list", option="lanes", known=", ".join(LANE_KEYS)))
                continue
            for index, word in enumerate(words):
                if word not in LANE_KEYS:
                    hint = did_you_mean(word, LANE_KEYS)
                    w_line, w_column = document.locate((key, index)) if isinstance(value, list) else (line, column)
                    error(w_line, w_column, message("fence.unknown_lane", lane=word, hint=f" ({hint})" if hint else "",
                                                    lanes=", ".join(LANE_KEYS)))
            request.lanes = tuple(dict.fromkeys(w for w in words if w in LANE_KEYS))
    if request.file is not None and request.inline is not None:
        line, column = document.locate(("file",), key=True)
        error(line, column, message("fence.file_and_journey"))
    elif request.file is None and request.inline is None and not request.findings:
        error(1, 1, message("fence.no_map"))


def resolve_fence(source: FenceSource, page: str, page_path: Path, collection: Collection, *,
                  journey: Callable[[Path], CollectedMap] | None = None) -> ResolvedFence:
    """The fence's map, loaded through ``collection`` (``journey`` looks up a map already collected).

    ``page`` names the Markdown page in messages, ``page_path`` is its file: a journey
    written in the fence resolves its pictures and links from there.
    """
    request = parse_fence(source, page)
    findings = list(request.findings)
    if any(f.severity is Severity.ERROR for f in findings):
        return ResolvedFence(request, None, findings)
    line = source.line
    collected: CollectedMap
    if request.file is not None:
        docs = collection.docs.root
        path = (docs / request.file.lstrip("/")).resolve()
        f_line, f_column = request.places["file"]
        if not path.is_relative_to(docs) or not path.is_file():
            findings.append(Finding(page, f_line, f_column, Severity.ERROR,
                                    message("fence.no_such_file", file=request.file, docs=collection.name_of(docs))))
            return ResolvedFence(request, None, findings)
        collected = journey(path) if journey is not None else collection.journey(path)
        if collected.loaded.errors:
            findings.append(Finding(page, f_line, f_column, Severity.ERROR,
                                    plural("fence.map_has_errors", len(collected.loaded.errors),
                                           file=collected.loaded.name)))
            findings += collected.loaded.errors
    else:
        assert request.inline is not None
        offset = line + request.inline_line
        collected = collection.journey(page_path, source=request.inline.encode("utf-8"), name=page)
        moved = [_moved(f, offset, source.column) for f in collected.loaded.errors]
        collected.loaded.errors = moved
        collected.health = [_moved(f, offset, source.column) for f in collected.health]
        findings += moved
    if collected.ok and request.stages is not None:
        assert collected.loaded.journey is not None
        known = [s.id for s in collected.loaded.journey.stages if s.id is not None]
        s_line, s_column = request.places["stages"]
        for stage in request.stages:
            if stage not in known:
                hint = did_you_mean(stage, known)
                findings.append(Finding(page, s_line, s_column, Severity.ERROR,
                                        message("fence.unknown_stage", stage=stage, hint=f" ({hint})" if hint else "",
                                                stages=", ".join(known))))
    return ResolvedFence(request, collected, findings)


def _moved(finding: Finding, lines: int, column: int) -> Finding:
    """A finding in a journey written in a fence, placed in the Markdown page."""
    return Finding(finding.path, finding.line + lines, finding.column + column - 1, finding.severity,
                   finding.message, finding.kind)


def pages_with_fences(folder: Path) -> list[Path]:
    """The Markdown pages below ``folder`` that hold a ``journey`` fence, in a stable order."""
    from .docs_tree import walk_files

    found = []
    for path in walk_files(folder):
        if path.suffix != ".md":
            continue
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if LANGUAGE in text and find_fences(text):
            found.append(path)
    return found


_OVERVIEW_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*\{?[ \t]*\.?journey\b[^\n]*\n"
    r"[ \t]*show:[ \t]*(?:\[[ \t]*)?['\"]?overview['\"]?(?:[ \t]*\])?[ \t]*\n"
    r"(?P=indent)(?P=fence)[ \t]*$", re.MULTILINE)
"""A whole fence that asks for the overview and nothing else (``show: overview``)."""
OVERVIEW_SLOT = '<div class="journey-overview-slot"></div>'
"""What stands in for that fence until the page's HTML is written (see :func:`overview_slot`)."""


def overview_slot(markdown: str) -> tuple[str, bool]:
    """``markdown`` with its ``show: overview`` fence replaced by :data:`OVERVIEW_SLOT`, and whether there was one.

    The overview needs every map of the build in navigation order, which only the
    plugin knows, so the plugin fills the slot in when the page's HTML is ready.
    """
    replaced, count = _OVERVIEW_BLOCK.subn(lambda m: f"{m.group('indent')}{OVERVIEW_SLOT}", markdown, count=1)
    return replaced, count == 1


_OVERVIEW_BODY = re.compile(r"\s*show:[ \t]*(?:\[[ \t]*)?['\"]?overview['\"]?(?:[ \t]*\])?\s*")
"""A fence that only asks for the overview: the plugin's, on the overview's page (checked by the build)."""


def check_page(path: Path, page: str, collection: Collection) -> list[Finding]:
    """Every error of every ``journey`` fence in the Markdown page ``path`` (for ``mkdocs-journey check``).

    A fence naming a map reports the map's errors once, under the map file: ``check``
    reports each file's own errors itself, so they are not repeated per fence.
    """
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [Finding(page, 1, 1, Severity.ERROR, message("load.cannot_read", reason=exc))]
    findings: list[Finding] = []
    for source in find_fences(text):
        if _OVERVIEW_BODY.fullmatch(source.body):
            continue
        resolved = resolve_fence(source, page, path, collection)
        findings += [f for f in resolved.findings if f.path == page]
        if resolved.request.inline is not None and resolved.collected is not None:
            findings += resolved.collected.health
    return findings
