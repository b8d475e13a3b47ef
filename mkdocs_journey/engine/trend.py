"""The history trend: a map's average emotion and open pains over its last versions.

Is the journey getting better? The plugin option ``history_trend: N`` answers it on
the page with the last N committed versions of each map. The versions come from git
in one ``git cat-file --batch`` for every map together (:func:`.git.read_blobs`); each
is read by the normal loader, its references resolved from where the file is now. A
version that does not load (written for an older format, or naming an image that is
gone) is listed with no numbers rather than guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .analyse import analyse
from .docs_tree import DocsTree
from .git import Commit, Repository, read_blobs
from .history import TrendPoint, commit_day
from .load import load_journey
from .settings import BuildSettings

WIDTH, HEIGHT = 320, 96
"""The chart's own units; it scales to the width of the page, the text stays the table's."""
_LEFT, _RIGHT, _TOP, _BOTTOM = 16.0, 16.0, 12.0, 84.0


def trends(repository: Repository, histories: dict[str, list[Commit]], versions: int, settings: BuildSettings,
           docs: DocsTree) -> dict[str, tuple[TrendPoint, ...]]:
    """The last ``versions`` versions of each map (by path in the repository), oldest first."""
    wanted = {path: commits[:versions] for path, commits in histories.items()}
    blobs = read_blobs(repository, [f"{c.sha}:{c.path}" for commits in wanted.values() for c in commits])
    found: dict[str, tuple[TrendPoint, ...]] = {}
    for path, commits in wanted.items():
        points = []
        here = repository.root / path
        for commit in reversed(commits):
            source = blobs.get(f"{commit.sha}:{commit.path}")
            points.append(_point(commit, here, source, settings, docs))
        found[path] = tuple(points)
    return found


def _point(commit: Commit, path: Path, source: bytes | None, settings: BuildSettings, docs: DocsTree) -> TrendPoint:
    day = commit_day(commit)
    if source is None:
        return TrendPoint(commit.sha, day, None, None)
    loaded = load_journey(path, docs, source=source, max_size=settings.max_file_size)
    if not loaded.ok or loaded.journey is None:
        return TrendPoint(commit.sha, day, None, None)
    scores = [tp.emotion for stage in loaded.journey.stages for tp in stage.touchpoints if tp.emotion is not None]
    analysis = analyse(loaded, settings)
    pains = sum(1 for note in analysis.health if note.kind == "unaddressed-pain")
    return TrendPoint(commit.sha, day, sum(scores) / len(scores) if scores else None, pains)


@dataclass(frozen=True)
class TrendChart:
    """The trend as an inline SVG: a line for the average emotion (1..5), bars for open pains."""

    average_path: str
    bars: tuple[tuple[str, str, str, str], ...]
    """x, y, width and height of each version's pains bar, as text."""
    dots: tuple[tuple[str, str], ...]
    width: int = WIDTH
    height: int = HEIGHT


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def trend_chart(points: tuple[TrendPoint, ...]) -> TrendChart:
    """Where each version's numbers sit in the chart (versions evenly spaced, oldest left)."""
    count = len(points)
    step = (WIDTH - _LEFT - _RIGHT) / max(count - 1, 1)
    most = max([p.open_pains or 0 for p in points] + [1])
    bar = min(step * 0.5, 24.0)
    path: list[str] = []
    dots: list[tuple[str, str]] = []
    bars: list[tuple[str, str, str, str]] = []
    pen_up = True
    for index, point in enumerate(points):
        x = _LEFT + index * step if count > 1 else WIDTH / 2
        if point.open_pains:
            height = (_BOTTOM - _TOP) * point.open_pains / most
            bars.append((_number(x - bar / 2), _number(_BOTTOM - height), _number(bar), _number(height)))
        if point.average is None:
            pen_up = True
            continue
        y = _TOP + (5 - point.average) * (_BOTTOM - _TOP) / 4
        path.append(f"{'M' if pen_up else 'L'} {_number(x)} {_number(y)}")
        dots.append((_number(x), _number(y)))
        pen_up = False
    return TrendChart(" ".join(path), tuple(bars), tuple(dots))
