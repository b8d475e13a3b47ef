"""What every map page of a ``serve`` build is rendered with, as one comparable value.

A rendered map page is reused by the next rebuild only while this value is the same
(see :mod:`..engine.render_cache`): the plugin's options, the site's settings, its
Markdown extensions and their options (free text on a map is rendered with them),
the URL style, the bytes of ``mkdocs.yml``, and the files in the theme's ``custom_dir`` (the
template overrides; ``mkdocs serve`` watches that folder, so an edited override rebuilds with it).

A site whose Markdown extensions may read other files while they render (the
snippets extension includes files, the ``b64`` one embeds pictures, an emoji index
with custom icons reads them) keeps no page at all: an edit to such a file would
not change anything this value holds, and a kept page would go stale. So would an
extension this module does not know, which is why the list is of the known-safe ones.
"""

from __future__ import annotations

from pathlib import Path
from types import BuiltinFunctionType, FunctionType
from typing import Any, Mapping

from mkdocs.config.defaults import MkDocsConfig

from ..engine.map_cache import digest
from ..engine.settings import BuildSettings
from .fences import inline_extensions

_MARKDOWN = {
    "abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code", "footnotes",
    "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists", "smarty", "tables", "toc",
    "wikilinks",
}
_PYMDOWNX = {
    "arithmatex", "betterem", "blocks.admonition", "blocks.caption", "blocks.definition", "blocks.details",
    "blocks.html", "blocks.tab", "caret", "critic", "details", "emoji", "escapeall", "extra", "fancylists",
    "highlight", "inlinehilite", "keys", "magiclink", "mark", "pathconverter", "progressbar", "saneheaders",
    "smartsymbols", "striphtml", "superfences", "tabbed", "tasklist", "tilde",
}
PURE_EXTENSIONS = frozenset(
    _MARKDOWN | {f"markdown.extensions.{name}" for name in _MARKDOWN} | {f"pymdownx.{name}" for name in _PYMDOWNX}
)
"""Extensions whose output depends only on the text and their options (no other file)."""

_SMALL = 256 * 1024


def _reads_files(name: str, options: Mapping[str, Any]) -> bool:
    if name not in PURE_EXTENSIONS:
        return True
    # Emoji with custom icons reads their SVG files from the site's folders.
    icons = (options.get("options") or {}).get("custom_icons") if name == "pymdownx.emoji" else None
    return bool(icons)


def site_key(config: MkDocsConfig, options: Mapping[str, Any], settings: BuildSettings,
             theme_tags: bool) -> object | None:
    """The value (see the module's docstring), or None when no map page may be kept."""
    extensions = [e for e in inline_extensions(config) if isinstance(e, str)]
    if len(extensions) != len(inline_extensions(config)) or any(
            _reads_files(name, config.mdx_configs.get(name) or {}) for name in extensions):
        return None
    return (
        _plain(dict(options)), tuple(extensions), _plain(dict(config.mdx_configs)), config.use_directory_urls,
        _config_file(config.config_file_path), settings.today, settings.stale_after_days,
        settings.translate.language, settings.max_file_size, settings.max_touchpoints, theme_tags,
        _templates(config.theme.custom_dir),
    )


def _plain(value: Any) -> object:
    """``value`` as comparable plain data.

    Options are plain data (lists, dicts, strings), or objects that are the same from
    one rebuild to the next (the fence host, functions named in ``mkdocs.yml``). A
    function made by ``!!python/object/apply`` (``pymdownx.slugs.slugify(case=lower)``)
    is a new object per rebuild: it is known by its name, its arguments by
    ``mkdocs.yml``'s bytes (part of the key). Any other object by its ``repr``: one that
    differs every time only means the pages are rendered again.
    """
    if isinstance(value, Mapping):
        return tuple((str(k), _plain(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v) for v in value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (FunctionType, BuiltinFunctionType, type)):
        return ("function", value.__module__, value.__qualname__)
    return repr(value)


def _config_file(path: str | None) -> bytes:
    try:
        return digest(Path(path).read_bytes()) if path else b""
    except OSError as exc:
        return str(exc).encode()


def _templates(custom_dir: str | None) -> tuple[tuple[str, object], ...]:
    """The fingerprints of the theme's override folder.

    Every file, not only ``.html`` ones: an override may include any file of the folder.
    Small files (templates, icons) by their bytes; large ones (pictures, which no
    template reads) by size and modification time, so a rebuild does not read them.
    """
    if not custom_dir:
        return ()
    found: list[tuple[str, object]] = []
    for path in sorted(Path(custom_dir).rglob("*")):
        try:
            stat = path.stat()
            if not path.is_file():
                continue
            found.append((path.as_posix(), digest(path.read_bytes()) if stat.st_size <= _SMALL
                          else (stat.st_size, stat.st_mtime_ns)))
        except OSError as exc:
            found.append((path.as_posix(), str(exc)))
    return tuple(found)
