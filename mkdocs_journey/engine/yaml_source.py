"""Read YAML into plain data without YAML's surprises, keeping where each value came from.

We compose YAML to a node graph with PyYAML's safe (C, when available) machinery and
build the data ourselves instead of letting PyYAML construct it, because a journey
file needs guarantees PyYAML does not give:

* every scalar arrives as the exact text written (``1.10`` stays ``"1.10"``, ``no``
  stays ``"no"``); the model reads numbers only where it asks for one;
* duplicate keys are reported instead of silently keeping the last one;
* only the standard YAML tags are accepted, so nothing can build objects;
* alias expansion is bounded by the size it repeats, so a "billion laughs" file, or
  a hundred aliases of one long text, fails fast at the alias;
* control characters are refused, raw or written as escapes (see :mod:`.characters`);
* syntax errors become one-line hints inside the file (see :mod:`.yaml_errors`);
* the node graph is kept, so any finding can name its line and column.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # The C composer is several times faster; fall back where libyaml is missing.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
from yaml import SafeLoader as _PurePythonLoader

from .characters import describe, find_forbidden, shown
from .messages import message
from .yaml_errors import explain, quote_hint

DEFAULT_MAX_FILE_SIZE = 1024 * 1024
"""Bytes. Hand-written maps are a few kilobytes; anything this big is a mistake."""

MAX_ALIAS_EXPANSION = 1_000_000
"""How much a file may repeat through aliases, in all: characters of text plus one per value.

Sharing a backstage block or a list of needs costs a few hundred; a file whose
aliases would repeat a large text many times is refused before it is built."""

_TAG = "tag:yaml.org,2002:"
_PLAIN = "tag:mkdocs-journey,2026:plain"
"""The tag of a plain scalar without a tag: the reader decides what it is, not YAML 1.1's rules."""
_ALLOWED_TAGS = frozenset(
    _TAG + name for name in ("str", "null", "bool", "int", "float", "timestamp", "seq", "map", "merge")
) | {_PLAIN}
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_STR = _TAG + "str"
_RESOLVER = yaml.resolver.Resolver()
"""What a plain scalar would be without a tag (to tell `!!str 4` from `4`)."""


_MERGE = _TAG + "merge"
_DEFAULT_TAGS = {ScalarNode: _TAG + "str", SequenceNode: _TAG + "seq", MappingNode: _TAG + "map"}
"""What PyYAML's resolver gives a node without a tag that is not a plain scalar (no path resolvers)."""


def _resolve(self: Any, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
    """YAML 1.1's implicit typing, except for plain scalars, which the reader types itself.

    PyYAML runs a dozen regular expressions over every plain scalar to guess a type
    the reader then ignores (it keeps the text as written): about a third of reading
    a map. Only ``<<`` (a merge key) needs telling apart. Everything else gets its
    kind's default tag, as PyYAML's resolver would give it, without a second call
    per node (path resolvers, the only other input, are never registered here).
    """
    if kind is ScalarNode and implicit[0]:
        return _MERGE if value == "<<" else _PLAIN
    return _DEFAULT_TAGS[kind]


@functools.lru_cache(maxsize=None)
def _composer(loader: type) -> type:
    """``loader`` (libyaml's or the pure-Python one) with :func:`_resolve`, without path resolvers.

    The composer tells the resolver each time it enters and leaves a node, for path
    resolvers (``add_path_resolver``), which we never register: two calls of Python
    code per node for nothing. Builtins that take the same arguments and do nothing
    of note (``slice(parent, index)``, ``tuple()``) stand in; the composer ignores
    what they return.
    """
    return type(f"Journey{loader.__name__}", (loader,), {
        "resolve": _resolve, "descend_resolver": slice, "ascend_resolver": tuple,
    })



class QuotedText(str):
    """Text the author put in quotes: never read as a number, even where one is asked."""

    __slots__ = ()


class MarkedText(QuotedText):
    """Text made text by a ``|`` or ``>`` block or a ``!!str`` tag: as good as quoted."""

    __slots__ = ()


PathPart = str | int
DataPath = tuple[PathPart, ...]
"""Where a value sits in a file's data: keys and list indexes from the top,
e.g. ``("stages", 0, "touchpoints", 2)``. (Not a file path: that is ``pathlib.Path``.)"""


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
    _keys: dict[int, dict[str, tuple[Node, Node]]] = field(default_factory=dict, init=False, repr=False,
                                                           compare=False)
    """Per mapping node (by id), its scalar keys and what :meth:`locate` finds under them (first wins)."""

    _walked: dict[tuple[PathPart, ...], tuple[Node | None, Node, bool]] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    """Per path looked up (and each of its beginnings): the key and value reached, and whether all of it was."""

    def locate(self, path: Sequence[PathPart], *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at ``path`` (or of its key, with ``key=True``).

        A path that leads nowhere (a missing key) gives the place of the deepest
        mapping or list it reached, which is where the user has to add it.
        """
        if self.root is None:
            return (1, 1)
        key_node, node, _ = self._walk(tuple(path))
        target = key_node if key and key_node is not None else node
        return (target.start_mark.line + 1, target.start_mark.column + 1)

    def _walk(self, path: tuple[PathPart, ...]) -> tuple[Node | None, Node, bool]:
        """Where ``path`` leads, from where its beginning led: a map's fifty health notes share
        their stages and touchpoints, so each is walked to once."""
        walked = self._walked.get(path)
        if walked is None:
            if not path:
                assert self.root is not None
                walked = (None, self.root, True)
            else:
                key_node, node, whole = self._walk(path[:-1])
                found = self._child(node, path[-1]) if whole else None
                walked = (key_node, node, False) if found is None else (*found, True)
            self._walked[path] = walked
        return walked

    def _child(self, node: Node, part: PathPart) -> tuple[Node | None, Node] | None:
        """The key and value under ``part``: a build looks up dozens of health notes per map."""
        if isinstance(node, MappingNode) and isinstance(part, str):
            return self._under(node, part)
        if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            return None, node.value[part]
        return None

    def _under(self, node: MappingNode, key: str) -> tuple[Node, Node] | None:
        """The first pair of :func:`_pairs` with ``key`` (written keys first, then merged ones).

        A small mapping (a touchpoint: a dozen keys) is read in place, stopping at the key:
        indexing it would cost more than the one or two lookups it gets. A large one is
        indexed once, so many findings in it do not read it again and again.
        """
        if len(node.value) > _SCAN_LIMIT:
            keys = self._keys.get(id(node))
            if keys is None:
                keys = self._keys[id(node)] = {}
                for key_node, value_node in _pairs(node):
                    if isinstance(key_node, ScalarNode):
                        keys.setdefault(key_node.value, (key_node, value_node))
            return keys.get(key)
        merges: list[Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merges.append(value_node)
            elif key_node.value == key and isinstance(key_node, ScalarNode):
                return key_node, value_node
        for merge in merges:
            for source in merge.value if isinstance(merge, SequenceNode) else [merge]:
                if isinstance(source, MappingNode) and (found := self._under(source, key)) is not None:
                    return found
        return None


_SCAN_LIMIT = 32
"""Pairs up to which a mapping is read in place rather than indexed (:meth:`Document._under`)."""


def _pairs(node: MappingNode) -> list[tuple[Node, Node]]:
    """Explicit pairs first, then merged ones (explicit keys win, as YAML says)."""
    explicit: list[tuple[Node, Node]] = []
    merged: list[tuple[Node, Node]] = []
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE:
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
    forbidden characters, syntax, alias bombs, depth). Problems in an otherwise
    readable file (duplicate keys, forbidden tags, control characters written as
    escapes) are collected on the returned document so every one is reported. Every
    problem is one line, at a line and column inside the file.
    """
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    if len(raw) > max_size:
        raise YamlReadError(
            [Problem(1, 1, message("read.too_large", size=len(raw), limit=max_size))]
        )
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line, column = _place_of(raw[: exc.start].decode("utf-8-sig", "replace"))
            raise YamlReadError([Problem(line, column, message("read.not_utf8"))]) from None
    _check_characters(text)
    try:
        _check_depth(text)
        root = yaml.compose(text, Loader=_composer(_Loader))
    except yaml.MarkedYAMLError as exc:
        if _is_nesting_limit(exc):
            # PyYAML 6.0.4's libyaml stops at its own limit (1,000 levels), reading
            # ahead of where ours is crossed; find our place with the streaming parser.
            raise YamlReadError([_deep_place(text, exc.problem_mark)]) from None
        raise YamlReadError([Problem(*explain(exc, text))]) from None
    except yaml.YAMLError as exc:
        raise YamlReadError([Problem(*explain(exc, text))]) from None
    except RecursionError:
        # PyYAML's pure-Python composer (PyYAML built without libyaml) recurses once
        # per level and runs out of Python stack at a few hundred levels, below the
        # pre-check's threshold; the streaming parser does not recurse.
        raise YamlReadError([_deep_place(text, None)]) from None
    if root is None:
        return Document(data=None, root=None)
    tree = "&" not in text  # no anchor, so no alias: the graph is a tree
    if not tree:
        _check_graph(root, text)
    builder = _Builder(text)
    too_deep = False
    try:
        data = builder.build(root)
    except _TooDeep:
        too_deep = True
    except RecursionError:  # pragma: no cover - the depth is bounded first
        raise YamlReadError([Problem(1, 1, _TOO_DEEP)]) from None
    if tree and (too_deep or builder.unsure):
        # The build measured the depth of what it built, as deep as it is written; where it
        # stopped too deep, or skipped or moved a part, the tree is measured level by level
        # (names the first place too deep as written).
        _check_tree_depth(root)
    if too_deep:  # pragma: no cover - the tree check raises first
        raise YamlReadError([Problem(1, 1, _TOO_DEEP)])
    # A mapping repeated through aliases is built again: report each problem once.
    problems = list(dict.fromkeys([*builder.problems, *_unused_anchors(text)]))
    return Document(data=data, root=root, problems=problems)


def _check_characters(text: str) -> None:
    """Refuse control characters and the like before PyYAML sees them.

    PyYAML reports most of them with a character offset on a second line, and reads
    U+0085, U+2028 and U+2029 as line breaks; we name the character at its real
    line and column (lines as editors count them).
    """
    found = find_forbidden(text)
    if found is None:
        return
    line, column = _place_of(text[: found.start()])
    raise YamlReadError([Problem(line, column, _character_message(found.group()))])


def _place_of(before: str) -> tuple[int, int]:
    """1-based line and column just after ``before``, counting lines as editors do (CR LF, CR or LF)."""
    lines = re.split(r"\r\n|\r|\n", before)
    return len(lines), len(lines[-1]) + 1


def _character_message(char: str) -> str:
    return message("read.forbidden_character", character=describe(char))


MAX_DEPTH = 100
"""Nesting levels allowed; a journey needs about eight."""

_TOO_DEEP = message("read.too_deep", depth=MAX_DEPTH)
_NESTING_CHARS = "[{-:?"


def _check_depth(text: str) -> None:
    """Refuse absurdly deep nesting before the C composer sees it.

    libyaml's composer recurses on the C stack and crashes the interpreter on a few
    tens of thousands of levels (PyYAML before 6.0.4 has no limit of its own). Every
    level needs one of ``[{-:?``, so a file with few of them cannot be that deep;
    only large files pay for the event scan. Files below the threshold are measured
    on their node graph after composing (:func:`_check_graph`, or while building a tree: :class:`_Builder`).
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
                return Problem(mark.line + 1, mark.column + 1, _TOO_DEEP) if mark else Problem(1, 1, _TOO_DEEP)
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


def _check_graph(root: Node, text: str) -> None:
    """Refuse nesting and alias expansion beyond the limits, before any data is built.

    For a file with anchors (a tree is measured while it is built: :class:`_Builder`).
    One walk over the node graph in document order. A node met a second time is an
    alias; each alias costs the size of what it repeats (the characters of its text
    plus one per value, aliases inside it included, counted once per node thanks to
    the memo), so 100 aliases of a 900,000-character text fail at the second one,
    long before anything is copied. The same walk finds nesting deeper than
    :data:`MAX_DEPTH`, written or reached through aliases, and aliases that refer to
    the collection they are part of. Iterative, so no depth can exhaust the stack.
    """
    if isinstance(root, ScalarNode):
        return
    done: dict[int, tuple[int, int]] = {}  # node -> (expanded size, collection levels)
    active = {id(root)}
    total = aliases = 0
    # Each frame: the node, its depth (the top collection is level 1), an iterator over
    # its children, and the size and height gathered from the children visited.
    stack: list[list[Any]] = [[root, 1, iter(_children(root)), 1, 0]]
    while stack:
        frame = stack[-1]
        depth = frame[1]
        for child in frame[2]:
            ident = id(child)
            if ident in done:  # met before: an alias
                aliases += 1
                size, height = done[ident]
                total += size
                if total > MAX_ALIAS_EXPANSION:
                    raise YamlReadError([_alias_problem(text, aliases, _ALIAS_BOMB)])
                if depth + height > MAX_DEPTH:
                    raise YamlReadError([_alias_problem(text, aliases, _TOO_DEEP)])
                frame[3] += size
                if height > frame[4]:
                    frame[4] = height
            elif ident in active:
                raise YamlReadError([_alias_problem(text, aliases + 1, _RECURSIVE)])
            elif isinstance(child, ScalarNode):
                size = 1 + len(child.value)
                done[ident] = (size, 0)
                frame[3] += size
            else:
                if depth + 1 > MAX_DEPTH:
                    raise YamlReadError([_problem(child, _TOO_DEEP)])
                active.add(ident)
                stack.append([child, depth + 1, iter(_children(child)), 1, 0])
                break
        else:
            stack.pop()
            node, size, height = frame[0], frame[3], frame[4] + 1
            active.discard(id(node))
            done[id(node)] = (size, height)
            if stack:
                parent = stack[-1]
                parent[3] += size
                if height > parent[4]:
                    parent[4] = height


def _check_tree_depth(root: Node) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH` in a graph without aliases (iterative).

    One level at a time, collections only. Collections at the same level of a tree
    never contain one another, so the one written first (the first a walk in
    document order would meet) is the one with the smallest start mark.
    """
    level: list[Node] = [root]
    for _ in range(MAX_DEPTH):
        below: list[Node] = []
        for node in level:
            if isinstance(node, SequenceNode):
                below += [item for item in node.value if not isinstance(item, ScalarNode)]
            else:
                below += [part for pair in node.value for part in pair if not isinstance(part, ScalarNode)]
        if not below:
            return
        level = below
    first = min(level, key=lambda node: (node.start_mark.line, node.start_mark.column))
    raise YamlReadError([_problem(first, _TOO_DEEP)])


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return node.value  # type: ignore[no-any-return]
    return [part for pair in node.value for part in pair]


_ALIAS_BOMB = message("read.alias_bomb", limit=MAX_ALIAS_EXPANSION)
_RECURSIVE = message("read.recursive_alias")


def _alias_problem(text: str, number: int, message: str) -> Problem:
    """``message`` at the ``number``-th alias of ``text`` (the walk meets aliases in document order)."""
    seen = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                seen += 1
                mark = event.start_mark
                if seen == number and mark is not None:
                    return Problem(mark.line + 1, mark.column + 1, message)
    except yaml.YAMLError:  # pragma: no cover - the text composed, so it parses
        pass
    return Problem(1, 1, message)  # pragma: no cover


_ANCHOR_LIKE = re.compile(r"(?:^|[\s\[{,])&[^\s,\[\]{}]")


def _unused_anchors(text: str) -> list[Problem]:
    """Anchors no alias uses: almost always text that starts with `&` and lost its first word.

    ``notes: &tag follow-up`` is valid YAML that silently drops ``&tag``. The event
    scan runs only for files with something that looks like an anchor.
    """
    if "&" not in text or _ANCHOR_LIKE.search(text) is None:  # the regex alone scans every position
        return []
    anchors: dict[str, Any] = {}  # name -> the mark where it is defined
    used: set[str | None] = set()
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            used.add(event.anchor)
        elif isinstance(event, yaml.NodeEvent) and event.anchor is not None and event.start_mark is not None:
            anchors.setdefault(event.anchor, event.start_mark)
    return [
        Problem(mark.line + 1, mark.column + 1,
                message("read.unused_anchor", name=shown(name), quote=quote_hint('&')))
        for name, mark in anchors.items() if name not in used
    ]


_BARE_TAG = re.compile(r"(?<![^\s\[{,:?-])!(?=[ \t\r\n]|$)", re.MULTILINE)


def _bare_tags(text: str) -> frozenset[tuple[int, int]]:
    """0-based places of a lone `!` before a value: ``title: ! Important`` silently loses the `!`."""
    places = set()
    for found in _BARE_TAG.finditer(text):
        start = text.rfind("\n", 0, found.start()) + 1
        places.add((text.count("\n", 0, found.start()), found.start() - start))
    return frozenset(places)


class _TooDeep(Exception):
    """The build reached a collection nested deeper than :data:`MAX_DEPTH`."""


class _Builder:
    """Turns composed nodes into dicts, lists, text and None.

    A graph with aliases is built after :func:`_check_graph` passed. A tree is measured
    while it is built (one walk instead of two): each collection built counts one
    level, and one deeper than :data:`MAX_DEPTH` stops the build (:class:`_TooDeep`).
    The build does not enter everything as deep as it is written (a merge, a key that is
    not text, a refused value, a duplicate key's value): then :attr:`unsure` says the
    tree must be measured on its own.
    """

    def __init__(self, text: str) -> None:
        self.problems: list[Problem] = []
        self.unsure = False
        """Whether some collection was skipped or built at another level than written."""
        self._depth = 0
        self._checked: set[int] = set()
        self._refused: set[int] = set()
        self._bare_tags = _bare_tags(text) if "!" in text else frozenset()
        self._escapes = "\\" in text
        """Whether a double-quoted value may hold an escape: without a backslash in the file none can,
        and the file's own characters were checked before composing."""

    def _refuse(self, node: Node) -> str | None:
        """Why ``node``'s value is refused, if it is; each node is judged (and reported) once."""
        tag = node.tag
        if tag not in _ALLOWED_TAGS:
            return message("read.tag_not_allowed", tag=shown(_short_tag(tag)), quote=quote_hint('!'))
        if isinstance(node, ScalarNode):
            if node.style == '"':
                found = find_forbidden(node.value)
                if found is not None:
                    return message("read.escaped_character", character=describe(found.group()))
            elif (node.start_mark.line, node.start_mark.column) in self._bare_tags:
                return message("yaml.tag", quote=quote_hint('!'))
        return None

    def _refused_node(self, node: Node) -> bool:
        """Whether ``node``'s value is refused; judged (and reported) once per node, as aliases repeat it."""
        ident = id(node)
        if ident not in self._checked:
            self._checked.add(ident)
            refused = self._refuse(node)
            if refused is not None:
                self.problems.append(_problem(node, refused))
                self._refused.add(ident)
        return ident in self._refused

    def build(self, node: Node) -> Any:
        tag = node.tag
        if isinstance(node, ScalarNode):
            style = node.style
            if (tag not in _ALLOWED_TAGS or self._bare_tags or (style == '"' and self._escapes)) \
                    and self._refused_node(node):  # the rare values that may be refused
                return None
            value = node.value
            if not style:  # plain: None from PyYAML's composer, "" from libyaml's
                if tag == _STR and _RESOLVER.resolve(ScalarNode, value, (True, False)) != tag:
                    return MarkedText(value)  # `!!str 4`: the author said "text"
                return None if value in _NULLS else value
            return QuotedText(value) if style in ("'", '"') else MarkedText(value)
        if tag not in _ALLOWED_TAGS and self._refused_node(node):
            self.unsure = True
            return None
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _TooDeep
        built: Any
        if isinstance(node, SequenceNode):
            if self._bare_tags:
                built = [self.build(item) for item in node.value]
            else:
                # Most items are plain text: taken here, as build() would, without a call each.
                built = [(None if (text := item.value) in _NULLS else text) if item.tag == _PLAIN
                         else self.build(item) for item in node.value]
        else:
            built = self._mapping(node)  # type: ignore[arg-type]
        self._depth -= 1
        return built

    def _mapping(self, node: MappingNode) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        merges: list[tuple[Node, Node]] = []
        plain_is_text = not self._bare_tags  # then a plain value is its text, as build() would say
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merges.append((key_node, value_node))
                self.unsure = True  # merged mappings are built at their key's level, after the others
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _ALLOWED_TAGS:
                self.problems.append(_problem(key_node, message("read.key_not_text")))
                self.unsure = True
                continue
            refused = self._refuse(key_node) if (key_node.style == '"' and self._escapes) or self._bare_tags else None
            if refused is not None:
                self.problems.append(_problem(key_node, refused))
                self.unsure = True
                continue
            key = key_node.value
            if key in first_seen:
                earlier = first_seen[key].start_mark.line + 1
                self.problems.append(
                    _problem(key_node, message("read.duplicate_key", key=shown(key), line=earlier))
                )
                self.unsure = True
                continue
            first_seen[key] = key_node
            if plain_is_text and value_node.tag == _PLAIN:
                text = value_node.value
                result[key] = None if text in _NULLS else text
            else:
                result[key] = self.build(value_node)
        for merge_key, merge in merges:
            sources = merge.value if isinstance(merge, SequenceNode) else [merge]
            for source in sources:
                merged = self.build(source)
                if not isinstance(merged, dict):
                    # At the `<<` key: an alias's own mark is where its anchor was defined.
                    self.problems.append(_problem(merge_key, message("read.merge_not_mapping")))
                    continue
                for key, value in merged.items():
                    result.setdefault(key, value)
        return result


def _problem(node: Node, message: str) -> Problem:
    return Problem(node.start_mark.line + 1, node.start_mark.column + 1, message)


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag
