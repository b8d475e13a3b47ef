"""The MkDocs adapter: the ``journey`` plugin over the engine.

The entry point ``mkdocs_journey.plugin:JourneyPlugin`` names this package, so the
plugin class is re-exported here.
"""

from .plugin import JourneyPlugin

__all__ = ["JourneyPlugin"]
