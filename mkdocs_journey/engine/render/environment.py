"""The Jinja environment the map templates render in.

Templates are looked up in the theme's folders first (a site overrides
``journey/page.html`` or any partial from its ``custom_dir``), then in the package.
Autoescaping is on for every template: user text reaches the page escaped unless
it went through the inline Markdown renderer, which returns safe ``Markup``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

from ..lanes import BY_KEY, search_paragraphs
from ..trend import trend_chart
from .backlog import backlog_items
from .cells import backstage_row, emotion_row, improvements_row, kpis_row, list_row, needs_row, text_row
from .header_rows import column_group, image_cells, lane_toggles, stage_cells, touchpoint_cells
from .icons import PATHS as ICON_PATHS
from .icons import health_icon, icon
from .letting_go import LettingGoTemplate, RecordedContext
from .matrix import matrix_html
from .plan_view import plan_html
from .search_text import search_text
from .smileys import point_smiley, smiley_sprite, smiley_use
from .strip import strip_html
from .summary import summary_html
from .ticks import code_ticks



def environment(template_dirs: Sequence[Path]) -> Environment:
    """The (cached) environment for a set of override folders."""
    return _environment(tuple(str(Path(d)) for d in template_dirs))


@lru_cache(maxsize=16)
def _environment(template_dirs: tuple[str, ...]) -> Environment:
    loader = ChoiceLoader([
        FileSystemLoader(list(template_dirs)),
        PackageLoader("mkdocs_journey", "templates"),
    ])
    env = Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.template_class = LettingGoTemplate
    env.context_class = RecordedContext
    env.filters["ticks"] = code_ticks
    # The registries the templates read, so a lane or a health rule is declared in Python once.
    env.globals["lane_definitions"] = BY_KEY
    env.globals["search_paragraphs"] = search_paragraphs
    env.globals["trend_chart"] = trend_chart
    # Icons are Python functions, not macros: a map page uses hundreds, and a macro call costs
    # many times a function call. ``journey_*`` serve the macros of journey/icons.html.
    env.globals.update(icon=icon, health_icon=health_icon, journey_icon=icon, journey_health_icon=health_icon,
                       icon_paths=ICON_PATHS, smiley=point_smiley, journey_smiley=point_smiley,
                       smiley_sprite=smiley_sprite, smiley_use=smiley_use)
    # The page's repeated parts are written in Python from values escaped once; their templates
    # (and the lanes.html macros) call these, so a template a site overrides still works.
    env.globals.update(list_row=list_row, text_row=text_row, needs_row=needs_row, emotion_row=emotion_row,
                       improvements_row=improvements_row, backstage_row=backstage_row, kpis_row=kpis_row)
    env.globals.update(lane_toggles=lane_toggles, column_group=column_group, stage_cells=stage_cells, touchpoint_cells=touchpoint_cells,
                       image_cells=image_cells, strip_html=strip_html, summary_html=summary_html,
                       backlog_items=backlog_items, plan_html=plan_html, matrix_html=matrix_html,
                       search_text=search_text)
    return env
