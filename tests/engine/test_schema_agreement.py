"""The editor's JSON Schema and the loader agree, file by file.

Each case below is a few lines of YAML put into a small valid file at a place (``at``):
a top-level key of a map, a stage, a touchpoint, its ``backstage`` or a KPI, an
improvement, an inline persona or a persona file; ``file`` cases are whole files. Each
says whether the file is valid. The loader (as ``mkdocs build`` and ``mkdocs-journey
check`` read it) and an editor (YAML 1.2 and the shipped schema, see ``editor.py``)
must both judge it so, except where the case names one of :data:`LIMITS`, what a JSON
Schema cannot express: there the editor must miss it (so the list stays true), and the
loader still catches it. ``docs/format.md`` lists the same limits for users.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pytest

from mkdocs_journey.engine.docs_tree import DocsTree
from mkdocs_journey.engine.load import load_journey, load_persona
from mkdocs_journey.engine.model import Backstage, Improvement, Journey, Kpi, Persona, Stage, Touchpoint
from mkdocs_journey.engine.schema import schema_url

from ..files import put
from .editor import editor_errors

FORMAT_DOC = Path(__file__).parents[2] / "docs" / "format.md"

#: What the schema cannot say, by the name docs/format.md gives it.
LIMITS = {
    "How a number is written": "the schema sees values, not how they were written: an editor reads `4.0`, `3e0`, "
                               "`0x3` and `0o3` as numbers, `id: 0x1A` as 26 and `id: True` as true",
    "References": "`addresses`, a persona id and `compare_to` must name something that exists "
                  "(`compare_to` another map than the map itself)",
    "Unique ids": "stage, touchpoint and improvement ids (also those made from names) must be unique",
    "Picture files": "an `image` must name a file inside the docs folder",
}
SPELLING, REFERENCE, UNIQUE, FILES = LIMITS

OK, ERROR = True, False


class Case(NamedTuple):
    at: str
    yaml: str
    valid: bool
    limit: str | None = None


PERSONA_CASES = [
    ("role: Father of two", OK), ("quote: 'I want to choose myself.'", OK), ("quote: 2026", OK),
    ("about: Plans a **big** trip", OK), ("about: [a, b]", ERROR),
    ("image: img/room.png", OK), ("image: /img/room.png", ERROR), ("image: https://x.test/a.png", ERROR),
    ("facts: {Age: 42, City: Utrecht}", OK), ("facts:", OK), ("facts: {Age: }", OK),
    ("facts: {Age: [42]}", ERROR), ("facts: Age 42", ERROR),
    ("goals: [A trip for the family]", OK), ("goals:", OK), ("goals: A trip", ERROR),
    ("needs: [Filters]", OK), ("needs:", OK), ("needs: [Filters, ~]", ERROR),
    ("frustrations:\n  - Long lists", OK), ("frustrations:", OK), ("frustrations: {a: b}", ERROR),
    ("channels: [Google, E-mail]", OK), ("channels:", OK), ("channels: Google", ERROR),
    ("rol: Father", ERROR),
]

CASES = [
    # -- A map's own keys ----------------------------------------------------------------
    Case("journey", "summary: From *search* to stay", OK),
    Case("journey", "summary: 1.10", OK),
    Case("journey", "summary: [a, b]", ERROR),
    Case("journey", "owner: Team Online", OK),
    Case("journey", "owner: {team: Online}", ERROR),
    Case("journey", "status: validated", OK),
    Case("journey", "status: final", ERROR),
    Case("journey", "status: Validated", ERROR),
    Case("journey", "state: future", OK),
    Case("journey", "state: later", ERROR),
    Case("journey", "language: en", OK),
    Case("journey", "language: nl", OK),
    Case("journey", "language:", OK),
    Case("journey", "language: de", ERROR),
    Case("journey", "language: NL", ERROR),
    Case("journey", "reviewed: 2026-10-14", OK),
    Case("journey", 'reviewed: "2026-10-14"', OK),
    Case("journey", "reviewed:", OK),
    Case("journey", "reviewed: 2026-02-30", ERROR),
    Case("journey", "reviewed: 14-10-2026", ERROR),
    Case("journey", 'reviewed: "2026-10-14\\n"', ERROR),
    Case("journey", "reviewed: 2026-10-14T10:00:00", ERROR),
    Case("journey", "goal: Sell more rooms online", OK),
    Case("journey", "brand: Carefree travel", OK),
    Case("journey", "brand: [a]", ERROR),
    Case("journey", "tags: [travel, 2026]", OK),
    Case("journey", "tags:", OK),
    Case("journey", "tags: travel", ERROR),
    Case("journey", "tags: [travel, ~]", ERROR),
    Case("journey", "research:\n  - Interviews (n=12)", OK),
    Case("journey", "research: []", OK),
    Case("journey", "research:", OK),
    Case("journey", "persona: mark", OK),
    Case("journey", "persona:", OK),
    Case("journey", "persona: [mark]", ERROR),
    Case("journey", "persona: nobody", ERROR, REFERENCE),
    Case("journey", "compare_to: other.journey.yml", OK),
    Case("journey", "compare_to: ./other.journey.yml", OK),
    Case("journey", "compare_to:", OK),
    Case("journey", "compare_to: missing.journey.yml", ERROR, REFERENCE),
    Case("journey", "compare_to: case.journey.yml", ERROR, REFERENCE),
    Case("journey", "compare_to: ../outside.journey.yml", ERROR, REFERENCE),
    Case("journey", "compare_to: other.md", ERROR),
    Case("journey", "compare_to: 2024", ERROR),
    Case("journey", "compare_to: /other.journey.yml", ERROR),
    Case("journey", "compare_to: https://x.test/other.journey.yml", ERROR),
    Case("journey", "compare_to: [other.journey.yml]", ERROR),
    Case("journey", "improvements:", OK),
    Case("journey", "improvements: []", OK),
    Case("journey", "improvements: filters", ERROR),
    Case("journey", "improvements:\n  - {id: a, title: A}\n  - {id: a, title: B}", ERROR, UNIQUE),
    Case("journey", "improvements:\n  - title: No id", ERROR),
    Case("journey", "improvements:\n  - id: a", ERROR),
    Case("journey", "improvements:\n  - {id: true, title: A}", OK),
    Case("journey", 'improvements:\n  - {id: "a\\n", title: A}', ERROR),
    Case("journey", "<<: {owner: Team Online}", OK),
    Case("journey", "titel: Typo", ERROR),
    Case("journey", "title: Twice", ERROR),
    Case("file", "title: Book\nstages:\n  - name: Search", OK),
    Case("file", "title: Book\nstages:", ERROR),
    Case("file", "title: Book\nstages: []", ERROR),
    Case("file", "title: Book\nstages:\n  name: Search", ERROR),
    Case("file", "title: Book\nstages:\n  - Search", ERROR),
    Case("file", "stages:\n  - name: Search", ERROR),
    Case("file", 'title: ""\nstages:\n  - name: Search', ERROR),
    Case("file", "title:\nstages:\n  - name: Search", ERROR),
    Case("file", "- title: Book", ERROR),
    Case("file", "title: Book\nstages:\n  - name: Search\n    touchpoints:", OK),
    Case("file", "title: Book\nstages:\n  - name: Search\n    touchpoints: []", OK),
    Case("file", "title: Book\nstages:\n  - name: Search\n  - name: Search", ERROR, UNIQUE),
    Case("file", "title: Book\nstages:\n  - {name: A, id: a}\n  - {name: B, id: a}", ERROR, UNIQUE),
    Case("file", "title: Book\nstages:\n  - name: S\n    touchpoints: [{name: A}, {name: A}]", ERROR, UNIQUE),
    Case("file", "title: Book\nstages:\n  - {name: S, touchpoints: [{name: A}]}\n"
                 "  - {name: T, touchpoints: [{name: A}]}", OK),
    # -- A stage -------------------------------------------------------------------------
    Case("stage", "id: search", OK),
    Case("stage", "id: 2024", OK),
    Case("stage", "id: 1e3", OK),
    Case("stage", "id: 0x1a", OK),
    Case("stage", "id: true", OK),
    Case("stage", "id:", OK),
    Case("stage", "id: Search", ERROR),
    Case("stage", "id: my stage", ERROR),
    Case("stage", "id: -search", ERROR),
    Case("stage", "id: -5", ERROR),
    Case("stage", "id: 1.5", ERROR),
    Case("stage", 'id: "search\\n"', ERROR),
    Case("stage", "id: |\n  search", ERROR),
    Case("stage", "id: 0x1A", ERROR, SPELLING),
    Case("stage", "id: +5", ERROR, SPELLING),
    Case("stage", "id: True", ERROR, SPELLING),
    Case("stage", "goal: Find a room", OK),
    Case("stage", "goal: {a: b}", ERROR),
    Case("stage", "gaol: Typo", ERROR),
    # -- A touchpoint --------------------------------------------------------------------
    Case("touchpoint", "id: website", OK),
    Case("touchpoint", 'id: "website\\n"', ERROR),
    Case("touchpoint", "channel: Website", OK),
    Case("touchpoint", "channel: [Web, App]", ERROR),
    Case("touchpoint", "senses: [see, hear]", OK),
    Case("touchpoint", "senses:", OK),
    Case("touchpoint", "senses: [sight]", ERROR),
    Case("touchpoint", "senses: [See]", ERROR),
    Case("touchpoint", "senses: see", ERROR),
    Case("touchpoint", 'action: Searches for "hotel rome"', OK),
    Case("touchpoint", "thought: 42", OK),
    Case("touchpoint", "emotion: 4", OK),
    Case("touchpoint", "emotion: 1", OK),
    Case("touchpoint", "emotion: +5", OK),
    Case("touchpoint", "emotion: 04", OK),
    Case("touchpoint", "emotion: !!int 4", OK),
    Case("touchpoint", "emotion: null", OK),
    Case("touchpoint", "emotion: ~", OK),
    Case("touchpoint", "emotion:", OK),
    Case("touchpoint", "emotion: 0", ERROR),
    Case("touchpoint", "emotion: 6", ERROR),
    Case("touchpoint", "emotion: -1", ERROR),
    Case("touchpoint", "emotion: 3.5", ERROR),
    Case("touchpoint", 'emotion: "4"', ERROR),
    Case("touchpoint", "emotion: '4'", ERROR),
    Case("touchpoint", "emotion: !!str 4", ERROR),
    Case("touchpoint", "emotion: |\n  4", ERROR),
    Case("touchpoint", "emotion: >\n  4", ERROR),
    Case("touchpoint", "emotion: four", ERROR),
    Case("touchpoint", "emotion: [4]", ERROR),
    Case("touchpoint", "emotion: true", ERROR),
    Case("touchpoint", "emotion: .inf", ERROR),
    Case("touchpoint", "emotion: 4.0", ERROR, SPELLING),
    Case("touchpoint", "emotion: 3e0", ERROR, SPELLING),
    Case("touchpoint", "emotion: 0x3", ERROR, SPELLING),
    Case("touchpoint", "emotion: 0o3", ERROR, SPELLING),
    Case("touchpoint", "feeling: curious", OK),
    Case("touchpoint", "needs: [Route ideas]", OK),
    Case("touchpoint", "needs:", OK),
    Case("touchpoint", "needs: Route ideas", ERROR),
    Case("touchpoint", "met: yes", OK),
    Case("touchpoint", "met: partly", OK),
    Case("touchpoint", "met: no", OK),
    Case("touchpoint", "met:", OK),
    Case("touchpoint", "met: true", ERROR),
    Case("touchpoint", "met: Yes", ERROR),
    Case("touchpoint", "met: maybe", ERROR),
    Case("touchpoint", "on_brand: no", OK),
    Case("touchpoint", "on_brand: false", ERROR),
    Case("touchpoint", "moment_of_truth: true", OK),
    Case("touchpoint", "moment_of_truth: yes", OK),
    Case("touchpoint", "moment_of_truth: No", OK),
    Case("touchpoint", 'moment_of_truth: "TRUE"', OK),
    Case("touchpoint", "moment_of_truth:", OK),
    Case("touchpoint", "moment_of_truth: on", ERROR),
    Case("touchpoint", "moment_of_truth: 1", ERROR),
    Case("touchpoint", "moment_of_truth: maybe", ERROR),
    Case("touchpoint", "image: img/room.png", OK),
    Case("touchpoint", "image: ''", OK),
    Case("touchpoint", "image: /img/room.png", ERROR),
    Case("touchpoint", "image: \\img\\room.png", ERROR),
    Case("touchpoint", "image: https://x.test/room.png", ERROR),
    Case("touchpoint", "image: data:image/png;base64,AAAA", ERROR),
    Case("touchpoint", "image: c:/room.png", ERROR),
    Case("touchpoint", "image: img/missing.png", ERROR, FILES),
    Case("touchpoint", "image: ../outside.png", ERROR, FILES),
    Case("touchpoint", "evidence: [Interviews 3, 5 and 8]", OK),
    Case("touchpoint", "pains: [Too many offers, 1.10]", OK),
    Case("touchpoint", "pains: []", OK),
    Case("touchpoint", "pains:", OK),
    Case("touchpoint", "pains: [Slow, ~]", ERROR),
    Case("touchpoint", "pains: Slow", ERROR),
    Case("touchpoint", "pains: [ok, [nested]]", ERROR),
    Case("touchpoint", "gains: [Nice photos]", OK),
    Case("touchpoint", "gains:", OK),
    Case("touchpoint", "opportunities: [Routes by theme]", OK),
    Case("touchpoint", "opportunities:", OK),
    Case("touchpoint", "backstage:", OK),
    Case("touchpoint", "backstage: Marketing", ERROR),
    Case("touchpoint", "kpis:", OK),
    Case("touchpoint", "kpis: [Conversion]", ERROR),
    Case("touchpoint", "kpis: [~]", ERROR),
    Case("touchpoint", "kpis:\n  - target: 5%", ERROR),
    Case("touchpoint", "emotoin: 3", ERROR),
    Case("backstage", "team: Marketing", OK),
    Case("backstage", "systems: [Google Ads, CMS]", OK),
    Case("backstage", "systems:", OK),
    Case("backstage", "systems: CMS", ERROR),
    Case("backstage", "process: SEO content", OK),
    Case("backstage", "teem: Typo", ERROR),
    Case("kpi", "target: 5%", OK),
    Case("kpi", "actual: 3.2", OK),
    Case("kpi", "better: lower", OK),
    Case("kpi", "better: less", ERROR),
    Case("kpi", "better: Lower", ERROR),
    Case("kpi", "targte: 5%", ERROR),
    # -- An improvement ------------------------------------------------------------------
    Case("improvement", "addresses: [search/website]", OK),
    Case("improvement", "addresses: [website]", OK),
    Case("improvement", "addresses:", OK),
    Case("improvement", "addresses: search/website", ERROR),
    Case("improvement", "addresses: [search/nowhere]", ERROR, REFERENCE),
    Case("improvement", "owner: Web team", OK),
    Case("improvement", "teams: [HR, Marketing]", OK),
    Case("improvement", "teams:", OK),
    Case("improvement", "impact: 5", OK),
    Case("improvement", "impact: 9", ERROR),
    Case("improvement", 'impact: "5"', ERROR),
    Case("improvement", "impact: !!str 5", ERROR),
    Case("improvement", "impact: |\n  5", ERROR),
    Case("improvement", "impact: 4.0", ERROR, SPELLING),
    Case("improvement", "impact: 0o3", ERROR, SPELLING),
    Case("improvement", "effort: 2", OK),
    Case("improvement", "effort: 2.5", ERROR),
    Case("improvement", "effort: >-\n  2", ERROR),
    Case("improvement", "effort: 3e0", ERROR, SPELLING),
    Case("improvement", "effort: 0x3", ERROR, SPELLING),
    Case("improvement", "status: planned", OK),
    Case("improvement", "status: todo", ERROR),
    Case("improvement", "status: Done", ERROR),
    Case("improvement", "due: 2027-Q1", OK),
    Case("improvement", "due: 2027-03-31", OK),
    Case("improvement", "due:", OK),
    Case("improvement", "due: 2027-Q5", ERROR),
    Case("improvement", "due: 2027-02-30", ERROR),
    Case("improvement", "due: next week", ERROR),
    Case("improvement", 'due: "2027-Q1\\n"', ERROR),
    Case("improvement", 'due: "2027-03-31\\n"', ERROR),
    Case("improvement", "kpi: Conversion of the search page", OK),
    Case("improvement", "notes: See [the memo](https://wiki.example.com/memo)", OK),
    Case("improvement", "link: https://jira.example.com/browse/WEB-42", OK),
    Case("improvement", "link: HTTP://x.test", OK),
    Case("improvement", "link: mailto:web@x.test", OK),
    Case("improvement", "link: ../backlog.md#web-42", OK),
    Case("improvement", "link: WEB-42", OK),
    Case("improvement", "link: 2024", OK),
    Case("improvement", "link: '  ../backlog.md'", OK),
    Case("improvement", "link:", OK),
    Case("improvement", 'link: "javascript:alert(1)"', ERROR),
    Case("improvement", "link: tel:+31201234567", ERROR),
    Case("improvement", "link: ftp://files.x.test/a", ERROR),
    Case("improvement", "link: //evil.example/x", ERROR),
    Case("improvement", "link: '\\\\evil.example\\x'", ERROR),
    Case("improvement", "link: /\\evil.example", ERROR),
    Case("improvement", "link: '  //evil.example'", ERROR),
    Case("improvement", 'link: "/\\t/evil.example"', ERROR),
    Case("improvement", 'link: "https://x.test/a\\nb"', ERROR),
    Case("improvement", "link: ''", ERROR),
    Case("improvement", "efort: 2", ERROR),
    # -- Personas, inline in a map and in a persona file ---------------------------------
    *(Case(at, yaml, valid) for at in ("persona", "persona file") for yaml, valid in PERSONA_CASES),
    Case("persona", "image: img/missing.png", ERROR, FILES),
    Case("persona file", "image: img/missing.png", ERROR, FILES),
    Case("persona file", "name: Twice", ERROR),
    Case("file", "persona:\n  role: Nameless\ntitle: Book\nstages:\n  - name: Search", ERROR),
]

_MODEL_AT = {"journey": Journey, "stage": Stage, "touchpoint": Touchpoint, "backstage": Backstage, "kpi": Kpi,
             "improvement": Improvement, "persona": Persona, "persona file": Persona}


def _lines(yaml: str, indent: int) -> str:
    return "".join(" " * indent + line + "\n" for line in yaml.splitlines())


def document(case: Case) -> tuple[str, str]:
    """The kind of file and its text: the case's lines in a small valid file."""
    at, yaml = case.at, case.yaml
    if at == "file":
        return "journey", yaml + "\n"
    if at == "persona file":
        return "persona", "name: Mark\n" + _lines(yaml, 0)
    text = "title: Book a room\n" + (_lines(yaml, 0) if at == "journey" else "")
    if at == "persona":
        text += "persona:\n  name: Mark\n" + _lines(yaml, 2)
    text += "stages:\n  - name: Search\n" + (_lines(yaml, 4) if at == "stage" else "")
    text += "    touchpoints:\n      - name: Website\n" + (_lines(yaml, 8) if at == "touchpoint" else "")
    if at == "backstage":
        text += "        backstage:\n" + _lines(yaml, 10)
    if at == "kpi":
        text += "        kpis:\n          - name: Conversion\n" + _lines(yaml, 12)
    if at == "improvement":
        text += "improvements:\n  - id: filters\n    title: Add filters\n" + _lines(yaml, 4)
    return "journey", text


def loader_accepts(kind: str, text: str, docs: Path) -> bool:
    put(docs, "img/room.png", b"\x89PNG")
    put(docs, "personas/mark.persona.yml", "name: Mark\n")
    put(docs, "other.journey.yml", "title: Other\nstages:\n  - name: S\n")
    path = put(docs, f"case.{kind}.yml", text)
    tree = DocsTree.scan(docs)
    if kind == "persona":
        loaded = load_persona(path, tree)
        return loaded.persona is not None and not loaded.errors
    return load_journey(path, tree).ok


def _case_id(case: Case) -> str:
    return f"{case.at}: {case.yaml}".replace("\n", " ; ")


@pytest.mark.parametrize("case", CASES, ids=map(_case_id, CASES))
def test_editor_and_loader_agree(case: Case, tmp_path: Path) -> None:
    kind, text = document(case)
    loader = loader_accepts(kind, text, tmp_path / "docs")
    editor = editor_errors(kind, text)
    assert loader is case.valid, f"the loader {'refuses' if case.valid else 'accepts'}:\n{text}"
    if case.limit is None:
        assert (not editor) is case.valid, f"the editor disagrees: {editor or 'no error'}\n{text}"
    else:
        assert not editor, (f"listed under {case.limit!r}, but the editor catches it now ({editor}); "
                            "drop the limit from the case (and the docs if it was the last one)")


def test_the_corpus_is_large_and_valid_and_invalid() -> None:
    assert len(CASES) >= 80
    assert sum(c.valid for c in CASES) >= 40 and sum(not c.valid for c in CASES) >= 40
    assert {c.limit for c in CASES} - {None} == set(LIMITS), "each limit is shown by a case, and only those"


def test_the_corpus_covers_every_key() -> None:
    written: dict[str, set[str]] = {}
    for case in CASES:
        if case.at in _MODEL_AT:
            keys = {m.group(1) for m in re.finditer(r"^(\w+):", case.yaml, re.MULTILINE)}
            written.setdefault(_MODEL_AT[case.at].__name__, set()).update(keys)
    # Keys every case's file has already (`title`, `stages`, a `name` for each) count too.
    given = {"Journey": {"title", "stages"}, "Stage": {"name", "touchpoints"}, "Touchpoint": {"name"},
             "Kpi": {"name"}, "Improvement": {"id", "title"}, "Persona": {"name"}}
    for model in {*_MODEL_AT.values()}:
        missing = set(model.model_fields) - written.get(model.__name__, set()) - given.get(model.__name__, set())
        assert not missing, f"no case writes {model.__name__} keys {sorted(missing)}"


def test_the_limits_are_documented() -> None:
    text = FORMAT_DOC.read_text("utf-8")
    section = text[text.index("### What the schema cannot check"):]
    for name in LIMITS:
        assert f"**{name}**" in section, f"docs/format.md does not list the limit {name!r}"


EXAMPLES = sorted((Path(__file__).parents[2] / "example-site" / "docs").rglob("*.*.yml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_the_example_site_is_valid_to_the_editor_too(path: Path) -> None:
    # What users copy first must not show a red squiggle; each names its schema.
    kind = "persona" if path.name.endswith(".persona.yml") else "journey"
    text = path.read_text("utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={schema_url(kind)}\n")
    assert editor_errors(kind, text) == []
