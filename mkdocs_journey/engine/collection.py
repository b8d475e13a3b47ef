"""One build's maps and personas: each file read once, each map analysed once.

This is the one place where a journey meets its persona file and its analysis.
Loading (``load.py``) reads one file; the collection remembers every persona file
it has read, so ten maps of one persona cost one read, and gives each map that
names a persona id the persona that file holds. Rendering, the export and the
health log then only read what was collected: none of them touches a file or
runs ``analyse`` again. The MkDocs plugin keeps one collection per build, the
command line one per docs folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .analyse import Analysis, analyse
from .diagnostics import Finding, Severity
from .docs_tree import DocsTree, stem
from .health import RULE_BY_KIND
from .limits import limit_touchpoints
from .load import LoadedJourney, LoadedPersona, gc_paused, load_journey, load_persona
from .messages import message
from .settings import BuildSettings

if TYPE_CHECKING:
    from .map_cache import MapCache


@dataclass
class CollectedMap:
    """A journey file after collection: loaded, its persona resolved, analysed once when valid."""

    loaded: LoadedJourney
    analysis: Analysis | None = None
    """The map's backlog and health (None for a map with errors)."""
    health: list[Finding] = field(default_factory=list)
    """The health notes as located warnings (for the build log and ``check``); empty when the
    collection was told not to make them (``health_notes=False``)."""
    persona: LoadedPersona | None = None
    """The persona *file* the map names, with its own errors (None for an inline persona or none)."""

    @property
    def ok(self) -> bool:
        return self.loaded.ok and self.analysis is not None


class Collection:
    """The maps and persona files of one docs folder, for one build or ``check`` run."""

    def __init__(self, docs: DocsTree, settings: BuildSettings, *,
                 name_of: Callable[[Path], str] = str, cache: MapCache | None = None,
                 health_notes: bool = True, kept: bool = True) -> None:
        self.docs = docs
        self.settings = settings
        self.cache = cache
        """Maps of an earlier build to reuse when their bytes are the same (``mkdocs serve``)."""
        self.health_notes = health_notes
        """Whether each valid map gets its health notes as located warnings (:attr:`CollectedMap.health`).

        Only the build log and ``check`` read them, and a quiet ``mkdocs build`` logs
        none: locating and wording some 50 notes per map cost a tenth of its loading
        and kept about 25 KB per map in memory for the whole build. The map's page,
        its export and the overview read the analysis (``Analysis.health``), made either way.
        """
        self.kept = kept
        """Whether the maps outlive the collection's user reading them once (``check`` keeps none)."""
        self.name_of = name_of
        """How messages name a file (relative to ``mkdocs.yml``, or as given on the command line)."""
        self._personas: dict[tuple[Path, str], LoadedPersona] = {}

    def persona(self, path: Path) -> LoadedPersona:
        """The persona file at ``path``, read on first use only, however many maps share it.

        The file is remembered under its real path and the name messages give it: a
        file named in two ways (on the command line, and through a map's persona id)
        reports its errors under the name it was asked for.
        """
        name = self.name_of(path)
        key = (path.resolve(), name)
        if key not in self._personas:
            self._personas[key] = load_persona(path, self.docs, name=name, max_size=self.settings.max_file_size)
        return self._personas[key]

    def persona_errors(self, path: Path) -> list[Finding]:
        """What is wrong with a persona file: its own errors, and another file with its id."""
        persona = self.persona(path)
        return persona.errors + duplicate_persona_errors(path, persona.name, self.docs)

    def journey(self, path: Path, *, source: bytes | None = None, name: str | None = None) -> CollectedMap:
        """Load a journey file, give it its persona, and analyse it if it is valid.

        The YAML source of a valid map is released afterwards (the health notes are
        located first, unless the collection makes none): the page, the export and the
        log need only the model.
        ``source`` and ``name`` load a journey written inside the Markdown page ``path``
        (a ``journey`` fence), named in messages as ``name``.
        """
        if self.cache is None or source is not None:
            return self._collect(path, source, name)
        try:
            content = path.read_bytes()
        except OSError:
            return self._collect(path, source, name)  # the loader reports why
        key = path.resolve()
        kept = self.cache.get(key, content)
        if kept is not None:
            return kept
        collected = self._collect(path, source, name)
        self.cache.put(key, content, collected)
        return collected

    @gc_paused  # the map's YAML nodes are released below, before a collection would walk them
    def _collect(self, path: Path, source: bytes | None, name: str | None) -> CollectedMap:
        settings = self.settings
        loaded = limit_touchpoints(load_journey(path, self.docs, name=name or self.name_of(path),
                                                max_size=settings.max_file_size, source=source, kept=self.kept),
                                   settings.max_touchpoints)
        collected = CollectedMap(loaded)
        if loaded.persona is None and loaded.persona_path is not None:
            collected.persona = self.persona(loaded.persona_path)
            loaded.persona = collected.persona.persona
        if loaded.ok:
            assert loaded.journey is not None
            settings = settings.for_language(loaded.journey.language)
            collected.analysis = analyse(loaded, settings)
            if self.health_notes:
                collected.health = health_findings(loaded, collected.analysis, settings)
            loaded.release_source()
        return collected


def health_findings(loaded: LoadedJourney, analysis: Analysis, settings: BuildSettings) -> list[Finding]:
    """The health notes of a valid map as located warnings (its source must still be there)."""
    assert loaded.document is not None
    findings = []
    for note in analysis.health:
        line, column = loaded.document.locate(note.path)
        findings.append(Finding(loaded.name, line, column, RULE_BY_KIND[note.kind].severity,
                                note.message(settings.translate), note.kind))
    return findings


def duplicate_persona_errors(path: Path, name: str, docs: DocsTree) -> list[Finding]:
    others = [p for p in docs.personas.get(stem(path.name), []) if p.resolve() != path.resolve()]
    if not others:
        return []
    listed = ", ".join(str(p.relative_to(docs.root)) for p in others)
    return [Finding(name, 1, 1, Severity.ERROR,
                    message("check.duplicate_persona", id=stem(path.name), files=listed))]
