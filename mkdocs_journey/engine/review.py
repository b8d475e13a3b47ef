"""Compare sets of files: two journey files, or a docs folder against a git ref.

:func:`.diff.diff` compares two maps; a pull request changes files. This module
decides which old file goes with which new one (git's rename detection, or the
two files a user names), loads each side the way the build would (personas and
images from the docs folder *as it was* at that version), and collects the per-map
diffs, the maps added and removed, and the persona files that changed, reported
once with the maps that use them. Errors in either version are collected as
located findings, so the command line can show them as ``check`` does.
"""

from __future__ import annotations

import posixpath
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal

from .collection import CollectedMap, Collection
from .diagnostics import Finding, sort_findings
from .diff import Change, JourneyDiff, diff, diff_persona
from .docs_tree import DocsTree, find_files, is_journey_file, is_persona_file, stem
from .git import FileChange, Repository
from .model import Persona
from .settings import BuildSettings

MapStatus = Literal["added", "removed", "renamed", "changed", "unchanged"]


@dataclass
class MapReview:
    """One map file across the two versions."""

    status: MapStatus
    name: str
    """The file as messages name it (the new one; the old one for a removed map)."""
    old_name: str | None
    """The old file's name when the map was renamed."""
    page: str | None
    """The map page's path in the site, relative to the site root, e.g. ``journeys/booking/``."""
    old: CollectedMap | None
    new: CollectedMap | None
    changes: JourneyDiff | None = None
    """The diff of a changed or renamed map (None for an added or removed one)."""

    @property
    def title(self) -> str:
        shown = self.new or self.old
        assert shown is not None and shown.loaded.journey is not None
        return shown.loaded.journey.title

    @property
    def changed(self) -> bool:
        return self.status != "unchanged" and (self.changes is None or self.changes.changed or self.status == "renamed")


@dataclass
class PersonaReview:
    """A persona file that changed, reported once for every map that names it."""

    status: Literal["added", "removed", "renamed", "changed"]
    name: str
    old_name: str | None
    persona: str
    """The persona's name (new, or old when removed)."""
    changes: tuple[Change, ...]
    maps: list[str] = field(default_factory=list)
    """The titles of the maps (in the new version) that use this persona."""


@dataclass
class Review:
    maps: list[MapReview] = field(default_factory=list)
    personas: list[PersonaReview] = field(default_factory=list)
    errors: list[Finding] = field(default_factory=list)
    """Errors that kept a file from being compared (either version), sorted as ``check`` sorts."""
    base: str | None = None
    """What the old side is (a git ref as the user wrote it), for headings; None for two files."""
    head: str | None = None

    @property
    def changed(self) -> bool:
        return any(m.changed for m in self.maps) or bool(self.personas)


def page_path(docs_relative: str, use_directory_urls: bool = True) -> str:
    """``journeys/booking.journey.yml`` -> ``journeys/booking/`` (or ``journeys/booking.html``), as the plugin publishes it."""
    folder, name = posixpath.split(docs_relative)
    base = stem(name)
    if base == "index" and use_directory_urls:
        return f"{folder}/" if folder else ""
    if use_directory_urls:
        return posixpath.join(folder, base) + "/"
    return posixpath.join(folder, base + ".html")


def compare_files(old: Path, new: Path, old_docs: DocsTree, new_docs: DocsTree, settings: BuildSettings,
                  *, name_of: Callable[[Path], str] = str, page: str | None = None) -> Review:
    """Two journey files, each judged in its own docs folder (the personas it can name)."""
    review = Review()
    old_map = Collection(old_docs, settings, name_of=name_of).journey(old)
    new_map = Collection(new_docs, settings, name_of=name_of).journey(new)
    review.errors = _errors(old_map, new_map)
    if not review.errors:
        changes = diff(old_map, new_map)
        review.maps.append(MapReview("changed" if changes.changed else "unchanged", name_of(new), None, page,
                                     old_map, new_map, changes))
    return review


def compare_git(repo: Repository, base: str, head: str | None, docs_dir: Path, paths: list[Path],
                settings: BuildSettings, *, name_of: Callable[[Path], str] = str,
                use_directory_urls: bool = True) -> Review:
    """The journey and persona files under ``paths`` (in ``docs_dir``) at ``base`` against ``head``.

    ``head`` None is the working tree as it is now, uncommitted edits and new files included.
    Raises :class:`.git.GitError` for an unknown ref.
    """
    base_commit = repo.resolve(base)
    head_commit = repo.resolve(head) if head is not None else None
    docs_rel = repo.relative(docs_dir)
    wanted = [repo.relative(p) for p in paths] or [docs_rel]
    found = [c for c in repo.changes(base_commit, head_commit, wanted) if _is_ours(c)]
    review = Review(base=base, head=head)
    with tempfile.TemporaryDirectory(prefix="mkdocs-journey-") as scratch:
        old_root = repo.export(base_commit, docs_rel, Path(scratch) / "base")
        if head_commit is not None:
            new_root = repo.export(head_commit, docs_rel, Path(scratch) / "head")
        else:
            new_root = docs_dir.resolve()
        old_docs, new_docs = DocsTree.scan(old_root), DocsTree.scan(new_root)

        def named(root: Path, label: str | None) -> Callable[[Path], str]:
            # Files of a version are named as the user knows them: `REF:docs/x.journey.yml`.
            def name(path: Path) -> str:
                relative = posixpath.join(docs_rel, path.resolve().relative_to(root.resolve()).as_posix())
                return f"{label}:{relative}" if label else name_of(repo.root / relative)
            return name

        old_collection = Collection(old_docs, settings, name_of=named(old_root, base))
        new_collection = Collection(new_docs, settings, name_of=named(new_root, head))

        def inside(path: str | None, root: Path) -> Path | None:
            if path is None or not _below(path, docs_rel):
                return None
            return root / posixpath.relpath(path, docs_rel)

        persona_changes = [c for c in found if is_persona_file(posixpath.basename(c.new_path or c.old_path or ""))]
        for change in found:
            if change in persona_changes:
                continue
            old_file, new_file = inside(change.old_path, old_root), inside(change.new_path, new_root)
            review_map = _review_map(change, old_file, new_file, old_collection, new_collection,
                                     docs_rel, use_directory_urls, review.errors)
            if review_map is not None:
                review.maps.append(review_map)
        for change in persona_changes:
            old_file, new_file = inside(change.old_path, old_root), inside(change.new_path, new_root)
            persona = _review_persona(change, old_file, new_file, old_collection, new_collection, review.errors)
            if persona is not None:
                persona.maps = _maps_using(stem(posixpath.basename(change.new_path or change.old_path or "")),
                                           new_docs, new_collection)
                review.personas.append(persona)
    # An old path is named as the user names files here (relative to the current folder).
    for item in review.maps:
        if item.old_name is not None:
            item.old_name = name_of(repo.root / item.old_name)
    for persona in review.personas:
        if persona.old_name is not None:
            persona.old_name = name_of(repo.root / persona.old_name)
    review.errors = sort_findings(review.errors)
    return review


def _is_ours(change: FileChange) -> bool:
    names = [posixpath.basename(p) for p in (change.old_path, change.new_path) if p]
    return any(is_journey_file(n) or is_persona_file(n) for n in names)


def _below(path: str, folder: str) -> bool:
    return folder in ("", ".") or path == folder or path.startswith(folder.rstrip("/") + "/")


def _errors(*maps: CollectedMap | None) -> list[Finding]:
    found: list[Finding] = []
    for collected in maps:
        if collected is not None and not collected.ok:
            found += collected.loaded.errors
            if collected.persona is not None:
                found += collected.persona.errors
    return found


def _review_map(change: FileChange, old_file: Path | None, new_file: Path | None, old_collection: Collection,
                new_collection: Collection, docs_rel: str, use_directory_urls: bool,
                errors: list[Finding]) -> MapReview | None:
    """One journey file's change; None when it has errors (they are added to ``errors``)."""
    # A file renamed from or to a name that is not a map is an addition or a removal of a map.
    if old_file is not None and not is_journey_file(old_file.name):
        old_file = None
    if new_file is not None and not is_journey_file(new_file.name):
        new_file = None
    if old_file is None and new_file is None:
        return None
    old = old_collection.journey(old_file) if old_file is not None else None
    new = new_collection.journey(new_file) if new_file is not None else None
    problems = _errors(old, new)
    if problems:
        errors += problems
        return None
    page = None
    if new_file is not None and change.new_path is not None:
        page = page_path(posixpath.relpath(change.new_path, docs_rel) if docs_rel not in ("", ".")
                         else change.new_path, use_directory_urls)
    name = (new or old).loaded.name  # type: ignore[union-attr]
    if old is None:
        return MapReview("added", name, None, page, None, new)
    if new is None:
        return MapReview("removed", name, None, None, old, None)
    changes = diff(old, new, persona=False)
    renamed = old_file is not None and change.status == "renamed"
    status: MapStatus = "renamed" if renamed else "changed" if changes.changed else "unchanged"
    return MapReview(status, name, change.old_path if renamed else None, page, old, new, changes)


def _review_persona(change: FileChange, old_file: Path | None, new_file: Path | None, old_collection: Collection,
                    new_collection: Collection, errors: list[Finding]) -> PersonaReview | None:
    if old_file is not None and not is_persona_file(old_file.name):
        old_file = None
    if new_file is not None and not is_persona_file(new_file.name):
        new_file = None
    old = old_collection.persona(old_file) if old_file is not None else None
    new = new_collection.persona(new_file) if new_file is not None else None
    problems = [e for p in (old, new) if p is not None for e in p.errors]
    if problems:
        errors += problems
        return None
    old_persona: Persona | None = old.persona if old is not None else None
    new_persona: Persona | None = new.persona if new is not None else None
    if old_persona is None and new_persona is None:
        return None
    shown = new_persona or old_persona
    assert shown is not None
    changes = diff_persona(old_persona, new_persona)
    status: Literal["added", "removed", "renamed", "changed"] = (
        "added" if old is None else "removed" if new is None
        else "renamed" if change.status == "renamed" else "changed")
    if status == "changed" and not changes:
        return None
    name = (new or old).name  # type: ignore[union-attr]
    return PersonaReview(status, name, change.old_path if status == "renamed" else None, shown.name, changes)


def _maps_using(persona_id: str, docs: DocsTree, collection: Collection) -> list[str]:
    """The titles of the maps in ``docs`` that name ``persona_id``, in file order."""
    titles = []
    for path in find_files(docs.root):
        if not is_journey_file(path.name):
            continue
        collected = collection.journey(path)
        journey = collected.loaded.journey
        if journey is not None and journey.persona == persona_id:
            titles.append(journey.title)
    return titles
