"""Health messages name fields in `backticks`: shown as code, the rest escaped."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_TICKS = re.compile(r"`([^`]+)`")


def code_ticks(text: str) -> Markup:
    """Escape ``text`` and show its `backticked` words as code (health messages use them)."""
    escaped = str(escape(text))
    return Markup(_TICKS.sub(r"<code>\1</code>", escaped))
