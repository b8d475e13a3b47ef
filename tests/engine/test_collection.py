"""The collection: personas resolved once per build, maps analysed once, render free of file I/O."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

import pytest
from bs4 import BeautifulSoup

from mkdocs_journey.engine.check import check_paths
from mkdocs_journey.engine.collection import Collection
from mkdocs_journey.engine.diagnostics import Severity
from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.i18n import Translator
from mkdocs_journey.engine.render import PageContext, render_map
from mkdocs_journey.engine.settings import BuildSettings

MAP = "title: T\nstatus: draft\npersona: priya\nstages:\n  - name: A\n    touchpoints: [{name: B, emotion: 3}]\n"
SETTINGS = BuildSettings(today=date(2026, 11, 1), translate=Translator("nl"))


def test_maps_sharing_a_persona_file_share_one_load(docs_dir: Path, write_file: Callable[..., Path]) -> None:
    write_file("people/priya.persona.yml", "name: Priya\n")
    first, second = write_file("a.journey.yml", MAP), write_file("b.journey.yml", MAP)
    maps = Collection(DocsTree.scan(docs_dir), SETTINGS)
    a, b = maps.journey(first), maps.journey(second)
    assert a.persona is not None and a.persona is b.persona
    assert a.loaded.persona is not None and a.loaded.persona.name == "Priya"


def test_a_collected_map_renders_without_its_files(docs_dir: Path, write_file: Callable[..., Path]) -> None:
    # Everything the page needs was read when the map was collected: rendering reads nothing.
    persona = write_file("people/priya.persona.yml", "name: Priya\n")
    path = write_file("a.journey.yml", MAP)
    collected = Collection(DocsTree.scan(docs_dir), SETTINGS).journey(path)
    persona.unlink()
    path.unlink()
    rendered = render_map(collected, PageContext(settings=SETTINGS))
    page = BeautifulSoup(rendered.html, "html.parser")
    assert page.select_one(".journey-persona__name").get_text() == "Priya"
    assert "journey-persona" in rendered.anchor_ids


def test_the_analysis_uses_the_builds_settings(docs_dir: Path, write_file: Callable[..., Path]) -> None:
    write_file("people/priya.persona.yml", "name: Priya\n")
    collected = Collection(DocsTree.scan(docs_dir), SETTINGS).journey(write_file("a.journey.yml", MAP))
    assert collected.analysis is not None
    assert [note.kind for note in collected.analysis.health] == ["draft", "not-reviewed"]
    assert [(f.line, f.message) for f in collected.health] == [
        (2, SETTINGS.translate("health.draft")), (1, SETTINGS.translate("health.not-reviewed"))]
    assert collected.loaded.document is None  # located already: the YAML is let go


def test_a_collection_told_to_make_no_health_notes_still_analyses(
        docs_dir: Path, write_file: Callable[..., Path]) -> None:
    # A quiet build logs no health notes, so it does not word or locate them; the page reads the analysis.
    write_file("people/priya.persona.yml", "name: Priya\n")
    path = write_file("a.journey.yml", MAP)
    quiet = Collection(DocsTree.scan(docs_dir), SETTINGS, health_notes=False).journey(path)
    loud = Collection(DocsTree.scan(docs_dir), SETTINGS).journey(path)
    assert quiet.ok and quiet.health == [] and len(loud.health) == 2
    assert quiet.analysis is not None and loud.analysis is not None
    assert quiet.analysis.health == loud.analysis.health
    assert quiet.loaded.document is None
    assert render_map(quiet, PageContext(settings=SETTINGS)).html == render_map(loud, PageContext(settings=SETTINGS)).html


def test_check_reports_a_persona_file_under_the_name_it_was_given(
        docs_dir: Path, write_file: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    # The map reaches the persona by its full path first; the command line names it relatively.
    write_file("people/priya.persona.yml", "name: Priya\nage: 3\n")
    path = write_file("a.journey.yml", MAP)
    docs = DocsTree.scan(docs_dir)
    monkeypatch.chdir(docs_dir)
    result = check_paths([path, Path("people/priya.persona.yml")], lambda _: docs, SETTINGS)
    assert {f.path for f in result.findings if f.severity is Severity.ERROR} == {"people/priya.persona.yml"}
