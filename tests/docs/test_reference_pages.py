"""Reference pages that quote the code stay true to it.

- docs/css.md: every custom property the stylesheet defines is documented, and
  every class and property the page names exists in the stylesheet or the
  templates (a renamed class would otherwise leave readers' overrides silently dead).
- docs/troubleshooting.md: the messages it quotes are what ``mkdocs-journey check``
  prints for the mistake described (the files below reproduce them).
- README.md: its links and image work on PyPI, which shows the README without the
  repository around it, so every link is absolute.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mkdocs_journey.engine.render.icons import PATHS

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "mkdocs_journey"
STYLESHEET = PACKAGE / "assets" / "stylesheets" / "journey.css"
BIN = Path(sys.executable).parent


def _markup_and_styles() -> str:
    sources = [STYLESHEET, *sorted((PACKAGE / "templates").rglob("*.html")), *sorted((PACKAGE / "engine" / "render").glob("*.py"))]
    return "\n".join(path.read_text(encoding="utf-8") for path in sources)


def test_every_custom_property_is_documented() -> None:
    defined = set(re.findall(r"(--journey-[a-z0-9-]+)\s*:", STYLESHEET.read_text(encoding="utf-8")))
    page = (REPO / "docs" / "css.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"--journey-[a-z0-9-]+", page))
    if "--journey-emotion-1` … `--journey-emotion-5" in page:  # the table's one row for the five
        documented |= {f"--journey-emotion-{n}" for n in range(1, 6)}
    if "`--journey-icon-<name>`" in page:  # one row for the icons' shapes, naming each icon
        documented |= {f"--journey-icon-{name}" for name in PATHS if f"`{name}`" in page}
    assert defined, "the stylesheet defines custom properties"
    assert sorted(defined - documented) == []


def _named_classes(page: str) -> list[str]:
    """The classes the tables name, with short forms expanded.

    A row lists variants after a full class: `journey-badge--draft`, `--validated` means
    `journey-badge--validated`, and `journey-persona__image`, `__name` means `journey-persona__name`.
    """
    names: list[str] = []
    for line in page.splitlines():
        if not line.startswith("|"):
            continue
        last = ""
        for token in re.findall(r"`\.?((?:journey-|--|__)[a-z0-9_-]+)`", line):
            if token.startswith("journey-"):
                last = token
                names.append(token)
            elif token.startswith("--journey-"):
                continue
            elif last and token.startswith("--"):
                names.append(last.rsplit("--", 1)[0] + token)
            elif last and token.startswith("__"):
                names.append(last.split("__", 1)[0] + token)
    return names


def test_every_class_named_in_the_css_page_exists() -> None:
    page = (REPO / "docs" / "css.md").read_text(encoding="utf-8")
    source = _markup_and_styles()
    # Modifiers built from values in the templates (`journey-status--{{ item.status }}`) exist as prefixes.
    dynamic = set(re.findall(r"(journey-[a-z0-9_-]+--)\{", source))
    names = _named_classes(page)
    assert len(names) > 60
    missing = sorted({name for name in names if not re.search(re.escape(name) + r"(?![a-z0-9_-])", source)
                      and not any(name.startswith(prefix) for prefix in dynamic)})
    assert missing == [], "docs/css.md names classes that do not exist: " + ", ".join(missing)


#: (the mistake, the file at docs/journeys/booking.journey.yml) for each message the page quotes in full.
MISTAKES = {
    "unknown key": """\
        title: A
        stages:
          - name: S
            touchpoints:
              - name: T
                emtion: 3
        """,
    "duplicate key": """\
        title: A
        title: B
        stages:
          - name: S
        """,
    "a single value where a list belongs": """\
        title: A
        stages:
          - name: S
            touchpoints:
              - name: T
                pains: Slow
        """,
    "emotion out of range, not whole, quoted": """\
        title: A
        stages:
          - name: S
            touchpoints:
              - name: T
                emotion: 6
              - name: U
                emotion: 2.5
              - name: V
                emotion: "3"
        """,
    "a word that is not in the list": """\
        title: A
        stages:
          - name: S
            touchpoints:
              - name: T
                met: Yes
        """,
    "an id with capitals": """\
        title: A
        stages:
          - name: S
            id: Book
        """,
    "duplicate touchpoint ids": """\
        title: A
        stages:
          - name: S
            touchpoints:
              - name: Website
              - name: Website
        """,
    "addresses names no touchpoint": """\
        title: A
        stages:
          - name: Book
            touchpoints:
              - name: Form
        improvements:
          - id: x
            title: X
            addresses: [bok/form]
        """,
    "persona not found": """\
        title: A
        persona: mark
        stages:
          - name: S
        """,
    "a value starting with *": """\
        title: A
        stages:
          - name: S
            touchpoints:
              - name: T
                thought: *important*
        """,
    "a value starting with [": """\
        title: A
        stages:
          - name: S
            touchpoints:
              - name: T
                action: [Ticket](https://tracker.example.com/T-1) is open
        """,
    "a colon and a space in a value": """\
        title: A
        stages:
          - name: S
            touchpoints:
              - name: T
                thought: He said: no
        """,
    "a tab in the indentation": "title: A\nstages:\n  - name: S\n    touchpoints:\n\t  - name: T\n",
    "a key indented less than its neighbours": """\
        title: A
        stages:
          - name: S
            touchpoints:
              - name: T
               emotion: 3
        """,
    "a list that is not closed": """\
        title: A
        stages:
          - name: S
            touchpoints:
              - name: T
                gains: [Fast
        """,
    "a quote that is not closed": """\
        title: A
        stages:
          - name: S
            touchpoints:
              - name: T
                thought: "Is it open?
        """,
    "an anchor that no alias uses": """\
        title: A
        stages:
          - name: S
            touchpoints:
              - name: T
                thought: &note keep this
        """,
    "a control character written as an escape": """\
        title: "Caf\\x85"
        stages:
          - name: S
        """,
    "an image name longer than the file system allows": (
        "title: A\nstages:\n  - name: S\n    touchpoints:\n      - name: T\n        image: " + "x" * 300 + ".png\n"
    ),
    "image not found and outside the docs": """\
        title: A
        stages:
          - name: S
            touchpoints:
              - name: T
                image: ../img/nope.png
              - name: U
                image: ../../../etc/passwd
        """,
}


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_troubleshooting_quotes_what_check_prints(mistake: str, tmp_path: Path) -> None:
    path = tmp_path / "docs" / "journeys" / "booking.journey.yml"
    path.parent.mkdir(parents=True)
    path.write_text(textwrap.dedent(MISTAKES[mistake]), encoding="utf-8")
    command = shutil.which("mkdocs-journey", path=str(BIN)) or "mkdocs-journey"
    result = subprocess.run([command, "check"], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr
    page = (REPO / "docs" / "troubleshooting.md").read_text(encoding="utf-8")
    findings = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert findings
    for line in findings:
        assert line in page, f"docs/troubleshooting.md should quote, for {mistake}:\n{line}"


def test_readme_links_and_images_are_absolute() -> None:
    """PyPI renders the README on its own: a relative link there leads nowhere."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)\)", readme) + re.findall(r"<(https?://[^>]+)>", readme)
    assert len(targets) >= 10
    relative = [t for t in targets if not t.startswith(("https://", "http://"))]
    assert relative == []
    assert "https://raw.githubusercontent.com/mkdocs-journey/mkdocs-journey/main/docs/assets/screenshot.png" in readme


#: Placeholders a reader cannot fill in: the repository has one name everywhere.
PLACEHOLDERS = ("<repository-url>", "OWNER/", "<owner>", "github.com/<", "YOUR-ORG/mkdocs-journey")


def test_no_placeholder_without_a_value() -> None:
    files = [REPO / "README.md", REPO / ".pre-commit-hooks.yaml", REPO / "pyproject.toml",
             *sorted((REPO / "docs").rglob("*.md")), *sorted((REPO / ".github").rglob("*.yml"))]
    found = [f"{path.relative_to(REPO)}: {placeholder}" for path in files
             for placeholder in PLACEHOLDERS if placeholder in path.read_text(encoding="utf-8")]
    assert found == []


@pytest.mark.parametrize("page", ["README.md", "docs/index.md", "docs/getting-started.md", "docs/troubleshooting.md"])
def test_the_pages_a_newcomer_reads_say_what_happens_on_zensical_and_mkdocs_2(page: str) -> None:
    """Zensical silently ignores the plugin and publishes the raw YAML: a team must learn that before it switches."""
    text = (REPO / page).read_text(encoding="utf-8")
    assert "Zensical" in text and "MkDocs 2.0" in text, page
    assert "raw" in text, f"{page} should say that Zensical publishes the raw journey files"


#: Words that give away a Dutch text; the schema is read in English editors.
DUTCH = re.compile(r"\b(de|het|een|van|voor|Leeftijd|Stad|klant|reis)\b")


@pytest.mark.parametrize("kind", ["journey", "persona"])
def test_the_shipped_schemas_speak_english(kind: str) -> None:
    schema = json.loads((PACKAGE / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    descriptions: list[str] = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            descriptions.extend(v for k, v in node.items() if k in ("description", "title") and isinstance(v, str))
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(schema)
    assert descriptions
    assert [d for d in descriptions if DUTCH.search(d)] == []


def test_the_contributing_page_names_files_that_exist() -> None:
    """The recipes send contributors to files by name: a move or rename must update them."""
    page = (REPO / "docs" / "contributing.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:mkdocs_journey/|engine/|plugin/|cli/|templates/|translations/|tests/)[\w./<>-]*)`", page))
    assert len(named) > 15
    missing = []
    for name in sorted(named):
        if "<" in name:  # a pattern such as translations/<lang>.yml
            folder = name.split("<")[0].rstrip("/")
            candidates = [REPO / folder, PACKAGE / folder]
        else:
            candidates = [REPO / name, PACKAGE / name, PACKAGE / "engine" / name]
        if not any(candidate.exists() for candidate in candidates):
            missing.append(name)
    assert missing == []


#: How mkdocs-journey can be installed before it is on PyPI: a Git URL, a path or a wheel.
INSTALLABLE = re.compile(r"@ git\+https://|\s\"?(?:\.{0,2}/|/)[^\s\"]*mkdocs[-_]journey|\.whl")


def _code_lines(text: str) -> list[str]:
    """The lines inside fenced code blocks (commands a reader copies)."""
    lines, inside = [], False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            inside = not inside
        elif inside:
            lines.append(line)
    return lines


def test_every_install_line_a_reader_copies_works_before_a_release() -> None:
    """`pip install mkdocs-journey` fails until the first release: each copied command must name a source."""
    pages = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]
    wrong = [f"{page.relative_to(REPO)}: {line.strip()}" for page in pages
             for line in _code_lines(page.read_text(encoding="utf-8"))
             # A comment may say what works after the release; the command itself must work now.
             if re.search(r"pip install\b.*mkdocs[-_]journey", line.split("#")[0]) and not INSTALLABLE.search(line)]
    assert wrong == []
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "pip install -e .  " not in readme, "an adopting team is not in our checkout: give the path or URL form"


def test_getting_started_creates_the_home_page() -> None:
    """Without docs/index.md the new site's home page is a 404."""
    page = (REPO / "docs" / "getting-started.md").read_text(encoding="utf-8")
    assert re.search(r'^```\w* title="docs/index\.md"', page, flags=re.MULTILINE)
