"""The ``journey`` MkDocs plugin: journey files in the docs tree become map pages.

A thin adapter over the engine. Per build it:

1. ``on_config``: picks the labels' language, makes the build's settings (one
   :class:`BuildSettings` every engine step reads), links the stylesheet, and points
   ``nav:`` entries that name a ``.journey.yml`` at the page generated for it;
2. ``on_files``: collects every journey and persona file through one engine
   :class:`Collection` (all of them, so one bad file does not hide another's errors;
   each persona file read once, each map analysed once), turns each map into a
   generated page, adds the stylesheet and ``journeys.json``, and stops ``mkdocs
   build`` when a file has errors (``mkdocs serve`` keeps running and shows the
   errors on the page);
3. ``on_page_content``: renders the map into its page; the renderer's outline (plain
   headings and ids, never a scan of the HTML) becomes the page's table of contents
   and the anchors known to MkDocs' link validation;
4. ``on_page_context``: lets the search plugins index the map's search text
   (sectioned per stage, touchpoint and improvement), then puts the map back.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..engine import clock
from ..engine.collection import Collection
from ..engine.diagnostics import Finding, Severity
from ..engine.docs_tree import DocsTree, is_journey_file, is_persona_file
from ..engine.export import ExportedMap, dump_export, export_journeys
from ..engine.i18n import Translator
from ..engine.messages import message, plural
from ..engine.render import PageContext, render_map
from ..engine.render.inline_markdown import InlineMarkdown
from ..engine.settings import BuildSettings
from .config import JourneyConfig
from .language import choose_language
from .links import PageLinks
from .page import page_content, search_outline, table_of_contents
from .sources import MapPage, drop_maps_from_nav, map_title, page_markdown, page_src_uri, rewrite_nav

# The logger keeps the name it had before the adapter became a package, so log filters keep working.
log = get_plugin_logger("mkdocs_journey.plugin")

STYLESHEET = "assets/stylesheets/journey.css"
"""Where the package stylesheet is published (and linked from every page)."""
STYLESHEET_SOURCE = Path(__file__).parent.parent / "assets" / "stylesheets" / "journey.css"
MAP_SCRIPT = "assets/javascripts/journey-map.js"
"""The lane list's script (readers hide and show lanes), published and linked like the stylesheet."""
MAP_SCRIPT_SOURCE = Path(__file__).parent.parent / "assets" / "javascripts" / "journey-map.js"
EXPORT_FILE = "journeys.json"


class JourneyPlugin(BasePlugin[JourneyConfig]):
    """Turns ``*.journey.yml`` files into customer journey map pages."""

    def __init__(self) -> None:
        self.serving = False
        """True under ``mkdocs serve``: errors are shown on the page instead of stopping."""
        self.settings = BuildSettings(today=clock.today())
        """The build's date, language and limits: made in on_config, read by every step."""
        self.maps: dict[str, MapPage] = {}
        """Generated page ``src_uri`` -> the map behind it, rebuilt by every build."""

    # -- Lifecycle ------------------------------------------------------------------

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this instance across the
        # rebuilds of `mkdocs serve`; everything per build is reset in on_files.
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        # MkDocs caches this instance for the whole process, so a later in-process
        # `build()` (tests, tools) must not inherit serve's forgiving error handling.
        self.serving = False
        self.maps = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            if config.nav is not None and not self.config.publish_source:
                config.nav = drop_maps_from_nav(config.nav)
            return config
        choice = choose_language(self.config.language, config.theme)
        if choice.warning:
            log.warning(choice.warning)
        self.settings = BuildSettings(
            today=clock.today(), stale_after_days=self.config.stale_after_days,
            translate=Translator(choice.language), max_file_size=self.config.max_file_size,
            max_touchpoints=self.config.max_touchpoints)
        # Every theme links `extra_css` relative to the page, so the stylesheet works
        # under a sub-path `site_url` and with either URL style.
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if MAP_SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(MAP_SCRIPT)
        if config.nav is not None:
            config.nav = rewrite_nav(config.nav)
        return config

    # -- Files ----------------------------------------------------------------------

    @event_priority(-50)  # Late: maps added by other plugins (e.g. mkdocs-gen-files) become pages too.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            # Off means no map pages, not publishing the raw YAML in their place.
            if not self.config.publish_source:
                for file in [f for f in files if is_journey_file(f.src_uri) or is_persona_file(f.src_uri)]:
                    files.remove(file)
            return files
        self.maps = {}
        collection = Collection(DocsTree.scan(Path(config.docs_dir)), self.settings,
                                name_of=lambda path: _shown_path(path, config))
        problems: dict[str, list[Finding]] = {}

        for file in sorted(files, key=lambda f: f.src_uri):
            if not (is_journey_file(file.src_uri) or is_persona_file(file.src_uri)):
                continue
            if not self.config.publish_source:
                files.remove(file)
            if file.inclusion is InclusionLevel.EXCLUDED:
                continue
            if file.abs_src_path is None:
                log.warning(message("plugin.generated_in_memory", path=file.src_uri, plugin=file.generated_by))
                continue
            path = Path(file.abs_src_path)
            name = _shown_path(path, config)
            if is_persona_file(file.src_uri):
                problems[name] = collection.persona_errors(path)
                continue
            problems[name] = self._add_map(file, path, name, files, collection, config)

        self._report(problems)
        self._add_stylesheet(files, config)
        if self.config.export:
            self._add_export(files, config)
        return files

    def _add_map(self, file: File, path: Path, name: str, files: Files, collection: Collection,
                 config: MkDocsConfig) -> list[Finding]:
        """Load one journey file and add its generated page; returns the file's errors."""
        page_uri = page_src_uri(file.src_uri)
        taken = self.maps[page_uri].source if page_uri in self.maps else files.get_file_from_path(page_uri)
        if taken is not None:
            return [Finding(name, 1, 1, Severity.ERROR,
                            message("plugin.page_taken", page=page_uri, taken=taken.src_uri))]
        collected = collection.journey(path)
        loaded = collected.loaded
        markdown = page_markdown(map_title(loaded, file.src_uri), hide=self.config.hide)
        page = File.generated(config, page_uri, content=markdown, inclusion=file.inclusion)
        # "Edit this page" should open the map's YAML, not a page that exists nowhere.
        page.edit_uri = file.edit_uri
        self.maps[page_uri] = MapPage(file, page, collected)
        files.append(page)
        for note in collected.health:
            log.info(_health_line(note))
        return list(loaded.errors)

    def _report(self, problems: dict[str, list[Finding]]) -> None:
        """Log every error of every file; stop ``mkdocs build`` (never ``serve``) if there were any."""
        broken = [name for name, findings in problems.items() if findings]
        for name in broken:
            for finding in problems[name]:
                log.error(finding.format_text())
        if broken and not self.serving:
            count = len(broken)
            raise PluginError(plural("plugin.files_have_errors", count))

    def _add_stylesheet(self, files: Files, config: MkDocsConfig) -> None:
        # A stylesheet the site already has at that path is the author's override.
        if files.get_file_from_path(STYLESHEET) is None:
            files.append(File.generated(config, STYLESHEET, abs_src_path=str(STYLESHEET_SOURCE)))
        if files.get_file_from_path(MAP_SCRIPT) is None:
            files.append(File.generated(config, MAP_SCRIPT, abs_src_path=str(MAP_SCRIPT_SOURCE)))

    def _add_export(self, files: Files, config: MkDocsConfig) -> None:
        existing = files.get_file_from_path(EXPORT_FILE)
        if existing is not None:
            raise PluginError(message("plugin.export_exists", path=EXPORT_FILE))
        maps = [ExportedMap(m.map, m.page.url, m.source.src_uri) for m in self.maps.values()]
        data = export_journeys(maps, self.settings.translate)
        files.append(File.generated(config, EXPORT_FILE, content=dump_export(data)))

    # -- Pages ----------------------------------------------------------------------

    @event_priority(50)  # Early: plugins that post-process pages (lightboxes, minifiers) see the map.
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        map_page = self._map_page(page)
        if map_page is None:
            return None
        docs_dir = Path(config.docs_dir)
        links = PageLinks(page.file, files, docs_dir, source_name=map_page.loaded.name,
                          map_pages={m.source.src_uri: m.page for m in self.maps.values()}, warn=log.warning)
        custom_dir = config.theme.custom_dir
        context = PageContext(
            settings=self.settings,
            lanes=tuple(self.config.lanes),
            # One renderer per page: relative links resolve against this page, and
            # the renderer caches per text.
            inline_markdown=InlineMarkdown(config.markdown_extensions, config.mdx_configs, links.resolve_link),
            asset_url=links.asset_url,
            link_url=links.resolve_link,
            template_dirs=(Path(custom_dir),) if custom_dir else (),
        )
        rendered = render_map(map_page.map, context)
        page.toc = table_of_contents(rendered.headings)
        page.present_anchor_ids = (page.present_anchor_ids or set()) | rendered.anchor_ids
        if rendered.search_html is not None:
            map_page.search_html = page_content(map_page.title, rendered.search_html)
            map_page.search_headings = rendered.search_headings
        return page_content(map_page.title, rendered.html)

    # -- Search ---------------------------------------------------------------------

    # Search plugins (MkDocs' and Material's) index `page.content` in on_page_context.
    # For a map page they get its search text instead: the same words in sections per
    # stage, touchpoint and improvement, so a hit opens the map where it was found, and
    # a fraction of the markup to parse. The theme then renders the map itself.

    @event_priority(100)  # Before the search plugins read the page.
    def _show_search_text(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                          nav: Navigation) -> TemplateContext | None:
        map_page = self._map_page(page)
        if map_page is not None and map_page.search_html is not None and page.content is not None:
            map_page.shown = (page.content, page.toc)
            page.content, page.toc = map_page.search_html, search_outline(map_page.search_headings)
        return None

    @event_priority(-100)  # After them, before the theme renders the page.
    def _show_map(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                  nav: Navigation) -> TemplateContext | None:
        map_page = self._map_page(page)
        if map_page is not None and map_page.shown is not None:
            page.content, page.toc = map_page.shown
            map_page.shown = map_page.search_html = None
            map_page.search_headings = ()
        return None

    on_page_context = CombinedEvent(_show_search_text, _show_map)

    def _map_page(self, page: Page) -> MapPage | None:
        if not self.config.enabled:
            return None
        map_page = self.maps.get(page.file.src_uri)
        return map_page if map_page is not None and page.file is map_page.page else None


def _health_line(note: Finding) -> str:
    """A health note in the build log: ``path:line:column: health: message``.

    Health notes are content (the map's health panel), not problems of the build: as
    MkDocs warnings they would fail every ``mkdocs build --strict`` of a draft map. So
    they are logged at INFO, and an INFO line must not call itself a warning. (The
    command line reports the same notes with the severity ``warning``, as linters do;
    ``mkdocs-journey check --strict`` is how CI fails on them.)
    """
    return message("plugin.health_line", path=note.path, line=note.line, column=note.column, message=note.message)


def _shown_path(path: Path, config: MkDocsConfig) -> str:
    """How messages name a file: relative to the folder of ``mkdocs.yml`` (``docs/journeys/x.journey.yml``)."""
    base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    try:
        return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()
