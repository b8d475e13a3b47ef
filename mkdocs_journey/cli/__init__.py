"""The command-line adapter: ``mkdocs-journey`` (click) over the engine, without MkDocs.

The console script ``mkdocs_journey.cli:main`` names this package, so ``main`` is
re-exported here.
"""

from .commands import main

__all__ = ["main"]
