"""The ``journey`` MkDocs plugin: journey files in the docs tree become map pages.

A thin adapter over the engine. Per build it:

1. ``on_config``: picks the labels' language, makes the build's settings (one
   :class:`BuildSettings` every engine step reads), links the stylesheet, and points
   ``nav:`` entries that name a ``.journey.yml`` at the page generated for it;
2. ``on_files``: collects every journey and persona file through one engine
   :class:`Collection` (all of them, so one bad file does not hide another's errors;
   each persona file read once, each map analysed once), turns each map into a
   generated page, adds the stylesheet and ``journeys.json`` (waiting in a temporary
   file, :mod:`.scratch`), and stops ``mkdocs build`` when a file has errors (``mkdocs serve`` keeps running and shows the
   errors on the page);
   It also gives each valid persona file a page, adds the overview page (option
   ``overview``) with its small filter script, and ``improvements.csv``;
3. ``on_nav``: notes the maps' navigation order (the overview lists them so) and,
   without an explicit ``nav:``, moves the overview to the front of its section; last
   of all plugins, renders the pages made of many maps (the overview, persona pages)
   while every map is at hand;
4. ``on_page_content``: renders the map into its page (or puts in the overview or
   persona page made in ``on_nav``); the renderer's outline (plain headings and ids,
   never a scan of the HTML) becomes the page's table of contents and the anchors known
   to MkDocs' link validation. ``mkdocs build`` then lets go of the map: each is held
   only until its page is rendered (a fence that shows it later reads the file again);
5. ``on_page_context``: lets the search plugins index the map's search text
   (sectioned per stage, touchpoint and improvement; for the overview, its maps),
   then puts the page back;
6. ``on_post_page``: lets go of a map page's (and the overview's) HTML once the page is written.

From ``on_env`` to ``on_post_build`` our pages' own front matter (``title``, ``hide``)
is set aside except while the page itself renders (:mod:`.tucked_meta`): the theme's
navigation, written on every page, then skips lookups our pages never answer.

``journey`` fences in Markdown pages are the Markdown extension's
(:mod:`mkdocs_journey.markdown`): ``on_config`` lists it, lent this build's maps
(:mod:`.fences`), and ``on_env`` stops ``mkdocs build`` when a fence had errors.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path
from typing import AbstractSet, Any, Callable, Hashable, Literal, Sequence

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils.templates import TemplateContext

from ..engine import clock
from ..engine.assets import STYLESHEET, STYLESHEET_SOURCE
from ..engine.collection import CollectedMap, Collection
from ..engine.compare import Comparison
from ..engine.diagnostics import Finding, Severity
from ..engine.docs_tree import DocsTree, is_journey_file, is_persona_file
from ..engine.export import ExportedMap, export_chunks, export_entry, export_text
from ..engine.fence import OVERVIEW_SLOT, overview_slot
from ..engine.history import MapHistory
from ..engine.improvements_csv import improvements_csv
from ..engine.load import LoadedPersona
from ..engine.i18n import Translator
from ..engine.map_cache import MapCache, digest
from ..engine.render_cache import Recorder, RenderCache, captured_records
from ..engine.messages import message, plural
from ..engine.pages import is_map_page
from ..engine.portfolio import PortfolioMap, map_keys
from ..engine.render import Heading, PageContext, RenderedMap, render_map
from ..engine.render.inline_markdown import InlineMarkdown
from ..engine.render.overview import RenderedOverview, render_overview
from ..engine.render.persona_page import render_persona_page
from ..engine.settings import BuildSettings
from .config import JourneyConfig
from .fences import FenceHostForPlugin, inline_extensions, register_extension
from .git_pages import GitPages, compare_to
from .language import choose_language
from .links import PageLinks
from .page import Prepared, page_content, search_outline, table_of_contents
from .parking import Packed, Parking
from .scratch import Scratch
from .serve_key import site_key
from .portfolio import lead_section, overview_requested, persona_title
from .sources import MapPage, drop_maps_from_nav, map_title, page_markdown, page_src_uri, rewrite_nav
from .tucked_meta import TuckedMeta

# The logger keeps the name it had before the adapter became a package, so log filters keep working.
log = get_plugin_logger("mkdocs_journey.plugin")

MAP_SCRIPT = "assets/javascripts/journey-map.js"
"""The lane list's script (readers hide and show lanes), published and linked like the stylesheet."""
MAP_SCRIPT_SOURCE = Path(__file__).parent.parent / "assets" / "javascripts" / "journey-map.js"
EXPORT_FILE = "journeys.json"
CSV_FILE = "improvements.csv"
SCRIPT = "assets/javascripts/journey.js"
"""The backlog filter of the overview page (where JavaScript runs; the filter links work without it)."""
SCRIPT_SOURCE = Path(__file__).parent.parent / "assets" / "javascripts" / "journey.js"


class JourneyPlugin(BasePlugin[JourneyConfig]):
    """Turns ``*.journey.yml`` files into customer journey map pages."""

    def __init__(self) -> None:
        self.serving = False
        """True under ``mkdocs serve``: errors are shown on the page instead of stopping."""
        self.settings = BuildSettings(today=clock.today())
        """The build's date, language and limits: made in on_config, read by every step."""
        self.maps: dict[str, MapPage] = {}
        """Generated page ``src_uri`` -> the map behind it, rebuilt by every build."""
        self.cache = MapCache()
        """Under ``mkdocs serve``: the maps of the previous build, reused when unchanged."""
        self._inline_base: InlineMarkdown | None = None
        """The build's inline Markdown renderer, made on first use; pages borrow it (:meth:`inline_markdown`)."""
        self.renders = RenderCache()
        """Under ``mkdocs serve``: the rendered map pages of the previous build, reused when unchanged."""
        self.site_key: object | None = None
        """Under ``mkdocs serve``, what every map page of this build is rendered with (None: keep no page)."""
        self.exported: dict[str, tuple[CollectedMap, tuple[str, str], str]] = {}
        """Under ``mkdocs serve``: each map's entry in ``journeys.json`` by journey ``src_uri``
        (the map, its URL and the language it was written with, the text)."""
        self.comparisons: dict[str, Comparison] = {}
        """Generated page ``src_uri`` -> what its map is compared with (``compare_to``, ``compare_ref``)."""
        self.histories: dict[str, MapHistory] = {}
        """Generated page ``src_uri`` -> its map's History section (from git)."""
        self.compared_pages: dict[str, File] = {}
        """Generated page ``src_uri`` -> the page of the map its ``compare_to`` names (for the link)."""
        self.fences = FenceHostForPlugin(self)
        """What ``journey`` fences in the site's pages borrow: the maps, settings, error report."""
        self.personas: dict[str, tuple[File, File, LoadedPersona]] = {}
        """Generated persona page ``src_uri`` -> (persona file, its page, the persona), per build."""
        self.overview: File | None = None
        """The generated overview page (None when off, or when the site has a page there)."""
        self.overview_host: File | None = None
        """The site's own page at the overview's path that shows it with a ``show: overview`` fence."""
        self.nav_pages: list[File] = []
        """The map pages in navigation order (set in on_nav): the overview lists them so."""
        self.overview_search: tuple[Packed, tuple[Heading, ...]] | None = None
        """The overview's search text and its sections, set when the page renders, dropped once indexed."""
        self.parking = Parking()
        """Map pages' and the overview's HTML, compressed between their conversion and their writing."""
        self.prepared: dict[str, Prepared] = {}
        """Page ``src_uri`` -> the overview or persona page, rendered in ``on_nav``, until the page is converted."""
        self._unpacked: tuple[str, Packed] | None = None
        """The overview's content as ``_page_content`` gave it, and its packed form: parked again as it is
        when no other plugin changed it (no second compression)."""
        self.scratch = Scratch()
        """The temporary folder that ``journeys.json`` waits in (``mkdocs build``)."""
        self._page_files: tuple[dict[str, File], dict[str, File]] | None = None
        """Journey ``src_uri`` -> its page, and resolved persona path -> its page: made once per
        build, on first use after ``on_files`` (every page's links look them up)."""
        self.overview_shown: tuple[str, TableOfContents] | None = None
        """The overview's own content and table of contents while its search text stands in for them."""
        self.auto_nav = True
        """The site has no ``nav:``: the overview leads the section of its folder."""
        self.theme_tags = False
        """The site uses Material's ``tags`` plugin: map tags become page tags."""
        self.tucked = TuckedMeta()
        """The front matter of our pages, set aside while other pages are written (:mod:`.tucked_meta`)."""

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
        self.cache = MapCache()
        self.renders = RenderCache()
        self.site_key = None
        self.exported = {}
        self.comparisons = {}
        self.histories = {}
        self.compared_pages = {}
        self.personas = {}
        self.overview = None
        self.nav_pages = []
        self.prepared = {}
        self.scratch.clear()

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
        if self.config.overview and SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(ExtraScriptValue(SCRIPT))
        self.auto_nav = config.nav is None
        self.theme_tags = any(name in config.plugins for name in ("material/tags", "tags"))
        if MAP_SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(ExtraScriptValue(MAP_SCRIPT))
        if config.nav is not None:
            config.nav = rewrite_nav(config.nav)
        register_extension(config, self.fences)
        self._inline_base = None  # a new build: the site's Markdown extensions may have changed
        return config

    def inline_markdown(self, config: MkDocsConfig, resolve_link: Callable[[str], str | None]) -> InlineMarkdown:
        """The inline renderer of one page: the build's one Markdown instance (see
        :meth:`InlineMarkdown.for_page`), with the page's links."""
        if self._inline_base is None:
            self._inline_base = InlineMarkdown(inline_extensions(config), config.mdx_configs)
        return self._inline_base.for_page(resolve_link)

    # -- Files ----------------------------------------------------------------------

    @event_priority(-50)  # Late: maps added by other plugins (e.g. mkdocs-gen-files) become pages too.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            # Off means no map pages, not publishing the raw YAML in their place.
            if not self.config.publish_source:
                for file in [f for f in files if is_journey_file(f.src_uri) or is_persona_file(f.src_uri)]:
                    files.remove(file)
            return files
        self.maps, self.personas, self.overview, self.nav_pages = {}, {}, None, []
        self.overview_host = None
        self.overview_search = self.overview_shown = None
        self.parking.clear()
        self.prepared, self._unpacked = {}, None
        self.scratch.clear()
        self._page_files = None
        docs = DocsTree.scan(Path(config.docs_dir))
        cache = None
        self.site_key = None
        if self.serving:
            # A rebuild re-reads only the maps that changed, while nothing else did,
            # and renders only the pages whose map or surroundings changed.
            cache = self.cache
            cache.begin(_world(files, docs, config, self.settings))
            self.renders.begin()
            self.site_key = site_key(config, dict(self.config), self.settings, self.theme_tags)
        # The health notes as log lines: made only when the log shows them (not under `mkdocs build -q`);
        # `serve` keeps its maps across rebuilds and logs them again, so it always makes them.
        collection = Collection(docs, self.settings, name_of=lambda path: _shown_path(path, config), cache=cache,
                                health_notes=self.serving or log.isEnabledFor(logging.INFO))
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
                problems[name] = self._add_persona(file, path, name, files, collection, config)
                continue
            problems[name] = self._add_map(file, path, name, files, collection, config)

        if cache is not None:
            cache.keep_only({Path(m.source.abs_src_path).resolve() for m in self.maps.values()
                             if m.source.abs_src_path is not None})
            self.renders.keep_only(set(self.maps))
        self._report(problems)
        self._add_git_extras(collection, config)
        self.fences.start(collection, config, {Path(m.source.abs_src_path): m.map for m in self.maps.values()
                                               if m.source.abs_src_path},
                          {f.src_uri for f in files} | set(self.maps))
        self._add_stylesheet(files, config)
        if self.config.overview:
            self._add_overview(self.config.overview, files, config)
        if self.config.export:
            self._add_export(files, config)
        return files

    def _page_taken(self, page_uri: str, files: Files) -> File | None:
        """The source of the page already at ``page_uri`` (a map, a persona or a page of the site), if any."""
        if page_uri in self.maps:
            return self.maps[page_uri].source
        if page_uri in self.personas:
            return self.personas[page_uri][0]
        return files.get_file_from_path(page_uri)

    def _add_persona(self, file: File, path: Path, name: str, files: Files, collection: Collection,
                     config: MkDocsConfig) -> list[Finding]:
        """Check a persona file and give it its page (``personas/priya.persona.yml`` -> ``personas/priya/``)."""
        errors = collection.persona_errors(path)
        persona = collection.persona(path)
        page_uri = page_src_uri(file.src_uri)
        taken = self._page_taken(page_uri, files)
        if taken is not None:
            return [*errors, Finding(name, 1, 1, Severity.ERROR,
                                     message("plugin.persona_page_taken", page=page_uri, taken=taken.src_uri))]
        if errors or persona.persona is None:
            return errors
        markdown = page_markdown(persona_title(persona.persona), hide=self.config.hide)
        page = File.generated(config, page_uri, content=markdown, inclusion=file.inclusion)
        page.edit_uri = file.edit_uri
        self.personas[page_uri] = (file, page, persona)
        files.append(page)
        return []

    def _add_overview(self, path: str, files: Files, config: MkDocsConfig) -> None:
        """Generate the overview page, unless the site has a page at its path (then leave that page alone)."""
        existing = self._page_taken(path, files)
        if existing is not None:
            if overview_requested(existing):
                self.overview_host = existing
                self._add_script(files, config)
            else:
                log.info(message("plugin.overview_exists", page=path))
            return
        title = self.settings.translate("overview.title")
        self.overview = File.generated(config, path, content=page_markdown(title, hide=self.config.hide))
        files.append(self.overview)
        self._add_script(files, config)

    @staticmethod
    def _add_script(files: Files, config: MkDocsConfig) -> None:
        if files.get_file_from_path(SCRIPT) is None:
            files.append(File.generated(config, SCRIPT, abs_src_path=str(SCRIPT_SOURCE)))

    def _add_map(self, file: File, path: Path, name: str, files: Files, collection: Collection,
                 config: MkDocsConfig) -> list[Finding]:
        """Load one journey file and add its generated page; returns the file's errors."""
        page_uri = page_src_uri(file.src_uri)
        taken = self._page_taken(page_uri, files)
        if taken is not None and page_uri not in self.maps and _is_map_page(taken, file.src_uri):
            # The page `mkdocs-journey pages` wrote for Zensical: this build makes its own.
            files.remove(taken)
            taken = None
        if taken is not None:
            return [Finding(name, 1, 1, Severity.ERROR,
                            message("plugin.page_taken", page=page_uri, taken=taken.src_uri))]
        collected = collection.journey(path)
        loaded = collected.loaded
        tags = loaded.journey.tags if loaded.journey is not None and self.theme_tags else ()
        markdown = page_markdown(map_title(loaded, file.src_uri), hide=self.config.hide, tags=tags)
        page = File.generated(config, page_uri, content=markdown, inclusion=file.inclusion)
        # "Edit this page" should open the map's YAML, not a page that exists nowhere.
        page.edit_uri = file.edit_uri
        self.maps[page_uri] = MapPage(file, page, collected)
        files.append(page)
        if collected.health and log.isEnabledFor(logging.INFO):  # `mkdocs build -q` prints none (and makes none)
            for note in collected.health:
                log.info(_health_line(note))
        return list(loaded.errors)

    def _add_git_extras(self, collection: Collection, config: MkDocsConfig) -> None:
        """Comparisons (``compare_to``, ``compare_ref``) and histories: extras a build never fails for."""
        compared = compare_to(self.maps, collection, self.settings)
        self.comparisons = {uri: comparison for uri, (comparison, _) in compared.items()}
        self.compared_pages = {uri: page.page for uri, (_, page) in compared.items() if page is not None}
        self.histories = {}
        git = GitPages(Path(config.docs_dir))
        ref = self.config.compare_ref
        if ref:
            # A preview build compares every map with the ref; that wins over compare_to.
            self.comparisons.update(git.compare_with_ref(
                ref, self.maps.values(), self.settings, lambda path: _shown_path(path, config), log.info))
        if self.config.history is not False:
            self.histories = git.histories(self.maps.values(), explicit=self.config.history is True,
                                           repo_url=config.repo_url, trend=self.config.history_trend,
                                           settings=self.settings)
        for warning in git.warnings:
            log.warning(warning)

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
        if self.serving:  # `serve` keeps each map's entry across rebuilds; as bytes, half the memory of the text
            files.append(File.generated(config, EXPORT_FILE, content=self._export_text(maps).encode("utf-8")))
        else:  # written a map at a time to a temporary file, never held whole (see `scratch`)
            path = self.scratch.write(EXPORT_FILE, export_chunks(maps, self.settings.translate))
            files.append(File.generated(config, EXPORT_FILE, abs_src_path=path))
        if files.get_file_from_path(CSV_FILE) is not None:
            raise PluginError(message("plugin.export_exists", path=CSV_FILE))
        # In file order (journeys.json's): the navigation, which orders the overview, does not exist yet.
        valid = [m for m in self.maps.values() if m.map.ok]
        files.append(File.generated(config, CSV_FILE, content=improvements_csv(
            self._portfolio(valid, lambda m: m.page.url))))

    def _export_text(self, maps: list[ExportedMap]) -> str:
        """``journeys.json`` under ``serve``: a map's entry is kept while its map, URL and the language are."""
        translate = self.settings.translate
        kept: dict[str, tuple[CollectedMap, tuple[str, str], str]] = {}
        for item in sorted((m for m in maps if m.map.ok), key=lambda m: m.source):
            old, made_of = self.exported.get(item.source), (item.url, translate.language)
            text = old[2] if old is not None and old[0] is item.map and old[1] == made_of \
                else export_entry(item, translate)
            kept[item.source] = (item.map, made_of, text)
        self.exported = kept
        return export_text([entry[2] for entry in kept.values()])

    def _portfolio(self, pages: list[MapPage], url: Callable[[MapPage], str]) -> list[PortfolioMap]:
        """Valid maps as the overview and the CSV list them, in the order given."""
        keys = map_keys([m.source.src_uri for m in pages])
        return [PortfolioMap(m.map, m.title, url(m), key) for m, key in zip(pages, keys) if m.map.ok]

    # -- Navigation -----------------------------------------------------------------

    def _nav_order(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return None
        order = {page.file.src_uri: index for index, page in enumerate(nav.pages)}
        maps = sorted(self.maps.values(), key=lambda m: (order.get(m.page.src_uri, len(order)), m.source.src_uri))
        self.nav_pages = [m.page for m in maps]
        if self.overview is not None and self.auto_nav:
            lead_section(nav, self.overview)
        return nav

    @event_priority(-100)  # Last: the navigation is final, and no page is converted yet.
    def _prepare(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Render the pages made of many maps (the overview, persona pages) while every map is at hand.

        MkDocs converts pages in file order, and these pages come last: rendered
        then, they needed every map held until the end of the conversions. Rendered
        here, each map is needed afterwards only by its own page (see ``_page_content``).
        """
        if not self.config.enabled:
            return None
        if self.overview is not None:
            self.prepared[self.overview.src_uri] = self._overview_content(self.overview, config, files)
        if self.overview_host is not None:
            self.prepared[self.overview_host.src_uri] = self._overview_in_page(self.overview_host, config, files)
        for persona_file, persona_page, persona in self.personas.values():
            self.prepared[persona_page.src_uri] = self._persona_content(persona, persona_page, config, files)
        return None

    on_nav = CombinedEvent(_nav_order, _prepare)

    # -- Fences ---------------------------------------------------------------------

    def log_error(self, text: str) -> None:
        """A fence's error, in the build log as a bad map file's errors are."""
        log.error(text)

    @event_priority(-100)  # Last: another plugin's on_env may still convert Markdown with fences.
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        # Every page has been rendered: all fences have reported, so all their errors are listed.
        if self.config.enabled and self.fences.error_pages and not self.serving:
            raise PluginError(plural("plugin.fences_have_errors", len(self.fences.error_pages)))
        if self.config.enabled and not self.serving:
            # Nothing converts a page any more: let go of the maps no page rendered (pages
            # left out of the build) and of what fences read.
            for map_page in self.maps.values():
                self._release(map_page)
            self.fences.forget_all()
            self.prepared = {}
        if self.config.enabled:
            for file in self._own_files():
                if file.page is not None:
                    self.tucked.tuck(file.page)
        return env

    def _own_files(self) -> list[File]:
        """The files of the pages this plugin generated: maps, the overview, persona pages."""
        own = [map_page.page for map_page in self.maps.values()]
        own.extend(file for _, file, _ in self.personas.values())
        if self.overview is not None:
            own.append(self.overview)
        return own

    @event_priority(100)  # First: plugins reading our pages' front matter after the build find it whole.
    def _give_back_meta(self, *, config: MkDocsConfig) -> None:
        self.tucked.give_back()

    @event_priority(-100)  # Last: other plugins may still read the generated files.
    def _clear_scratch(self, *, config: MkDocsConfig) -> None:
        self.scratch.clear()

    on_post_build = CombinedEvent(_give_back_meta, _clear_scratch)

    def on_build_error(self, *, error: Exception) -> None:
        self.tucked.give_back()
        self.scratch.clear()

    # -- Pages ----------------------------------------------------------------------

    @event_priority(100)  # Before the Markdown is converted: the `show: overview` fence becomes a slot.
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.overview_host is None or page.file is not self.overview_host:
            return None
        replaced, found = overview_slot(markdown)
        return replaced if found else None

    @event_priority(50)  # Early: plugins that post-process pages (lightboxes, minifiers) see the map.
    def _page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self._is_overview(page):
            prepared = self._take_prepared(page, config, files)
            content = prepared.html.text()
            _outline(page, prepared.headings, prepared.anchor_ids)
            self._unpacked = (content, prepared.html)
            return content
        if self.config.enabled and self.overview_host is not None and page.file is self.overview_host \
                and OVERVIEW_SLOT in html:
            prepared = self._take_prepared(page, config, files)
            # The page's own headings, then the overview's (the slot is where the fence was, usually
            # last), under the page's h1 when it has one, as themes list a page's sections.
            own = list(page.toc or [])
            added = list(table_of_contents(prepared.headings))
            if own and own[0].level == 1:
                own[0].children.extend(added)
                page.toc = TableOfContents(own)
            else:
                page.toc = TableOfContents([*own, *added])
            page.present_anchor_ids = (page.present_anchor_ids or set()) | prepared.anchor_ids
            return html.replace(OVERVIEW_SLOT, prepared.html.text(), 1)
        persona = self.personas.get(page.file.src_uri) if self.config.enabled else None
        if persona is not None and page.file is persona[1]:
            prepared = self._take_prepared(page, config, files)
            _outline(page, prepared.headings, prepared.anchor_ids)
            return prepared.html.text()
        map_page = self._map_page(page)
        if map_page is None:
            return None
        content, rendered = self._render_map(map_page, page, config, files)
        _outline(page, rendered.headings, rendered.anchor_ids)
        if rendered.search_html is not None:
            map_page.search_html = Packed.of(page_content(map_page.title, rendered.search_html))
            map_page.search_headings = rendered.search_headings
        if not self.serving:  # `serve` keeps every map for the next rebuild (`MapCache`) anyway
            self._release(map_page)
        return content

    def _take_prepared(self, page: Page, config: MkDocsConfig, files: Files) -> Prepared:
        """The page rendered in ``on_nav`` (rendered now if the page is converted a second time)."""
        prepared = self.prepared.pop(page.file.src_uri, None)
        if prepared is not None:
            return prepared
        if self._is_overview(page):
            return self._overview_content(page.file, config, files)
        if page.file is self.overview_host:
            return self._overview_in_page(page.file, config, files)
        return self._persona_content(self.personas[page.file.src_uri][2], page.file, config, files)

    def _release(self, map_page: MapPage) -> None:
        """Let go of a map whose page is rendered (see :meth:`MapPage.release`); it is read again if asked for."""
        source = map_page.source.abs_src_path
        if map_page.collected is None or source is None:
            return
        path = Path(source)
        map_page.release(lambda: self.fences.collected(path))
        self.fences.forget(path)

    @event_priority(-100)  # Last: every other plugin has seen the map's HTML.
    def _park(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Hold a map page's (or the overview's) HTML compressed until the page is written (see ``parking``).

        Not under ``serve``: its render cache holds the pages anyway, and a rebuild
        should not pay for compressing them.
        """
        unpacked, self._unpacked = self._unpacked, None
        if self.site_key is None and self._is_overview(page) and unpacked is not None and html is unpacked[0]:
            return self.parking.hold(page.file.src_uri, unpacked[1])  # as prepared: no second compression
        if self.site_key is None and (self._map_page(page) is not None or self._is_overview(page)):
            return self.parking.park(page.file.src_uri, html)
        return None

    on_page_content = CombinedEvent(_page_content, _park)

    def _render_map(self, map_page: MapPage, page: Page, config: MkDocsConfig,
                    files: Files) -> tuple[str, RenderedMap]:
        """The map page's content and outline; under ``serve``, the previous build's when nothing changed."""
        file = page.file
        links = self._links(file, files, config, map_page.loaded.name)
        if self.site_key is None:
            rendered = render_map(map_page.map, self._context(file, links, config))
            return page_content(map_page.title, rendered.html), rendered
        # Everything the page reads besides the map and the URLs it asks for (those are asked again).
        key = (file.url, self.site_key, self._comparison(file), self.histories.get(file.src_uri))
        quiet = self._links(file, files, config, map_page.loaded.name, warn=lambda _: None)
        answers: dict[str, Callable[[Any], object]] = {
            "asset": quiet.asset_url, "link": quiet.resolve_link, "persona": self._persona_url(file)}
        kept = self.renders.get(file.src_uri, map_page.map, key, lambda kind, arg: answers[kind](arg))
        if kept is not None:
            return kept  # type: ignore[no-any-return]
        recorder = Recorder()
        with captured_records() as records:
            rendered = render_map(map_page.map, self._context(file, links, config, recorder))
        content = (page_content(map_page.title, rendered.html), rendered)
        self.renders.put(file.src_uri, map_page.map, key, recorder, records, content)
        return content

    def _context(self, file: File, links: PageLinks, config: MkDocsConfig,
                 recorder: Recorder | None = None) -> PageContext:
        """What the renderer reads for the page of ``file``, besides its maps."""
        custom_dir = config.theme.custom_dir
        asset_url: Callable[[Path], str] = links.asset_url
        link_url: Callable[[str], str | None] = links.resolve_link
        persona_url = self._persona_url(file)
        if recorder is not None:  # serve keeps the page: note every URL it asks for
            asset_url, link_url = recorder.wrap("asset", asset_url), recorder.wrap("link", link_url)
            persona_url = recorder.wrap("persona", persona_url)
        return PageContext(
            settings=self.settings,
            lanes=tuple(self.config.lanes),
            # One renderer per page: relative links resolve against this page, and
            # the renderer caches per text (it borrows the build's Markdown instance).
            inline_markdown=self.inline_markdown(config, link_url),
            asset_url=asset_url,
            link_url=link_url,
            template_dirs=(Path(custom_dir),) if custom_dir else (),
            comparison=self._comparison(file),
            history=self.histories.get(file.src_uri),
            persona_url=persona_url,
            theme_tags=self.theme_tags,
        )

    def _generated_pages(self) -> tuple[dict[str, File], dict[str, File]]:
        """The map pages by journey ``src_uri`` and the persona pages by resolved persona path.

        Made once per build (the maps and personas are known after ``on_files``), not per
        page: a 1,000-map site looked up 1,000 entries for each of its 1,000 pages.
        """
        if self._page_files is None:
            self._page_files = (
                {m.source.src_uri: m.page for m in self.maps.values()},
                {str(Path(source.abs_src_path).resolve()): persona_page
                 for source, persona_page, _ in self.personas.values() if source.abs_src_path})
        return self._page_files

    def _persona_url(self, file: File) -> Callable[[Path], str | None]:
        """The URL, relative to the page of ``file``, of a persona file's page (None: it has none)."""
        persona_pages = self._generated_pages()[1]

        def persona_url(path: Path) -> str | None:
            target = persona_pages.get(str(path.resolve()))
            return target.url_relative_to(file) if target is not None else None
        return persona_url

    def _links(self, file: File, files: Files, config: MkDocsConfig, source_name: str,
               warn: Callable[[str], None] = log.warning) -> PageLinks:
        return PageLinks(file, files, Path(config.docs_dir), source_name=source_name,
                         map_pages=self._generated_pages()[0], warn=warn)

    def _nav_maps(self, persona: Path | None = None) -> list[MapPage]:
        """The maps in navigation order (only those that name the persona file ``persona``, if given)."""
        pages = {m.page.src_uri: m for m in self.maps.values()}
        ordered = [pages[p.src_uri] for p in self.nav_pages if p.src_uri in pages]
        if persona is None:
            return ordered
        return [m for m in ordered if m.loaded.persona_path is not None and m.loaded.persona_path.resolve() == persona]

    def _rendered_overview(self, file: File, config: MkDocsConfig, files: Files) -> RenderedOverview:
        """The overview for the page of ``file``: every valid map in navigation order, with URLs relative to it."""
        context = self._context(file, self._links(file, files, config, file.src_uri), config)
        maps = self._portfolio(self._nav_maps(), lambda m: m.page.url_relative_to(file))
        return render_overview(maps, context, group_by_tag=self.config.overview_group_by_tag)

    def _overview_content(self, file: File, config: MkDocsConfig, files: Files) -> Prepared:
        """The overview page, with its search text noted for ``on_page_context``."""
        rendered = self._rendered_overview(file, config, files)
        title = self.settings.translate("overview.title")
        self.overview_search = (Packed.of(page_content(title, rendered.search_html)), rendered.search_headings)
        return Prepared(Packed.of(page_content(title, rendered.html)), rendered.headings, rendered.anchor_ids)

    def _overview_in_page(self, file: File, config: MkDocsConfig, files: Files) -> Prepared:
        """The overview for the site's own page at the overview's path (where its fence was, see ``_page_content``)."""
        rendered = self._rendered_overview(file, config, files)
        return Prepared(Packed.of(rendered.html), rendered.headings, rendered.anchor_ids)

    def _persona_content(self, persona: LoadedPersona, file: File, config: MkDocsConfig, files: Files) -> Prepared:
        """A persona's page: its card and the maps that name its file, in navigation order."""
        context = self._context(file, self._links(file, files, config, persona.name), config)
        maps = self._portfolio(self._nav_maps(persona.path.resolve()), lambda m: m.page.url_relative_to(file))
        rendered = render_persona_page(persona, maps, context)
        assert persona.persona is not None
        return Prepared(Packed.of(page_content(persona_title(persona.persona), rendered.html)),
                        rendered.headings, rendered.anchor_ids)

    def _comparison(self, file: File) -> Comparison | None:
        """The page's comparison, with a link to the compared map's page (relative to this page)."""
        comparison = self.comparisons.get(file.src_uri)
        other = self.compared_pages.get(file.src_uri)
        if comparison is None or comparison.ref is not None or other is None:
            return comparison
        return replace(comparison, href=other.url_relative_to(file))

    # -- Search ---------------------------------------------------------------------

    # Search plugins (MkDocs' and Material's) index `page.content` in on_page_context.
    # For a map page they get its search text instead: the same words in sections per
    # stage, touchpoint and improvement, so a hit opens the map where it was found, and
    # a fraction of the markup to parse. The theme then renders the map itself.

    @event_priority(100)  # First: the page's HTML is back before any other plugin reads it.
    def _unpark(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                nav: Navigation) -> TemplateContext | None:
        self.tucked.rendering(page)
        if len(self.parking):
            page.content = self.parking.take(page.file.src_uri, page.content)
        return None

    @event_priority(100)  # Before the search plugins read the page (after _unpark: same priority, listed after).
    def _show_search_text(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                          nav: Navigation) -> TemplateContext | None:
        map_page = self._map_page(page)
        if map_page is not None and map_page.search_html is not None and page.content is not None:
            map_page.shown = (page.content, page.toc)
            page.content, page.toc = map_page.search_html.text(), search_outline(map_page.search_headings)
        elif self._is_overview(page) and self.overview_search is not None and page.content is not None:
            self.overview_shown = (page.content, page.toc)
            page.content, page.toc = self.overview_search[0].text(), search_outline(self.overview_search[1])
        return None

    @event_priority(-100)  # After them, before the theme renders the page.
    def _show_map(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                  nav: Navigation) -> TemplateContext | None:
        map_page = self._map_page(page)
        if map_page is not None and map_page.shown is not None:
            page.content, page.toc = map_page.shown
            map_page.shown = map_page.search_html = None
            map_page.search_headings = ()
        elif self._is_overview(page) and self.overview_shown is not None:
            page.content, page.toc = self.overview_shown
            self.overview_shown = self.overview_search = None
        return None

    on_page_context = CombinedEvent(_unpark, _show_search_text, _show_map)

    @event_priority(-100)  # Last: every other plugin has seen the page's output.
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Let go of a map page's (and the overview's) HTML: MkDocs keeps every page's ``content``
        until the build ends, and a map's markup is large (500 maps hold about 150 MB, their
        overview 12 MB). What the build does after the pages (the search index) reuses that memory."""
        if self._map_page(page) is not None or self._is_overview(page):
            page.content = None
        self.tucked.written(page)
        return None

    def _is_overview(self, page: Page) -> bool:
        return self.config.enabled and self.overview is not None and page.file is self.overview

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


def _world(files: Files, docs: DocsTree, config: MkDocsConfig, settings: BuildSettings) -> Hashable:
    """What a map's reading depends on besides its own bytes (see :mod:`..engine.map_cache`)."""
    personas = []
    for paths in docs.personas.values():
        for path in paths:
            try:
                personas.append((str(path), digest(path.read_bytes())))
            except OSError as exc:
                personas.append((str(path), str(exc).encode()))
    return (tuple(sorted(f.src_uri for f in files)), tuple(sorted(personas)), config.config_file_path,
            config.docs_dir, settings.today, settings.stale_after_days, settings.translate.language,
            settings.max_file_size, settings.max_touchpoints)
def _is_map_page(file: File, journey_src_uri: str) -> bool:
    """Whether ``file`` is the page ``mkdocs-journey pages`` wrote for this map (see :mod:`..engine.pages`)."""
    if file.abs_src_path is None:
        return False
    try:
        return is_map_page(Path(file.abs_src_path).read_text("utf-8"), journey_src_uri)
    except (OSError, UnicodeDecodeError):
        return False


def _shown_path(path: Path, config: MkDocsConfig) -> str:
    """How messages name a file: relative to the folder of ``mkdocs.yml`` (``docs/journeys/x.journey.yml``)."""
    base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    try:
        return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def _outline(page: Page, headings: Sequence[Heading], anchor_ids: AbstractSet[str]) -> None:
    """A rendered page's outline as MkDocs keeps it: its table of contents, and the anchors link validation knows."""
    page.toc = table_of_contents(headings)
    page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids
