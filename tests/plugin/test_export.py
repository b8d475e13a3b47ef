"""``journeys.json`` and byte-identical output."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_journey.engine.i18n import Translator

from .conftest import Project, map_url, page_path, read_json

TOUCHPOINT_KEYS = ["id", "name", "channel", "emotion", "moment_of_truth", "on_brand", "pains", "gains", "needs", "met"]
IMPROVEMENT_KEYS = ["id", "title", "status", "owner", "impact", "effort", "score", "quick_win", "due", "addresses"]


def test_journeys_json_lists_every_map(project: Project, use_directory_urls: bool) -> None:
    data = read_json(project.build() / "journeys.json")
    assert data["version"] == 1
    assert [j["source"] for j in data["journeys"]] == ["journeys/rondreis.journey.yml", "saas/trial.journey.yml"]
    trip, trial = data["journeys"]
    assert trip["url"] == map_url(use_directory_urls)
    assert trial["url"] == map_url(use_directory_urls, "saas/trial")
    assert list(trip) == ["title", "url", "source", "summary", "owner", "status", "state", "reviewed", "persona",
                          "stages", "improvements", "health"]
    assert trip["title"] == "Rondreis door de VS boeken"
    assert (trip["owner"], trip["status"], trip["state"], trip["reviewed"]) == (
        "Team Online", "validated", "current", "2026-10-14")
    assert trip["persona"] == "Mark"
    assert trial["persona"] is None and trial["reviewed"] is None


def test_stages_and_touchpoints(project: Project) -> None:
    trip = read_json(project.build() / "journeys.json")["journeys"][0]
    assert [(s["id"], s["name"], s["goal"]) for s in trip["stages"]] == [
        ("orientatie", "Oriëntatie", "Inspiratie opdoen"), ("afweging", "Afweging", None)]
    google = trip["stages"][0]["touchpoints"][0]
    assert list(google) == TOUCHPOINT_KEYS
    assert google == {
        "id": "google", "name": "Zoekopdracht in Google", "channel": "Google", "emotion": 4,
        "moment_of_truth": True, "on_brand": "yes", "pains": ["Veel vergelijkbare aanbiedingen"], "gains": [],
        "needs": ["Ideeën voor routes"], "met": "partly",
    }


def test_improvements_in_backlog_order_with_scores(project: Project) -> None:
    trip = read_json(project.build() / "journeys.json")["journeys"][0]
    filters, seo = trip["improvements"]
    assert list(filters) == IMPROVEMENT_KEYS
    assert filters == {
        "id": "filters", "title": "Filters op land, prijs en aantal dagen", "status": "planned", "owner": "Webteam",
        "impact": 5, "effort": 2, "score": 20, "quick_win": True, "due": "2027-Q1", "addresses": ["afweging/website"],
    }
    assert (seo["status"], seo["score"], seo["quick_win"], seo["due"], seo["addresses"]) == (
        "idea", 6, False, "2027-03-01", ["orientatie/google"])
    assert seo["owner"] is None


def test_health_notes_in_the_site_language(project: Project) -> None:
    data = read_json(project.build() / "journeys.json")
    trip, trial = data["journeys"]
    no_owner = [h for h in trip["health"] if h["kind"] == "no-owner"]
    assert no_owner == [{"kind": "no-owner", "message": Translator("nl")("health.no-owner", improvement="seo"),
                         "improvement": "seo"}]
    pains = [h for h in trial["health"] if h["kind"] == "unaddressed-pain"]
    assert pains[0]["stage"] == "sign-up" and pains[0]["touchpoint"] == "pricing-page"
    assert {h["kind"] for h in trial["health"]} >= {"draft", "not-reviewed", "unaddressed-pain"}
    draft = next(h for h in trial["health"] if h["kind"] == "draft")
    assert set(draft) == {"kind", "message"}


def test_export_can_be_switched_off(project: Project) -> None:
    project.set_options(export=False)
    assert not (project.build() / "journeys.json").exists()


def test_same_input_gives_identical_bytes(project: Project) -> None:
    first, second = project.build("site-1"), project.build("site-2")
    written = [Path("journeys.json"), Path("assets/stylesheets/journey.css")]
    written += [page_path(Path(), "journeys/rondreis/"), page_path(Path(), "saas/trial/")]
    for relative in written:
        assert (first / relative).read_bytes() == (second / relative).read_bytes(), relative


def test_separate_processes_give_identical_bytes(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    # Different hash seeds change the order of sets and dict-of-set iteration; output must not care.
    sites = []
    for seed in ("1", "2"):
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        result = project.run_mkdocs("build", "-d", f"site-{seed}")
        assert result.returncode == 0, result.stderr
        sites.append(project.root / f"site-{seed}")
    for relative in ("journeys.json", "journeys/rondreis/index.html", "saas/trial/index.html"):
        assert (sites[0] / relative).read_bytes() == (sites[1] / relative).read_bytes(), relative


@pytest.mark.parametrize(("days", "stale"), [(180, False), (30, True)])
def test_stale_after_days_uses_the_build_date(project: Project, days: int, stale: bool) -> None:
    # Reviewed 2026-10-14; SOURCE_DATE_EPOCH makes today 2027-01-01, 79 days later.
    project.set_options(stale_after_days=days)
    trip = read_json(project.build() / "journeys.json")["journeys"][0]
    assert ("stale" in {h["kind"] for h in trip["health"]}) is stale
