"""The ``journey`` fence on a site with the plugin: the extension is listed, and lent the build's maps.

With the plugin enabled (MkDocs or ProperDocs) nothing else is configured: ``on_config``
lists ``mkdocs_journey.markdown`` among the site's Markdown extensions (and, on a site
that uses ``pymdownx.superfences``, adds the ``journey`` custom fence, so fences in
lists and admonitions work too), with this host as its ``host`` option. The host gives
fences the maps the plugin collected (each file read once per build), the site's
settings and lanes, links resolved like the site's own, and takes their errors: logged
with page and line, and ``mkdocs build`` stops after the pages are rendered, as it
does for a bad map file (``mkdocs serve`` shows them in place and keeps serving).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from mkdocs.config.defaults import MkDocsConfig

from ..engine.collection import CollectedMap, Collection
from ..engine.diagnostics import Finding
from ..engine.docs_tree import DocsTree
from ..engine.settings import BuildSettings
from ..engine.render import PageContext
from ..engine.urls import page_source, published_url, relative_url, resolve_link
from ..markdown.site import PageInfo

if TYPE_CHECKING:
    from .plugin import JourneyPlugin

EXTENSION = "mkdocs_journey.markdown"
SUPERFENCES = "pymdownx.superfences"
FENCE = {"name": "journey", "class": "journey",
         "format": "mkdocs_journey.markdown.fence_format", "validator": "mkdocs_journey.markdown.fence_validator"}


def register_extension(config: MkDocsConfig, host: FenceHostForPlugin) -> None:
    """List the extension (once) with ``host``, and the superfences custom fence where superfences is used."""
    if EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(EXTENSION)
    options: dict[str, Any] = dict(config.mdx_configs.get(EXTENSION) or {})
    options["host"] = host
    config.mdx_configs[EXTENSION] = options
    if SUPERFENCES in config.markdown_extensions:
        superfences = config.mdx_configs.setdefault(SUPERFENCES, {})
        fences = list(superfences.get("custom_fences") or [])
        if not any(f.get("name") == "journey" for f in fences if isinstance(f, dict)):
            from ..markdown import fence_format, fence_validator
            fences.append({**FENCE, "format": fence_format, "validator": fence_validator})
            superfences["custom_fences"] = fences


def inline_extensions(config: MkDocsConfig) -> list[Any]:
    """The site's extensions for one free-text value of a map: all but the fence's (a value holds no fence)."""
    return [e for e in config.markdown_extensions if e != EXTENSION]


class FenceHostForPlugin:
    """What the extension borrows from the plugin for one build (see the module's docstring)."""

    def __init__(self, plugin: JourneyPlugin) -> None:
        self.plugin = plugin
        self.collection = Collection(DocsTree(Path.cwd()), BuildSettings())
        """The build's collection (set in ``on_files``; this empty one is never asked for a map)."""
        self.config: MkDocsConfig | None = None
        self.error_pages: set[str] = set()
        """The pages whose fences had errors in this build."""
        self._by_path: dict[Path, CollectedMap] = {}
        self._pages: set[str] = set()

    def start(self, collection: Collection, config: MkDocsConfig, maps: dict[Path, CollectedMap],
              pages: set[str]) -> None:
        """A new build: its collection, its maps by file, the ``src_uri`` of every page."""
        self.collection, self.config = collection, config
        self._by_path = {path.resolve(): collected for path, collected in maps.items()}
        self._pages = pages
        self.error_pages = set()

    def collected(self, path: Path) -> CollectedMap:
        found = self._by_path.get(path.resolve())
        if found is None:  # a map the build left out (excluded from the site), or let go of: read it for the fence
            found = self._by_path[path.resolve()] = self.collection.journey(path)
        return found

    def forget(self, path: Path) -> None:
        """Let go of one map (its page is rendered); a fence that shows it later reads it again."""
        self._by_path.pop(path.resolve(), None)

    def forget_all(self) -> None:
        """Let go of every map (every page is converted); the collection stays, for a late fence."""
        self._by_path = {}

    def has_page(self, journey_src_uri: str) -> bool:
        return page_source(journey_src_uri) in self._pages

    def page_context(self, page: PageInfo, base: str) -> PageContext:
        config = self.config
        assert config is not None

        def link(href: str) -> str | None:
            return resolve_link(href, base=base, page_url=page.url, use_directory_urls=page.use_directory_urls)

        def asset(path: Path) -> str:
            try:
                src = path.resolve().relative_to(page.docs_dir.resolve()).as_posix()
            except ValueError:
                return path.name
            return relative_url(published_url(src, use_directory_urls=page.use_directory_urls), page.url)

        custom_dir = config.theme.custom_dir
        inline: Callable[[str], Any] = self.plugin.inline_markdown(config, link)
        return PageContext(settings=self.plugin.settings, lanes=tuple(self.plugin.config.lanes),
                           inline_markdown=inline, asset_url=asset, link_url=link,
                           template_dirs=(Path(custom_dir),) if custom_dir else ())

    def report(self, page: PageInfo, findings: list[Finding]) -> None:
        self.error_pages.add(page.name)
        for finding in findings:
            self.plugin.log_error(finding.format_text())
