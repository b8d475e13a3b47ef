"""mkdocs-journey: customer journey maps as a first-class part of a documentation site.

The engine (``mkdocs_journey.engine``) knows nothing of MkDocs: ``load`` (YAML ->
model, with every error located), ``analyse`` (scores, backlog order, health) and
``render`` (model -> HTML), with a ``Collection`` that runs the first two once per
file for a build. The MkDocs plugin (``mkdocs_journey.plugin``) and the command line
(``mkdocs_journey.cli``) are thin adapters over it.
"""

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

__all__ = [
    "Analysis", "BacklogItem", "Backstage", "BuildSettings", "Change", "ChangeKind", "CollectedMap",
    "Collection", "DocsTree", "Finding", "HealthFinding", "Improvement", "Journey", "JourneyDiff", "Kpi",
    "LoadedJourney", "LoadedPersona", "Persona", "Severity", "Stage", "Subject", "Summary", "Touchpoint",
    "analyse", "diff", "is_quick_win", "load_journey", "load_persona", "priority_score",
]
