"""`mkdocs-journey diff` on a real pull request to the example site: what a reviewer reads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..git_repo import GitRepo
from .runner import run

EXAMPLE = Path(__file__).resolve().parents[2] / "example-site"
MAP = "journeys/rondreis-vs.journey.yml"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    root = tmp_path / "site"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("site"))
    repo = GitRepo(root)
    repo.commit("The example site")
    monkeypatch.chdir(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1793491200")  # 2026-11-01
    return repo


def edit(repo: GitRepo, relative: str, *replacements: tuple[str, str]) -> None:
    path = repo.docs / relative
    text = path.read_text("utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, "utf-8")


def test_shipping_the_filters(site: GitRepo) -> None:
    edit(site, MAP,
         ("        emotion: 2\n        feeling: gefrustreerd", "        emotion: 4\n        feeling: tevreden"),
         ("          - Geen filters op land, prijs of aantal dagen\n", ""),
         ("    impact: 5\n    effort: 3\n    status: planned", "    impact: 5\n    effort: 3\n    status: done"))
    result = run("diff", "--base", "main")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    # The site is Dutch, so the report is.
    assert lines[:2] == ["1 kaart gewijzigd (main vergeleken met de werkmap)", "beter voor de klant bij 1 touchpoint"]
    assert "Rondreis door de VS boeken  (docs/journeys/rondreis-vs.journey.yml)" in lines
    assert ("  1 touchpoint beter, 0 slechter, 13 gelijk · gemiddelde emotie 3,3 → 3,5 · 0 pijnpunten erbij, "
            "1 opgelost · 1 verbetering afgerond") in lines
    assert "      Emotie: 2 negatief → 4 positief  ▲" in lines
    assert "      Pijnpunten: “Geen filters op land, prijs of aantal dagen” → —  ▲" in lines
    backlog = lines.index("  Verbeterbacklog")
    assert lines[backlog + 1:backlog + 3] == ["    Filters op land, prijs en aantal dagen", "      Status: gepland → klaar"]


def test_the_future_map_against_the_current_one(site: GitRepo) -> None:
    result = run("diff", "--language", "en", "docs/journeys/rondreis-vs.journey.yml",
                 "docs/journeys/rondreis-vs-toekomst.journey.yml")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == "better for the customer at 3 touchpoints · 2 quick wins lost"
    assert "    Title: Rondreis door de VS boeken → Rondreis door de VS boeken — toekomst" in lines
    assert "      Emotion: 2 negative → 5 very positive  ▲" in lines


def test_a_shared_persona_changed(site: GitRepo) -> None:
    edit(site, "persona/mark.persona.yml", ("role: ", "role: Vader van twee. "))
    result = run("diff", "--base", "main", "--format", "markdown")
    assert "personabestand gewijzigd" in result.stdout
    assert "gebruikt door Rondreis door de VS boeken — toekomst; Rondreis door de VS boeken" in result.stdout
