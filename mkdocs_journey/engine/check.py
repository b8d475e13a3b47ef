"""Check journey and persona files: errors from loading, warnings from the health checks.

The command line and the MkDocs plugin both call this, so ``mkdocs-journey check``
reports exactly what the build would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from .analyse import DEFAULT_STALE_AFTER_DAYS, analyse
from .diagnostics import Finding, Severity, sort_findings
from .docs_tree import DocsTree, is_persona_file, stem
from .health import RULE_BY_KIND
from .i18n import Translator
from .limits import DEFAULT_MAX_TOUCHPOINTS, limit_touchpoints
from .load import LoadedJourney, load_journey, load_persona
from .messages import message
from .yaml_source import DEFAULT_MAX_FILE_SIZE


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


def health_findings(loaded: LoadedJourney, *, today: date, stale_after_days: int,
                    translate: Translator | None = None) -> list[Finding]:
    """The health checks of a valid map as located warnings."""
    translate = translate or Translator()
    analysis = analyse(loaded, today=today, stale_after_days=stale_after_days, translate=translate)
    assert loaded.document is not None
    findings = []
    for note in analysis.health:
        line, column = loaded.document.locate(note.path)
        findings.append(Finding(loaded.name, line, column, RULE_BY_KIND[note.kind].severity, note.message(translate),
                                note.kind))
    return findings


def duplicate_persona_errors(path: Path, name: str, docs: DocsTree) -> list[Finding]:
    others = [p for p in docs.personas.get(stem(path.name), []) if p.resolve() != path.resolve()]
    if not others:
        return []
    listed = ", ".join(str(p.relative_to(docs.root)) for p in others)
    return [Finding(name, 1, 1, Severity.ERROR,
                    message("check.duplicate_persona", id=stem(path.name), files=listed))]


def check_paths(paths: list[Path], docs_for: Callable[[Path], DocsTree], *, today: date,
                stale_after_days: int = DEFAULT_STALE_AFTER_DAYS, max_size: int = DEFAULT_MAX_FILE_SIZE,
                max_touchpoints: int = DEFAULT_MAX_TOUCHPOINTS) -> CheckResult:
    result = CheckResult()
    for path in paths:
        docs = docs_for(path)
        name = str(path)
        result.files += 1
        if is_persona_file(path.name):
            persona = load_persona(path, docs, name=name, max_size=max_size)
            result.findings += persona.errors + duplicate_persona_errors(path, name, docs)
            continue
        loaded = limit_touchpoints(load_journey(path, docs, name=name, max_size=max_size), max_touchpoints)
        result.findings += loaded.errors
        if loaded.ok:
            result.findings += health_findings(loaded, today=today, stale_after_days=stale_after_days)
    result.findings = sort_findings(result.findings)
    return result
