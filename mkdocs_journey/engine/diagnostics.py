"""Findings about a journey file, in the shapes compilers, editors and CI understand."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import Enum
from typing import Iterable

from .characters import one_line


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem (error) or health note (warning) at a place in a file.

    ``line`` and ``column`` are 1-based, as editors show them.
    """

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    kind: str = "invalid"

    def __post_init__(self) -> None:
        # Compilers, editors and CI read one finding per line; a user's value quoted
        # in a message must not break that, whatever it holds.
        object.__setattr__(self, "message", one_line(self.message))

    def format_text(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity.value}: {self.message}"

    def format_github(self) -> str:
        # Workflow commands end at a newline and treat `%`, `,` and `:` in properties
        # specially; escape them as GitHub documents so messages arrive intact.
        def data(text: str) -> str:
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def prop(text: str) -> str:
            return data(text).replace(":", "%3A").replace(",", "%2C")

        return (
            f"::{self.severity.value} file={prop(self.path)},line={self.line},"
            f"col={self.column}::{data(self.message)}"
        )

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.line, f.column, f.severity != Severity.ERROR, f.message))


def findings_to_json(findings: list[Finding], files: int) -> str:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    payload = {
        "version": 1,
        "files": files,
        "errors": errors,
        "warnings": len(findings) - errors,
        "findings": [f.as_dict() for f in findings],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)
