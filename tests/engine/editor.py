"""A file as an editor sees it: YAML 1.2 data checked against the shipped JSON Schema.

Editors' YAML language servers (the Red Hat extension for VS Code, and the same server
in Neovim, Helix, Zed...) read YAML 1.2 with its core schema by default, report
duplicate keys and unknown tags themselves, and match ``pattern`` as ECMA-262 regular
expressions. PyYAML reads YAML 1.1 and ``jsonschema`` matches patterns with Python's
``re`` (where ``$`` also matches before a final newline), so both are adjusted here to
judge a file the way the editor does.
"""

from __future__ import annotations

import functools
import json
import math
import re
from typing import Any, Iterator

import yaml

try:
    import jsonschema
    import regress
    from jsonschema import ValidationError
    from jsonschema.validators import extend
except ImportError as missing:  # fail the schema tests with the fix, never skip them
    raise ImportError(f"the schema tests need `{missing.name}`, part of the project's `test` extra: "
                      "pip install -e '.[test]' (or run `bash scripts/test`)") from missing

from mkdocs_journey.engine.schema import shipped

_TAG = "tag:yaml.org,2002:"


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML's safe loader with the YAML 1.2 core schema's resolution (spec 10.3.2)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(key, deep=True) for key, _ in node.value if key.tag != _TAG + "merge"]
        for key in keys:
            if isinstance(key, (list, dict)) or keys.count(key) > 1:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate or unusable key {key!r}",
                                                        node.start_mark)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        text = str(self.construct_scalar(node))
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text, 10)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        text = str(self.construct_scalar(node)).lower()
        if text.endswith(".inf"):
            return -math.inf if text.startswith("-") else math.inf
        if text == ".nan":
            return math.nan
        return float(text)


Yaml12Loader.yaml_implicit_resolvers = {}
for _name, _pattern, _first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+.0123456789")),
    ("merge", r"^(?:<<)$", ["<"]),
]:
    Yaml12Loader.add_implicit_resolver(_TAG + _name, re.compile(_pattern), _first)
Yaml12Loader.add_constructor(_TAG + "int", Yaml12Loader.construct_yaml_int)
Yaml12Loader.add_constructor(_TAG + "float", Yaml12Loader.construct_yaml_float)


@functools.cache
def _regex(pattern: str) -> Any:
    return regress.Regex(pattern)


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and _regex(pattern).find(instance) is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_EditorValidator = extend(jsonschema.Draft202012Validator, {"pattern": _ecma_pattern})


@functools.cache
def validator(kind: str) -> Any:
    schema = json.loads(shipped(kind))
    jsonschema.Draft202012Validator.check_schema(schema)
    return _EditorValidator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def editor_errors(kind: str, text: str) -> list[str]:
    """What an editor marks in ``text``: YAML errors, then schema errors (``path: message``)."""
    try:
        data = yaml.load(text, Loader=Yaml12Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        return [f"YAML: {str(exc).splitlines()[0]}"]
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(kind).iter_errors(data)]
