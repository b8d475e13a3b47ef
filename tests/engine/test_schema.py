"""The shipped JSON Schema: up to date with the models, and in agreement with the format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.load import load_journey
from mkdocs_journey.engine.schema import SCHEMAS, dumps, generate, shipped

from .editor import Yaml12Loader, validator

COMPLETE = Path(__file__).parent / "data" / "complete.journey.yml"


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_shipped_schema_is_up_to_date(kind: str) -> None:
    assert shipped(kind) == dumps(kind), (
        f"mkdocs_journey/schema/{kind}.schema.json is out of date with the models; "
        "run `python -m mkdocs_journey.engine.schema` and commit the result"
    )


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_schema_output_is_stable_json(kind: str) -> None:
    assert json.loads(dumps(kind)) == generate(kind)
    assert dumps(kind) == dumps(kind)
    assert generate(kind)["title"] == f"mkdocs-journey {kind} file, format version 1"


def test_complete_example_loads(docs_dir: Path) -> None:
    # The contract's example addresses `afweging/website`, a stage it leaves out for
    # brevity; point it at the touchpoint it does show.
    text = COMPLETE.read_text("utf-8").replace("[afweging/website]", "[orientatie/google]")
    (docs_dir / "journeys" / "img").mkdir(parents=True)
    (docs_dir / "journeys" / "img" / "google-results.png").write_bytes(b"\x89PNG")
    (docs_dir / "personas").mkdir()
    (docs_dir / "personas" / "mark.persona.yml").write_text("name: Mark\n", "utf-8")
    path = docs_dir / "journeys" / "rondreis.journey.yml"
    path.write_text(text, "utf-8")
    loaded = load_journey(path, DocsTree.scan(docs_dir))
    assert loaded.ok, loaded.errors
    touchpoint = loaded.journey.stages[0].touchpoints[0]
    assert (touchpoint.emotion, touchpoint.met, touchpoint.on_brand) == (4, "partly", "yes")
    assert loaded.targets == {"filters": [("orientatie", "google")]}


# -- Against jsonschema, as an editor would use it --------------------------------------------


def _errors(kind: str, data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(kind).iter_errors(data)]


def test_complete_example_is_valid_against_the_schema() -> None:
    data = yaml.load(COMPLETE.read_text("utf-8"), Loader=Yaml12Loader)  # noqa: S506 - SafeLoader subclass
    assert data["stages"][0]["touchpoints"][0]["on_brand"] == "yes"
    assert _errors("journey", data) == []


def test_persona_schema_accepts_a_full_persona() -> None:
    persona = {"name": "Mark", "role": "Reiziger", "quote": "Rust", "image": "img/mark.png", "about": "*Vader*",
               "facts": {"Leeftijd": 42, "Stad": "Utrecht"}, "goals": ["a"], "needs": ["b"],
               "frustrations": ["c"], "channels": ["d"]}
    assert _errors("persona", persona) == []


@pytest.mark.parametrize(
    ("change", "where"),
    [
        pytest.param(lambda d: d.update(titel="x"), "", id="unknown-key"),
        pytest.param(lambda d: d.pop("title"), "", id="missing-title"),
        pytest.param(lambda d: d.update(stages=[]), "stages", id="no-stages"),
        pytest.param(lambda d: d["stages"][0]["touchpoints"][0].update(emotion=6),
                     "stages/0/touchpoints/0/emotion", id="emotion-6"),
        pytest.param(lambda d: d["stages"][0]["touchpoints"][0].update(met="maybe"),
                     "stages/0/touchpoints/0/met", id="met-maybe"),
        pytest.param(lambda d: d["stages"][0]["touchpoints"][0].update(senses=["sight"]),
                     "stages/0/touchpoints/0/senses/0", id="senses"),
        pytest.param(lambda d: d["improvements"][0].update(status="todo"), "improvements/0/status", id="status"),
        pytest.param(lambda d: d["improvements"][0].update(due="2027-Q5"), "improvements/0/due", id="due"),
        pytest.param(lambda d: d["improvements"][0].update(id="Web Site"), "improvements/0/id", id="id"),
        pytest.param(lambda d: d.update(reviewed="2026-02-30"), "reviewed", id="not-a-date"),
    ],
)
def test_schema_refuses_what_the_loader_refuses(change: Any, where: str) -> None:
    data = yaml.load(COMPLETE.read_text("utf-8"), Loader=Yaml12Loader)  # noqa: S506 - SafeLoader subclass
    change(data)
    errors = _errors("journey", data)
    assert errors, "the schema accepted what the loader refuses"
    assert any(e.startswith(f"{where}:") for e in errors), errors


def test_loader_and_schema_agree_on_text_that_looks_like_numbers(docs_dir: Path) -> None:
    # `title: 1.10` is a number to an editor and text to the loader: the schema must
    # not mark it red, since the map builds.
    data = {"title": 1.10, "stages": [{"name": 2026, "touchpoints": [{"name": True}]}]}
    assert _errors("journey", data) == []


@pytest.mark.parametrize("flag", [True, False, None, "yes", "No", "TRUE"])
def test_schema_accepts_every_flag_the_loader_accepts(flag: Any) -> None:
    data = {"title": "T", "stages": [{"name": "S", "touchpoints": [{"name": "A", "moment_of_truth": flag}]}]}
    assert _errors("journey", data) == []


@pytest.mark.parametrize("flag", ["on", 1, "maybe"])
def test_schema_refuses_a_flag_the_loader_refuses(flag: Any) -> None:
    data = {"title": "T", "stages": [{"name": "S", "touchpoints": [{"name": "A", "moment_of_truth": flag}]}]}
    assert _errors("journey", data)


def test_schema_accepts_a_numeric_id_the_loader_keeps_as_text() -> None:
    data = {"title": "T", "stages": [{"name": "S", "id": 2024, "touchpoints": []}],
            "improvements": [{"id": 42, "title": "X"}]}
    assert _errors("journey", data) == []


def test_schema_command_module_writes_the_files(tmp_path: Path) -> None:
    from mkdocs_journey.engine.schema import write_all

    written = write_all(tmp_path)
    assert sorted(p.name for p in written) == ["journey.schema.json", "persona.schema.json"]
    for path in written:
        assert path.read_text("utf-8") == dumps(path.name.split(".")[0])
    shutil.rmtree(tmp_path)
