"""Load journey and persona files into the typed model, with every error located.

Loading is the gate in front of everything else: a map that loads has passed every
rule of the format, and a map that does not carries a list of findings that name the
line and column of each problem. Each file is judged on its own, and all of its
problems are reported at once.
"""

from __future__ import annotations

import functools
import gc
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

from pydantic import BaseModel, ValidationError

from .characters import shown
from .diagnostics import Finding, Severity
from .docs_tree import DocsTree, is_journey_file
from .field_sets import share_field_sets
from .messages import message
from .model import Journey, Persona
from .slug import is_valid_id, slugify
from .spelling import did_you_mean
from .validation_errors import problems_from
from .yaml_source import DEFAULT_MAX_FILE_SIZE, Document, Problem, YamlReadError, read_yaml


@dataclass
class LoadedPersona:
    path: Path
    name: str
    """How the file is named in messages (relative to where the user is)."""
    document: Document | None
    persona: Persona | None
    errors: list[Finding] = field(default_factory=list)


@dataclass
class LoadedJourney:
    """A journey file after loading: the model when valid, the errors always.

    After a successful load every stage and touchpoint has its ``id`` set, and
    ``targets`` maps each improvement id to the ``(stage id, touchpoint id)`` pairs
    its ``addresses`` resolve to.
    """

    path: Path
    name: str
    document: Document | None
    journey: Journey | None
    persona: Persona | None = None
    persona_path: Path | None = None
    """The file a persona's relative ``image`` path is resolved against."""
    compare_path: Path | None = None
    """The journey file ``compare_to`` names (checked to exist; None when the map names none)."""
    targets: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    errors: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.journey is not None and not self.errors

    def release_source(self) -> None:
        """Forget the YAML of a map that loaded, once nothing needs its locations any more.

        The node graph holds thousands of objects per map; kept for every map of a
        large site, the garbage collector walked them over and over while the
        pages rendered. A map with errors keeps its source (its page shows them).
        """
        if self.ok:
            self.document = None


_Load = TypeVar("_Load", bound=Callable[..., Any])


def gc_paused(load: _Load) -> _Load:
    """Run ``load`` without automatic garbage collection, restoring the caller's setting.

    Reading a map allocates thousands of objects (YAML nodes, data, models) that
    all survive, and each batch of them set off a collection that walked the whole
    heap: in a site build that cost more than the reading itself. One file is
    bounded (size limit, alias limit, no cycles but refused recursive anchors), so
    its objects wait safely for the next ordinary collection.
    """

    @functools.wraps(load)
    def paused(*args: Any, **kwargs: Any) -> Any:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return load(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return paused  # type: ignore[return-value]


def _findings(name: str, problems: list[Problem]) -> list[Finding]:
    return [Finding(name, p.line, p.column, Severity.ERROR, p.message) for p in problems]


def _read(path: Path, max_size: int, source: bytes | None = None) -> tuple[Document | None, list[Problem]]:
    try:
        raw = path.read_bytes() if source is None else source
    except OSError as exc:
        return None, [Problem(1, 1, message("load.cannot_read", reason=exc.strerror or exc))]
    try:
        document = read_yaml(raw, max_size=max_size)
    except YamlReadError as exc:
        return None, exc.problems
    if document.data is None:
        return None, [*document.problems, Problem(1, 1, message("load.empty"))]
    if not isinstance(document.data, dict):
        line, column = document.locate(())
        return None, [*document.problems, Problem(line, column, message("load.not_a_mapping"))]
    return document, list(document.problems)


def _validate(model: type[BaseModel], document: Document, problems: list[Problem]) -> Any:
    try:
        result = model.model_validate(document.data)
    except ValidationError as exc:
        # A value the reader already refused (a forbidden tag) reaches the model as
        # nothing; a second "got nothing" at the same place would only confuse.
        refused = {(p.line, p.column) for p in problems}
        problems.extend(p for p in problems_from(exc, document, model) if (p.line, p.column) not in refused)
        return None
    return result


@gc_paused
def load_persona(path: Path, docs: DocsTree, *, name: str | None = None,
                 max_size: int = DEFAULT_MAX_FILE_SIZE) -> LoadedPersona:
    shown = name or str(path)
    document, problems = _read(path, max_size)
    persona = None
    if document is not None:
        persona = _validate(Persona, document, problems)
        _check_image(document.data.get("image"), ("image",), path, docs, document, problems)
    if problems:
        persona = None
    share_field_sets(persona)
    return LoadedPersona(path, shown, document, persona, _findings(shown, problems))


@gc_paused
def load_journey(path: Path, docs: DocsTree, *, name: str | None = None,
                 max_size: int = DEFAULT_MAX_FILE_SIZE, source: bytes | None = None,
                 kept: bool = True) -> LoadedJourney:
    """Load one journey file; never raises for anything wrong with the file.

    ``kept=False``: the map is dropped soon (``check`` reads its findings only), so its
    models keep their own fields sets instead of sharing them (:mod:`.field_sets`), which
    saves memory only for maps kept, at a cost of a walk over every value.

    ``source``: the journey's text when it is not what is at ``path`` now: an earlier
    version from git (for the history trend), or a journey written inside a ``journey``
    fence of the Markdown page ``path``. References and relative paths in it still
    resolve from ``path``, as they would in the file.
    """
    shown = name or str(path)
    document, problems = _read(path, max_size, source)
    loaded = LoadedJourney(path, shown, document, None)
    if document is None:
        loaded.errors = _findings(shown, problems)
        return loaded
    journey = _validate(Journey, document, problems)
    # The cross-reference checks read the raw data, so they still run (and report)
    # when other parts of the file failed validation.
    checker = _References(document, problems)
    stage_ids, touchpoint_ids = checker.assign_ids(document.data.get("stages"))
    loaded.targets = checker.resolve_addresses(document.data.get("improvements"), touchpoint_ids)
    data = document.data
    for s, stage in enumerate(_as_list(data.get("stages"))):
        for t, touchpoint in enumerate(_as_list(_get(stage, "touchpoints"))):
            _check_image(_get(touchpoint, "image"), ("stages", s, "touchpoints", t, "image"), path, docs,
                         document, problems)
    persona_ref = data.get("persona")
    if isinstance(persona_ref, dict):
        _check_image(persona_ref.get("image"), ("persona", "image"), path, docs, document, problems)
    elif isinstance(persona_ref, str):
        loaded.persona_path = _find_persona(persona_ref, docs, document, problems)
    loaded.compare_path = _find_compare_to(data.get("compare_to"), path, docs, document, problems)
    if journey is not None and not problems:
        for stage, stage_id in zip(journey.stages, stage_ids):
            stage.id = stage_id
            for touchpoint, touchpoint_id in zip(stage.touchpoints, touchpoint_ids[stage_id]):
                touchpoint.id = touchpoint_id
        if kept:
            share_field_sets(journey)  # after the ids are set; a site keeps every map: 40% less memory each
        loaded.journey = journey
        if isinstance(journey.persona, Persona):
            loaded.persona = journey.persona
            loaded.persona_path = path
    loaded.errors = _findings(shown, sorted(problems, key=lambda p: (p.line, p.column)))
    return loaded


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _get(mapping: Any, key: str) -> Any:
    return mapping.get(key) if isinstance(mapping, dict) else None


class _References:
    """Ids, their uniqueness, and what ``addresses`` point at."""

    def __init__(self, document: Document, problems: list[Problem]) -> None:
        self.document = document
        self.problems = problems

    def _error(self, path: tuple[Any, ...], message: str, *, key: bool = False) -> None:
        line, column = self.document.locate(path, key=key)
        self.problems.append(Problem(line, column, message))

    def _ids(self, items: list[Any], base: tuple[Any, ...], what: str, where: str) -> list[str]:
        ids: list[str] = []
        first: dict[str, int] = {}
        for index, item in enumerate(items):
            explicit = _get(item, "id")
            name = _get(item, "name")
            if isinstance(explicit, str) and is_valid_id(explicit):
                ident, at = explicit, (*base, index, "id")
            else:
                derived = slugify(name) if isinstance(name, str) else ""
                ident, at = derived or f"{what}-{index + 1}", (*base, index, "name")
            if ident in first:
                line = self.document.locate((*base, first[ident]))[0]
                self._error(at, message("load.duplicate_id", what=what, id=ident, line=line, where=where))
            else:
                first[ident] = index
            ids.append(ident)
        return ids

    def assign_ids(self, stages: Any) -> tuple[list[str], dict[str, list[str]]]:
        stage_list = _as_list(stages)
        stage_ids = self._ids(stage_list, ("stages",), "stage", "")
        touchpoint_ids: dict[str, list[str]] = {}
        for index, (stage, stage_id) in enumerate(zip(stage_list, stage_ids)):
            ids = self._ids(_as_list(_get(stage, "touchpoints")), ("stages", index, "touchpoints"),
                            "touchpoint", message("load.duplicate_id.in_stage", stage=stage_id))
            touchpoint_ids.setdefault(stage_id, ids)
        return stage_ids, touchpoint_ids

    def resolve_addresses(self, improvements: Any, touchpoint_ids: dict[str, list[str]]) -> dict[str, list[tuple[str, str]]]:
        full = {f"{s}/{t}": (s, t) for s, ts in touchpoint_ids.items() for t in ts}
        bare: dict[str, list[str]] = {}
        for s, ts in touchpoint_ids.items():
            for t in ts:
                bare.setdefault(t, []).append(s)
        targets: dict[str, list[tuple[str, str]]] = {}
        seen_ids: dict[str, int] = {}
        for index, item in enumerate(_as_list(improvements)):
            ident = _get(item, "id")
            if isinstance(ident, str):
                if ident in seen_ids:
                    line = self.document.locate(("improvements", seen_ids[ident]))[0]
                    self._error(("improvements", index, "id"),
                                message("load.duplicate_improvement_id", id=shown(ident), line=line))
                else:
                    seen_ids[ident] = index
            resolved: list[tuple[str, str]] = []
            for r, ref in enumerate(_as_list(_get(item, "addresses"))):
                if not isinstance(ref, str):
                    continue
                at = ("improvements", index, "addresses", r)
                if "/" in ref:
                    if ref in full:
                        resolved.append(full[ref])
                    else:
                        self._error(at, message("load.no_such_touchpoint", address=shown(ref),
                                                hint=_suggest(ref, full)))
                elif len(bare.get(ref, [])) == 1:
                    resolved.append((bare[ref][0], ref))
                elif ref in bare:
                    options = ", ".join(f"`{s}/{ref}`" for s in bare[ref])
                    self._error(at, message("load.ambiguous_touchpoint", id=ref, options=options))
                else:
                    self._error(at, message("load.no_such_touchpoint.bare", address=shown(ref),
                                            hint=_suggest(ref, [*full, *bare])))
            if isinstance(ident, str):
                targets.setdefault(ident, resolved)
        return targets


def _suggest(word: str, options: Iterable[str]) -> str:
    """``; did you mean `x`?`` to end a message, or nothing."""
    hint = did_you_mean(word, options)
    return message("load.hint", hint=hint) if hint else ""


def _find_persona(ident: str, docs: DocsTree, document: Document, problems: list[Problem]) -> Path | None:
    paths = docs.personas.get(ident, [])
    line, column = document.locate(("persona",))
    ident = shown(ident)  # for the messages: `mark\n` is no persona id either
    if len(paths) == 1:
        return paths[0]
    if not paths:
        hint = _suggest(ident, docs.personas)
        problems.append(Problem(line, column, message("load.persona_not_found", id=shown(ident), hint=hint)))
    else:
        listed = ", ".join(str(p.relative_to(docs.root)) for p in paths)
        problems.append(Problem(line, column, message("load.persona_ambiguous", id=shown(ident), files=listed)))
    return None


def _find_compare_to(value: Any, owner: Path, docs: DocsTree, document: Document,
                     problems: list[Problem]) -> Path | None:
    """The journey file ``compare_to`` names, relative to ``owner`` as a Markdown link is; None after an error."""
    if not isinstance(value, str) or not value:
        return None
    line, column = document.locate(("compare_to",))
    written = shown(value)
    problem: str | None = None
    target: Path | None = None
    if "://" in value or value.startswith(("/", "data:", "\\")) or ":" in value.split("/")[0]:
        problem = message("load.compare_to.not_relative", path=written)
    elif not is_journey_file(value):
        problem = message("load.compare_to.not_a_journey", path=written)
    else:
        try:
            target = (owner.parent / value).resolve()
            if not docs.contains(target):
                problem = message("load.compare_to.outside", path=written)
            elif not stat.S_ISREG(os.stat(target).st_mode):
                raise FileNotFoundError(target)
            elif target == owner.resolve():
                problem = message("load.compare_to.itself", path=written)
        except (FileNotFoundError, NotADirectoryError):
            assert target is not None
            siblings = sorted(p.name for p in target.parent.iterdir()
                              if is_journey_file(p.name)) if target.parent.is_dir() else []
            problem = message("load.compare_to.not_found", path=written,
                              where=shown(target.relative_to(docs.root).as_posix()),
                              hint=_suggest(target.name, siblings))
        except (OSError, ValueError, RuntimeError) as exc:
            problem = message("load.compare_to.cannot_look_up", path=written, reason=_os_reason(exc))
    if problem is not None:
        problems.append(Problem(line, column, problem))
        return None
    return target


def _check_image(value: Any, at: tuple[Any, ...], owner: Path, docs: DocsTree, document: Document,
                 problems: list[Problem]) -> None:
    if not isinstance(value, str) or not value:
        return
    line, column = document.locate(at)
    image = shown(value)
    if "://" in value or value.startswith(("/", "data:", "\\")) or ":" in value.split("/")[0]:
        problems.append(Problem(line, column, message("load.image.not_relative", image=image)))
        return
    try:
        target = (owner.parent / value).resolve()
        if not docs.contains(target):
            problems.append(Problem(line, column, message("load.image.outside", image=image)))
            return
        found = stat.S_ISREG(os.stat(target).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        found = False
    except (OSError, ValueError, RuntimeError) as exc:
        # The path comes from the file, so the file system may refuse it in many ways
        # (a name too long, a NUL byte, a symlink loop, no permission): all of them are
        # the author's to fix, never a traceback.
        problems.append(Problem(line, column, message("load.image.cannot_look_up", image=image,
                                                      reason=_os_reason(exc))))
        return
    if not found:
        where = shown(target.relative_to(docs.root).as_posix())
        problems.append(Problem(line, column, message("load.image.not_found", image=image, path=where)))


def _os_reason(exc: BaseException) -> str:
    """What went wrong, in the operating system's words, without the (possibly huge) path."""
    if isinstance(exc, RuntimeError):  # Python before 3.13 on a symlink loop
        return message("load.symlink_loop")
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return shown(str(exc))
