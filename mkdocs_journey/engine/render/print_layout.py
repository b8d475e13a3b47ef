"""How the swimlanes split over printed pages: a few columns per page, lane labels repeated.

A map is as wide as its touchpoints; paper is not. Squeezing every column onto
the paper's width made cells so narrow that words broke in the middle and rows
grew taller than a page. The printout instead shows the map in parts of at most
:data:`COLUMNS_PER_PAGE` columns, side by side on the screen's map but one under
the other on paper, each with its own stage headers and lane labels. The parts
are balanced (14 columns print as 7 + 7, not 9 + 5). The screen never shows them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from .page import Column, StageHeader

COLUMNS_PER_PAGE = 7
"""Touchpoint columns in one printed part: at 7pt text about 130px each on A4 and
Letter landscape, wide enough that words wrap between themselves."""


@dataclass(frozen=True)
class PrintStage:
    """A stage's header in one printed part: only as wide as its columns in that part."""

    header: StageHeader
    span: int
    continued: bool
    """The stage began in an earlier part (its name is repeated)."""


@dataclass(frozen=True)
class PrintPart:
    columns: tuple[Column, ...]
    stages: tuple[PrintStage, ...]


def print_parts(columns: Sequence[Column], stages: Sequence[StageHeader],
                per_page: int = COLUMNS_PER_PAGE) -> tuple[PrintPart, ...]:
    """The map's columns in balanced parts of at most ``per_page``, each with its stage headers."""
    if not columns:
        return ()
    count = math.ceil(len(columns) / per_page)
    size = math.ceil(len(columns) / count)
    owner: list[StageHeader] = [header for header in stages for _ in range(header.span)]
    parts = []
    for start in range(0, len(columns), size):
        chunk = tuple(columns[start:start + size])
        bands: list[PrintStage] = []
        for offset, header in enumerate(owner[start:start + len(chunk)]):
            if bands and bands[-1].header is header:
                last = bands[-1]
                bands[-1] = PrintStage(header, last.span + 1, last.continued)
            else:
                bands.append(PrintStage(header, 1, offset == 0 and start > 0 and owner[start - 1] is header))
        parts.append(PrintPart(chunk, tuple(bands)))
    return tuple(parts)
