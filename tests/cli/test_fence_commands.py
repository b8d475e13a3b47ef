"""`mkdocs-journey check` on pages with fences, `assets` and `pages`, run as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_journey.engine.assets import STYLESHEET_SOURCE

from ..files import put
from .test_check import BAD, GOOD, project, run, text_lines  # noqa: F401 (a fixture)


def test_check_finds_pages_with_fences_and_reports_their_lines(project: Path) -> None:
    put(project, "docs/a.journey.yml", GOOD)
    put(project, "docs/team.md", "---\ntitle: Team\n---\n\n```journey\nfile: a.journey.yml\nshow: [curv]\n```\n")
    put(project, "docs/plain.md", "# No fences here; `journey` is only a word\n")
    result = run("check")
    assert result.exit_code == 1
    assert text_lines(result) == [{"path": "docs/team.md", "line": "7", "column": "8", "severity": "error",
                                   "message": "unknown part `curv` (did you mean `curve`?); parts are: title, "
                                              "header, persona, health, map, curve, backlog, matrix"}]
    assert result.stdout.splitlines()[-1] == "checked 2 files: 1 error, 0 warnings"


def test_check_reports_a_bad_map_once_under_its_own_file(project: Path) -> None:
    put(project, "docs/bad.journey.yml", BAD)
    put(project, "docs/team.md", "```journey\nfile: bad.journey.yml\n```\n")
    lines = text_lines(run("check"))
    assert [(line["path"], line["line"]) for line in lines] == [("docs/bad.journey.yml", "4"), ("docs/team.md", "2")]


def test_check_of_a_named_page(project: Path) -> None:
    put(project, "docs/a.journey.yml", GOOD)
    put(project, "docs/team.md", "```journey\nfile: a.journey.yml\n```\n")
    result = run("check", "docs/team.md")
    assert result.exit_code == 0 and result.stdout == "checked 1 file: 0 errors, 0 warnings\n"


def test_assets_writes_the_stylesheet(project: Path) -> None:
    put(project, "docs/index.md", "# Home\n")
    result = run("assets")
    assert result.exit_code == 0
    written = project / "docs/assets/stylesheets/journey.css"
    assert written.read_bytes() == STYLESHEET_SOURCE.read_bytes()
    assert "wrote docs/assets/stylesheets/journey.css" in result.stderr


def test_pages_writes_one_page_per_map_and_check_finds_them_current(project: Path) -> None:
    put(project, "docs/journeys/a.journey.yml", GOOD.replace("title: T", "title: 'Booking <b>'"))
    put(project, "docs/persona/p.persona.yml", "name: P\n")
    first = run("pages")
    assert first.exit_code == 0, first.stderr
    page = (project / "docs/journeys/a.md").read_text("utf-8")
    assert page.startswith('---\ntitle: "Booking &lt;b&gt;"\nhide: ["toc"]\n---\n')
    assert "```journey\nfile: journeys/a.journey.yml\nshow: [header, persona, health, map, backlog, matrix]\n```\n" in page
    assert sorted(p.name for p in (project / "docs").rglob("*.md")) == ["a.md"]
    assert run("pages", "--check").exit_code == 0
    again = run("pages")
    assert "wrote" not in again.stderr and (project / "docs/journeys/a.md").read_text("utf-8") == page
    # The page's fence passes `check`.
    assert run("check").exit_code == 0


def test_pages_check_fails_on_a_missing_page(project: Path) -> None:
    put(project, "docs/journeys/a.journey.yml", GOOD)
    result = run("pages", "--check")
    assert result.exit_code == 1
    assert "docs/journeys/a.md is missing or out of date" in result.stderr
    assert not (project / "docs/journeys/a.md").exists()


@pytest.mark.parametrize("command", ["pages", "pages --check"])
def test_pages_never_overwrites_a_page_it_did_not_write(project: Path, command: str) -> None:
    put(project, "docs/journeys/a.journey.yml", GOOD)
    put(project, "docs/journeys/a.md", "# Our own page\n")
    result = run(*command.split())
    assert result.exit_code == 1
    assert "`docs/journeys/a.md` exists and was not written by `mkdocs-journey pages`" in result.stderr
    assert (project / "docs/journeys/a.md").read_text("utf-8") == "# Our own page\n"
