"""What the command line needs to know of a site: its docs folder and the plugin's options.

``mkdocs-journey check`` should report what ``mkdocs build`` would, so it reads the
site's ``mkdocs.yml`` for ``docs_dir`` and the ``journey`` plugin's
``stale_after_days``, ``max_file_size`` and ``max_touchpoints``. It does not load MkDocs' configuration
(that would import every plugin and theme of the site): a lenient YAML read that
ignores tags such as ``!ENV`` or ``!!python/name`` is enough for these values,
and anything unreadable falls back to the defaults, leaving the complaint to MkDocs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..engine.i18n import DEFAULT_LANGUAGE, normalise_language
from ..engine.options import MAX_FILE_SIZE, MAX_TOUCHPOINTS, STALE_AFTER_DAYS

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")


class _LenientLoader(yaml.SafeLoader):
    """Builds nothing for tags (``!ENV``, ``!!python/name:...``): they read as None."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!ENV VAR`` / ``!ENV [VAR, OTHER, default]`` as MkDocs reads it: the first variable set, else the default."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode) and node.value:
        items = [loader.construct_object(child) for child in node.value]
        names, default = items[:-1] if len(items) > 1 else items, items[-1] if len(items) > 1 else None
    else:
        return None
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else None
    return default


_LenientLoader.add_constructor("!ENV", _env)


@dataclass(frozen=True)
class SiteSettings:
    docs_dir: Path
    stale_after_days: int = STALE_AFTER_DAYS.default
    max_file_size: int = MAX_FILE_SIZE.default
    max_touchpoints: int = MAX_TOUCHPOINTS.default
    language: str = DEFAULT_LANGUAGE
    """The labels' language as the plugin chooses it: its ``language`` option, else the theme's."""
    site_url: str | None = None
    use_directory_urls: bool = True


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
    theme = data.get("theme")
    theme = theme if isinstance(theme, dict) else {}
    requested = options.get("language") or theme.get("language") or theme.get("locale")
    site_url = data.get("site_url")
    return SiteSettings(
        docs_dir=config_file.parent / docs_dir,
        # A value the build refuses keeps the default here: MkDocs reports it.
        stale_after_days=STALE_AFTER_DAYS.value_or_default(options.get(STALE_AFTER_DAYS.name)),
        max_file_size=MAX_FILE_SIZE.value_or_default(options.get(MAX_FILE_SIZE.name)),
        max_touchpoints=MAX_TOUCHPOINTS.value_or_default(options.get(MAX_TOUCHPOINTS.name)),
        language=normalise_language(requested if isinstance(requested, str) else None) or DEFAULT_LANGUAGE,
        # `!ENV [SITE_URL, ...]` reads as None here: the command's --site-url or $SITE_URL says it then.
        site_url=site_url if isinstance(site_url, str) and site_url else None,
        use_directory_urls=data.get("use_directory_urls") is not False,
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
