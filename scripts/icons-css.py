"""Write the icons' CSS block into journey.css from mkdocs_journey/engine/render/icons.py.

    .venv-test/bin/python scripts/icons-css.py

Run it after adding or changing an icon's path; tests/render/test_icons.py fails
while the stylesheet and the Python disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs_journey.engine.render.icons import BEGIN, END, stylesheet_block

STYLESHEET = Path(__file__).resolve().parents[1] / "mkdocs_journey" / "assets" / "stylesheets" / "journey.css"


def main() -> int:
    text = STYLESHEET.read_text("utf-8")
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        print(f"{STYLESHEET}: the generated icons block (its first and last line) is missing", file=sys.stderr)
        return 1
    STYLESHEET.write_text(text[:start] + stylesheet_block() + text[end + len(END):], "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
