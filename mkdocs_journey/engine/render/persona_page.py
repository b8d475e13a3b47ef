"""A persona file's own page: the persona card and the maps that walk in its shoes.

``personas/priya.persona.yml`` becomes the page ``personas/priya/``; each map with
``persona: priya`` links its persona card there, and the page lists those maps with
their sparklines, so a reader goes from a map to the person and on to the person's
other journeys.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..load import LoadedPersona
from ..portfolio import MapNumbers, PortfolioMap, map_numbers
from . import PageContext
from .environment import environment
from .outline import Heading
from .page import PersonaView
from .sparkline import Sparkline, sparkline


@dataclass(frozen=True)
class PersonaMapRow:
    map: PortfolioMap
    numbers: MapNumbers
    sparkline: Sparkline


@dataclass(frozen=True)
class PersonaPageView:
    persona: PersonaView
    maps: tuple[PersonaMapRow, ...]


@dataclass(frozen=True)
class RenderedPersonaPage:
    html: str
    headings: tuple[Heading, ...]
    anchor_ids: frozenset[str]


def render_persona_page(persona: LoadedPersona, maps: Sequence[PortfolioMap], context: PageContext) -> RenderedPersonaPage:
    """The page of a valid persona file; ``maps`` are the valid maps that name it, in order."""
    if persona.persona is None:
        raise ValueError(f"{persona.name} did not load; report its errors instead")
    image = persona.persona.image
    image_url = context.asset_url((Path(persona.path).parent / image).resolve()) if image else None
    rows = []
    for entry in maps:
        numbers = map_numbers(entry, context.settings)
        rows.append(PersonaMapRow(entry, numbers, sparkline([(tp.name, score) for tp, score in numbers.emotions])))
    view = PersonaPageView(PersonaView(persona.persona, image_url), tuple(rows))
    translate = context.settings.translate
    template = environment(context.template_dirs).get_template("journey/persona-page.html")
    html = template.render(view=view, t=translate, md=context.inline_markdown, lang=translate.language)
    headings = (Heading(2, "journey-persona", translate("persona.heading")),
                Heading(2, "journey-persona-maps", translate("persona.maps")))
    return RenderedPersonaPage(html, headings, frozenset(h.id for h in headings))
