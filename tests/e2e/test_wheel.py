"""The released package works on its own: build the wheel, install it in a fresh venv, build a site.

An editable install hides packaging mistakes (a template or catalog left out of the
wheel still loads from the source tree), so this test builds the wheel and sdist
as a release would, installs the wheel with Material into a new virtual
environment that cannot see this checkout, and builds the example site there with
``--strict``. It is slow (a pip install from the index), so it runs once per session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import EXAMPLE_SITE, REPO, build_site

pytestmark = pytest.mark.slow

PACKAGE = REPO / "mkdocs_journey"


@dataclass(frozen=True)
class Dist:
    wheel: Path
    sdist: Path


def _run(command: list[str | Path], *, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    # A clean environment: no PYTHONPATH or virtualenv leaking the checkout into the venv.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    return subprocess.run([str(part) for part in command], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=timeout)


def _hatchling_importable() -> bool:
    return _run([sys.executable, "-c", "import hatchling"], cwd=REPO).returncode == 0


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    out = tmp_path_factory.mktemp("dist")
    command: list[str | Path] = [sys.executable, "-m", "build", "--outdir", out, REPO]
    result = _run(command, cwd=REPO)
    if result.returncode != 0 and _hatchling_importable():
        # Offline, `build` cannot fetch hatchling into its isolated env; an installed one does the same job.
        result = _run([*command, "--no-isolation"], cwd=REPO)
    assert result.returncode == 0, f"python -m build failed:\n{result.stdout}\n{result.stderr}"
    wheels = sorted(out.glob("mkdocs_journey-*-py3-none-any.whl"))
    sdists = sorted(out.glob("mkdocs_journey-*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(p.name for p in out.iterdir())
    return Dist(wheels[0], sdists[0])


@pytest.fixture(scope="module")
def venv(dist: Dist, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (no system site-packages) with the wheel and Material installed from the index."""
    folder = tmp_path_factory.mktemp("venv") / "venv"
    result = _run([sys.executable, "-m", "venv", folder], cwd=folder.parent)
    assert result.returncode == 0, result.stderr
    python = folder / "bin" / "python"
    result = _run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                   dist.wheel, "mkdocs-material"], cwd=folder.parent, timeout=900)
    assert result.returncode == 0, f"pip install failed:\n{result.stdout}\n{result.stderr}"
    return folder


def _shipped(folder: str, pattern: str) -> set[str]:
    """Files of the source package that the wheel must carry, as wheel paths."""
    files = {p.relative_to(REPO).as_posix() for p in (REPO / folder).glob(pattern) if p.is_file()}
    assert files, f"the source tree has no {folder}/{pattern}"
    return files


def test_wheel_carries_templates_styles_catalogs_schemas_and_types(dist: Dist) -> None:
    with zipfile.ZipFile(dist.wheel) as wheel:
        names = set(wheel.namelist())
        entry_points = next(wheel.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt"))
    expected = (
        _shipped("mkdocs_journey/templates/journey", "*.html")
        | _shipped("mkdocs_journey/assets/stylesheets", "*.css")
        | _shipped("mkdocs_journey/assets/javascripts", "*.js")
        | _shipped("mkdocs_journey/schema", "*.schema.json")
        | _shipped("mkdocs_journey", "**/*.py")
        | {"mkdocs_journey/translations/en.yml", "mkdocs_journey/translations/nl.yml", "mkdocs_journey/py.typed",
           "mkdocs_journey/assets/stylesheets/journey.css", "mkdocs_journey/assets/javascripts/journey-map.js"}
        | {"mkdocs_journey/translations/messages/en.yml"}
    )
    assert sorted(expected - names) == []
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    # Only the package: the GitHub Action's script (action/comment.py) runs from the action's checkout.
    assert not [n for n in names if not n.startswith("mkdocs_journey/") and ".dist-info/" not in n]
    assert "journey = mkdocs_journey.plugin:JourneyPlugin" in entry_points
    assert "mkdocs-journey = mkdocs_journey.cli:main" in entry_points


def test_sdist_carries_the_sources_tests_and_example_site(dist: Dist) -> None:
    with tarfile.open(dist.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for required in ("pyproject.toml", "LICENSE", "README.md", "mkdocs_journey/plugin/plugin.py",
                     "mkdocs_journey/translations/nl.yml", "example-site/mkdocs.yml", "tests/conftest.py"):
        assert required in names


def test_installed_wheel_builds_the_example_site_strictly(venv: Path, tmp_path: Path) -> None:
    site_copy = shutil.copytree(EXAMPLE_SITE, tmp_path / "example-site",
                                ignore=shutil.ignore_patterns("site", "__pycache__"))
    # The plugin must come from the wheel in the venv, not from this checkout.
    where = _run([venv / "bin" / "python", "-c", "import mkdocs_journey; print(mkdocs_journey.__file__)"],
                 cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout

    site = build_site(site_copy / "mkdocs.yml", tmp_path / "site", mkdocs=[str(venv / "bin" / "mkdocs")],
                      cwd=tmp_path)
    pages = [p for p in site.rglob("*.html") if "journey-map" in p.read_text(encoding="utf-8")]
    assert len(pages) >= 3
    assert (site / "assets" / "stylesheets" / "journey.css").is_file() or list(site.rglob("journey*.css"))


def test_installed_cli_checks_the_example_maps(venv: Path, tmp_path: Path) -> None:
    site_copy = shutil.copytree(EXAMPLE_SITE, tmp_path / "example-site",
                                ignore=shutil.ignore_patterns("site", "__pycache__"))
    result = _run([venv / "bin" / "mkdocs-journey", "check", "example-site/docs"], cwd=tmp_path)
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stdout + result.stderr
    assert site_copy.is_dir()


def test_distributions_pass_twine_check(dist: Dist) -> None:
    """What release.yml checks before publishing: metadata complete, README renders on PyPI."""
    result = _run([sys.executable, "-m", "twine", "check", "--strict", dist.wheel, dist.sdist], cwd=REPO)
    assert result.returncode == 0, f"twine check failed:\n{result.stdout}\n{result.stderr}"


def test_the_wheel_names_the_project_s_urls(dist: Dist) -> None:
    with zipfile.ZipFile(dist.wheel) as wheel:
        metadata = next(wheel.read(n).decode() for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    urls = {line.split(": ", 1)[1].split(", ", 1)[0]
            for line in metadata.splitlines() if line.startswith("Project-URL: ")}
    assert urls == {"Homepage", "Documentation", "Repository", "Issues", "Changelog"}
