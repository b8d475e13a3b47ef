"""Mutated example files never crash the engine, and every diagnostic is one line inside the file.

Seeded mutations (byte flips, control characters, truncation, repeated or swapped lines,
broken indentation, YAML indicators, long texts, aliases, escapes) of the example maps
and personas go through what a build does with a file: load, check (errors and health
notes), the page's front matter, rendering and the ``journeys.json`` export. The test
fails on any exception that escapes, any diagnostic that spans lines, and any line or
column outside the file.

Every run of the suite tries :data:`QUICK` mutations (and a third as many with PyYAML's
pure-Python parser); ``pytest -m fuzz`` runs the
larger round (``JOURNEY_FUZZ_COUNT`` mutations, default 5,000). ``JOURNEY_FUZZ_SEED``
picks another seed; a failure names the seed and the mutation's number to replay it.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import traceback
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

import pytest
import yaml

from mkdocs_journey.engine import yaml_source
from mkdocs_journey.engine.check import check_paths
from mkdocs_journey.engine.collection import Collection
from mkdocs_journey.engine.diagnostics import Finding
from mkdocs_journey.engine.docs_tree import DocsTree, is_persona_file
from mkdocs_journey.engine.export import ExportedMap, dump_export, export_journeys
from mkdocs_journey.engine.i18n import Translator
from mkdocs_journey.plugin.sources import map_title, page_markdown
from mkdocs_journey.engine.render import PageContext, render_map
from mkdocs_journey.engine.render.inline_markdown import InlineMarkdown
from mkdocs_journey.engine.settings import BuildSettings

REPO = Path(__file__).resolve().parents[2]
SOURCES = (REPO / "example-site" / "docs", REPO / "docs")
"""Docs folders whose journey and persona files are the seeds (copied whole, so images and personas resolve)."""

QUICK = 500
SEED = int(os.environ.get("JOURNEY_FUZZ_SEED", "20261126"))
TODAY = date(2027, 1, 1)

Mutation = Callable[[random.Random, str], str]


# -- Mutations -----------------------------------------------------------------------------------

CONTROL = ["\x00", "\x07", "\x0b", "\x1b", "\x7f", "\x85", "\x99", "\x9f", "\u2028", "\ufffe", "\uffff", "\ufdd0"]
ESCAPES = ["\\x85", "\\0", "\\x1b", "\\uFFFE", "\\ud800", "\\L", "\\N", "\\e", "\\x99", "\\t", "\\q", "\\u12"]
SPECIALS = ["*", "&", "!", "@", "`", "%", "|", ">", "[", "]", "{", "}", "#", ": ", "- ", "? ", ",", "'", '"',
            "*a", "&a ", "!!str ", "!!binary ", "<<: ", "---\n", "...\n", "\t", " #", "\\"]


def _at(rng: random.Random, text: str) -> int:
    return rng.randrange(len(text) + 1)


def _flip_byte(rng: random.Random, text: str) -> str:
    data = bytearray(text.encode("utf-8", "surrogateescape"))
    if data:
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return data.decode("utf-8", "surrogateescape")


def _insert_control(rng: random.Random, text: str) -> str:
    i = _at(rng, text)
    return text[:i] + rng.choice(CONTROL) + text[i:]


def _insert_escape(rng: random.Random, text: str) -> str:
    """An escape inside a double-quoted value: the line's value becomes ``"…\\x85…"``."""
    lines = text.split("\n")
    n = rng.randrange(len(lines))
    key, sep, value = lines[n].partition(": ")
    if sep:
        value = value.replace("\\", "").replace('"', "")
        i = rng.randrange(len(value) + 1)
        lines[n] = f'{key}: "{value[:i]}{rng.choice(ESCAPES)}{value[i:]}"'
    return "\n".join(lines)


def _truncate(rng: random.Random, text: str) -> str:
    return text[: _at(rng, text)]


def _duplicate_line(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    n = rng.randrange(len(lines))
    lines.insert(n, lines[n])
    return "\n".join(lines)


def _delete_line(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    del lines[rng.randrange(len(lines))]
    return "\n".join(lines)


def _swap_lines(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return "\n".join(lines)


def _indentation(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    n = rng.randrange(len(lines))
    line = lines[n]
    body = line.lstrip(" ")
    indent = len(line) - len(body)
    lines[n] = rng.choice(["\t" * max(1, indent // 2), " " * max(0, indent + rng.choice([-3, -2, -1, 1, 2, 3]))]) + body
    return "\n".join(lines)


def _insert_special(rng: random.Random, text: str) -> str:
    """A YAML indicator, mostly where a value starts (after ``: `` or ``- ``)."""
    starts = [m.end() for m in re.finditer(r": |- ", text)]
    i = rng.choice(starts) if starts and rng.random() < 0.8 else _at(rng, text)
    return text[:i] + rng.choice(SPECIALS) + text[i:]


def _long_text(rng: random.Random, text: str) -> str:
    i = _at(rng, text)
    return text[:i] + rng.choice("xé/.") * rng.choice([256, 300, 5_000, 100_000]) + text[i:]


def _alias(rng: random.Random, text: str) -> str:
    """An anchor on one value and aliases of it elsewhere (or of an anchor that does not exist)."""
    starts = [m.end() for m in re.finditer(r": ", text)]
    if len(starts) < 2:
        return text
    first, *rest = sorted(rng.sample(starts, min(len(starts), rng.randint(2, 6))))
    pieces, last = [text[:first], "&f "], first
    for i in rest:
        pieces += [text[last:i], "*f "]
        last = i
    pieces.append(text[last:])
    return "".join(pieces) if rng.random() < 0.8 else text.replace(": ", ": *nowhere ", 1)


def _line_endings(rng: random.Random, text: str) -> str:
    return text.replace("\n", rng.choice(["\r\n", "\r"]))


def _unicode(rng: random.Random, text: str) -> str:
    i = _at(rng, text)
    return text[:i] + rng.choice(["\ufeff", "\u202e", "é", "😀", "\u0301", "\u00a0", "\ud7ff"]) + text[i:]


PATHS = ["x" * 300 + ".png", "a/" * 3000 + "b.png", "../" * 40 + "etc/passwd", '"a\\0b.png"', "img/", ".", "..",
         "~/x.png", "img//mark.svg", "img/./mark.svg", "C:x.png", "\\\\host\\x.png", "%2e%2e/x.png", "img/mark.svg/x",
         '"img/\\u202emark.svg"', "'img/mark.svg '", "é" * 200 + ".png"]


def _reference(rng: random.Random, text: str) -> str:
    """A path or id the file system or the persona scan must survive, in `image:` or `persona:`."""
    found = list(re.finditer(r"(?m)^(\s*(?:- )?(?:image|persona): ).*$", text))
    if not found:
        return text
    match = rng.choice(found)
    return text[: match.start()] + match.group(1) + rng.choice(PATHS) + text[match.end():]


MUTATIONS: tuple[Mutation, ...] = (
    _reference, _reference,
    _flip_byte, _insert_control, _insert_escape, _truncate, _duplicate_line, _delete_line, _swap_lines,
    _indentation, _insert_special, _long_text, _alias, _line_endings, _unicode,
)


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        text = rng.choice(MUTATIONS)(rng, text)
    return text


# -- Running one file through the engine ---------------------------------------------------------


SUFFIXES = (".journey.yml", ".journey.yaml", ".persona.yml", ".persona.yaml")


@dataclass(frozen=True)
class Seed:
    docs: Path
    """The copy of the docs folder the seed lives in."""
    tree: DocsTree
    relative: str
    text: str


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> list[Seed]:
    found = []
    for source in SOURCES:
        docs = tmp_path_factory.mktemp("docs")
        shutil.copytree(source, docs, dirs_exist_ok=True)
        tree = DocsTree.scan(docs)
        for path in sorted(docs.rglob("*")):
            if path.name.endswith(SUFFIXES):
                found.append(Seed(docs, tree, path.relative_to(docs).as_posix(), path.read_text(encoding="utf-8")))
    assert len(found) >= 5, "the example files are the fuzzer's seeds"
    return found


def editor_lines(content: bytes) -> list[str]:
    """The file's lines as an editor counts them (``\\r\\n``, ``\\r`` and ``\\n`` end a line)."""
    text = content.decode("utf-8", "replace").removeprefix("\ufeff")
    lines = re.split(r"\r\n|\r|\n", text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def problems_with(findings: list[Finding], content: bytes) -> list[str]:
    lines = editor_lines(content)
    wrong = []
    for finding in findings:
        text = finding.format_text()
        if len(text.splitlines()) != 1:
            wrong.append(f"multi-line diagnostic: {text!r}")
        if not 1 <= finding.line <= len(lines):
            wrong.append(f"line outside the file ({len(lines)} lines): {text!r}")
        elif not 1 <= finding.column <= len(lines[finding.line - 1]) + 1:
            wrong.append(f"column outside line {finding.line} ({len(lines[finding.line - 1])} characters): {text!r}")
    return wrong


def exercise(seed: Seed, content: bytes) -> list[str]:
    """Everything a build does with the file; returns what is wrong (an exception is let through)."""
    suffix = next(s for s in SUFFIXES if seed.relative.endswith(s))
    path = (seed.docs / seed.relative).parent / f"fuzzed{suffix}"  # beside the seed: its images resolve
    path.write_bytes(content)
    try:
        docs = seed.tree
        settings = BuildSettings(today=TODAY, translate=Translator("en"))
        result = check_paths([path], lambda _: docs, settings)
        wrong = problems_with(result.findings, content)
        if is_persona_file(path.name):
            return wrong
        collected = Collection(docs, settings, name_of=lambda p: p.name).journey(path)
        loaded = collected.loaded
        wrong += problems_with(loaded.errors, content)
        front_matter = page_markdown(map_title(loaded, seed.relative), hide=["toc"])
        meta = yaml.safe_load(front_matter.split("---\n")[1])
        if not isinstance(meta, dict) or "title" not in meta:
            wrong.append(f"front matter MkDocs cannot read: {front_matter!r}")
        context = PageContext(settings=settings, inline_markdown=InlineMarkdown(),
                              asset_url=lambda p: "assets/" + p.name)
        render_map(collected, context)
        dump_export(export_journeys([ExportedMap(collected, "fuzzed/", seed.relative)], settings.translate))
        return wrong
    finally:
        path.unlink()


def fuzz(seeds: list[Seed], count: int, seed: int) -> None:
    rng = random.Random(seed)
    failures: list[str] = []
    for number in range(count):
        source = rng.choice(seeds)
        text = mutate(rng, source.text)
        content = text.encode("utf-8", "surrogateescape")  # flipped bytes stay the bytes they were
        try:
            wrong = exercise(source, content)
        except Exception:  # noqa: BLE001 - any exception that escapes is the finding
            wrong = ["exception: " + traceback.format_exc(limit=-3)]
        failures += [f"mutation {number} of {source.relative} (seed {seed}): {w}\n  content: {content[:300]!r}"
                     for w in wrong]
    assert not failures, f"{len(failures)} problem(s):\n" + "\n".join(failures[:20])


def test_mutated_examples_never_crash_and_stay_located(seeds: list[Seed]) -> None:
    fuzz(seeds, QUICK, SEED)


def test_mutated_examples_with_the_pure_python_parser(seeds: list[Seed], monkeypatch: pytest.MonkeyPatch) -> None:
    # PyYAML without libyaml words its errors differently and points elsewhere.
    monkeypatch.setattr(yaml_source, "_Loader", yaml.SafeLoader)
    fuzz(seeds, QUICK // 3, SEED + 2)


@pytest.mark.fuzz
def test_many_mutated_examples(seeds: list[Seed]) -> None:
    fuzz(seeds, int(os.environ.get("JOURNEY_FUZZ_COUNT", "5000")), SEED + 1)
