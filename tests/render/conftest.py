"""Render real maps written into a docs folder in tmp_path, and parse the result."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Callable

import pytest
from bs4 import BeautifulSoup

from mkdocs_journey.engine.collection import CollectedMap, Collection
from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.i18n import Translator
from mkdocs_journey.engine.render import PageContext, render_map
from mkdocs_journey.engine.render.inline_markdown import InlineMarkdown
from mkdocs_journey.engine.settings import BuildSettings

TODAY = date(2026, 11, 1)

#: A small but complete map: every lane has content somewhere, one stage is empty,
#: one touchpoint has no emotion (a gap), and the backlog has open, done and
#: unscored items.
FULL_MAP = """\
title: Booking a trip
summary: From *inspiration* to the trip
owner: Team Online
status: validated
state: current
reviewed: 2026-10-14
goal: Sell more trips online
brand: Carefree travel
tags: [travel, online]
research: [Interviews, October 2026]
persona:
  name: Mark
  role: Experienced traveller
  quote: I want to choose myself.
  image: img/mark.svg
  about: Plans a **big** trip every two years.
  facts: {Age: "42", City: Utrecht}
  goals: [A trip for the whole family]
  needs: [Filters]
  frustrations: [Long lists]
  channels: [Google, E-mail]
stages:
  - name: Orientation
    goal: Get inspired
    touchpoints:
      - name: Google search
        id: google
        channel: Google
        senses: [see, hear]
        action: Searches for "road trip"
        thought: Which route suits us?
        emotion: 4
        feeling: curious
        needs: [Route ideas]
        met: partly
        on_brand: yes
        image: img/google.svg
        evidence: [Interviews 3 and 5]
        pains: [Too many similar offers]
        gains: [Nice photos]
        opportunities: [Routes per theme]
        backstage: {team: Marketing, systems: [Google Ads, CMS], process: SEO per destination}
        kpis:
          - {name: Click rate, target: 5%, actual: 3.2%}
          - {name: Waiting time, target: 2 min, actual: 1 min, better: lower}
      - name: Website
        id: website
        emotion: 2
        moment_of_truth: true
        on_brand: no
        pains: [No filters]
  - name: Consideration
    touchpoints: []
  - name: Booking
    touchpoints:
      - name: Book online
        id: book
        emotion: null
      - name: Confirmation
        id: confirm
        emotion: 5
      - name: Payment
        id: pay
        emotion: 1
improvements:
  - id: filters
    title: Filters on country and price
    addresses: [orientation/website]
    owner: Web team
    teams: [HR, Design]
    impact: 5
    effort: 3
    status: planned
    due: 2027-Q1
    kpi: Conversion
    notes: Hire a *webmaster* first
    link: https://jira.example.com/browse/WEB-42
  - id: mails
    title: Departure mails
    addresses: [google]
    owner: Marketing
    impact: 4
    effort: 2
    status: doing
    due: 2026-12-15
  - id: same-cell
    title: Another one in the same cell
    owner: Web team
    impact: 4
    effort: 2
  - id: unscored
    title: Not scored yet
  - id: done-item
    title: Already done
    addresses: [booking/pay]
    impact: 5
    effort: 1
    status: done
"""

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'

Render = Callable[..., BeautifulSoup]


def asset_url(path: Path) -> str:
    return "assets/" + path.name


#: Keyword arguments of the render fixture that are build settings, not page context.
SETTINGS_KEYS = ("today", "stale_after_days", "max_file_size", "max_touchpoints")


def settings(language: str = "en", **overrides: Any) -> BuildSettings:
    return BuildSettings(**{"today": TODAY, "translate": Translator(language), **overrides})


def collect(docs_dir: Path, path: Path, language: str = "en", **overrides: Any) -> CollectedMap:
    """Collect one map as a build does: persona file resolved, analysed once."""
    return Collection(DocsTree.scan(docs_dir), settings(language, **overrides)).journey(path)


@pytest.fixture
def load(docs_dir: Path, write_file: Callable[..., Path]) -> Callable[..., CollectedMap]:
    """Write a journey (and the pictures FULL_MAP names) and collect it for real."""

    def load_map(text: str = FULL_MAP, name: str = "journeys/map.journey.yml", language: str = "en",
                 **overrides: Any) -> CollectedMap:
        write_file("journeys/img/mark.svg", SVG)
        write_file("journeys/img/google.svg", SVG)
        collected = collect(docs_dir, write_file(name, text), language, **overrides)
        assert collected.ok, [e.format_text() for e in collected.loaded.errors]
        return collected

    return load_map


def context(language: str = "en", **overrides: Any) -> PageContext:
    chosen = {key: overrides.pop(key) for key in SETTINGS_KEYS if key in overrides}
    options: dict[str, Any] = {
        "settings": settings(language, **chosen),
        "inline_markdown": InlineMarkdown(),
        "asset_url": asset_url,
    }
    options.update(overrides)
    return PageContext(**options)


@pytest.fixture
def render(load: Callable[..., CollectedMap]) -> Render:
    """Render a map (FULL_MAP by default) and parse the page content."""

    def render_page(text: str = FULL_MAP, language: str = "en", **overrides: Any) -> BeautifulSoup:
        chosen = {key: overrides[key] for key in SETTINGS_KEYS if key in overrides}
        html = render_map(load(text, language=language, **chosen), context(language, **overrides)).html
        return BeautifulSoup(html, "html.parser")

    return render_page
