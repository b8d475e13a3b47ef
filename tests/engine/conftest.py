"""Load journey text the way the plugin does: a real file in a real docs folder."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.load import LoadedJourney, LoadedPersona, load_journey, load_persona


@pytest.fixture
def load(write_file: Callable[..., Path], docs_dir: Path) -> Callable[..., LoadedJourney]:
    """Write ``text`` to ``docs/<name>`` and load it with a freshly scanned docs tree."""

    def load_text(text: str | bytes, name: str = "map.journey.yml", **options: int) -> LoadedJourney:
        path = write_file(name, text)
        return load_journey(path, DocsTree.scan(docs_dir), name=name, **options)

    return load_text


@pytest.fixture
def load_person(write_file: Callable[..., Path], docs_dir: Path) -> Callable[..., LoadedPersona]:
    def load_text(text: str, name: str = "mark.persona.yml") -> LoadedPersona:
        path = write_file(name, text)
        return load_persona(path, DocsTree.scan(docs_dir), name=name)

    return load_text
