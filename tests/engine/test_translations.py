"""The label files: every language complete and alike, every label used, dates and plurals by Babel.

These read each language's own file (``labels``), never a Translator: a Translator
falls back to English, so a missing Dutch label would pass unseen.
"""

from __future__ import annotations

import re
import string
import typing
from datetime import date
from pathlib import Path

import pytest

import mkdocs_journey
from mkdocs_journey.engine import diff
from mkdocs_journey.engine.analyse import kpi_verdict
from mkdocs_journey.engine.describe import _LABEL
from mkdocs_journey.engine.diff import SubjectKind
from mkdocs_journey.engine.health import RULE_BY_KIND
from mkdocs_journey.engine.i18n import DEFAULT_LANGUAGE, Label, Translator, available_languages, labels, locale
from mkdocs_journey.engine.model import ImprovementStatus, Journey, Kpi, Rating, Sense
from mkdocs_journey.engine.lanes import LANE_KEYS
from mkdocs_journey.engine.plan import ColumnKind
from mkdocs_journey.engine.render.overview import FILTER_DIMENSIONS

OTHER_LANGUAGES = [language for language in available_languages() if language != DEFAULT_LANGUAGE]
PACKAGE = Path(mkdocs_journey.__file__).parent


def _literal_values(annotation: object) -> tuple[str, ...]:
    """The strings of a ``Literal[...]`` (inside an ``Optional`` too)."""
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    return tuple(v for arg in typing.get_args(annotation) for v in _literal_values(arg))


# Labels the code asks for by prefix + a value (`t("status." ~ item.status)`, f"health.{kind}"),
# with every value that can reach it, taken from where those values are defined.
_DIFF_FIELDS = (*diff.JOURNEY_FIELDS, *diff.JOURNEY_LISTS, "persona", *diff.PERSONA_FIELDS, *diff.PERSONA_LISTS,
                "name", "title", *diff.TOUCHPOINT_FIELDS, *diff.TOUCHPOINT_LISTS, "backstage.team",
                "backstage.process", "backstage.systems", *diff.KPI_FIELDS, *diff.IMPROVEMENT_FIELDS,
                *diff.IMPROVEMENT_LISTS)
"""Every field a change can name (stage ``goal`` and the map's ``goal`` and ``status`` have their own labels)."""
_DIFF_LABEL = {*(f.replace("_", "-").replace(".", "-") for f in _LABEL), "goal"}

DYNAMIC: dict[str, tuple[str, ...]] = {
    "status.": typing.get_args(ImprovementStatus),
    "page.map-status.": _literal_values(Journey.model_fields["status"].annotation),
    "page.state.": _literal_values(Journey.model_fields["state"].annotation),
    "sense.": typing.get_args(Sense),
    "touchpoint.on-brand.": typing.get_args(Rating),
    "needs.met.": typing.get_args(Rating),
    "kpi.": _literal_values(typing.get_type_hints(kpi_verdict)["return"]),
    "emotion.": tuple(str(score) for score in range(1, 6)),  # the 1..5 of model.Score
    "lane.": LANE_KEYS,
    "persona.": ("goals", "needs", "frustrations"),  # the lists persona.html loops over
    "matrix.": ("quick-wins", "big-bets", "fill-ins", "money-pit"),  # the quadrants of render/matrix.py
    "health.": tuple(RULE_BY_KIND),
    "health.kind.": tuple(RULE_BY_KIND),
    "diff.thing.": typing.get_args(SubjectKind)[1:],  # every subject but the journey itself is added or removed
    "diff.order.": ("stages", "touchpoints", "backlog"),  # the fields of a REORDERED change
    "diff.rating.": typing.get_args(Rating),
    "diff.better.": _literal_values(Kpi.model_fields["better"].annotation),
    "diff.report.column.": ("map", "emotion", "touchpoints", "pains", "health", "where", "what", "change"),
    "diff.report.maps.": ("changed", "added", "removed"),
    "diff.report.map.": ("added", "removed"),  # the statuses of MapReview without a diff
    "diff.report.persona.": ("added", "removed", "renamed", "changed"),
    "plan.": tuple(kind for kind in typing.get_args(ColumnKind) if kind != "period"),  # a period is named by its date
    "overview.state.": _literal_values(Journey.model_fields["state"].annotation),
    "overview.filter.": FILTER_DIMENSIONS,
    "diff.field.": tuple(sorted({f.replace("_", "-").replace(".", "-") for f in _DIFF_FIELDS} - set(_DIFF_LABEL))),
}


def _source() -> str:
    """The package's code and templates: everywhere a label key can be asked for."""
    files = sorted([*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.html")])
    assert len(files) > 20, files
    return "\n".join(path.read_text("utf-8") for path in files)


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _forms(label: Label) -> dict[str, str]:
    return label if isinstance(label, dict) else {"": label}


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_language_has_exactly_the_english_keys(language: str) -> None:
    english, other = set(labels(DEFAULT_LANGUAGE)), set(labels(language))
    assert sorted(english - other) == [], f"missing from {language}.yml"
    assert sorted(other - english) == [], f"only in {language}.yml"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_label_has_the_english_placeholders(language: str) -> None:
    english = labels(DEFAULT_LANGUAGE)
    for key, label in labels(language).items():
        expected = set().union(*(_placeholders(text) for text in _forms(english[key]).values()))
        for form, text in _forms(label).items():
            assert _placeholders(text) == expected, f"{language}.yml {key} {form}".strip()


@pytest.mark.parametrize("language", available_languages())
def test_a_counting_label_has_the_plural_forms_of_its_language(language: str) -> None:
    english = labels(DEFAULT_LANGUAGE)
    needed = {"other", *locale(language).plural_form.tags}
    for key, label in labels(language).items():
        assert isinstance(label, dict) == isinstance(english[key], dict), f"{language}.yml {key}"
        if isinstance(label, dict):
            assert set(label) == needed, f"{language}.yml {key}"
            assert all("count" in _placeholders(text) for text in label.values()), f"{language}.yml {key}"


def test_every_label_is_used() -> None:
    source = _source()
    quoted = set(re.findall(r"""["']([a-z0-9][a-z0-9_.-]*)["']""", source))
    for prefix in DYNAMIC:
        pattern = r"""["']""" + re.escape(prefix.rstrip(".")) + r"""(\.?["']|\.\{)"""
        assert re.search(pattern, source), f"no label is asked for as {prefix!r} + a value any more"
    dynamic = {prefix + value for prefix, values in DYNAMIC.items() for value in values}
    english = set(labels(DEFAULT_LANGUAGE))
    assert sorted(dynamic - english) == [], "values the code can ask a label for, without one"
    assert sorted(english - quoted - dynamic) == [], "labels no code or template asks for"


@pytest.mark.parametrize(("language", "months"), [
    ("en", "January February March April May June July August September October November December"),
    ("nl", "januari februari maart april mei juni juli augustus september oktober november december"),
])
def test_dates_are_written_as_before(language: str, months: str) -> None:
    # The month names and the "day month year" order the label files held before Babel did it.
    translate = Translator(language)
    assert [translate.date(date(2026, m, 14)) for m in range(1, 13)] == [f"14 {name} 2026" for name in months.split()]
    assert translate.date(date(2027, 3, 1)) == f"1 {months.split()[2]} 2027"
    assert translate.due(date(2027, 3, 31)) == f"31 {months.split()[2]} 2027"
    assert [translate.due(f"2027-Q{q}") for q in range(1, 5)] == ["Q1 2027", "Q2 2027", "Q3 2027", "Q4 2027"]


@pytest.mark.parametrize(("language", "texts"), [
    ("en", ["0 notes on this map", "1 note on this map", "2 notes on this map", "21 notes on this map"]),
    ("nl", ["0 aandachtspunten op deze kaart", "1 aandachtspunt op deze kaart", "2 aandachtspunten op deze kaart",
            "21 aandachtspunten op deze kaart"]),
])
def test_a_count_picks_its_plural_form(language: str, texts: list[str]) -> None:
    translate = Translator(language)
    assert [translate("health.count", count=n) for n in (0, 1, 2, 21)] == texts


def test_a_counting_label_needs_its_count() -> None:
    with pytest.raises(KeyError, match="plural forms"):
        Translator()("health.count")
