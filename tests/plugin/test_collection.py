"""A build reads each persona file once and analyses each map once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mkdocs_journey.engine import collection

from .conftest import Project, map_url, page_path, soup


def counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[Any]:
    """Count the calls of one of the engine's own functions (the build itself runs for real)."""
    calls: list[Any] = []
    real = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def test_each_map_is_analysed_once_and_each_persona_file_read_once(
        project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    project.write("journeys/tweede.journey.yml", (project.docs / "journeys/rondreis.journey.yml").read_text("utf-8"))
    analysed = counting(monkeypatch, collection, "analyse")
    personas = counting(monkeypatch, collection, "load_persona")
    site = project.build()
    # Three maps (two Dutch ones naming `mark`, one English), each analysed once although
    # the build log, journeys.json and the page all use the analysis.
    assert sorted(loaded.name for loaded in analysed) == [
        "docs/journeys/rondreis.journey.yml", "docs/journeys/tweede.journey.yml", "docs/saas/trial.journey.yml"]
    assert [Path(p).name for p in personas] == ["mark.persona.yml"]
    assert (site / "journeys.json").is_file()
    for page in ("journeys/rondreis", "journeys/tweede"):
        assert soup(page_path(site, map_url(True, page))).select_one(".journey-persona") is not None
