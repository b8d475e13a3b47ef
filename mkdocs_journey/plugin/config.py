"""The options of the ``journey`` plugin, each documented where it is declared.

Options are checked when ``mkdocs.yml`` is loaded, so a typo in a lane name stops
the build before any map is read, with the valid names and the closest one listed.
"""

from __future__ import annotations

import json
from typing import Any, Union

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..engine.lanes import LANE_KEYS
from ..engine.messages import message
from ..engine.options import HISTORY_TREND, MAX_FILE_SIZE, MAX_TOUCHPOINTS, STALE_AFTER_DAYS, WholeNumberOption
from ..engine.spelling import did_you_mean

#: What Material for MkDocs' ``hide`` front matter understands.
MATERIAL_HIDE = ("navigation", "toc", "footer", "path", "tags", "feedback")


class WholeNumber(c.Type[int]):
    """A whole-number option, judged by the engine's definition of it (``Type(int)`` alone
    accepts ``true`` and ``-3``); the command line reads ``mkdocs.yml`` by the same rule."""

    def __init__(self, option: WholeNumberOption) -> None:
        super().__init__(int, default=option.default)
        self.option = option

    def run_validation(self, value: object) -> int:
        # A bool is an int to Python; anything else that is no int gets MkDocs' own message.
        number = value if isinstance(value, bool) else super().run_validation(value)
        problem = self.option.problem(number)
        if problem is not None:
            raise base.ValidationError(problem)
        return number


class Lanes(base.BaseConfigOption[list[str]]):
    """The rows a map shows, in order: known lane names, each once."""

    def __init__(self, default: tuple[str, ...] = LANE_KEYS) -> None:
        super().__init__()
        self.default = list(default)

    def run_validation(self, value: object) -> list[str]:
        if value is None:
            return list(self.default)
        if not isinstance(value, list) or not value:
            raise base.ValidationError(message("plugin.config.no_lanes"))
        lanes: list[str] = []
        for item in value:
            if not isinstance(item, str) or item not in LANE_KEYS:
                raise base.ValidationError(self._unknown(item))
            if item in lanes:
                raise base.ValidationError(message("plugin.config.lane_twice", lane=item))
            lanes.append(item)
        return lanes

    @staticmethod
    def _unknown(item: Any) -> str:
        hint = did_you_mean(str(item), LANE_KEYS)
        return message("plugin.config.unknown_lane", lane=item, hint=message("plugin.config.hint", hint=hint) if hint else "",
                       lanes=", ".join(LANE_KEYS))


DEFAULT_OVERVIEW = "journeys/index.md"


class OverviewPage(base.BaseConfigOption[Union[str, None]]):
    """Where the overview page goes: a page path in the docs folder, or off (``false``, stored as None)."""

    def __init__(self, default: str = DEFAULT_OVERVIEW) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> str | None:
        if value is None or value is True:
            return self.default
        if value is False:
            return None
        path = value.strip().replace("\\", "/") if isinstance(value, str) else ""
        parts = path.split("/")
        if not path.endswith(".md") or path.startswith("/") or ":" in path or any(p in ("", ".", "..") for p in parts):
            raise base.ValidationError(message("plugin.config.overview", value=json.dumps(value, default=str)))
        return path


class JourneyConfig(base.Config):
    """``plugins: - journey: ...`` in ``mkdocs.yml``."""

    # -- Switch ---------------------------------------------------------------------

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it (e.g. ``!ENV [JOURNEY_MAPS, true]``)."""

    # -- Labels ---------------------------------------------------------------------

    language = c.Optional(c.Type(str))
    """Language of the labels (``en`` or ``nl``; ``nl_NL`` and ``nl-BE`` mean ``nl``).

    Default: the theme's language (Material's ``theme.language``, MkDocs' own
    ``theme.locale``). A language without labels falls back to English with one
    warning, so a strict build points the author at this option.
    """

    # -- Content --------------------------------------------------------------------

    stale_after_days = WholeNumber(STALE_AFTER_DAYS)
    """A ``reviewed`` date older than this many days is a ``stale`` health note."""

    lanes = Lanes()
    """The lanes (rows) a map shows, in this order. Default: every lane."""

    # -- Layout ---------------------------------------------------------------------

    hide = c.ListOfItems(c.Choice(MATERIAL_HIDE), default=["toc"])
    """Parts of Material's page layout that map pages hide (Material's ``hide`` front matter).

    A map is wide: without the table of contents beside it, a desktop shows about
    four touchpoints at once instead of two. ``[]`` keeps every part; other themes
    ignore this option.
    """

    # -- Change over time (git) -----------------------------------------------------

    compare_ref = c.Optional(c.Type(str))
    """Compare every map with its own version at this git ref (a preview build of a pull request).

    Each page then shows the ref's emotion as a ghost curve, ``was N`` where an emotion
    changed, "new" badges, the list of changes and a preview banner. Set it from the
    environment, ``!ENV [JOURNEY_COMPARE_REF, null]``, so only the preview build compares.
    Without git, outside a repository or with a ref the clone lacks, the build logs one
    warning and the pages show no comparison.
    """

    history = c.Optional(c.Type(bool))
    """A History section on each map page: the commits that changed its file.

    Default: on when the docs folder is in a git repository. ``true`` warns when it is not.
    """

    history_trend = WholeNumber(HISTORY_TREND)
    """Show a chart of the average emotion and the open pains over the last N versions (0: none)."""

    # -- Output ---------------------------------------------------------------------

    publish_source = c.Type(bool, default=False)
    """Also copy the raw ``.journey.yml`` and ``.persona.yml`` files to the site."""

    export = c.Type(bool, default=True)
    """Write ``journeys.json`` (every valid map, machine-readable) and ``improvements.csv``
    (every improvement, for spreadsheets) at the site root."""

    overview = OverviewPage()
    """The page with all maps at a glance, one backlog and one plan across maps
    (default ``journeys/index.md``; ``false``: none). A page the site already has at
    that path is left as it is."""

    overview_group_by_tag = c.Type(bool, default=True)
    """List the maps on the overview under their first tag (when any map has tags), each map once."""

    # -- Limits ---------------------------------------------------------------------

    max_file_size = WholeNumber(MAX_FILE_SIZE)
    """A journey or persona file larger than this many bytes is an error."""

    max_touchpoints = WholeNumber(MAX_TOUCHPOINTS)
    """A map with more touchpoints than this is an error (a build costs time per touchpoint)."""
