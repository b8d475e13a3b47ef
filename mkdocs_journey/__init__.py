"""mkdocs-journey: customer journey maps as a first-class part of a documentation site.

The engine runs in three steps that know nothing of MkDocs: ``load`` (YAML -> model,
with every error located), ``analyse`` (scores, backlog order, health) and ``render``
(model -> HTML). The MkDocs plugin and the command line are thin adapters over it.
"""

from .engine.analyse import Analysis, BacklogItem, HealthFinding, analyse, is_quick_win, priority_score
from .engine.diagnostics import Finding, Severity
from .engine.docs_tree import DocsTree
from .engine.load import LoadedJourney, LoadedPersona, load_journey, load_persona
from .engine.model import Backstage, Improvement, Journey, Kpi, Persona, Stage, Touchpoint

__version__ = "0.1.0"

__all__ = [
    "Analysis", "BacklogItem", "Backstage", "DocsTree", "Finding", "HealthFinding", "Improvement",
    "Journey", "Kpi", "LoadedJourney", "LoadedPersona", "Persona", "Severity", "Stage", "Touchpoint",
    "analyse", "is_quick_win", "load_journey", "load_persona", "priority_score",
]
