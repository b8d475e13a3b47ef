"""A render leaves nothing of a map behind for the cyclic garbage collector (see render/letting_go.py).

Jinja's macros and the render's context hold each other; before, every map page's
view (and so its models) waited in such a cycle for a full collection, which a
large site rarely runs. These tests switch automatic collection off, render, and
ask the collector what it would have had to free.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from mkdocs_journey.engine.collection import CollectedMap
from mkdocs_journey.engine.portfolio import PortfolioMap, map_keys
from mkdocs_journey.engine.render import render_map
from mkdocs_journey.engine.render.environment import environment
from mkdocs_journey.engine.render.overview import render_overview

from .conftest import context


@contextmanager
def cyclic_garbage() -> Iterator[list[str]]:
    """The names of the types of our objects that only the cyclic collector would free of what ran inside."""
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    found: list[str] = []
    try:
        yield found
    finally:
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            gc.collect()
            found.extend(sorted({f"{type(o).__module__}.{type(o).__qualname__}" for o in gc.garbage
                                 if type(o).__module__.startswith("mkdocs_journey")}))
        finally:
            gc.garbage.clear()
            gc.set_debug(0)
            if enabled:
                gc.enable()


def test_a_rendered_map_page_leaves_no_cycle_holding_its_view(load: Callable[..., CollectedMap]) -> None:
    collected, page = load(), context()  # a Markdown instance is a cycle of its own: the build makes one
    with cyclic_garbage() as garbage:
        rendered = render_map(collected, page)
        assert "journey-map" in rendered.html
        del rendered
    assert garbage == []


def test_a_rendered_overview_leaves_no_cycle_holding_its_maps(load: Callable[..., CollectedMap]) -> None:
    keys = map_keys(["journeys/first.journey.yml", "journeys/second.journey.yml"])
    maps = [PortfolioMap(load(name="journeys/first.journey.yml"), "First", "first/", keys[0]),
            PortfolioMap(load(name="journeys/second.journey.yml"), "Second", "second/", keys[1])]
    page = context()
    with cyclic_garbage() as garbage:
        rendered = render_overview(maps, page, group_by_tag=True)
        assert "First" in rendered.html
        del rendered
    assert garbage == []


def test_a_module_imported_without_context_keeps_working_across_renders(tmp_path: Path) -> None:
    """Jinja caches such a module for every later render: letting go must not empty it."""
    (tmp_path / "journey").mkdir()
    (tmp_path / "journey" / "macros.html").write_text(
        "{% macro hello(who) %}{{ who }} and {{ lane_definitions | length }} lanes{% endmacro %}", "utf-8")
    (tmp_path / "journey" / "probe.html").write_text(
        '{% from "journey/macros.html" import hello %}{% import "journey/macros.html" as m with context %}'
        "{{ hello(name) }}; {{ m.hello(name) }}", "utf-8")
    template = environment([tmp_path]).get_template("journey/probe.html")
    first = template.render(name="Mark")
    assert first.startswith("Mark and ") and first.count("lanes") == 2
    assert template.render({"name": "Mark"}) == first
    assert template.render(name="Anna") == first.replace("Mark", "Anna")
