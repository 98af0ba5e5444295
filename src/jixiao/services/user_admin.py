"""Account administration and the login lockout, on the web app's users (``services/users.py``).

Lockout: ``authenticate`` counts failed passwords in ``failed_logins``; after ``max_failures`` the
account is locked for ``lock_minutes`` (the counter restarts), and while locked even the right
password is refused, so guessing costs time. Both numbers are settings (``JIXIAO_LOGIN_*``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from jixiao.domain.lifecycle import Role
from jixiao.storage.auth_models import UserRow
from jixiao.storage.session import transaction

from .users import create_token, create_user, hash_password


@dataclass(frozen=True, slots=True)
class LockoutSettings:
    """How many wrong passwords lock an account, and for how long."""

    max_failures: int = 5
    lock_minutes: int = 15


def lockout_settings() -> LockoutSettings:
    """Settings from ``JIXIAO_LOGIN_MAX_FAILURES`` and ``JIXIAO_LOGIN_LOCK_MINUTES``."""
    d = LockoutSettings()
    env = os.environ
    return LockoutSettings(int(env.get("JIXIAO_LOGIN_MAX_FAILURES") or d.max_failures),
                           int(env.get("JIXIAO_LOGIN_LOCK_MINUTES") or d.lock_minutes))


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


def lock_if_needed(factory: sessionmaker[Session], username: str, settings: LockoutSettings) -> bool:
    """After a failed sign-in: lock the account once it reached the limit; True if now locked."""
    with transaction(factory) as session:
        user = session.scalar(select(UserRow).where(UserRow.username == username).with_for_update())
        if user is None or (user.failed_logins or 0) < settings.max_failures:
            return False
        user.locked_until = _now() + timedelta(minutes=settings.lock_minutes)
        user.failed_logins = 0
        return True


def add_user(factory: sessionmaker[Session], username: str, password: str, role: str,
             display_name: str | None = None, units: list[str] | tuple[str, ...] = ()) -> int:
    """Create an account; a unit editor must be given its units (an empty scope would see nothing)."""
    if role == Role.UNIT_EDITOR and not units:
        raise ValueError("单位填报人必须指定所属单位（--unit） (a unit editor needs its units)")
    if len(password) < 8:
        raise ValueError("密码至少 8 位 (password too short)")
    with transaction(factory) as session:
        if session.scalar(select(UserRow.id).where(UserRow.username == username)) is not None:
            raise ValueError(f"用户 {username} 已存在 (user exists)")
        return create_user(session, username, password, role, display_name, tuple(units)).id


def list_users(factory: sessionmaker[Session]) -> list[UserRow]:
    """Every account, by username."""
    with factory() as session:
        return list(session.scalars(select(UserRow).order_by(UserRow.username)))


def set_disabled(factory: sessionmaker[Session], username: str, disabled: bool = True) -> None:
    """Disable (or enable again) an account; its sessions and tokens stop working at once."""
    with transaction(factory) as session:
        user = session.scalar(select(UserRow).where(UserRow.username == username))
        if user is None:
            raise ValueError(f"找不到用户 {username} (unknown user)")
        user.disabled = disabled
        if not disabled:
            user.locked_until, user.failed_logins = None, 0


def set_password(factory: sessionmaker[Session], username: str, password: str) -> None:
    """Give an account a new password (and lift a lock)."""
    if len(password) < 8:
        raise ValueError("密码至少 8 位 (password too short)")
    with transaction(factory) as session:
        user = session.scalar(select(UserRow).where(UserRow.username == username))
        if user is None:
            raise ValueError(f"找不到用户 {username} (unknown user)")
        user.password_hash = hash_password(password)
        user.locked_until, user.failed_logins = None, 0


def issue_token(factory: sessionmaker[Session], username: str, name: str) -> str:
    """A new API token for an account (same rights as the account); the secret is shown once."""
    with transaction(factory) as session:
        user_id = session.scalar(select(UserRow.id).where(UserRow.username == username))
        if user_id is None:
            raise ValueError(f"找不到用户 {username} (unknown user)")
        return create_token(session, user_id, name)
