"""Login throttling that holds under concurrency: per account in the database, per address in memory.

Per account, every attempt first *reserves* one of the allowed tries in a single UPDATE
(``failed_logins = failed_logins + 1 WHERE failed_logins < limit AND not locked``): the database
serialises the updates, so of 40 simultaneous attempts only ``max_failures`` get their password
checked and the rest are refused unchecked. A wrong password keeps its reservation and the one
that reaches the limit locks the account; a right one clears the count.

Per address (``JIXIAO_LOGIN_MAX_PER_ADDRESS`` tries in ``JIXIAO_LOGIN_LOCK_MINUTES``), counted in
the process under a lock: it slows one client guessing many accounts. With several server
processes each counts its own share; the account limit is shared through the database.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from jixiao.storage.auth_models import UserRow
from jixiao.storage.session import transaction


@dataclass(frozen=True, slots=True)
class LockoutSettings:
    """How many wrong passwords lock an account (and an address), and for how long."""

    max_failures: int = 5
    lock_minutes: int = 15
    max_per_address: int = 30


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    return int(raw) if raw.strip().isdigit() and int(raw) > 0 else default


def lockout_settings() -> LockoutSettings:
    """Settings from ``JIXIAO_LOGIN_MAX_FAILURES``, ``JIXIAO_LOGIN_LOCK_MINUTES`` and
    ``JIXIAO_LOGIN_MAX_PER_ADDRESS``."""
    d = LockoutSettings()
    return LockoutSettings(_env_int("JIXIAO_LOGIN_MAX_FAILURES", d.max_failures),
                           _env_int("JIXIAO_LOGIN_LOCK_MINUTES", d.lock_minutes),
                           _env_int("JIXIAO_LOGIN_MAX_PER_ADDRESS", d.max_per_address))


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)  # SQLite returns naive datetimes


def locked_minutes(factory: sessionmaker[Session], username: str) -> int | None:
    """Minutes left on a lock of this account, or None when it may try to sign in."""
    with factory() as session:
        until = session.scalar(select(UserRow.locked_until).where(UserRow.username == username))
    if until is None or _aware(until) <= _now():
        return None
    return max(1, int((_aware(until) - _now()).total_seconds() // 60) + 1)


def reserve(factory: sessionmaker[Session], username: str, settings: LockoutSettings) -> int | None:
    """Take one try of the account before its password is checked: None when granted, else the
    minutes to wait. An unknown name is granted (the password check then fails as for any name)."""
    now = _now()
    with transaction(factory) as session:
        taken = session.execute(
            update(UserRow).where(UserRow.username == username, UserRow.failed_logins < settings.max_failures,
                                  or_(UserRow.locked_until.is_(None), UserRow.locked_until <= now))
            .values(failed_logins=UserRow.failed_logins + 1).execution_options(synchronize_session=False)).rowcount
        known = taken or session.scalar(select(UserRow.id).where(UserRow.username == username)) is not None
    if taken or not known:
        return None
    return locked_minutes(factory, username) or settings.lock_minutes


def settle(factory: sessionmaker[Session], username: str, ok: bool, settings: LockoutSettings) -> bool:
    """After the password check: a right one clears the count, a wrong one that used the last try
    locks the account. True when the account is now locked."""
    with transaction(factory) as session:
        if ok:
            session.execute(update(UserRow).where(UserRow.username == username).values(failed_logins=0))
            return False
        return bool(session.execute(
            update(UserRow).where(UserRow.username == username, UserRow.failed_logins >= settings.max_failures)
            .values(locked_until=_now() + timedelta(minutes=settings.lock_minutes), failed_logins=0)
            .execution_options(synchronize_session=False)).rowcount)


class AddressThrottle:
    """Tries per client address in a sliding window, counted before the password is checked."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tries: dict[str, list[float]] = {}

    def reserve(self, address: str, settings: LockoutSettings) -> int | None:
        """None when the address may try, else minutes to wait."""
        window, now = settings.lock_minutes * 60, time.monotonic()
        with self._lock:
            tries = [t for t in self._tries.get(address, ()) if now - t < window]
            if len(tries) >= settings.max_per_address:
                self._tries[address] = tries
                return max(1, int((window - (now - tries[0])) // 60) + 1)
            tries.append(now)
            self._tries[address] = tries
            if len(self._tries) > 10_000:  # forget the quietest addresses first
                for key in sorted(self._tries, key=lambda k: self._tries[k][-1])[:5_000]:
                    del self._tries[key]
            return None

    def forgive(self, address: str) -> None:
        """A successful sign-in gives its try back."""
        with self._lock:
            tries = self._tries.get(address)
            if tries:
                tries.pop()
