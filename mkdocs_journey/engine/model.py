"""The journey format, version 1, defined once.

These pydantic models are the single definition of the format: the loader validates
with them and the shipped JSON Schema is generated from them, so the two cannot drift.
Values reach the models as the exact text the author wrote (see ``yaml_source``);
the validators below decide, field by field, where text becomes a number, a date or
a choice, and say in plain words what was expected when it cannot.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    GetJsonSchemaHandler,
    Tag,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from .characters import shown
from .messages import message, template
from .slug import ID_PATTERN, is_valid_id
from .yaml_source import MarkedText, QuotedText

# -- Scalars -------------------------------------------------------------------------

#: What editors may see for a text field: YAML 1.2 tools read ``1.10`` as a number,
#: but our loader keeps it as the text "1.10", so the schema must not flag it.
_TEXT_SCHEMA: dict[str, Any] = {"type": ["string", "number", "boolean"]}


def _text(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        raise PydanticCustomError("text", template("model.text"), {"kind": _kind(value)})
    return value


Text = Annotated[str, BeforeValidator(_text), WithJsonSchema(_TEXT_SCHEMA)]
Name = Annotated[str, BeforeValidator(_text), Field(min_length=1), WithJsonSchema({**_TEXT_SCHEMA, "minLength": 1})]


def _id(value: Any) -> Any:
    value = _text(value)
    if isinstance(value, str) and not is_valid_id(value):
        raise PydanticCustomError(
            "id",
            template("model.id"),
            {"value": shown(value)},
        )
    return value


# An editor reads `id: 2024` as a number and `id: true` as a boolean; the loader keeps
# both as text ("2024", "true"), which are ids.
Id = Annotated[str, BeforeValidator(_id), WithJsonSchema(
    {"anyOf": [{"type": "string", "pattern": ID_PATTERN}, {"type": "integer", "minimum": 0}, {"type": "boolean"}]})]

_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


def _score(value: Any) -> Any:
    if isinstance(value, MarkedText):
        raise PydanticCustomError(
            "score", template("model.score.marked_text"), {"value": shown(value)}
        )
    if isinstance(value, QuotedText):
        raise PydanticCustomError(
            "score", template("model.score.quoted"),
            {"value": shown(value)}
        )
    if isinstance(value, str):
        if not _WHOLE_NUMBER.fullmatch(value):
            raise PydanticCustomError("score", template("model.score.not_a_number"),
                                      {"value": shown(value)})
        number = int(value)
        if not 1 <= number <= 5:
            raise PydanticCustomError("score", template("model.score.out_of_range"), {"value": value})
        return number
    if isinstance(value, (list, dict)):
        raise PydanticCustomError("score", template("model.score.kind"), {"kind": _kind(value)})
    return value


# Spelled out for the schema: with the validator in front, pydantic would publish
# `ge`/`le`, which JSON Schema does not know, so editors would accept any number.
Score = Annotated[int, BeforeValidator(_score), Field(ge=1, le=5),
                  WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 5})]

# Whole values only: `re.fullmatch`, since `$` would also accept a final newline
# (`due: "2027-Q1\n"`). The schema publishes them with ECMA-262's `$`, which does not.
_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_QUARTER = r"[0-9]{4}-Q[1-4]"
_MONTH = r"[0-9]{4}-(?:0[1-9]|1[0-2])"


def _real_date(value: str) -> date | None:
    if not re.fullmatch(_DATE, value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "date", template("model.date.not_in_calendar"), {"value": value}
        ) from None


def _date(value: Any) -> Any:
    if isinstance(value, str):
        parsed = _real_date(value)
        if parsed is None:
            raise PydanticCustomError("date", template("model.date.format"),
                                      {"value": shown(value)})
        return parsed
    return _text(value)


def _due(value: Any) -> Any:
    if isinstance(value, str):
        if re.fullmatch(_QUARTER, value) or re.fullmatch(_MONTH, value):
            return value
        parsed = _real_date(value)
        if parsed is None:
            raise PydanticCustomError(
                "due", template("model.due"), {"value": shown(value)}
            )
        return parsed
    return _text(value)


_DATE_SCHEMA = {"type": "string", "format": "date", "pattern": f"^{_DATE}$"}
Date = Annotated[date, BeforeValidator(_date), WithJsonSchema(_DATE_SCHEMA)]
Due = Annotated[
    Union[date, str],
    BeforeValidator(_due),
    WithJsonSchema({"anyOf": [_DATE_SCHEMA, {"type": "string", "pattern": f"^(?:{_QUARTER}|{_MONTH})$"}]}),
]

_TRUE = frozenset(("true", "True", "TRUE", "yes", "Yes", "YES"))
_FALSE = frozenset(("false", "False", "FALSE", "no", "No", "NO"))


def _flag(value: Any) -> Any:
    if isinstance(value, str):
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise PydanticCustomError("flag", template("model.flag"), {"value": shown(value)})
    if value is None:
        return False
    raise PydanticCustomError("flag", template("model.flag.kind"), {"kind": _kind(value)})


# Editors read `yes` and `no` as text (YAML 1.2); the loader takes them as true and false.
Flag = Annotated[bool, BeforeValidator(_flag), WithJsonSchema(
    {"anyOf": [{"type": ["boolean", "null"]}, {"enum": sorted(_TRUE | _FALSE)}]})]

# What `link` may be, written once for the loader and the schema (ECMA-262 and Python
# read it alike: no flags, so letter case is spelt out). Browsers drop spaces around a
# URL, remove tabs and line breaks inside it, read `\` as `/` and take a `//` start as
# another host: so a relative path may not start with two slashes of either kind,
# and control characters are refused outright.
_URL_CHARS = r"[^\x00-\x1f\x7f]"
_SCHEME = r"[A-Za-z][A-Za-z0-9+.-]*:"
_EXTERNAL = r"(?:[Hh][Tt][Tt][Pp][Ss]?://[^\s/\\]|[Mm][Aa][Ii][Ll][Tt][Oo]:\S)"
_RELATIVE = rf"(?=[^ ])(?!{_SCHEME})(?![/\\][/\\])"
_LINK = rf" *(?:{_EXTERNAL}|{_RELATIVE}){_URL_CHARS}*"


def _link(value: Any) -> Any:
    value = _text(value)
    if not isinstance(value, str) or re.fullmatch(_LINK, value):
        return value
    quoted = {"value": shown(value)}
    if re.search(r"[\x00-\x1f\x7f]", value):
        raise PydanticCustomError("link", template("model.link.control_character"), quoted)
    written = value.strip(" ")
    if not written:
        raise PydanticCustomError("link", template("model.link.empty"), quoted)
    if re.match(r"[/\\][/\\]", written):
        raise PydanticCustomError("link", template("model.link.protocol_relative"), quoted)
    raise PydanticCustomError("link", template("model.link.invalid"), quoted)


Link = Annotated[str, BeforeValidator(_link), WithJsonSchema({"anyOf": [
    {"type": "string", "pattern": f"^{_LINK}$"},
    {"type": ["number", "boolean"]},  # `link: 2024` is the relative path "2024" to the loader
]})]

# The shape `image` must have (whether the file exists, no schema can say): a relative
# path, without a scheme, not from the root. The loader checks it in `load._check_image`.
_IMAGE_SCHEMA: dict[str, Any] = {"anyOf": [
    {"type": "string", "pattern": r"^(?![/\\])(?![^/]*:)(?![\s\S]*://)"},
    {"type": ["number", "boolean"]},
]}
ImagePath = Annotated[str, BeforeValidator(_text), WithJsonSchema(_IMAGE_SCHEMA)]

# The shape of `compare_to`: a relative path to a journey file. That the file exists (and
# is not the map itself), the loader checks in `load._find_compare_to`.
JourneyPath = Annotated[str, BeforeValidator(_text), WithJsonSchema(
    {"type": "string", "pattern": r"^(?![/\\])(?![^/]*:)[\s\S]*\.journey\.ya?ml$"})]


class _MayBeEmpty:
    """For the schema: an empty value (`pains:`) is an empty list or mapping.

    Editors read an empty value as null; the loader reads it as "none yet".
    """

    def __get_pydantic_json_schema__(self, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler(core_schema)
        return {**schema, "type": [schema["type"], "null"]}


def _list(value: Any) -> Any:
    # An empty value (`pains:`) means "none yet"; a lone string is almost always a
    # forgotten dash, and guessing would hide it, so it is an error.
    if value is None:
        return []
    if not isinstance(value, list):
        raise PydanticCustomError(
            "list", template("model.list"), {"what": _describe(value)}
        )
    return value


def _no_items() -> list[Any]:
    """A new empty list, for a list field left out.

    A function of ours, not ``list``: pydantic reads each default factory's signature
    at import, and reading a builtin's costs twenty times as much (about 8 ms per
    build for the models' 19 fields).
    """
    return []


def _no_entries() -> dict[str, Any]:
    """A new empty mapping, for a mapping field left out (see :func:`_no_items`)."""
    return {}


def TextList(description: str) -> Any:  # noqa: N802 - reads like a type in the models
    return Field(default_factory=_no_items, description=description)


Texts = Annotated[list[Text], BeforeValidator(_list), _MayBeEmpty()]
Sense = Literal["see", "hear", "smell", "touch", "taste"]
Rating = Literal["yes", "partly", "no"]


def _as_str(value: Any) -> Any:
    """Quoted text (a ``str`` subclass, see ``yaml_source.QuotedText``) as plain ``str``.

    A value from a fixed list (``met: 'no'``) may be quoted like any text; pydantic
    before 2.7 compares a ``str`` subclass with a ``Literal``'s values and finds no match.
    """
    return str(value) if isinstance(value, str) else value


_CHOICE = BeforeValidator(_as_str)
"""For a field whose value is one of a few words: quoted or not, the same word."""
Senses = Annotated[list[Annotated[Sense, _CHOICE]], BeforeValidator(_list), _MayBeEmpty()]


def _kind(value: Any) -> str:
    return message("model.kind.list" if isinstance(value, list) else
                   "model.kind.mapping" if isinstance(value, dict) else "model.kind.text")


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return message("model.describe.text", value=value)
    return message("model.describe.kind", kind=_kind(value))


class _Strict(BaseModel):
    """Unknown keys are errors: a typo must never silently drop what the author wrote."""

    model_config = ConfigDict(extra="forbid", populate_by_name=False)


# -- Touchpoints -----------------------------------------------------------------------


class Kpi(_Strict):
    """A measure for a touchpoint: target versus actual."""

    name: Name = Field(description="What is measured, e.g. `Klikratio`.")
    target: Text | None = Field(None, description="The value aimed for, as text (`5%`).")
    actual: Text | None = Field(None, description="The value measured now, as text (`3.2%`).")
    better: Annotated[Literal["higher", "lower"], _CHOICE] = Field("higher", description="Which direction is better.")


class Backstage(_Strict):
    """The company side of a touchpoint: the company journey."""

    team: Text | None = Field(None, description="The team that owns this touchpoint.")
    systems: Texts = TextList("Systems behind the touchpoint.")
    process: Text | None = Field(None, description="The internal process behind it.")


class Touchpoint(_Strict):
    """One moment of contact between the customer and the company."""

    name: Name = Field(description="Required. What the touchpoint is called.")
    id: Id | None = Field(None, description="Stable id; default: the slug of the name.")
    channel: Text | None = Field(None, description="Where it happens, e.g. `Website`.")
    senses: Senses = Field(default_factory=_no_items, description="Senses it reaches: see, hear, smell, touch, taste.")
    action: Text | None = Field(None, description="What the customer does (inline Markdown).")
    thought: Text | None = Field(None, description="What the customer thinks (inline Markdown).")
    emotion: Score | None = Field(None, description="1 very negative, 3 neutral, 5 very positive; or null.")
    feeling: Text | None = Field(None, description="A word for the emotion.")
    needs: Texts = TextList("Needs and expectations at this touchpoint.")
    met: Annotated[Rating | None, _CHOICE] = Field(None, description="How well the needs are met: yes, partly, no.")
    on_brand: Annotated[Rating | None, _CHOICE] = Field(None, description="Does it carry the brand promise: yes, partly, no.")
    moment_of_truth: Flag = Field(False, description="A moment that matters most to the customer.")
    image: ImagePath | None = Field(None, description="A picture, relative to this file, inside the docs tree.")
    evidence: Texts = TextList("What this touchpoint is based on.")
    pains: Texts = TextList("Pain points.")
    gains: Texts = TextList("What already works well.")
    opportunities: Texts = TextList("Ideas, not yet backlog items.")
    backstage: Backstage | None = Field(None, description="Team, systems and process behind the touchpoint.")
    kpis: Annotated[list[Kpi], BeforeValidator(_list), _MayBeEmpty()] = Field(default_factory=_no_items, description="Measures.")


class Stage(_Strict):
    """A phase of the journey; touchpoints run left to right within it."""

    name: Name = Field(description="Required. The stage's name, e.g. `Oriëntatie`.")
    id: Id | None = Field(None, description="Stable id; default: the slug of the name.")
    goal: Text | None = Field(None, description="What the customer wants in this stage.")
    touchpoints: Annotated[list[Touchpoint], BeforeValidator(_list), _MayBeEmpty()] = Field(
        default_factory=_no_items, description="Touchpoints, left to right; may be empty."
    )


# -- Backlog ---------------------------------------------------------------------------

ImprovementStatus = Literal["idea", "planned", "doing", "done", "dropped"]


class Improvement(_Strict):
    """A backlog item that turns pains into work."""

    id: Id = Field(description="Required, unique within the map.")
    title: Name = Field(description="Required. What will be done.")
    addresses: Texts = TextList('Touchpoints it improves: "stage/touchpoint" or a unique touchpoint id.')
    owner: Text | None = Field(None, description="Who drives it.")
    teams: Texts = TextList("Stakeholders who must help.")
    impact: Score | None = Field(None, description="1..5")
    effort: Score | None = Field(None, description="1..5")
    status: Annotated[ImprovementStatus, _CHOICE] = Field("idea", description="idea, planned, doing, done or dropped.")
    due: Due | None = Field(None, description="A date (YYYY-MM-DD), a month (YYYY-MM) or a quarter (YYYY-Qn).")
    kpi: Text | None = Field(None, description="How success is measured.")
    notes: Text | None = Field(None, description="Inline Markdown.")
    link: Link | None = Field(None, description="The work item in the team's tracker.")


# -- Personas --------------------------------------------------------------------------


class Persona(_Strict):
    """Who walks the journey; inline in a map or shared through a persona file."""

    name: Name = Field(description="Required.")
    role: Text | None = None
    quote: Text | None = None
    image: ImagePath | None = Field(None, description="A picture, relative to the file that names it.")
    about: Text | None = Field(None, description="Inline Markdown.")
    facts: Annotated[dict[str, Text | None], BeforeValidator(lambda v: {} if v is None else v), _MayBeEmpty()] = Field(
        default_factory=_no_entries, description="Label to value, e.g. `Age: 42` or `City: Utrecht`."
    )
    goals: Texts = TextList("What the persona wants to achieve.")
    needs: Texts = TextList("What the persona needs.")
    frustrations: Texts = TextList("What annoys the persona.")
    channels: Texts = TextList("Channels the persona uses.")


def _persona_kind(value: Any) -> str:
    return "inline" if isinstance(value, (dict, Persona)) else "file"


PersonaRef = Annotated[
    Union[Annotated[Persona, Tag("inline")], Annotated[Text, Tag("file")]],
    Discriminator(_persona_kind),
]

# -- The map ---------------------------------------------------------------------------


class Journey(_Strict):
    """A customer journey map (one ``*.journey.yml`` file)."""

    title: Name = Field(description="Required. The map's title, also the page title.")
    summary: Text | None = Field(None, description="One line, inline Markdown.")
    owner: Text | None = Field(None, description="Who keeps this map up to date.")
    status: Annotated[Literal["draft", "validated"], _CHOICE] = Field("draft", description="draft or validated.")
    state: Annotated[Literal["current", "future"], _CHOICE] = Field("current", description="current or future.")
    compare_to: JourneyPath | None = Field(
        None, description="Another journey file this map is compared with, relative to this file "
                          "(e.g. a future state's current state).")
    language: Annotated[Literal["en", "nl"] | None, _CHOICE] = Field(
        None, description="The language of this map's page labels (en or nl); default: the site's.")
    reviewed: Date | None = Field(None, description="Last review with real customers (YYYY-MM-DD).")
    goal: Text | None = Field(None, description="The business goal of the map.")
    brand: Text | None = Field(None, description="The brand promise touchpoints are held against.")
    tags: Texts = TextList("Tags.")
    research: Texts = TextList("Evidence behind the map.")
    persona: PersonaRef | None = Field(None, description="A persona file id, or an inline persona.")
    stages: Annotated[list[Stage], BeforeValidator(_list)] = Field(
        min_length=1, description="Required, at least one; left to right."
    )
    improvements: Annotated[list[Improvement], BeforeValidator(_list), _MayBeEmpty()] = Field(
        default_factory=_no_items, description="The improvement backlog."
    )
