"""``check`` reads the plugin's options from ``mkdocs.yml`` by the rule the build applies.

The build refuses a bad value; ``check`` keeps the default for it (MkDocs reports it).
A value is accepted by both or by neither: otherwise ``check`` would judge maps by a
limit the build never uses, or ignore one it does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mkdocs_journey.cli.site_settings import read_site
from mkdocs_journey.engine.options import WHOLE_NUMBER_OPTIONS
from mkdocs_journey.plugin.config import JourneyConfig

VALUES = [-1, 0, 1, 7, True, False, "7", 2.0, None, [3]]


def build_value(name: str, value: object) -> object | None:
    """The value the build runs with, or None when it refuses ``value``."""
    config = JourneyConfig()
    config.load_dict({name: value})
    errors, _warnings = config.validate()
    return None if errors else config[name]


@pytest.mark.parametrize("value", VALUES, ids=repr)
@pytest.mark.parametrize("option", WHOLE_NUMBER_OPTIONS, ids=lambda option: option.name)
def test_check_uses_the_value_the_build_uses(tmp_path: Path, option: object, value: object) -> None:
    name = option.name  # type: ignore[attr-defined]
    config = {"site_name": "x", "plugins": [{"journey": {name: value}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    read = getattr(read_site(tmp_path / "mkdocs.yml"), name)
    built = build_value(name, value)
    assert type(read) is int
    assert read == (option.default if built is None else built)  # type: ignore[attr-defined]


def test_the_command_line_flag_has_the_option_floor() -> None:
    from mkdocs_journey.cli import main

    flag = next(p for p in main.commands["check"].params if p.name == "stale_after_days")
    assert flag.type.min == next(o.minimum for o in WHOLE_NUMBER_OPTIONS if o.name == "stale_after_days")
