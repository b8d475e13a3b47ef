"""Loaded models share one frozen fields set per combination of written fields (memory)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from pydantic import BaseModel

from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.load import load_journey
from mkdocs_journey.engine.model import Journey

DOCS = Path(__file__).parents[2] / "example-site" / "docs"


def models(value: Any) -> Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield value
        for item in value.__dict__.values():
            yield from models(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from models(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from models(item)


@pytest.mark.parametrize("name", ["rondreis-vs", "saas-trial"])
def test_every_model_keeps_the_fields_it_wrote_in_a_shared_frozen_set(name: str) -> None:
    path = DOCS / "journeys" / f"{name}.journey.yml"
    loaded = load_journey(path, DocsTree.scan(DOCS))
    assert loaded.ok and loaded.journey is not None and loaded.document is not None
    shared = list(models(loaded.journey))
    fresh = Journey.model_validate(loaded.document.data)
    for stage in fresh.stages:  # the loader sets the ids the file left out, as it does
        stage.id = stage.id or ""
        for touchpoint in stage.touchpoints:
            touchpoint.id = touchpoint.id or ""
    own = list(models(fresh))
    assert len(shared) == len(own) > 20
    assert [m.model_fields_set for m in shared] == [m.model_fields_set for m in own]
    assert all(isinstance(m.model_fields_set, frozenset) for m in shared)
    by_content: dict[frozenset[str], set[int]] = {}
    for m in shared:
        by_content.setdefault(frozenset(m.model_fields_set), set()).add(id(m.model_fields_set))
    assert len(by_content) < len(shared), "some models wrote the same fields"
    assert all(len(ids) == 1 for ids in by_content.values()), "models that wrote the same fields share one set"


def test_assigning_to_a_loaded_model_fails_loudly_instead_of_changing_other_models() -> None:
    loaded = load_journey(DOCS / "journeys" / "rondreis-vs.journey.yml", DocsTree.scan(DOCS))
    assert loaded.journey is not None
    stage = loaded.journey.stages[0]
    with pytest.raises(AttributeError):
        stage.name = "Anders"
