"""``mkdocs_journey.markdown``: the ``journey`` fence as a Python-Markdown extension.

The third adapter over the engine, beside the MkDocs plugin and the command line: it
runs wherever Python-Markdown does (MkDocs, ProperDocs, Zensical). List it in
``markdown_extensions``; the journey plugin lists it itself.
"""

from __future__ import annotations

from typing import Any

from .extension import JourneyExtension, fence_format, fence_validator

__all__ = ["JourneyExtension", "fence_format", "fence_validator", "makeExtension"]


def makeExtension(**kwargs: Any) -> JourneyExtension:  # noqa: N802 (Python-Markdown's entry point name)
    return JourneyExtension(**kwargs)
