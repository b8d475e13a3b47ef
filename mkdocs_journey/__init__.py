"""mkdocs-journey: customer journey maps as a first-class part of a documentation site.

The engine (``mkdocs_journey.engine``) knows nothing of MkDocs: ``load`` (YAML ->
model, with every error located), ``analyse`` (scores, backlog order, health) and
``render`` (model -> HTML), with a ``Collection`` that runs the first two once per
file for a build. The MkDocs plugin (``mkdocs_journey.plugin``) and the command line
(``mkdocs_journey.cli``) are thin adapters over it.

The names below are imported on first use (PEP 562): every ``mkdocs build`` imports
this package on its way to the plugin, which needs neither ``diff`` nor the rest of
what a script may want from here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine.analyse import Analysis, BacklogItem, analyse, is_quick_win, priority_score
    from .engine.collection import CollectedMap, Collection
    from .engine.diagnostics import Finding, Severity
    from .engine.diff import Change, ChangeKind, JourneyDiff, Subject, Summary, diff
    from .engine.docs_tree import DocsTree
    from .engine.health import HealthFinding
    from .engine.load import LoadedJourney, LoadedPersona, load_journey, load_persona
    from .engine.model import Backstage, Improvement, Journey, Kpi, Persona, Stage, Touchpoint
    from .engine.settings import BuildSettings

__version__ = "0.1.0"

_EXPORTS: dict[str, tuple[str, ...]] = {
    ".engine.analyse": ("Analysis", "BacklogItem", "analyse", "is_quick_win", "priority_score"),
    ".engine.collection": ("CollectedMap", "Collection"),
    ".engine.diagnostics": ("Finding", "Severity"),
    ".engine.diff": ("Change", "ChangeKind", "JourneyDiff", "Subject", "Summary", "diff"),
    ".engine.docs_tree": ("DocsTree",),
    ".engine.health": ("HealthFinding",),
    ".engine.load": ("LoadedJourney", "LoadedPersona", "load_journey", "load_persona"),
    ".engine.model": ("Backstage", "Improvement", "Journey", "Kpi", "Persona", "Stage", "Touchpoint"),
    ".engine.settings": ("BuildSettings",),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = [
    "Analysis", "BacklogItem", "Backstage", "BuildSettings", "Change", "ChangeKind", "CollectedMap",
    "Collection", "DocsTree", "Finding", "HealthFinding", "Improvement", "Journey", "JourneyDiff", "Kpi",
    "LoadedJourney", "LoadedPersona", "Persona", "Severity", "Stage", "Subject", "Summary", "Touchpoint",
    "analyse", "diff", "is_quick_win", "load_journey", "load_persona", "priority_score",
]


def __getattr__(name: str) -> Any:
    """``mkdocs_journey.Journey`` and the rest of :data:`__all__`, imported when first asked for."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
