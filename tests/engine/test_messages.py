"""The message catalog and the code stay in step.

Every message users read from the loader, the checks, the plugin's log and the CLI
comes from ``translations/messages/en.yml`` through ``engine.messages``. These tests
read the package's source (no import tricks): a key the code asks for must exist, a
key in the catalog must be asked for somewhere, and each call must pass exactly the
placeholders its template fills in, so a translated catalog can be checked the same way.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import mkdocs_journey
from mkdocs_journey.engine.messages import catalog, message, placeholders, plural, template

PACKAGE = Path(mkdocs_journey.__file__).parent
CATALOG = catalog()
SECTIONS = sorted({key.split(".")[0] for key in CATALOG})
# A string in the code that looks like a message key (`load.empty`), to catch a
# misspelt key kept in a table (`_WHAT`) rather than passed to `message()` directly.
KEY_LIKE = re.compile(rf"^(?:{'|'.join(SECTIONS)})\.[a-z0-9_]+(?:\.[a-z0-9_]+)*$")
LOOKUPS = {"message", "template", "plural"}


@dataclass(frozen=True)
class Call:
    """One ``message("key", name=...)`` (or ``template``/``plural``) in the source."""

    where: str
    function: str
    key: str
    params: frozenset[str] | None
    """The keyword names passed; None when the call spreads ``**params``."""


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _scan() -> tuple[list[Call], set[str], list[tuple[str, str, set[str] | None]]]:
    """Lookups with a literal key, every string constant, and each pydantic error's (where, key, context keys)."""
    calls: list[Call] = []
    strings: set[str] = set()
    pydantic: list[tuple[str, str, set[str] | None]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        dicts: dict[str, set[str]] = {}  # `quoted = {"value": ...}`: names bound to a literal dict
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        dicts[target.id] = {k.value for k in node.value.keys if isinstance(k, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
            function = _name(node.func)
            if function in LOOKUPS and node.args and isinstance(node.args[0], ast.Constant):
                spread = any(keyword.arg is None for keyword in node.keywords)
                params = None if spread else frozenset(str(keyword.arg) for keyword in node.keywords)
                calls.append(Call(where, function, str(node.args[0].value), params))
            if function == "PydanticCustomError" and len(node.args) == 3:
                message_node, context = node.args[1], node.args[2]
                assert (isinstance(message_node, ast.Call) and _name(message_node.func) == "template"
                        and isinstance(message_node.args[0], ast.Constant)), \
                    f"{where}: a pydantic error's text must be template(key)"
                if isinstance(context, ast.Dict):
                    names: set[str] | None = {k.value for k in context.keys if isinstance(k, ast.Constant)}
                else:
                    names = dicts.get(context.id) if isinstance(context, ast.Name) else None
                pydantic.append((where, str(message_node.args[0].value), names))
    return calls, strings, pydantic


CALLS, STRINGS, PYDANTIC = _scan()


def _keys_of(call: Call) -> list[str]:
    return [f"{call.key}.one", f"{call.key}.other"] if call.function == "plural" else [call.key]


def test_the_scan_finds_the_lookups() -> None:
    # Guards the scan itself: if it found nothing, every test below would pass.
    assert len(CALLS) > 100
    assert len(PYDANTIC) >= 15


def test_every_key_the_code_uses_exists() -> None:
    missing = [f"{call.where}: {key}" for call in CALLS for key in _keys_of(call) if key not in CATALOG]
    missing += [f"a string in the code: {text}" for text in sorted(STRINGS) if KEY_LIKE.match(text)
                and text not in CATALOG and not any(c.key == text and c.function == "plural" for c in CALLS)]
    assert missing == []


def test_every_key_in_the_catalog_is_used() -> None:
    used = {key for call in CALLS for key in _keys_of(call)} | (STRINGS & set(CATALOG))
    assert sorted(set(CATALOG) - used) == []


def test_each_call_passes_exactly_the_placeholders_of_its_template() -> None:
    wrong = []
    for call in CALLS:
        if call.params is None or call.function == "template":
            continue
        given = set(call.params) | ({"count"} if call.function == "plural" else set())
        for key in _keys_of(call):
            if key in CATALOG and placeholders(CATALOG[key]) != given:
                wrong.append(f"{call.where}: {key} fills {sorted(given)}, needs {sorted(placeholders(CATALOG[key]))}")
    assert wrong == []


def test_pydantic_errors_pass_every_placeholder_of_their_template() -> None:
    # The context may carry more (pydantic reports it as the error's `ctx`), never less:
    # a placeholder without a value would be printed as `{value}`.
    wrong = [f"{where}: {key} gets {sorted(names or ())}, needs {sorted(placeholders(CATALOG[key]))}"
             for where, key, names in PYDANTIC if names is None or not placeholders(CATALOG[key]) <= names]
    assert wrong == []


@pytest.mark.parametrize("key", [key for _, key, _ in PYDANTIC])
def test_pydantic_templates_have_no_doubled_braces(key: str) -> None:
    # Pydantic fills in `{name}` itself and never turns `{{` into `{`.
    assert "{{" not in template(key) and "}}" not in template(key)


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_template_formats(key: str) -> None:
    """Each template fills in (format specs such as `{total:,}` included); only --help texts span lines."""
    text = message(key, **{name: 1 for name in placeholders(CATALOG[key])})
    assert "{" not in text.replace("{…}", "").replace("`{`", "")
    assert "\n" not in text or key.startswith("cli.help.")


def test_plural_picks_the_form_by_count() -> None:
    assert plural("cli.summary.files", 1) == "1 file"
    assert plural("cli.summary.files", 0) == "0 files"
    assert plural("cli.summary.files", 2) == "2 files"


def test_an_unknown_key_names_the_catalog() -> None:
    with pytest.raises(KeyError, match="no message 'load.nothing' in translations/messages/en.yml"):
        message("load.nothing")


# Calls that carry a message to a user: their text must come from the catalog.
CARRIERS = {"Problem", "Finding", "YamlReadError", "_problem", "_error", "UsageError", "ClickException",
            "PluginError", "ValidationError", "PydanticCustomError", "LanguageChoice", "warning", "warn", "info",
            "error", "group", "command", "option", "argument"}


def test_no_message_is_written_in_the_code() -> None:
    """A sentence passed straight to an error, a finding or the log is a message the catalog misses."""
    written = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) in CARRIERS:
                for arg in [*node.args, *(keyword.value for keyword in node.keywords)]:
                    sentence = isinstance(arg, ast.Constant) and isinstance(arg.value, str) and " " in arg.value
                    if isinstance(arg, ast.JoinedStr) or sentence:
                        written.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {ast.unparse(arg)[:60]}")
    assert written == []
