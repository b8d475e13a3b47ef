"""A map's History section: the commits that changed its file, newest first.

The method behind the plugin says a map is a snapshot that must be redrawn; the
History section shows when it was, by whom and why. The commits come from one
``git log`` per build (:func:`.git.file_histories`); this module only decides what
the page shows of them: at most :data:`SHOWN` entries with the total count, a link
to each commit where the site's ``repo_url`` is a GitHub or GitLab project, and a
note when the clone is shallow (older history is not there to show).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable
from urllib.parse import urlsplit

from .git import Commit

SHOWN = 10
"""Commits listed on a map page; the section gives the total as well."""


@dataclass(frozen=True)
class HistoryEntry:
    """One commit as the page lists it."""

    sha: str
    day: date | None
    """The author's date (in the author's own time zone, as git recorded it)."""
    author: str
    subject: str
    href: str | None
    """The commit's page on GitHub or GitLab (None for another host, or no ``repo_url``)."""

    @property
    def short(self) -> str:
        return self.sha[:7]


@dataclass(frozen=True)
class TrendPoint:
    """The map at one commit: its average emotion and its open pains (for ``history_trend``)."""

    sha: str
    day: date | None
    average: float | None
    """The mean emotion of its scored touchpoints (None: none scored, or the version did not load)."""
    open_pains: int | None
    """Pain points no improvement addresses (None: the version did not load)."""


@dataclass(frozen=True)
class MapHistory:
    entries: tuple[HistoryEntry, ...]
    """The newest :data:`SHOWN` commits."""
    total: int
    """Every commit that changed the file (that this clone has)."""
    shallow: bool
    """The clone is shallow: older commits may be missing."""
    trend: tuple[TrendPoint, ...] = ()
    """Oldest first: the last versions of the map, when ``history_trend`` asks for them."""


def commit_links(repo_url: str | None) -> Callable[[str], str | None]:
    """How a commit id becomes a link on the project's host: GitHub and GitLab, else none.

    ``https://github.com/o/r`` gives ``https://github.com/o/r/commit/<sha>``; GitLab
    (gitlab.com or a host named ``gitlab.*``) puts ``/-/`` before ``commit``.
    """
    if not repo_url:
        return lambda sha: None
    parts = urlsplit(repo_url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return lambda sha: None
    base = repo_url.rstrip("/")
    if base.endswith(".git"):
        base = base[:-4]
    if host == "github.com" or host.endswith(".github.com"):
        return lambda sha: f"{base}/commit/{sha}"
    if host == "gitlab.com" or host.startswith("gitlab."):
        return lambda sha: f"{base}/-/commit/{sha}"
    return lambda sha: None


def commit_day(commit: Commit) -> date | None:
    try:
        return date.fromisoformat(commit.date[:10])
    except ValueError:
        return None


def map_history(commits: list[Commit], *, shallow: bool, link: Callable[[str], str | None],
                trend: tuple[TrendPoint, ...] = ()) -> MapHistory:
    """What the History section of one map shows, from its commits (newest first)."""
    entries = tuple(HistoryEntry(c.sha, commit_day(c), c.author, c.subject, link(c.sha)) for c in commits[:SHOWN])
    return MapHistory(entries, len(commits), shallow, trend)
