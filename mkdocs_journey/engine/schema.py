"""The JSON Schema of the format, generated from the models that validate it.

Editors use it for completion and red squiggles while authors type. The shipped copy
in ``schema/`` is regenerated with ``python -m mkdocs_journey.engine.schema`` and a test
fails when it is out of date. Each schema's ``$id`` is where that copy can be read on
the repository's default branch, so a modeline can name one stable URL.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model import Journey, Persona

SCHEMAS: dict[str, type[BaseModel]] = {"journey": Journey, "persona": Persona}
_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_PUBLISHED = "https://raw.githubusercontent.com/mkdocs-journey/mkdocs-journey/main/mkdocs_journey/schema/"


def schema_url(kind: str) -> str:
    """The stable URL of the shipped schema of ``kind`` (its ``$id``)."""
    return f"{_PUBLISHED}{kind}.schema.json"


def generate(kind: str) -> dict[str, Any]:
    model = SCHEMAS[kind]
    schema = model.model_json_schema()
    return {
        "$schema": _DRAFT,
        "$id": schema_url(kind),
        **schema,
        "title": f"mkdocs-journey {kind} file, format version 1",
    }


def dumps(kind: str) -> str:
    return json.dumps(generate(kind), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def shipped(kind: str) -> str:
    return resources.files("mkdocs_journey").joinpath("schema").joinpath(f"{kind}.schema.json").read_text("utf-8")


def write_all(folder: Path | None = None) -> list[Path]:
    folder = folder or Path(__file__).parent.parent / "schema"
    written = []
    for kind in SCHEMAS:
        target = folder / f"{kind}.schema.json"
        target.write_text(dumps(kind), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in write_all():
        print(f"wrote {path}")
