"""Every file the documentation shows is a tested file: copied as it is, it works.

A newcomer copies the examples. So each fenced block that shows a whole file is
marked with the file's path as its title (```` ```yaml title="docs/journeys/booking.journey.yml" ````,
which Material also shows above the block), and this test writes the marked
files of each page into a fresh folder, as a reader following the page would, and
runs ``mkdocs-journey check`` and ``mkdocs build --strict`` there. A page that shows
the same file twice (a first version, then a changed one) is tested at each
version. Workflow files are validated against GitHub's schema and audited by
zizmor, like the repository's own, and ``.pre-commit-config.yaml`` files by
pre-commit itself.

Two safety nets catch an example that was not marked: every ``yaml`` block whose
top level has ``title`` and ``stages`` (a whole map) is checked on its own (with
the smallest persona file for a ``persona: <id>`` it names), and a
block that is a whole ``mkdocs.yml`` (it has ``site_name``) must carry a title.

Output shown for a command is verified too: a fence preceded by
``<!-- docs-test: output of `COMMAND` -->`` must equal what COMMAND prints in the
page's folder at that point.

The fences are found line by line rather than with a Markdown library: MkDocs
nests them four spaces deep in admonitions and content tabs, which CommonMark
parsers read as indented code, not as fences.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PAGES = sorted([REPO / "README.md", *(REPO / "docs").rglob("*.md")])

_OPEN = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
_TITLE = re.compile(r'title="(?P<title>[^"]+)"')
_MARKER = re.compile(r"^\s*<!-- docs-test: output of `(?P<command>[^`]+)` -->\s*$")

#: Used when a page shows journey files but no mkdocs.yml of its own.
DEFAULT_CONFIG = "site_name: Docs example\ntheme:\n  name: material\nplugins:\n  - search\n  - journey\n"


@dataclass(frozen=True)
class Fence:
    page: Path
    line: int
    language: str
    title: str | None
    text: str
    output_of: str | None
    """The command whose output this fence shows, from a ``docs-test`` marker before it."""

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(REPO)}:{self.line}"


@dataclass
class Project:
    """The files a reader has written after following a page up to some point."""

    page: Path
    files: dict[str, str] = field(default_factory=dict)
    outputs: list[Fence] = field(default_factory=list)

    @property
    def is_site(self) -> bool:
        return any(name == "mkdocs.yml" or name.startswith("docs/") for name in self.files)

    def write(self, folder: Path) -> Path:
        for name, text in self.files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if self.is_site and "mkdocs.yml" not in self.files:
            (folder / "mkdocs.yml").write_text(DEFAULT_CONFIG, encoding="utf-8")
        return folder


def fences(page: Path) -> list[Fence]:
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Fence] = []
    index = 0
    while index < len(lines):
        match = _OPEN.match(lines[index])
        if not match:
            index += 1
            continue
        indent, fence, info = len(match["indent"]), match["fence"], match["info"].strip()
        close = re.compile(rf"^ *{re.escape(fence[0])}{{{len(fence)},}} *$")
        end = index + 1
        while end < len(lines) and not close.match(lines[end]):
            end += 1
        body = "\n".join(line[indent:] if line[:indent].strip() == "" else line for line in lines[index + 1:end])
        previous = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), "")
        marker = _MARKER.match(previous)
        title = _TITLE.search(info)
        found.append(Fence(page, index + 1, info.split()[0] if info else "", title["title"] if title else None,
                           body + "\n", marker["command"] if marker else None))
        index = end + 1
    return found


def projects(page: Path) -> list[Project]:
    """The page's titled files, as successive versions when the page rewrites a file."""
    done: list[Project] = []
    current = Project(page)
    for fence in fences(page):
        if fence.title:
            if fence.title in current.files:
                done.append(current)
                current = Project(page, dict(current.files))
            current.files[fence.title] = fence.text
        if fence.output_of:
            current.outputs.append(fence)
    if current.files or current.outputs:
        done.append(current)
    return done


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "EXAMPLE_SITE_URL")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} is not installed; it is part of the `test` extra"
    return found


ALL_FENCES = [fence for page in PAGES for fence in fences(page)]
SITES = [(page, n, project) for page in PAGES for n, project in enumerate(projects(page)) if project.is_site]
WORKFLOWS = [fence for fence in ALL_FENCES if (fence.title or "").startswith(".github/workflows/")]
PRE_COMMIT_CONFIGS = [fence for fence in ALL_FENCES if fence.title == ".pre-commit-config.yaml"]


def _yaml(fence: Fence) -> Any:
    try:
        return yaml.safe_load(fence.text)
    except yaml.YAMLError:
        return None


def test_the_docs_have_tested_examples() -> None:
    titled = {(f.page.name, f.title) for f in ALL_FENCES if f.title}
    assert ("getting-started.md", "docs/index.md") in titled
    assert ("format.md", "docs/journeys/booking.journey.yml") in titled, "the format reference's complete example"
    assert len(SITES) >= 4 and len(WORKFLOWS) >= 2 and len(PRE_COMMIT_CONFIGS) >= 2


@pytest.mark.parametrize(("page", "version", "project"), SITES,
                         ids=[f"{p.relative_to(REPO)}#{n + 1}" for p, n, _ in SITES])
def test_a_page_s_files_check_and_build(page: Path, version: int, project: Project, tmp_path: Path) -> None:
    folder = project.write(tmp_path)
    check = _run([_tool("mkdocs-journey"), "check"], folder)
    assert check.returncode == 0, f"{page.name}: mkdocs-journey check failed:\n{check.stdout}{check.stderr}"
    build = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "_site")], folder)
    assert build.returncode == 0, f"{page.name}: mkdocs build --strict failed:\n{build.stdout}{build.stderr}"
    for fence in project.outputs:
        result = _run([_tool(part) if i == 0 else part for i, part in enumerate(shlex.split(fence.output_of or ""))],
                      folder)
        assert result.stdout.strip() == fence.text.strip(), f"{fence.where}: the output shown is not what " \
            f"`{fence.output_of}` prints:\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("fence", [f for f in ALL_FENCES if f.language == "yaml" and not f.title
                                   and isinstance(_yaml(f), dict) and {"title", "stages"} <= set(_yaml(f))],
                         ids=lambda f: f.where)
def test_every_whole_map_shown_passes_the_check(fence: Fence, tmp_path: Path) -> None:
    path = tmp_path / "docs" / "journeys" / "example.journey.yml"
    path.parent.mkdir(parents=True)
    path.write_text(fence.text, encoding="utf-8")
    persona = _yaml(fence).get("persona")
    if isinstance(persona, str):
        # A map that names a persona file: the page assumes one; give it the smallest valid one.
        (path.parent / f"{persona}.persona.yml").write_text(f"name: {persona.title()}\n", encoding="utf-8")
    result = _run([_tool("mkdocs-journey"), "check"], tmp_path)
    assert result.returncode == 0, f"{fence.where}:\n{result.stdout}{result.stderr}"


def test_every_whole_mkdocs_yml_is_a_tested_file() -> None:
    untitled = [f.where for f in ALL_FENCES if f.language == "yaml" and not f.title
                and isinstance(_yaml(f), dict) and "site_name" in _yaml(f)]
    assert untitled == [], "give these blocks a title (title=\"mkdocs.yml\") so that they are built"


def test_every_titled_yaml_file_is_valid_yaml() -> None:
    broken = [f.where for f in ALL_FENCES if f.title and f.language == "yaml" and _yaml(f) is None]
    assert broken == []


@pytest.mark.parametrize("fence", WORKFLOWS, ids=lambda f: f.where)
def test_workflow_recipes_are_valid_and_pass_zizmor(fence: Fence, tmp_path: Path) -> None:
    path = tmp_path / ".github" / "workflows" / Path(fence.title or "").name
    path.parent.mkdir(parents=True)
    path.write_text(fence.text, encoding="utf-8")
    schema = _run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)], tmp_path)
    assert schema.returncode == 0, f"{fence.where}:\n{schema.stdout}{schema.stderr}"
    audit = _run([_tool("zizmor"), "--offline", "--config", str(REPO / ".github" / "zizmor.yml"), str(path)],
                 tmp_path)
    assert audit.returncode == 0, f"{fence.where}:\n{audit.stdout}{audit.stderr}"


@pytest.mark.parametrize("fence", PRE_COMMIT_CONFIGS, ids=lambda f: f.where)
def test_pre_commit_recipes_are_valid_configs(fence: Fence, tmp_path: Path) -> None:
    path = tmp_path / ".pre-commit-config.yaml"
    path.write_text(fence.text, encoding="utf-8")
    result = _run([_tool("pre-commit"), "validate-config", str(path)], tmp_path)
    assert result.returncode == 0, f"{fence.where}:\n{result.stdout}{result.stderr}"
    hooks = [hook for repo in yaml.safe_load(fence.text)["repos"] for hook in repo["hooks"]]
    assert [hook["id"] for hook in hooks] == ["mkdocs-journey-check"]


def test_the_hook_manifest_is_valid_and_its_usage_comment_names_the_repository(tmp_path: Path) -> None:
    manifest = REPO / ".pre-commit-hooks.yaml"
    result = _run([_tool("pre-commit"), "validate-manifest", str(manifest)], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    text = manifest.read_text(encoding="utf-8")
    assert "https://github.com/mkdocs-journey/mkdocs-journey" in text and "<owner>" not in text
