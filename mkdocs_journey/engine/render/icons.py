"""The line icons of a map page, drawn by the stylesheet so a page carries each icon once.

A map page repeats a few icons hundreds of times (a check mark for every met need,
a bolt for every open pain). Drawn inline, each use repeated the icon's SVG: about
a fifth of a map page's bytes. Now a use is an empty element with the icon's class,
and ``journey.css`` paints it with a CSS mask of the icon's shape in the text's
colour, so the shape travels once, in the (cached) stylesheet.

The shapes live here, once: the CSS block that draws them is generated from
:data:`PATHS` (``scripts/icons-css.py`` writes it into ``journey.css``, and a test
checks the two agree), and the smiley's moment-of-truth star uses the same path.
"""

from __future__ import annotations

from urllib.parse import quote

from markupsafe import Markup

from ..health import HEALTH_ICONS

#: Each icon's shape on a 24×24 grid, stroked 2 wide with round caps and joins.
PATHS: dict[str, str] = {
    "warning": "M12 3 L22 20 H2 Z M12 9 V14 M12 17 V17.5",
    "bolt": "M13 2 L4 14 H11 L10 22 L20 9 H13 Z",
    "person": "M8 8 A4 4 0 1 0 16 8 A4 4 0 1 0 8 8 M4 21 C4 16 8 14 12 14 C16 14 20 16 20 21",
    "calendar": "M4 6 H20 V21 H4 Z M4 10 H20 M8 3 V7 M16 3 V7",
    "empty": "M4 4 H8 M12 4 H16 M20 4 V8 M20 12 V16 M20 20 H16 M12 20 H8 M4 20 V16 M4 12 V8",
    "face": "M3 12 A9 9 0 1 0 21 12 A9 9 0 1 0 3 12 M8 15.5 H16 M9 9.5 V10 M15 9.5 V10",
    "brand": "M3 3 H11 L21 13 L13 21 L3 11 Z M7.5 7.5 V7.6",
    "clock": "M3 12 A9 9 0 1 0 21 12 A9 9 0 1 0 3 12 M12 7 V12 L15.5 14",
    "pencil": "M4 20 L5 15 L16 4 L20 8 L9 19 Z M14 6 L18 10",
    "check": "M5 12.5 L10 17 L19 7",
    "cross": "M6 6 L18 18 M18 6 L6 18",
    "partly": "M3 12 A9 9 0 1 0 21 12 A9 9 0 1 0 3 12 M12 3 V21",
    "star": "M12 2.5 L14.9 8.6 L21.5 9.3 L16.6 13.8 L18 20.4 L12 17 L6 20.4 L7.4 13.8 L2.5 9.3 L9.1 8.6 Z",
    "link": "M14 4 H20 V10 M20 4 L11 13 M18 14 V20 H4 V6 H10",
    "healthy": "M3 12 A9 9 0 1 0 21 12 A9 9 0 1 0 3 12 M7.5 12.5 L10.5 15.5 L16.5 9",
    "arrow": "M5 12 H19 M13 6 L19 12 L13 18",
    "lowest": "M5 7 H19 L12 18 Z",
}

#: Icons whose shape is filled as well as stroked.
FILLED = frozenset({"star", "lowest"})

_USES = {name: Markup(f'<span class="journey-icon journey-icon--{name}"></span>') for name in PATHS}


def icon(name: str) -> Markup:
    """One use of an icon: always next to words that say the same, so hidden from screen readers
    by having no content of its own."""
    try:
        return _USES[name]
    except KeyError:
        raise ValueError(f"no icon named `{name}`; the icons are: {', '.join(sorted(PATHS))}") from None


def health_icon(kind: str) -> Markup:
    """The icon of a health rule (a kind without a rule, from an overriding template: the warning)."""
    return icon(HEALTH_ICONS.get(kind, "warning"))


def data_uri(name: str) -> str:
    """The icon as an SVG data URI in black: a mask, so only its shape counts."""
    fill = "black" if name in FILLED else "none"
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='{fill}' stroke='black' "
           f"stroke-width='2' stroke-linecap='round' stroke-linejoin='round'><path d='{PATHS[name]}'/></svg>")
    return "data:image/svg+xml," + quote(svg, safe=" /:=',.")


BEGIN = "/* -- Icons: generated from mkdocs_journey/engine/render/icons.py by scripts/icons-css.py -- */"
END = "/* -- End of the generated icons -- */"


#: Icons drawn as an element's ``::before`` instead of an element of their own: the ones a map
#: repeats in most cells and notes, whose element already says which icon it gets.
BEFORE: dict[str, str] = {
    ".journey-rating--yes": "check",
    ".journey-rating--partly": "partly",
    ".journey-rating--no": "cross",
    ".journey-kpi--on > span:last-child": "check",
    ".journey-kpi--off > span:last-child": "cross",
    **{f".journey-health__note--{kind}": name for kind, name in HEALTH_ICONS.items()},
    ".journey-backlog__owner > dt": "person",
    ".journey-backlog__due > dt": "calendar",
    ".journey-backlog__addresses > dt": "arrow",
}


def stylesheet_block() -> str:
    """The CSS that defines every icon's shape (``--journey-icon-NAME``), its class, and the
    ``::before`` icons of :data:`BEFORE`."""
    lines = [BEGIN, ":root {"]
    lines += [f'  --journey-icon-{name}: url("{data_uri(name)}");' for name in PATHS]
    lines.append("}")
    lines.append("")
    lines += [f".journey-icon--{name} {{ --journey-icon: var(--journey-icon-{name}); }}" for name in PATHS]
    lines.append("")
    lines += [f"{selector}::before {{ --journey-icon: var(--journey-icon-{name}); }}" for selector, name in BEFORE.items()]
    lines.append(END)
    return "\n".join(lines)
