"""`mkdocs-journey check` and `schema`, run as a user runs them: in a folder, on real files."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import Result

from mkdocs_journey.engine.schema import generate

from ..files import put
from .runner import run
from ..installed import console_script

TEXT_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): (?P<message>.+)$")
SUMMARY = re.compile(r"^checked (\d+) files?: (\d+) errors?, (\d+) warnings?$")

GOOD = ("title: T\nstatus: validated\nreviewed: 2026-10-01\nstages:\n  - name: S\n"
        "    touchpoints: [{name: A, emotion: 3}]\n")
WARNS = "title: T\nstatus: validated\nreviewed: 2026-10-01\nstages:\n  - name: S\n"
"""Valid, with one warning: an empty stage at 5:5."""
BAD = "title: T\nstages:\n  - name: S\n    gaol: x\n"
"""One error: an unknown key at 4:5."""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder, made the current directory; "today" is fixed."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1793491200")  # 2026-11-01
    return tmp_path




def text_lines(result: Result) -> list[dict[str, str]]:
    lines = result.stdout.splitlines()
    assert SUMMARY.match(lines[-1]), lines
    matches = [TEXT_LINE.match(line) for line in lines[:-1]]
    assert all(matches), lines
    return [m.groupdict() for m in matches if m]


# -- Exit codes and the text format ------------------------------------------------------------


def test_clean_docs_exit_zero(project: Path) -> None:
    put(project, "docs/a.journey.yml", GOOD)
    result = run("check")
    assert result.exit_code == 0
    assert result.stdout == "checked 1 file: 0 errors, 0 warnings\n"


def test_errors_and_warnings_as_path_line_column(project: Path) -> None:
    put(project, "docs/a.journey.yml", BAD)
    put(project, "docs/b.journey.yml", WARNS)
    result = run("check")
    assert result.exit_code == 1
    assert text_lines(result) == [
        {"path": "docs/a.journey.yml", "line": "4", "column": "5", "severity": "error",
         "message": "unknown key `gaol` in a stage; did you mean `goal`?"},
        {"path": "docs/b.journey.yml", "line": "5", "column": "5", "severity": "warning",
         "message": "stage “S” has no touchpoints yet"},
    ]
    assert result.stdout.splitlines()[-1] == "checked 2 files: 1 error, 1 warning"


def test_warnings_alone_pass_unless_strict(project: Path) -> None:
    put(project, "docs/b.journey.yml", WARNS)
    assert run("check").exit_code == 0
    strict = run("check", "--strict")
    assert strict.exit_code == 1
    assert strict.stdout.splitlines()[-1] == "checked 1 file: 0 errors, 1 warning"


def test_stale_after_days_option(project: Path) -> None:
    put(project, "docs/a.journey.yml", GOOD)  # reviewed 31 days before "today"
    assert run("check", "--strict", "--stale-after-days", "31").exit_code == 0
    result = run("check", "--strict", "--stale-after-days", "30")
    assert result.exit_code == 1
    assert "31 days ago (more than 30 days)" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["check", "nope.journey.yml"], id="missing-path"),
        pytest.param(["check", "--format", "xml"], id="bad-format"),
        pytest.param(["check", "--stale-after-days", "-1"], id="negative-days"),
        pytest.param(["check", "--docs-dir", "nowhere"], id="missing-docs-dir"),
        pytest.param(["schema", "map"], id="bad-schema-kind"),
        pytest.param(["lint"], id="unknown-command"),
    ],
)
def test_usage_errors_exit_two(project: Path, args: list[str]) -> None:
    put(project, "docs/a.journey.yml", GOOD)
    result = run(*args)
    assert result.exit_code == 2
    assert "Error:" in result.stderr


def test_no_docs_folder_and_no_path_is_a_usage_error(project: Path) -> None:
    put(project, "mkdocs.yml", "site_name: x\ndocs_dir: pages\n")
    result = run("check")
    assert result.exit_code == 2
    assert "no PATH given and no docs folder `pages` here" in result.stderr


# -- Other formats ------------------------------------------------------------------------------


def test_github_format(project: Path) -> None:
    put(project, "docs/a.journey.yml", BAD)
    put(project, "docs/b.journey.yml", WARNS)
    result = run("check", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=docs/a.journey.yml,line=4,col=5::unknown key `gaol` in a stage; did you mean `goal`?",
        "::warning file=docs/b.journey.yml,line=5,col=5::stage “S” has no touchpoints yet",
    ]
    # The summary goes to stderr so that stdout holds workflow commands only.
    assert result.stderr.strip() == "checked 2 files: 1 error, 1 warning"


def test_github_format_escapes_what_would_break_a_command(project: Path) -> None:
    put(project, "docs/a, b.journey.yml", "title: T\nstages:\n  - name: S\n    touchpoints:\n      - name: A\n"
                                           "        pains: '100%'\n")
    result = run("check", "--format", "github")
    assert result.stdout.splitlines() == [
        "::error file=docs/a%2C b.journey.yml,line=6,col=16::`pains` expected a list (one `- item` per line, "
        "or `[a, b]`), got the text `100%25`",
    ]


def test_json_format(project: Path) -> None:
    put(project, "docs/a.journey.yml", BAD)
    put(project, "docs/b.journey.yml", WARNS)
    result = run("check", "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload == {
        "version": 1, "files": 2, "errors": 1, "warnings": 1,
        "findings": [
            {"path": "docs/a.journey.yml", "line": 4, "column": 5, "severity": "error",
             "message": "unknown key `gaol` in a stage; did you mean `goal`?", "kind": "invalid"},
            {"path": "docs/b.journey.yml", "line": 5, "column": 5, "severity": "warning",
             "message": "stage “S” has no touchpoints yet", "kind": "empty-stage"},
        ],
    }


def test_json_format_when_all_is_well(project: Path) -> None:
    put(project, "docs/a.journey.yml", GOOD)
    result = run("check", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"version": 1, "files": 1, "errors": 0, "warnings": 0, "findings": []}


# -- Which files, and which docs folder ------------------------------------------------------


def test_one_bad_file_does_not_hide_the_others(project: Path) -> None:
    put(project, "docs/a.journey.yml", "title: [\n")
    put(project, "docs/deep/b.journey.yaml", BAD)
    put(project, "docs/c.journey.yml", b"title: caf\xe9\n")
    put(project, "docs/d.persona.yml", "role: x\n")
    put(project, "docs/e.journey.yml", GOOD)
    put(project, "docs/notes.yml", "not: checked\n")
    result = run("check")
    assert [(f["path"], f["line"], f["column"]) for f in text_lines(result)] == [
        ("docs/a.journey.yml", "1", "9"),
        ("docs/c.journey.yml", "1", "11"),
        ("docs/d.persona.yml", "1", "1"),
        ("docs/deep/b.journey.yaml", "4", "5"),
    ]
    assert result.stdout.splitlines()[-1] == "checked 5 files: 4 errors, 0 warnings"


def test_explicit_files_and_folders(project: Path) -> None:
    put(project, "docs/a.journey.yml", BAD)
    put(project, "docs/sub/b.journey.yml", WARNS)
    assert run("check", "docs/sub").stdout.splitlines()[-1] == "checked 1 file: 0 errors, 1 warning"
    assert run("check", "docs/a.journey.yml", "docs/sub/b.journey.yml").exit_code == 1


def test_without_docs_folder_the_current_folder_is_not_searched(project: Path) -> None:
    # Run in a home folder, `check` must not read every project below it.
    put(project, "other-project/docs/a.journey.yml", BAD)
    result = run("check")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Error: no PATH given and no docs folder `docs` here; name the files or folders to check" in result.stderr
    assert run("check", "other-project/docs").exit_code == 1  # named, it is checked


@pytest.mark.parametrize("args", [["check"], ["check", "docs"], ["check", "docs", "maps"], ["check", "--docs-dir", "docs"]])
def test_a_folder_without_maps_is_a_usage_error(project: Path, args: list[str]) -> None:
    # "checked 0 files: 0 errors" would let a mistyped folder, or a CI job run in the
    # wrong place, pass for ever.
    put(project, "docs/index.md", "# Home\n")
    put(project, "maps/a.journey.yml", GOOD)
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert ("Error: no journey or persona files (*.journey.yml, *.journey.yaml, *.persona.yml, *.persona.yaml) "
            "in `docs`") in result.stderr


def test_help_says_what_the_default_is(project: Path) -> None:
    help_text = " ".join(run("check", "--help").stdout.split())
    assert "Default: the docs folder of the site here (--docs-dir, else docs_dir in ./mkdocs.yml, else ./docs)" in help_text
    assert "without one, name the PATHS" in help_text
    assert "2 usage error" in help_text


def test_a_file_without_a_site_resolves_beside_itself(project: Path) -> None:
    # No mkdocs.yml and no docs/: the file's own folder is its docs folder, not the current one.
    put(project, "maps/people/mark.persona.yml", "name: Mark\n")
    put(project, "maps/a.journey.yml", GOOD.replace("title: T\n", "title: T\npersona: mark\n"))
    put(project, "elsewhere/b.journey.yml", GOOD.replace("title: T\n", "title: T\npersona: mark\n"))
    assert run("check", "maps/a.journey.yml").exit_code == 0
    result = run("check", "elsewhere/b.journey.yml")
    assert result.exit_code == 1 and "persona" in result.stdout


def test_docs_dir_option_resolves_personas(project: Path) -> None:
    put(project, "site/people/mark.persona.yml", "name: Mark\n")
    put(project, "site/a.journey.yml", GOOD.replace("title: T\n", "title: T\npersona: mark\n"))
    result = run("check", "--docs-dir", "site")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "checked 2 files: 0 errors, 0 warnings\n"


@pytest.mark.parametrize(
    "config",
    [
        pytest.param("site_name: x\ndocs_dir: site\n", id="plain"),
        pytest.param(
            """\
            site_name: x
            docs_dir: site
            markdown_extensions:
              - pymdownx.superfences:
                  custom_fences:
                    - name: mermaid
                      format: !!python/name:pymdownx.superfences.fence_code_format
            extra:
              analytics: !ENV [ANALYTICS, none]
            """,
            id="python-name-tag",
        ),
    ],
)
def test_mkdocs_yml_docs_dir_is_honoured(project: Path, config: str) -> None:
    put(project, "mkdocs.yml", config)
    put(project, "docs/ignored.journey.yml", BAD)
    put(project, "site/people/mark.persona.yml", "name: Mark\n")
    put(project, "site/a.journey.yml", GOOD.replace("title: T\n", "title: T\npersona: mark\n"))
    result = run("check")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "checked 2 files: 0 errors, 0 warnings\n"


def test_a_folder_of_another_site_is_checked_with_that_sites_docs(project: Path) -> None:
    # `mkdocs-journey check example-site/docs` from a repository root: the map's
    # `../img` picture and its persona in a sibling folder belong to that site.
    put(project, "mkdocs.yml", "site_name: the repository's own docs\n")
    put(project, "docs/index.md", "# Docs\n")
    put(project, "example-site/mkdocs.yml", "site_name: x\n")
    put(project, "example-site/docs/people/mark.persona.yml", "name: Mark\n")
    put(project, "example-site/docs/img/shot.png", b"png")
    put(project, "example-site/docs/maps/a.journey.yml", GOOD.replace(
        "title: T\n", "title: T\npersona: mark\n"))
    put(project, "example-site/docs/maps/b.journey.yml",
        "title: B\nstages:\n  - name: S\n    touchpoints:\n      - name: P\n        image: ../img/shot.png\n")
    for args in (["check", "example-site/docs"], ["check", "example-site/docs/maps"],
                 ["check", "example-site/docs/maps/a.journey.yml"]):
        result = run(*args)
        assert "error" not in result.stdout.replace("0 errors", ""), (args, result.stdout)
        assert result.exit_code == 0


def test_the_sites_plugin_options_are_honoured(project: Path) -> None:
    put(project, "mkdocs.yml", "site_name: x\nplugins:\n  - search\n  - journey:\n      stale_after_days: 30\n")
    put(project, "docs/a.journey.yml", GOOD)  # reviewed 31 days before "today"
    result = run("check", "--strict")
    assert result.exit_code == 1 and "31 days ago (more than 30 days)" in result.stdout
    assert run("check", "--strict", "--stale-after-days", "31").exit_code == 0  # the flag wins
    put(project, "mkdocs.yml", "site_name: x\nplugins:\n  journey:\n    max_file_size: 10\n")
    result = run("check")
    assert result.exit_code == 1 and "the limit is 10 bytes" in result.stdout
    put(project, "mkdocs.yml", "site_name: x\nplugins:\n  journey:\n    max_touchpoints: 0\n")
    assert run("check").exit_code == 0  # not a valid limit: the default (2,000) applies, as MkDocs would refuse it
    put(project, "mkdocs.yml", "site_name: x\nplugins:\n  - journey:\n      max_touchpoints: 1\n"
                               "      stale_after_days: 3650\n")
    put(project, "docs/a.journey.yml", GOOD.replace("[{name: A, emotion: 3}]", "[{name: A, emotion: 3}, {name: B}]"))
    result = run("check")
    assert result.exit_code == 1
    assert ("docs/a.journey.yml:6:42: error: the map has 2 touchpoints; the limit is 1 per map "
            "(plugin option `max_touchpoints`): split it into smaller maps") in result.stdout


def test_a_file_named_twice_is_checked_once(project: Path) -> None:
    put(project, "docs/a.journey.yml", BAD)
    result = run("check", "docs/a.journey.yml", "docs", "./docs/a.journey.yml")
    assert result.stdout.splitlines()[-1].startswith("checked 1 file: 1 error")


@pytest.mark.parametrize("config", ["site_name: [\n", b"site_name: caf\xe9\n", "- a list\n", "docs_dir: 5\n"])
def test_a_broken_mkdocs_yml_falls_back_to_docs(project: Path, config: str | bytes) -> None:
    put(project, "mkdocs.yml", config)
    put(project, "docs/a.journey.yml", GOOD)
    result = run("check")
    assert result.stdout == "checked 1 file: 0 errors, 0 warnings\n"


def test_a_file_outside_the_docs_folder_resolves_beside_itself(project: Path) -> None:
    put(project, "docs/index.md", "# Home\n")
    put(project, "drafts/mark.persona.yml", "name: Mark\n")
    put(project, "drafts/a.journey.yml", GOOD.replace("title: T\n", "title: T\npersona: mark\n"))
    assert run("check", "drafts/a.journey.yml").exit_code == 0


# -- Nothing a user can write makes it crash --------------------------------------------------


IMAGE = "title: T\nstages:\n  - name: S\n    touchpoints:\n      - name: A\n        image: {image}\n"


def test_an_image_name_too_long_is_a_located_error(project: Path) -> None:
    put(project, "docs/a.journey.yml", IMAGE.format(image="x" * 300 + ".png"))
    result = run("check")
    assert result.exit_code == 1
    [finding] = text_lines(result)
    assert (finding["path"], finding["line"], finding["column"]) == ("docs/a.journey.yml", "6", "16")
    assert "cannot be looked up (file name too long); expected a path to a picture" in finding["message"]


def _bomb() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"{c}: &{c} [" + ", ".join([f"*{p}"] * 10) + "]" for p, c in zip("abcdefgh", "bcdefghi")]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"\x00\xff\xfe garbage \x80", id="binary"),
        pytest.param("", id="empty"),
        pytest.param("- just\n- a list\n", id="list"),
        pytest.param("title: " + "[" * 200_000 + "\n", id="deep"),
        pytest.param(_bomb(), id="alias-bomb"),
        pytest.param("a: &a [*a]\n", id="recursive"),
        pytest.param("title: !!python/object/apply:os.system ['echo pwned']\nstages: [{name: S}]\n", id="tag"),
        pytest.param("title: T\nstages:\n  - name: S\n    touchpoints:\n      - name: A\n        image: /etc/passwd\n",
                     id="absolute-image"),
        pytest.param("title: T\nstages: [{name: S, touchpoints: [{name: A, kpis: [{name: K, target: {a: 1}}]}]}]\n",
                     id="mapping-in-kpi"),
        pytest.param("? [a, b]\n: c\n", id="complex-key"),
        pytest.param("title: T\nstages:\n  - name: S\nimprovements: {id: a}\n", id="mapping-for-list"),
        pytest.param("title: T\npersona: 5\nstages:\n  - name: S\n", id="number-persona"),
        pytest.param("title: T\npersona: ''\nstages:\n  - name: S\n", id="empty-persona"),
        pytest.param(IMAGE.format(image="x" * 300 + ".png"), id="image-name-too-long"),
        pytest.param(IMAGE.format(image='"a\\0b.png"'), id="image-with-nul"),
        pytest.param(IMAGE.format(image="loop.png"), id="image-symlink-loop"),
        pytest.param('title: "A\\x85B"\nstages:\n  - name: S\n', id="escaped-control-character"),
        pytest.param("title: A\x99B\nstages:\n  - name: S\n", id="raw-control-character"),
        pytest.param("title: T\nstag", id="ends-mid-key"),
    ],
)
def test_no_traceback_on_bad_input(project: Path, content: str | bytes) -> None:
    put(project, "docs/bad.journey.yml", content)
    put(project, "docs/bad.persona.yml", content)
    (project / "docs" / "loop.png").symlink_to("loop.png")
    for output in ("text", "github", "json"):
        result = run("check", "--format", output)
        assert result.exit_code == 1, result.stdout + result.stderr
        if output == "text":
            for finding in text_lines(result):  # one line each, inside the file
                lines = (project / finding["path"]).read_bytes().decode("utf-8", "replace").splitlines() or [""]
                assert int(finding["line"]) <= len(lines)
                assert int(finding["column"]) <= len(lines[int(finding["line"]) - 1]) + 1
    assert not (project / "pwned").exists()


def test_a_folder_named_like_a_map_is_not_a_file(project: Path) -> None:
    (project / "docs" / "odd.journey.yml").mkdir(parents=True)
    put(project, "docs/a.journey.yml", GOOD)
    assert run("check").stdout == "checked 1 file: 0 errors, 0 warnings\n"


# -- schema ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "kind"), [([], "journey"), (["journey"], "journey"), (["persona"], "persona")])
def test_schema_prints_valid_json(args: list[str], kind: str) -> None:
    result = run("schema", *args)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == generate(kind)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("mkdocs-journey, version ")


# -- The installed console script ---------------------------------------------------------------


def _console_script(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed ``mkdocs-journey`` command in ``project``, as a user's shell would."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([str(console_script()), *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_installed_console_script(project: Path) -> None:
    put(project, "docs/a.journey.yml", BAD)
    completed = _console_script(project, "check", "--format", "json")
    assert completed.returncode == 1, completed.stderr
    assert completed.stderr == ""
    findings = json.loads(completed.stdout)["findings"]
    assert [(f["path"], f["line"], f["column"]) for f in findings] == [("docs/a.journey.yml", 4, 5)]


def test_installed_console_script_without_docs_folder(project: Path) -> None:
    put(project, "some-project/docs/a.journey.yml", BAD)
    completed = _console_script(project, "check")
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr.splitlines()[-1] == ("Error: no PATH given and no docs folder `docs` here; "
                                                 "name the files or folders to check")


def test_check_reads_symlinked_folders_as_the_build_does(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    shared = tmp_path_factory.mktemp("shared")
    put(shared, "lisa.persona.yml", "name: Lisa\n")
    put(project, "docs/a.journey.yml", GOOD.replace("title: T\n", "title: T\npersona: lisa\n"))
    (project / "docs" / "team").symlink_to(shared, target_is_directory=True)
    (project / "docs" / "team-again").symlink_to(shared, target_is_directory=True)
    (project / "docs" / "loop").symlink_to(project / "docs", target_is_directory=True)
    result = run("check")
    assert result.stdout.splitlines()[-1] == "checked 2 files: 0 errors, 0 warnings", result.stdout
