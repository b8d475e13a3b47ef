"""Templates that let go of what they were given once they have rendered.

A Jinja template that defines or imports macros leaves a reference cycle behind
each render: the render's context holds the macros, and each macro holds the
context. The cycle holds every value the render was given, so a map page's view
(the map's models, its columns, its backlog) outlived the page until Python's
full garbage collection came round, which on a site of hundreds of maps is rare.
Dead maps piled up: at 500 maps some 30 MB of them were still held when the
search index was built, and the build's peak memory rose with them.

So each render records the contexts it opens (its own, and those of the
templates it includes and imports with context), and when it is done, empties
those that hold a value it was given. Nothing outside the render can reach them,
and the output is a finished string. A module Jinja caches for an import without
context holds none of the render's values, so it keeps its macros for the next
render. What is left of a cycle is a few empty dicts, and the values are freed as
soon as the caller drops them.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from jinja2 import Template
from jinja2.runtime import Context

_opened: ContextVar[list[Context] | None] = ContextVar("journey_opened_contexts", default=None)


class RecordedContext(Context):
    """A context that the render opening it can empty afterwards."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        opened = _opened.get()
        if opened is not None:
            opened.append(self)


class LettingGoTemplate(Template):
    """A template whose :meth:`render` leaves nothing of its values behind."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        given = dict(*args, **kwargs)
        opened: list[Context] = []
        token = _opened.set(opened)
        try:
            return super().render(given)
        finally:
            _opened.reset(token)
            _let_go(opened, given)


def _let_go(opened: list[Context], given: dict[str, Any]) -> None:
    for context in opened:
        if any(context.parent.get(name) is value for name, value in given.items()):
            context.vars.clear()
            context.parent.clear()
