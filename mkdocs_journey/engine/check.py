"""Check journey and persona files, and the ``journey`` fences of Markdown pages.

Errors come from loading, warnings from the health checks.

The command line and the MkDocs plugin both call this, so ``mkdocs-journey check``
reports exactly what the build would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .collection import Collection
from .diagnostics import Finding, Severity, sort_findings
from .docs_tree import DocsTree, is_persona_file
from .fence import check_page
from .settings import BuildSettings


@dataclass
class CheckResult:
    files: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors


def check_paths(paths: list[Path], docs_for: Callable[[Path], DocsTree], settings: BuildSettings) -> CheckResult:
    """Every error and health warning of ``paths``, each judged within its own docs folder."""
    result = CheckResult()
    collections: dict[int, Collection] = {}
    for path in paths:
        docs = docs_for(path)
        collection = collections.get(id(docs))
        if collection is None:
            collection = collections[id(docs)] = Collection(docs, settings, kept=False)  # findings are all it keeps
        result.files += 1
        if path.suffix == ".md":
            result.findings += check_page(path, str(path), collection)
            continue
        if is_persona_file(path.name):
            result.findings += collection.persona_errors(path)
            continue
        collected = collection.journey(path)
        result.findings += collected.loaded.errors + collected.health
    result.findings = sort_findings(result.findings)
    return result
