"""Times as people in China read them: Beijing time (Asia/Shanghai), whatever the server's zone.

The store keeps UTC (``DateTime(timezone=True)``; SQLite gives it back without a zone, which is UTC
too); every page, export and CLI table shows ``beijing_text(t)``.
"""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

BEIJING = ZoneInfo("Asia/Shanghai")


def in_beijing(moment: datetime | None) -> datetime | None:
    """The moment in Beijing time; a naive time is taken as UTC (as the store writes it)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(BEIJING)


def beijing_text(moment: datetime | None, seconds: bool = True) -> str:
    """``2026-12-06 21:05:09``, in Beijing time; blank for no time."""
    local = in_beijing(moment)
    if local is None:
        return ""
    return local.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def now_in_beijing() -> datetime:
    """Now, in Beijing time."""
    return datetime.now(BEIJING)
