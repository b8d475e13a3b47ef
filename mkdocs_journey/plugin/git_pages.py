"""What a build learns from git for the map pages: a comparison with a ref, and each map's history.

Both are extras: a site builds without git. So every failure here (no git, no
repository, an unknown ref, a shallow clone without the ref) becomes one warning
that names the cause and the fix, and the pages go without the extra; a ``--strict``
build then fails on that warning, as it should. Git is asked a fixed number of
times per build, never once per map: one ``git archive`` of the docs folder at the
ref (plus one ``git diff`` for renames), one ``git log`` for every map's history.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ..engine.collection import CollectedMap, Collection
from ..engine.compare import Comparison, compare, new_at_ref
from ..engine.docs_tree import DocsTree
from ..engine.git import GitError, Repository, file_histories
from ..engine.history import MapHistory, commit_links, map_history
from ..engine.messages import message
from ..engine.settings import BuildSettings
from ..engine.trend import trends
from .sources import MapPage


@dataclass
class GitPages:
    """The docs folder's repository, found once per build (or the reason there is none)."""

    docs_dir: Path
    _repository: Repository | None = None
    _error: GitError | None = None
    _looked: bool = False
    warnings: list[str] = field(default_factory=list)

    def repository(self) -> Repository:
        if not self._looked:
            self._looked = True
            try:
                self._repository = Repository.find(self.docs_dir)
            except GitError as error:
                self._error = error
        if self._repository is None:
            assert self._error is not None
            raise self._error
        return self._repository

    def in_repository(self) -> bool:
        try:
            self.repository()
        except GitError:
            return False
        return True

    # -- compare_ref

    def compare_with_ref(self, ref: str, maps: Iterable[MapPage], settings: BuildSettings,
                         name_of: Callable[[Path], str], log_info: Callable[[str], None]) -> dict[str, Comparison]:
        """Each valid map compared with its own version at ``ref`` (by generated page ``src_uri``)."""
        try:
            repository = self.repository()
            commit = repository.resolve(ref)
            folder = repository.relative(self.docs_dir)
            pages = [(m, _relative(repository, m)) for m in maps if m.map.ok]
            renamed = {c.new_path: c.old_path for c in repository.changes(commit, None, [folder])
                       if c.status == "renamed"}
            found: dict[str, Comparison] = {}
            with tempfile.TemporaryDirectory(prefix="journey-ref-") as tmp:
                root = Path(tmp)
                old_docs = repository.export(commit, folder, root)
                collection = Collection(DocsTree.scan(old_docs), settings, name_of=name_of)
                t = settings.translate
                for map_page, path in pages:
                    if path is None:
                        continue
                    old_path = root / (renamed.get(path) or path)
                    if not old_path.is_file():
                        found[map_page.page.src_uri] = new_at_ref(map_page.map, ref, commit[:7])
                        continue
                    old = collection.journey(old_path)
                    if not old.ok:
                        log_info(message("plugin.compare_ref.old_version_has_errors", path=map_page.loaded.name,
                                         ref=ref, count=len(old.loaded.errors)))
                        continue
                    found[map_page.page.src_uri] = compare(old, map_page.map, t, ref=ref, commit=commit[:7])
            return found
        except GitError as error:
            self.warnings.append(message("plugin.compare_ref.unavailable", ref=ref, reason=str(error)))
            return {}

    # -- history

    def histories(self, maps: Iterable[MapPage], *, explicit: bool, repo_url: str | None, trend: int,
                  settings: BuildSettings) -> dict[str, MapHistory]:
        """Each map's History section (by generated page ``src_uri``); nothing outside a repository."""
        try:
            repository = self.repository()
            pages = [(m, _relative(repository, m)) for m in maps]
            paths = [path for _, path in pages if path is not None]
            commits = file_histories(repository, repository.relative(self.docs_dir), paths)
            shallow = repository.is_shallow()
            versions = trends(repository, {p: commits[p] for p in paths}, trend, settings,
                              DocsTree.scan(self.docs_dir)) if trend else {}
        except GitError as error:
            if explicit:
                self.warnings.append(message("plugin.history.unavailable", reason=str(error)))
            return {}
        link = commit_links(repo_url)
        return {m.page.src_uri: map_history(commits[path], shallow=shallow, link=link,
                                            trend=versions.get(path, ()))
                for m, path in pages if path is not None}


def _relative(repository: Repository, map_page: MapPage) -> str | None:
    """The map file's path in the repository (None for a file outside it, e.g. through a symlink)."""
    if map_page.source.abs_src_path is None:
        return None
    try:
        return repository.relative(Path(map_page.source.abs_src_path))
    except ValueError:
        return None


def compare_to(maps: dict[str, MapPage], collection: Collection,
               settings: BuildSettings) -> dict[str, tuple[Comparison, MapPage | None]]:
    """Each valid map that names ``compare_to`` compared with that map, and that map's page if it has one.

    By generated page ``src_uri``. The other map is the one collected for its own page; a
    map that is not part of the site (excluded) is read through the same collection.
    A comparison with a map that has errors is left out: that map's own errors stop the
    build, or show on its page.
    """
    by_path = {Path(m.source.abs_src_path).resolve(): m for m in maps.values() if m.source.abs_src_path}
    found: dict[str, tuple[Comparison, MapPage | None]] = {}
    for uri, map_page in maps.items():
        target = map_page.loaded.compare_path
        if target is None or not map_page.map.ok:
            continue
        other_page = by_path.get(target)
        other: CollectedMap = other_page.map if other_page is not None else collection.journey(target)
        if not other.ok:
            continue
        found[uri] = (compare(other, map_page.map, settings.translate), other_page)
    return found
