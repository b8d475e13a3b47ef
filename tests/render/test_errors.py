"""A map with errors: the box ``mkdocs serve`` shows in place of the map."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from bs4 import BeautifulSoup

from mkdocs_journey.engine.collection import Collection
from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.render import render_errors, render_map

from .conftest import context, settings

BROKEN = """\
title: Broken <script>alert(1)</script>
stages:
  - name: A
    touchpoints:
      - name: B
        emotoin: 3
"""


def test_errors_are_listed_escaped_in_a_failure_admonition(docs_dir: Path, write_file: Callable[..., Path]) -> None:
    path = write_file("bad.journey.yml", BROKEN + "        pains: [<img src=x onerror=alert(1)>]\n        emotion: 9\n")
    collected = Collection(DocsTree.scan(docs_dir), settings(), name_of=lambda p: "bad.journey.yml").journey(path)
    loaded = collected.loaded
    assert not loaded.ok
    for html in (render_errors(collected, context()), render_map(collected, context()).html):
        soup = BeautifulSoup(html, "html.parser")
        box = soup.select_one("div.admonition.failure.journey-errors")
        assert box.select_one(".admonition-title").get_text() == "This map has errors"
        lines = [li.get_text() for li in box.select(".journey-errors__list li")]
        assert lines == [e.format_text() for e in loaded.errors]
        assert lines[0].startswith("bad.journey.yml:6:9: error: ")
        assert soup.find("img") is None and soup.find("script") is None


def test_errors_in_dutch(docs_dir: Path, write_file: Callable[..., Path]) -> None:
    collected = Collection(DocsTree.scan(docs_dir), settings("nl")).journey(write_file("bad.journey.yml", BROKEN))
    soup = BeautifulSoup(render_errors(collected, context("nl")), "html.parser")
    assert soup.select_one(".admonition-title").get_text() == "Deze kaart bevat fouten"
