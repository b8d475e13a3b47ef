"""`mkdocs-journey schema`, run as the installed command: printed, or written for a vendored copy."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from mkdocs_journey.engine.schema import dumps, generate, schema_url, shipped

from ..installed import console_script


def mkdocs_journey(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the installed console script, as a user's shell does."""
    return subprocess.run([str(console_script()), *args], cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("kind", ["journey", "persona"])
def test_output_writes_the_shipped_schema(tmp_path: Path, kind: str) -> None:
    result = mkdocs_journey("schema", kind, "--output", f"schemas/{kind}.schema.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"wrote the {kind} schema to schemas/{kind}.schema.json\n"
    written = (tmp_path / "schemas" / f"{kind}.schema.json").read_bytes()
    assert written == shipped(kind).encode("utf-8") == dumps(kind).encode("utf-8")
    assert json.loads(written)["$id"] == schema_url(kind)


def test_output_replaces_an_old_copy_and_short_option(tmp_path: Path) -> None:
    (tmp_path / "journey.schema.json").write_text("{}", encoding="utf-8")
    result = mkdocs_journey("schema", "-o", "journey.schema.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "journey.schema.json").read_text("utf-8")) == generate("journey")


def test_without_output_the_schema_is_printed(tmp_path: Path) -> None:
    result = mkdocs_journey("schema", "persona", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == dumps("persona")
    assert list(tmp_path.iterdir()) == []


def test_an_output_that_cannot_be_written_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    result = mkdocs_journey("schema", "--output", "taken/journey.schema.json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: cannot write `taken/journey.schema.json`: ")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_an_output_that_is_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = mkdocs_journey("schema", "--output", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "is a directory" in result.stderr


@pytest.mark.parametrize("kind", ["journey", "persona"])
def test_the_schema_has_a_stable_id_in_the_repository(kind: str) -> None:
    # The raw file on the default branch: the URL the docs' modeline uses.
    url = f"https://raw.githubusercontent.com/mkdocs-journey/mkdocs-journey/main/mkdocs_journey/schema/{kind}.schema.json"
    assert generate(kind)["$id"] == schema_url(kind) == url
    assert url.endswith("/" + str(Path("mkdocs_journey", "schema", f"{kind}.schema.json").as_posix()))


def test_every_modeline_in_the_docs_names_the_stable_url_or_a_vendored_copy() -> None:
    root = Path(__file__).parents[2]
    files = [*(root / "docs").rglob("*.md"), *(root / "example-site").rglob("*.yml"), root / "README.md"]
    targets = [target for path in files
               for target in re.findall(r"yaml-language-server: \$schema=([^\s`]+)", path.read_text("utf-8"))
               if target != "..."]
    assert schema_url("journey") in targets
    for target in targets:
        assert target in (schema_url("journey"), schema_url("persona")) or (
            target.startswith("../") and target.endswith(".schema.json")), target
