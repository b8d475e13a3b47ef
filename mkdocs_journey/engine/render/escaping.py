"""Escaping a text for HTML as MarkupSafe does, as a plain ``str``.

The renderers written in Python escape over a thousand short texts per map (names,
labels, anchors) straight into the f-strings of a row or a card, which is wrapped in
one ``Markup`` at the end. ``markupsafe.escape`` returns each as a ``Markup``, and
making that object is most of its cost (about 0.4 µs a text, half a millisecond of a
map's render). :func:`escape_text` gives the same characters as a ``str``: use it only
where the result goes into a larger string, never where Jinja or ``Markup`` would
take a plain ``str`` for unsafe text and escape it again.
"""

from __future__ import annotations

from markupsafe import escape


def escape_text(value: object) -> str:
    """``str(markupsafe.escape(value))``: ``& < > ' "`` as ``&amp; &lt; &gt; &#39; &#34;``."""
    if type(value) is not str:
        return str(escape(value))  # Markup stays as it is; anything else as MarkupSafe says
    if "&" in value or "<" in value or ">" in value or "'" in value or '"' in value:
        return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&#39;").replace('"', "&#34;"))
    return value
