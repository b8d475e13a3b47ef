"""A :class:`~..review.Review` written out: for a terminal, a pull-request comment, or a program.

Every format reads the same :func:`..describe.describe` lines, so the words are the
same everywhere; each format only lays them out and escapes text from the files for
its medium (ANSI-free plain text, GitHub Markdown, JSON).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..describe import Description, describe
from ..i18n import Translator
from ..review import MapReview, Review


@dataclass(frozen=True)
class Counts:
    """The numbers a reviewer reads first, over every map of a review."""

    changed: int
    added: int
    removed: int
    personas: int
    better: int
    worse: int
    quick_wins_lost: int


def counts(review: Review) -> Counts:
    changed = sum(1 for m in review.maps if m.changed and m.status in ("changed", "renamed"))
    summaries = [m.changes.summary for m in review.maps if m.changes is not None]
    return Counts(changed, sum(1 for m in review.maps if m.status == "added"),
                  sum(1 for m in review.maps if m.status == "removed"), len(review.personas),
                  sum(s.better for s in summaries), sum(s.worse for s in summaries),
                  sum(s.quick_wins_lost for s in summaries))


def description(item: MapReview, t: Translator) -> Description | None:
    """The described changes of a changed or renamed map (None for an added or removed one)."""
    if item.changes is None or item.old is None or item.new is None:
        return None
    return describe(item.old, item.new, item.changes, t)


def map_facts(item: MapReview, t: Translator) -> str:
    """"5 stages, 13 touchpoints, average emotion 3.3": what an added or removed map holds."""
    shown = item.new or item.old
    assert shown is not None and shown.loaded.journey is not None
    journey = shown.loaded.journey
    scores = [tp.emotion for s in journey.stages for tp in s.touchpoints if tp.emotion is not None]
    touchpoints = sum(len(s.touchpoints) for s in journey.stages)
    average = t.number(sum(scores) / len(scores)) if scores else "—"
    return t("diff.report.map-facts", stages=t("diff.report.stages", count=len(journey.stages)),
             touchpoints=t("diff.report.touchpoints", count=touchpoints), average=average)


def headline(review: Review, t: Translator) -> str:
    """"1 map changed, 1 map added" (the parts that are not zero)."""
    numbers = counts(review)
    parts = [t(f"diff.report.maps.{kind}", count=value) for kind, value in (
        ("changed", numbers.changed), ("added", numbers.added), ("removed", numbers.removed))
        if value]
    if numbers.personas:
        parts.append(t("diff.report.personas-changed", count=numbers.personas))
    return ", ".join(parts)


def verdict(review: Review, t: Translator) -> str:
    """What the change does for the customer, worst first."""
    numbers = counts(review)
    parts = []
    if numbers.worse:
        parts.append(t("diff.report.verdict.worse", count=numbers.worse))
    if numbers.better:
        parts.append(t("diff.report.verdict.better", count=numbers.better))
    if numbers.quick_wins_lost:
        parts.append(t("diff.summary.quick-wins-lost", count=numbers.quick_wins_lost))
    return " · ".join(parts) if parts else t("diff.report.verdict.neutral")


def compared(review: Review, t: Translator) -> str | None:
    """"Compared main with the working tree" (None for two files)."""
    if review.base is None:
        return None
    return t("diff.report.compared", base=review.base, head=review.head or t("diff.report.working-tree"))


def map_url(item: MapReview, site_url: str | None) -> str | None:
    if site_url is None or item.page is None:
        return None
    return site_url.rstrip("/") + "/" + item.page
