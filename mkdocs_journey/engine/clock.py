"""What "today" is, so staleness checks give byte-identical pages in reproducible builds."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone


def today() -> date:
    """The build date, or the date of ``SOURCE_DATE_EPOCH`` (UTC) when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            pass
    return date.today()
