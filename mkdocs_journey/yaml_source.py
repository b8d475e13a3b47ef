"""Read YAML into plain data without YAML's surprises, keeping where each value came from.

We compose YAML to a node graph with PyYAML's safe (C, when available) machinery and
build the data ourselves instead of letting PyYAML construct it, because a journey
file needs guarantees PyYAML does not give:

* every scalar arrives as the exact text written (``1.10`` stays ``"1.10"``, ``no``
  stays ``"no"``); the model reads numbers only where it asks for one;
* duplicate keys are reported instead of silently keeping the last one;
* only the standard YAML tags are accepted, so nothing can build objects;
* alias expansion is bounded, so a "billion laughs" file fails fast;
* the node graph is kept, so any finding can name its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # The C composer is several times faster; fall back where libyaml is missing.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
from yaml import SafeLoader as _PurePythonLoader

DEFAULT_MAX_FILE_SIZE = 1024 * 1024
"""Bytes. Hand-written maps are a few kilobytes; anything this big is a mistake."""

MAX_ALIAS_NODES = 100_000
"""How many nodes a file may add to its data through aliases, in total."""

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    _TAG + name for name in ("str", "null", "bool", "int", "float", "timestamp", "seq", "map", "merge")
)
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_RESOLVER = yaml.resolver.Resolver()
"""What a plain scalar would be without a tag (to tell `!!str 4` from `4`)."""



class QuotedText(str):
    """Text the author put in quotes: never read as a number, even where one is asked."""

    __slots__ = ()


class MarkedText(QuotedText):
    """Text made text by a ``|`` or ``>`` block or a ``!!str`` tag: as good as quoted."""

    __slots__ = ()


PathPart = str | int
Path = tuple[PathPart, ...]


@dataclass(frozen=True)
class Problem:
    """A problem found while reading, with 1-based line and column."""

    line: int
    column: int
    message: str


class YamlReadError(Exception):
    """The file could not be read as YAML at all."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass
class Document:
    """Plain data (dicts, lists, text, None) plus the node graph it came from."""

    data: Any
    root: Node | None
    problems: list[Problem] = field(default_factory=list)

    def locate(self, path: Sequence[PathPart], *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at ``path`` (or of its key, with ``key=True``).

        A path that leads nowhere (a missing key) gives the place of the deepest
        mapping or list it reached, which is where the user has to add it.
        """
        node = self.root
        if node is None:
            return (1, 1)
        key_node: Node | None = None
        for part in path:
            found = _child(node, part)
            if found is None:
                break
            key_node, node = found
        target = key_node if key and key_node is not None else node
        return (target.start_mark.line + 1, target.start_mark.column + 1)


def _child(node: Node, part: PathPart) -> tuple[Node | None, Node] | None:
    if isinstance(node, MappingNode) and isinstance(part, str):
        for key_node, value_node in _pairs(node):
            if isinstance(key_node, ScalarNode) and key_node.value == part:
                return key_node, value_node
        return None
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


def _pairs(node: MappingNode) -> list[tuple[Node, Node]]:
    """Explicit pairs first, then merged ones (explicit keys win, as YAML says)."""
    explicit: list[tuple[Node, Node]] = []
    merged: list[tuple[Node, Node]] = []
    for key_node, value_node in node.value:
        if key_node.tag == _TAG + "merge":
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for source in sources:
                if isinstance(source, MappingNode):
                    merged.extend(_pairs(source))
        else:
            explicit.append((key_node, value_node))
    return explicit + merged


def read_yaml(text: str | bytes, *, max_size: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    """Compose ``text`` and build plain data from it.

    Raises :class:`YamlReadError` when nothing sensible can be built (size, encoding,
    syntax, alias bombs). Problems in an otherwise readable file (duplicate keys,
    forbidden tags) are collected on the returned document so every one is reported.
    """
    raw = text.encode("utf-8") if isinstance(text, str) else text
    if len(raw) > max_size:
        raise YamlReadError(
            [Problem(1, 1, f"file is {len(raw):,} bytes; the limit is {max_size:,} bytes (plugin option `max_file_size`)")]
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            raise YamlReadError([Problem(line, column, "file is not UTF-8 text; save it as UTF-8")]) from None
    try:
        _check_depth(text)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        if _is_nesting_limit(exc):
            # PyYAML 6.0.4's libyaml stops at its own limit (1,000 levels), reading
            # ahead of where ours is crossed; find our place with the streaming parser.
            raise YamlReadError([_deep_place(text, exc.problem_mark)]) from None
        mark = exc.problem_mark or exc.context_mark
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or str(exc)
        if exc.context:
            what = f"{exc.context}, {what}"
        raise YamlReadError([Problem(*where, f"invalid YAML: {what}")]) from None
    except yaml.YAMLError as exc:
        raise YamlReadError([Problem(1, 1, f"invalid YAML: {exc}")]) from None
    except RecursionError:
        # PyYAML's pure-Python composer (PyYAML built without libyaml) recurses once
        # per level and runs out of Python stack at a few hundred levels, below the
        # pre-check's threshold; the streaming parser does not recurse.
        raise YamlReadError([_deep_place(text, None)]) from None
    if root is not None:
        too_deep = _too_deep_node(root)
        if too_deep is not None:
            raise YamlReadError([_problem(too_deep, _TOO_DEEP)])
    builder = _Builder()
    try:
        data = builder.build(root) if root is not None else None
    except RecursionError:
        raise YamlReadError([Problem(1, 1, _TOO_DEEP)]) from None
    return Document(data=data, root=root, problems=builder.problems)


MAX_DEPTH = 100
"""Nesting levels allowed; a journey needs about eight."""

_TOO_DEEP = f"values are nested more than {MAX_DEPTH} levels deep"
_NESTING_CHARS = "[{-:?"


def _check_depth(text: str) -> None:
    """Refuse absurdly deep nesting before the C composer sees it.

    libyaml's composer recurses on the C stack and crashes the interpreter on a few
    tens of thousands of levels (PyYAML before 6.0.4 has no limit of its own). Every
    level needs one of ``[{-:?``, so a file with few of them cannot be that deep;
    only large files pay for the event scan. Files below the threshold are measured
    on their node graph after composing (:func:`_too_deep_node`).
    """
    if sum(text.count(ch) for ch in _NESTING_CHARS) < 10_000:
        return
    try:
        problem = _locate_too_deep(text, _Loader)
    except yaml.MarkedYAMLError as exc:
        if not _is_nesting_limit(exc):
            raise
        problem = _locate_too_deep(text, _PurePythonLoader)
    if problem is not None:
        raise YamlReadError([problem])


def _locate_too_deep(text: str, loader: Any) -> Problem | None:
    """Stream parse events and name the first collection deeper than :data:`MAX_DEPTH`."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                return Problem(mark.line + 1, mark.column + 1, _TOO_DEEP)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return None


def _deep_place(text: str, mark: yaml.Mark | None) -> Problem:
    """Where ``text`` first nests too deep, found by the pure-Python streaming parser.

    ``mark`` (where a composer gave up, if it said) is the fallback when the parser
    stops at a syntax error before reaching that level.
    """
    try:
        found = _locate_too_deep(text, _PurePythonLoader)
    except yaml.YAMLError:
        found = None
    if found is not None:
        return found
    return Problem(mark.line + 1, mark.column + 1, _TOO_DEEP) if mark else Problem(1, 1, _TOO_DEEP)


def _is_nesting_limit(exc: yaml.MarkedYAMLError) -> bool:
    return "maximum nesting depth" in (exc.problem or "")


def _too_deep_node(root: Node) -> Node | None:
    """The first collection (in document order) nested deeper than :data:`MAX_DEPTH`.

    Iterative, so a file of a few hundred levels cannot exhaust Python's stack; each
    node is visited once (aliases share nodes), which also keeps alias bombs cheap.
    """
    stack: list[tuple[Node, int]] = [(root, 1)]
    seen: set[int] = set()
    while stack:
        node, depth = stack.pop()
        if id(node) in seen or isinstance(node, ScalarNode):
            continue
        seen.add(id(node))
        if depth > MAX_DEPTH:
            return node
        if isinstance(node, SequenceNode):
            children = node.value
        else:
            children = [part for pair in node.value for part in pair]
        stack.extend((child, depth + 1) for child in reversed(children))
    return None


class _Builder:
    """Turns composed nodes into dicts, lists, text and None."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._active: set[int] = set()
        self._alias_nodes = 0

    def build(self, node: Node) -> Any:
        ident = id(node)
        if ident in self._seen:
            # A node we met before is an alias being expanded: that is where
            # exponential blow-ups come from, so it is what we count.
            if ident in self._active:
                raise YamlReadError([_problem(node, "an alias refers to itself (recursive anchor)")])
            self._alias_nodes += 1
            if self._alias_nodes > MAX_ALIAS_NODES:
                raise YamlReadError(
                    [_problem(node, f"aliases expand to more than {MAX_ALIAS_NODES:,} values; "
                              "the file looks like an alias bomb (\"billion laughs\")")]
                )
        else:
            self._seen.add(ident)
        tag = node.tag
        if tag not in _ALLOWED_TAGS:
            self.problems.append(
                _problem(node, f"tag `{_short_tag(tag)}` is not allowed; journey files use plain YAML values only")
            )
            return None
        if isinstance(node, ScalarNode):
            value = node.value
            if not node.style:  # plain: None from PyYAML's composer, "" from libyaml's
                if node.tag == _TAG + "str" and _RESOLVER.resolve(ScalarNode, value, (True, False)) != node.tag:
                    return MarkedText(value)  # `!!str 4`: the author said "text"
                return None if value in _NULLS else value
            return QuotedText(value) if node.style in ("'", '"') else MarkedText(value)
        self._active.add(ident)
        try:
            if isinstance(node, SequenceNode):
                return [self.build(item) for item in node.value]
            return self._mapping(node)  # type: ignore[arg-type]
        finally:
            self._active.discard(ident)

    def _mapping(self, node: MappingNode) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        merges: list[tuple[Node, Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                merges.append((key_node, value_node))
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _ALLOWED_TAGS:
                self.problems.append(_problem(key_node, "a key must be plain text"))
                continue
            key = key_node.value
            if key in first_seen:
                earlier = first_seen[key].start_mark.line + 1
                self.problems.append(
                    _problem(key_node, f"duplicate key `{key}` (first used on line {earlier}); each key may appear once")
                )
                continue
            first_seen[key] = key_node
            result[key] = self.build(value_node)
        for merge_key, merge in merges:
            sources = merge.value if isinstance(merge, SequenceNode) else [merge]
            for source in sources:
                merged = self.build(source)
                if not isinstance(merged, dict):
                    # At the `<<` key: an alias's own mark is where its anchor was defined.
                    self.problems.append(_problem(merge_key, "`<<` merges a mapping (or a list of mappings) only"))
                    continue
                for key, value in merged.items():
                    result.setdefault(key, value)
        return result


def _problem(node: Node, message: str) -> Problem:
    return Problem(node.start_mark.line + 1, node.start_mark.column + 1, message)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag
