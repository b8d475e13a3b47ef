"""Where journey and persona files live, and how persona ids find their files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if is_persona_file(path.name) and path.is_file():
                    tree.add_persona(path)
        return tree

    def add_persona(self, path: Path) -> None:
        paths = self.personas.setdefault(stem(path.name), [])
        if path not in paths:
            paths.append(path)

    def contains(self, path: Path) -> bool:
        try:
            path.resolve().relative_to(self.root)
        except ValueError:
            return False
        return True


def find_files(folder: Path) -> list[Path]:
    """Journey and persona files below ``folder``, in a stable order."""
    return sorted(
        p for p in folder.rglob("*") if (is_journey_file(p.name) or is_persona_file(p.name)) and p.is_file()
    )
