"""A value from a fixed list reads the same quoted or not (`met: 'no'` is `met: no`), with every pydantic allowed."""

from __future__ import annotations

from typing import Callable

import pytest

from mkdocs_journey.engine.load import LoadedJourney


@pytest.mark.parametrize(("line", "field", "expected"), [
    ("        met: 'no'", "met", "no"),
    ('        on_brand: "partly"', "on_brand", "partly"),
    ("        senses: ['see', \"hear\"]", "senses", ["see", "hear"]),
    ("        kpis: [{name: K, better: 'lower'}]", "kpis", None),
])
def test_quoted_touchpoint_choices(load: Callable[..., LoadedJourney], line: str, field: str, expected: object) -> None:
    loaded = load(f"title: T\nstages:\n  - name: S\n    touchpoints:\n      - name: A\n{line}\n"
                  "      - {name: B, met: 'partly', on_brand: 'no'}\n")
    assert loaded.ok, [e.format_text() for e in loaded.errors]
    assert loaded.journey is not None
    touchpoint = loaded.journey.stages[0].touchpoints[0]
    if expected is None:
        assert touchpoint.kpis[0].better == "lower"
    else:
        assert getattr(touchpoint, field) == expected
    second = loaded.journey.stages[0].touchpoints[1]
    assert (second.met, second.on_brand) == ("partly", "no")


def test_quoted_journey_and_improvement_choices(load: Callable[..., LoadedJourney]) -> None:
    loaded = load("title: T\nstatus: 'validated'\nstate: \"future\"\nreviewed: 2026-10-01\n"
                  "stages:\n  - name: S\n    touchpoints:\n      - name: A\n"
                  "improvements:\n  - {id: x, title: X, status: 'done', addresses: [a]}\n")
    assert loaded.ok, [e.format_text() for e in loaded.errors]
    assert loaded.journey is not None
    assert (loaded.journey.status, loaded.journey.state, loaded.journey.improvements[0].status) == (
        "validated", "future", "done")
