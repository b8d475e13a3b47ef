"""A real MkDocs project in tmp_path: ``mkdocs.yml``, a docs folder, and ways to build it.

Builds go through MkDocs itself (``load_config`` + ``build``, or the ``mkdocs``
command in a subprocess when the exit status and printed output matter); the tests
then read the written site with BeautifulSoup.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from ..files import put

#: A fixed "today" (2027-01-01 UTC) so staleness, and so the pages, never change.
EPOCH = "1798761600"

#: The smallest valid PNG (1x1, transparent).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154"
    "789c6360000200000500017a5eab3f0000000049454e44ae426082"
)

DUTCH_MAP = """\
title: Rondreis door de VS boeken
summary: Van inspiratie tot thuiskomst, zie [onze werkwijze](../werkwijze.md#interviews)
owner: Team Online
status: validated
reviewed: 2026-10-14
persona: mark
stages:
  - name: Oriëntatie
    id: orientatie
    goal: Inspiratie opdoen
    touchpoints:
      - name: Zoekopdracht in Google
        id: google
        channel: Google
        emotion: 4
        image: ../img/google.png
        needs: [Ideeën voor routes]
        met: partly
        on_brand: yes
        moment_of_truth: true
        pains: [Veel vergelijkbare aanbiedingen]
  - name: Afweging
    id: afweging
    touchpoints:
      - name: Website
        id: website
        emotion: 2
        pains:
          - Lange lijst zonder filters, zie [het team](../team.md)
          - "<script>alert('pwned')</script> in de zoekbalk"
improvements:
  - id: filters
    title: Filters op land, prijs en aantal dagen
    addresses: [afweging/website]
    owner: Webteam
    impact: 5
    effort: 2
    status: planned
    due: 2027-Q1
    notes: Vraag [het webteam](../team.md#webteam)
  - id: seo
    title: Betere vindbaarheid
    addresses: [google]
    impact: 3
    effort: 4
    due: 2027-03-01
"""

PERSONA = """\
name: Mark
role: Vader van twee
image: ../img/mark.png
goals: [Een onvergetelijke reis]
"""

ENGLISH_MAP = """\
title: Start a free trial
status: draft
stages:
  - name: Sign up
    touchpoints:
      - name: Pricing page
        emotion: 2
        pains: [Prices are hidden behind a sales form]
"""

#: ``emotoin`` (line 6, column 9) is a typo for ``emotion``.
INVALID_MAP = """\
title: Kapot
stages:
  - name: Een
    touchpoints:
      - name: Eerste contact
        emotoin: 3
"""

PAGES = {
    "index.md": "# Welkom\n\nHet handboek.\n",
    "werkwijze.md": "# Werkwijze\n\n## Interviews\n\nWe praten met klanten.\n",
    "team.md": "# Het team\n\n## Webteam\n\nZij bouwen de site.\n",
}


@dataclass
class Project:
    """A site in ``root``: write files, set options, build, and read the result."""

    root: Path
    config: dict[str, Any] = field(default_factory=dict)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def write(self, relative: str, content: str | bytes) -> Path:
        return put(self.docs, relative, content)

    def plugin_options(self) -> dict[str, Any]:
        for entry in self.config["plugins"]:
            if isinstance(entry, dict) and "journey" in entry:
                return entry["journey"]
        raise AssertionError("no journey plugin in the config")

    def set_options(self, **options: Any) -> None:
        self.plugin_options().update(options)

    def write_config(self) -> Path:
        path = self.root / "mkdocs.yml"
        path.write_text(yaml.safe_dump(self.config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    def build(self, site: str = "site") -> Path:
        """Build in this process, as ``mkdocs build`` does (without ``--strict``)."""
        site_dir = self.root / site
        build(load_config(config_file=str(self.write_config()), site_dir=str(site_dir)))
        return site_dir

    def run_mkdocs(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """Run the ``mkdocs`` command line in the project folder."""
        self.write_config()
        env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
        return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=self.root, env=env,
                              capture_output=True, text=True, timeout=timeout)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A Dutch Material site with one map sharing a persona file, and an English map."""
    site = Project(tmp_path, {
        "site_name": "Teamhandboek",
        "theme": {"name": "material", "language": "nl"},
        "plugins": ["search", {"journey": {}}],
        "markdown_extensions": ["attr_list", {"toc": {"permalink": True}}],
    })
    for name, text in PAGES.items():
        site.write(name, text)
    site.write("journeys/rondreis.journey.yml", DUTCH_MAP)
    site.write("persona/mark.persona.yml", PERSONA)
    site.write("img/google.png", PNG)
    site.write("img/mark.png", PNG)
    site.write("saas/trial.journey.yml", ENGLISH_MAP)
    return site


@pytest.fixture(params=[True, False], ids=["directory-urls", "file-urls"])
def use_directory_urls(request: pytest.FixtureRequest, project: Project) -> bool:
    project.config["use_directory_urls"] = request.param
    return bool(request.param)


def page_path(site: Path, url: str) -> Path:
    """The file a page URL (relative to the site root) is written to."""
    return site / (url + "index.html" if url.endswith("/") or url == "" else url)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def map_url(use_directory_urls: bool, stem: str = "journeys/rondreis") -> str:
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def journey_log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Records of the plugin's logger (``mkdocs.plugins.mkdocs_journey...``)."""
    caplog.set_level(logging.INFO, logger="mkdocs")
    yield caplog


def plugin_records(caplog: pytest.LogCaptureFixture, level: int) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith("mkdocs.plugins.mkdocs_journey") and r.levelno == level]
