"""Assertions on located errors, shared by the engine tests."""

from __future__ import annotations

from mkdocs_journey.engine.load import LoadedJourney, LoadedPersona

Spot = tuple[int, int, str]
"""(line, column, a piece of the message) that a test expects."""


def spots(loaded: LoadedJourney | LoadedPersona) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message) for f in loaded.errors]


def assert_errors(loaded: LoadedJourney | LoadedPersona, expected: list[Spot]) -> None:
    """Exactly these errors, in file order, each at its line and column."""
    found = spots(loaded)
    assert len(found) == len(expected), f"expected {len(expected)} error(s), got:\n" + "\n".join(map(str, found))
    for (line, column, message), (want_line, want_column, piece) in zip(found, expected):
        assert (line, column) == (want_line, want_column), f"{piece!r} expected at {want_line}:{want_column}: {found}"
        assert piece in message, f"{piece!r} not in {message!r}"
    if expected:
        assert loaded.journey is None if isinstance(loaded, LoadedJourney) else loaded.persona is None
    assert all(f.path == loaded.name for f in loaded.errors)
