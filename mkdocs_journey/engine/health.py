"""The health rules: each one function, registered with what the rest of the code needs.

A rule is declared once, with :func:`rule`: its kind (the name in ``journeys.json``,
in ``mkdocs-journey check --format json`` and in the CSS class
``journey-health__note--<kind>``), what it looks at, its severity for the command
line and its icon. Its messages are the labels ``health.<kind>`` (the note) and
``health.kind.<kind>`` (the note's title) in ``translations/*.yml``. ``analyse()``
walks a map and runs the rules in :data:`RULES` order, so notes are listed the way
the map reads: the map itself, then stage by stage and touchpoint by touchpoint,
then the improvements.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Literal

from .diagnostics import Severity
from .due import is_overdue
from .i18n import Translator
from .model import Journey, Stage, Touchpoint
from .settings import BuildSettings
from .yaml_source import DataPath

if TYPE_CHECKING:
    from .analyse import BacklogItem

Scope = Literal["journey", "stage", "touchpoint", "improvement"]
"""What a rule's check is called with, once each:

- ``journey``: the :class:`~mkdocs_journey.engine.model.Journey`;
- ``stage``: each :class:`~mkdocs_journey.engine.model.Stage` (the note links to the stage);
- ``touchpoint``: each :class:`TouchpointSubject` (the note links to the touchpoint);
- ``improvement``: each :class:`~mkdocs_journey.engine.analyse.BacklogItem`, in file order
  (the note links to the improvement).
"""


@dataclass(frozen=True)
class TouchpointSubject:
    touchpoint: Touchpoint
    improvements: list[BacklogItem]
    """The improvements that address this touchpoint, in backlog order."""


@dataclass(frozen=True)
class Note:
    """What a check found: the values of its message, and where below its subject it is."""

    params: dict[str, str] = field(default_factory=dict)
    at: tuple[str | int, ...] = ()
    """Keys below the subject (``("pains", 0)``) that locate the note in the source file."""


Check = Callable[[Any, BuildSettings], Iterable[Note]]


@dataclass(frozen=True)
class HealthRule:
    kind: str
    scope: Scope
    check: Check
    icon: str
    """The name of an icon in :data:`.render.icons.PATHS`."""
    severity: Severity = Severity.WARNING
    """What ``mkdocs-journey check`` reports the note as."""

    @property
    def message_key(self) -> str:
        """The note's text; its ``{placeholders}`` are the keys of :attr:`Note.params`."""
        return f"health.{self.kind}"

    @property
    def label_key(self) -> str:
        """The short title shown before the note."""
        return f"health.kind.{self.kind}"


@dataclass(frozen=True)
class HealthFinding:
    """A health note as a rule finds it: ``path`` locates it in the file's data, ``anchor`` on the page.

    One type from the rule to every reader: the page and its search text show it as it
    is, ``check`` turns it into a located :class:`~.diagnostics.Finding` (line and
    column from ``path``), and the export names what it is about. The message is made
    in the reader's language when it is shown.
    """

    kind: str
    params: dict[str, str]
    path: DataPath
    anchor: str | None = None

    def message(self, translate: Translator) -> str:
        return translate(RULE_BY_KIND[self.kind].message_key, **self.params)

    def title(self, translate: Translator) -> str:
        """The short name of the note's kind ("Draft"), as its rule declares the label."""
        return translate(RULE_BY_KIND[self.kind].label_key)

    @property
    def href(self) -> str | None:
        """The in-page link to what the note is about, if it is about a stage, touchpoint or improvement."""
        return f"#{self.anchor}" if self.anchor else None


def is_stale(reviewed: date | None, *, today: date, stale_after_days: int) -> bool:
    """A map last reviewed more than ``stale_after_days`` days before ``today``.

    The health note and the page's review badge both ask this, so they cannot disagree.
    """
    return reviewed is not None and (today - reviewed).days > stale_after_days


RULES: list[HealthRule] = []
"""Every health rule, in the order its notes are listed for one subject."""


def rule(kind: str, scope: Scope, *, icon: str,
         severity: Severity = Severity.WARNING) -> Callable[[Check], Check]:
    """Register the decorated check as the rule ``kind`` (see the module docstring)."""
    def register(check: Check) -> Check:
        if any(existing.kind == kind for existing in RULES):
            raise ValueError(f"health rule `{kind}` is declared twice")
        RULES.append(HealthRule(kind, scope, check, icon, severity))
        return check
    return register


# -- The map ----------------------------------------------------------------------------

@rule("draft", "journey", icon="pencil")
def _draft(journey: Journey, settings: BuildSettings) -> Iterator[Note]:
    if journey.status == "draft":
        yield Note(at=("status",))


@rule("not-reviewed", "journey", icon="clock")
def _not_reviewed(journey: Journey, settings: BuildSettings) -> Iterator[Note]:
    if journey.reviewed is None:
        yield Note()


@rule("stale", "journey", icon="clock")
def _stale(journey: Journey, settings: BuildSettings) -> Iterator[Note]:
    if journey.reviewed is None or not is_stale(journey.reviewed, today=settings.today,
                                                 stale_after_days=settings.stale_after_days):
        return
    age = (settings.today - journey.reviewed).days
    yield Note({"date": settings.translate.date(journey.reviewed),
                "days": settings.translate("days", count=age),
                "limit": settings.translate("days", count=settings.stale_after_days)}, ("reviewed",))


# -- Stages and touchpoints -------------------------------------------------------------

@rule("empty-stage", "stage", icon="empty")
def _empty_stage(stage: Stage, settings: BuildSettings) -> Iterator[Note]:
    if not stage.touchpoints:
        yield Note({"stage": stage.name})


@rule("no-emotion", "touchpoint", icon="face")
def _no_emotion(subject: TouchpointSubject, settings: BuildSettings) -> Iterator[Note]:
    if subject.touchpoint.emotion is None:
        yield Note({"touchpoint": subject.touchpoint.name})


@rule("off-brand", "touchpoint", icon="brand")
def _off_brand(subject: TouchpointSubject, settings: BuildSettings) -> Iterator[Note]:
    if subject.touchpoint.on_brand == "no":
        yield Note({"touchpoint": subject.touchpoint.name}, ("on_brand",))


@rule("unaddressed-pain", "touchpoint", icon="bolt")
def _unaddressed_pain(subject: TouchpointSubject, settings: BuildSettings) -> Iterator[Note]:
    if any(item.improvement.status != "dropped" for item in subject.improvements):
        return
    for index, pain in enumerate(subject.touchpoint.pains):
        yield Note({"pain": pain, "touchpoint": subject.touchpoint.name}, ("pains", index))


# -- Improvements -----------------------------------------------------------------------

@rule("no-owner", "improvement", icon="person")
def _no_owner(item: BacklogItem, settings: BuildSettings) -> Iterator[Note]:
    if item.is_open and not item.improvement.owner:
        yield Note({"improvement": item.improvement.id})


@rule("no-due", "improvement", icon="calendar")
def _no_due(item: BacklogItem, settings: BuildSettings) -> Iterator[Note]:
    improvement = item.improvement
    if improvement.status in ("planned", "doing") and improvement.due is None:
        yield Note({"improvement": improvement.id, "status": settings.translate(f"status.{improvement.status}")},
                   ("status",))


@rule("overdue", "improvement", icon="calendar")
def _overdue(item: BacklogItem, settings: BuildSettings) -> Iterator[Note]:
    improvement = item.improvement
    if item.is_open and is_overdue(improvement.due, settings.today):
        assert improvement.due is not None
        yield Note({"improvement": improvement.id, "due": settings.translate.due(improvement.due)}, ("due",))


RULE_BY_KIND: dict[str, HealthRule] = {r.kind: r for r in RULES}
HEALTH_ICONS: dict[str, str] = {r.kind: r.icon for r in RULES}
"""Each rule's icon by kind, for :func:`.render.icons.health_icon`."""
