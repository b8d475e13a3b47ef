"""Writing the files a test needs: one helper for every suite."""

from __future__ import annotations

import textwrap
from pathlib import Path


def put(root: Path, relative: str, content: str | bytes) -> Path:
    """Write text (dedented, UTF-8) or bytes to ``root / relative``, making its folders."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    return path
