"""What ``mkdocs serve`` keeps between rebuilds: rendered pages (reused only while every URL they asked for
answers the same) and ``journeys.json`` entries."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, cast

import pytest

from mkdocs_journey.engine.clock import today
from mkdocs_journey.engine.collection import CollectedMap, Collection
from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.export import (ExportedMap, dump_export, export_bytes, export_entry, export_journeys,
                                          export_text)
from mkdocs_journey.engine.render_cache import Recorder, RenderCache, captured_records
from mkdocs_journey.engine.settings import BuildSettings

MAP = cast(CollectedMap, object())
"""Kept pages are compared with the map by identity only."""


def _kept(answers: dict[tuple[str, Any], Any]) -> RenderCache:
    cache = RenderCache()
    recorder = Recorder()
    for (kind, argument), answer in answers.items():
        recorder.wrap(kind, lambda _, answer=answer: answer)(argument)
    cache.put("journeys/a.md", MAP, ("key",), recorder, [], "page")
    return cache


def test_a_page_is_reused_while_every_url_it_asked_for_is_the_same() -> None:
    answers = {("link", "../team.md"): "../../team/", ("asset", "img/a.png"): "../../img/a.png"}
    cache = _kept(answers)
    assert cache.get("journeys/a.md", MAP, ("key",), lambda kind, arg: answers[kind, arg]) == "page"
    assert cache.hits == 1


@pytest.mark.parametrize("changed", [("link", "../team.md"), ("asset", "img/a.png")])
def test_a_different_answer_means_rendering_again(changed: tuple[str, str]) -> None:
    answers = {("link", "../team.md"): "../../team/", ("asset", "img/a.png"): "../../img/a.png"}
    cache = _kept(answers)
    now = {**answers, changed: None}
    assert cache.get("journeys/a.md", MAP, ("key",), lambda kind, arg: now[kind, arg]) is None
    assert cache.hits == 0


def test_another_map_object_or_key_means_rendering_again() -> None:
    cache = _kept({})
    assert cache.get("journeys/a.md", cast(CollectedMap, object()), ("key",), lambda k, a: None) is None
    assert cache.get("journeys/a.md", MAP, ("other",), lambda k, a: None) is None
    assert cache.get("journeys/b.md", MAP, ("key",), lambda k, a: None) is None
    cache.keep_only({"journeys/b.md"})
    assert cache.get("journeys/a.md", MAP, ("key",), lambda k, a: None) is None


def test_the_records_of_a_rendering_are_written_again_on_reuse(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("mkdocs.plugins.test_render_cache")
    with captured_records() as records:
        logger.warning("link to nergens.md")
        other = threading.Thread(target=lambda: logger.warning("the server, meanwhile"))
        other.start()
        other.join()
    assert [r.getMessage() for r in records] == ["link to nergens.md"], "other threads' records are not the page's"
    cache = RenderCache()
    cache.put("journeys/a.md", MAP, (), Recorder(), records, "page")
    caplog.clear()
    assert cache.get("journeys/a.md", MAP, (), lambda k, a: None) == "page"
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("mkdocs.plugins.test_render_cache", logging.WARNING, "link to nergens.md")]


def test_journeys_json_made_of_kept_entries_is_byte_for_byte_the_same() -> None:
    docs = Path(__file__).parents[2] / "example-site" / "docs"
    settings = BuildSettings(today=today())
    collection = Collection(DocsTree.scan(docs), settings, name_of=str)
    maps = [ExportedMap(collection.journey(path), f"journeys/{path.name}/", path.relative_to(docs).as_posix())
            for path in sorted(docs.rglob("*.journey.yml"))]
    assert len([m for m in maps if m.map.ok]) >= 2
    entries = [export_entry(m, settings.translate) for m in sorted(maps, key=lambda m: m.source) if m.map.ok]
    assert export_text(entries) == dump_export(export_journeys(maps, settings.translate))
    assert export_text([]) == dump_export(export_journeys([], settings.translate))
    # The build writes the file a map at a time, as bytes: the same bytes.
    assert export_bytes(maps, settings.translate) == dump_export(export_journeys(maps, settings.translate)).encode()
    assert export_bytes([], settings.translate) == dump_export(export_journeys([], settings.translate)).encode()
