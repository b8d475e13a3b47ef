"""Where journey and persona files live, and how persona ids find their files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

JOURNEY_SUFFIXES = (".journey.yml", ".journey.yaml")
PERSONA_SUFFIXES = (".persona.yml", ".persona.yaml")


def is_journey_file(name: str) -> bool:
    return name.endswith(JOURNEY_SUFFIXES)


def is_persona_file(name: str) -> bool:
    return name.endswith(PERSONA_SUFFIXES)


def stem(name: str) -> str:
    """``booking.journey.yml`` -> ``booking``; ``mark.persona.yaml`` -> ``mark``."""
    for suffix in JOURNEY_SUFFIXES + PERSONA_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


@dataclass
class DocsTree:
    """The docs folder a set of maps belongs to.

    Persona ids and image paths are resolved inside it, so a map checked on the
    command line behaves exactly as it does in the site build.
    """

    root: Path
    personas: dict[str, list[Path]] = field(default_factory=dict)

    @classmethod
    def scan(cls, root: Path) -> DocsTree:
        root = root.resolve()
        tree = cls(root=root)
        for path in walk_files(root):
            if is_persona_file(path.name):
                tree.add_persona(path)
        return tree

    def add_persona(self, path: Path) -> None:
        """Add a persona file; the same file reached by a second path (a symlink) counts once."""
        paths = self.personas.setdefault(stem(path.name), [])
        try:
            real = path.resolve()
            if any(p.resolve() == real for p in paths):
                return
        except (OSError, RuntimeError):
            pass
        paths.append(path)

    def contains(self, path: Path) -> bool:
        try:
            path.resolve().relative_to(self.root)
        except ValueError:
            return False
        return True


def find_files(folder: Path) -> list[Path]:
    """Journey and persona files below ``folder``, in a stable order."""
    return [p for p in walk_files(folder) if is_journey_file(p.name) or is_persona_file(p.name)]


def walk_files(folder: Path) -> Iterator[Path]:
    """Every file below ``folder``, in a stable order, following folder symlinks as MkDocs does.

    MkDocs reads the docs folder with ``os.walk(followlinks=True)``, so a persona in a
    symlinked folder is part of the site; the scan must find it too. Unlike a plain
    walk, each real folder is entered once, so a symlink loop ends the walk instead
    of repeating it (MkDocs stops only where the path grows too long). Folders the
    system refuses to list are skipped, as MkDocs skips them.
    """
    seen: set[tuple[int, int]] = set()
    found: list[Path] = []
    for current, folders, files in os.walk(folder, followlinks=True):
        try:
            info = os.stat(current)
        except OSError:
            folders[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            folders[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        folders.sort()
        for name in files:
            path = Path(current, name)
            try:
                if path.is_file():
                    found.append(path)
            except (OSError, ValueError):
                continue
    yield from sorted(found)
