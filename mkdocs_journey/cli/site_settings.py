"""What the command line needs to know of a site: its docs folder and the plugin's options.

``mkdocs-journey check`` should report what ``mkdocs build`` would, so it reads the
site's ``mkdocs.yml`` for ``docs_dir`` and the ``journey`` plugin's
``stale_after_days``, ``max_file_size`` and ``max_touchpoints``. It does not load MkDocs' configuration
(that would import every plugin and theme of the site): a lenient YAML read that
ignores tags such as ``!ENV`` or ``!!python/name`` is enough for these values,
and anything unreadable falls back to the defaults, leaving the complaint to MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..engine.options import MAX_FILE_SIZE, MAX_TOUCHPOINTS, STALE_AFTER_DAYS

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class _LenientLoader(yaml.SafeLoader):
    """Builds nothing for tags (``!ENV``, ``!!python/name:...``): they read as None."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteSettings:
    docs_dir: Path
    stale_after_days: int = STALE_AFTER_DAYS.default
    max_file_size: int = MAX_FILE_SIZE.default
    max_touchpoints: int = MAX_TOUCHPOINTS.default


def _plugin_options(plugins: Any) -> dict[str, Any]:
    """The ``journey`` entry of ``plugins:``, written as a list or as a mapping."""
    entries = plugins.items() if isinstance(plugins, dict) else (
        (next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (item, None))
        for item in (plugins if isinstance(plugins, list) else [])
    )
    for name, options in entries:
        if name == "journey":
            return options if isinstance(options, dict) else {}
    return {}


def read_site(config_file: Path) -> SiteSettings:
    """The settings of the site whose ``mkdocs.yml`` is ``config_file``."""
    try:
        data = yaml.load(config_file.read_text("utf-8"), Loader=_LenientLoader)  # noqa: S506 - safe subclass
    except (yaml.YAMLError, UnicodeDecodeError, OSError):
        data = None
    data = data if isinstance(data, dict) else {}
    docs_dir = data.get("docs_dir")
    if not isinstance(docs_dir, str):
        docs_dir = "docs"
    options = _plugin_options(data.get("plugins"))
    return SiteSettings(
        docs_dir=config_file.parent / docs_dir,
        # A value the build refuses keeps the default here: MkDocs reports it.
        stale_after_days=STALE_AFTER_DAYS.value_or_default(options.get(STALE_AFTER_DAYS.name)),
        max_file_size=MAX_FILE_SIZE.value_or_default(options.get(MAX_FILE_SIZE.name)),
        max_touchpoints=MAX_TOUCHPOINTS.value_or_default(options.get(MAX_TOUCHPOINTS.name)),
    )


def find_site(start: Path) -> SiteSettings | None:
    """The site a file or folder belongs to: the nearest ``mkdocs.yml`` at or above it
    whose docs folder holds it."""
    start = start.resolve()
    for folder in (start if start.is_dir() else start.parent, *start.parents):
        for name in CONFIG_NAMES:
            config = folder / name
            if config.is_file():
                site = read_site(config)
                docs = site.docs_dir.resolve()
                if start == docs or docs in start.parents:
                    return site
    return None


def default_site(cwd: Path) -> SiteSettings:
    """The site of the current folder: its ``mkdocs.yml``, else ``docs/``.

    Never the folder itself: ``docs_dir`` is searched and scanned for personas, and
    in a home folder that would read every project below it. When ``docs/`` does
    not exist either, ``docs_dir`` names it all the same, and nothing is inside it.
    """
    for name in CONFIG_NAMES:
        if (cwd / name).is_file():
            return read_site(cwd / name)
    return SiteSettings(docs_dir=cwd / "docs")
