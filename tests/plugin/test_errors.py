"""A map with errors stops ``mkdocs build`` (strict or not), naming file:line:column, without a traceback."""

from __future__ import annotations

import logging
import re

import pytest
from click.testing import CliRunner
from mkdocs.exceptions import Abort

from mkdocs_journey.cli import main

from .conftest import DUTCH_MAP, ENGLISH_MAP, INVALID_MAP, PERSONA, Project, plugin_records, soup


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
def test_invalid_map_fails_the_build_with_its_location(project: Project, strict: bool) -> None:
    project.write("journeys/kapot.journey.yml", INVALID_MAP)
    result = project.run_mkdocs("build", *(["--strict"] if strict else []))
    assert result.returncode != 0
    assert "docs/journeys/kapot.journey.yml:6:9: error: " in result.stderr
    assert "emotion" in result.stderr, "the suggestion for the typo"
    assert "1 journey file has errors" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_every_broken_file_is_reported_before_stopping(project: Project) -> None:
    project.write("journeys/kapot.journey.yml", INVALID_MAP)
    project.write("journeys/leeg.journey.yml", "title: Leeg\n")
    project.write("persona/kapot.persona.yml", "role: zonder naam\n")
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    assert "docs/journeys/kapot.journey.yml:6:9: error:" in result.stderr
    assert "docs/journeys/leeg.journey.yml:" in result.stderr
    assert "docs/persona/kapot.persona.yml:" in result.stderr
    assert "3 journey files have errors" in result.stderr


def test_a_broken_persona_file_is_an_error_of_the_build(project: Project,
                                                        journey_log: pytest.LogCaptureFixture) -> None:
    project.write("persona/mark.persona.yml", "name: Mark\nimage: ../img/missing.png\n")
    with pytest.raises(Abort):
        project.build()
    errors = [r.getMessage() for r in journey_log.records if r.levelno == logging.ERROR]
    assert any(m.endswith("docs/persona/mark.persona.yml:2:8: error: image `../img/missing.png` not found "
                          "(looked for img/missing.png)") for m in errors), errors
    assert "1 journey file has errors; fix them to build the site" in errors


def test_duplicate_persona_ids_are_an_error(project: Project) -> None:
    project.write("other/mark.persona.yml", "name: Mark again\n")
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    assert "persona id `mark` is also used by" in result.stderr


def test_health_notes_do_not_fail_a_strict_build(project: Project) -> None:
    # The English map is a draft with an unaddressed pain: health notes, not warnings.
    result = project.run_mkdocs("build", "--strict")
    assert result.returncode == 0, result.stderr
    assert "docs/saas/trial.journey.yml" in result.stderr, "health notes are logged at INFO"


HEALTH_LINE = re.compile(r"^INFO\s+-\s+mkdocs_journey: (?P<where>docs/saas/trial\.journey\.yml:\d+:\d+): "
                         r"health: (?P<message>.+)$")


def test_health_notes_in_the_build_log_say_health_not_warning(project: Project,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # An INFO line that says "warning" confuses everyone reading a CI log.
    project.config["theme"]["language"] = "en"  # the command line writes English
    result = project.run_mkdocs("build", "--strict")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "trial.journey.yml" in line]
    matches = [HEALTH_LINE.match(line) for line in lines]
    assert lines and all(matches), lines
    assert not any("warning" in line.lower() for line in lines)
    assert any(m.group("message").startswith("draft: ") for m in matches if m)
    # `mkdocs-journey check` reports the same notes, with the severity `warning`.
    monkeypatch.chdir(project.root)
    check = CliRunner().invoke(main, ["check", "docs/saas/trial.journey.yml"])
    assert check.exit_code == 0
    assert sorted(check.stdout.splitlines()[:-1]) == sorted(
        f"{m.group('where')}: warning: {m.group('message')}" for m in matches if m)
    assert CliRunner().invoke(main, ["check", "--strict", "docs/saas/trial.journey.yml"]).exit_code == 1


def test_health_notes_are_info_records(project: Project, journey_log: pytest.LogCaptureFixture) -> None:
    project.build()
    assert not plugin_records(journey_log, logging.WARNING)
    assert any("unaddressed" in r.getMessage() or "draft" in r.getMessage() or "concept" in r.getMessage()
               for r in plugin_records(journey_log, logging.INFO))


def test_unknown_lane_is_a_config_error_with_a_suggestion(project: Project) -> None:
    project.set_options(lanes=["touchpoint", "emotions"])
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    assert "did you mean `emotion`?" in result.stderr
    assert "touchpoint, image, action" in result.stderr
    assert "Traceback" not in result.stderr



@pytest.mark.parametrize(("option", "value", "message"), [
    ("stale_after_days", -1, "at least 0"),
    ("stale_after_days", True, "whole number"),
    ("max_file_size", 0, "at least 1"),
    ("lanes", [], "at least one lane"),
    ("lanes", ["pains", "pains"], "listed twice"),
    ("hide", ["tco"], "'tco'"),
])
def test_bad_option_values_are_config_errors(project: Project, option: str, value: object, message: str) -> None:
    project.set_options(**{option: value})
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    assert message in result.stderr and option in result.stderr
    assert "Traceback" not in result.stderr


# -- Paths and characters the file system or MkDocs would choke on ------------------------------

LONG_IMAGE = "x" * 300 + ".png"


@pytest.mark.parametrize(
    ("image", "message"),
    [
        pytest.param(LONG_IMAGE, ("cannot be looked up (file name too long)",), id="name-too-long"),
        # Python before 3.13 stops at the loop; later ones see a path outside the docs folder.
        pytest.param("../../loop/a.png", ("cannot be looked up (too many levels of symbolic links)",
                                          "points outside the docs folder"), id="symlink-loop"),
    ],
)
def test_an_image_path_the_file_system_refuses_stops_the_build_with_its_location(project: Project, image: str,
                                                                                   message: tuple[str, ...]) -> None:
    (project.root / "loop").symlink_to("loop", target_is_directory=True)  # outside: MkDocs would copy it
    project.write("journeys/rondreis.journey.yml", DUTCH_MAP.replace("../img/google.png", image))
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    assert f"docs/journeys/rondreis.journey.yml:16:16: error: image `" in result.stderr
    assert any(piece in result.stderr for piece in message)
    assert "Traceback" not in result.stderr + result.stdout


def test_a_persona_image_name_too_long_stops_the_build_with_its_location(project: Project) -> None:
    project.write("persona/mark.persona.yml", PERSONA.replace("../img/mark.png", LONG_IMAGE))
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    assert "docs/persona/mark.persona.yml:3:8: error: image `" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("char", ["\\x85", "\\x9f", "\\uFFFE", "\\u2028"])
def test_a_title_with_a_control_character_is_an_error_not_a_broken_page(project: Project, char: str) -> None:
    # MkDocs used to drop the generated page's front matter silently: title and `hide` lost.
    project.write("journeys/rondreis.journey.yml",
                  DUTCH_MAP.replace("title: Rondreis door de VS boeken", f'title: "Rondreis{char}"'))
    result = project.run_mkdocs("build")
    assert result.returncode != 0
    assert "docs/journeys/rondreis.journey.yml:1:8: error: this text holds U+" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_persona_in_a_symlinked_folder_builds(project: Project, tmp_path_factory: pytest.TempPathFactory) -> None:
    shared = tmp_path_factory.mktemp("shared")
    (shared / "lisa.persona.yml").write_text("name: Lisa\nrole: Reiziger\n", encoding="utf-8")
    (project.docs / "team").symlink_to(shared, target_is_directory=True)
    project.write("saas/trial.journey.yml", ENGLISH_MAP.replace("status: draft\n", "status: draft\npersona: lisa\n"))
    site = project.build()
    page = soup(site / "saas" / "trial" / "index.html")
    assert "Lisa" in page.select_one(".journey").get_text()
