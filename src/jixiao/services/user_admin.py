"""Account administration and the login lockout, on the web app's users (``services/users.py``).

The login lockout lives in ``login_throttle`` (re-exported here). A new password, like a logout,
moves the account's ``session_epoch`` on, so every session signed before it stops working.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from jixiao.domain.lifecycle import Role
from jixiao.storage.auth_models import UserRow
from jixiao.storage.session import transaction

from .login_throttle import LockoutSettings, locked_minutes, lockout_settings  # noqa: F401
from .users import create_token, create_user, hash_password


def add_user(factory: sessionmaker[Session], username: str, password: str, role: str,
             display_name: str | None = None, units: list[str] | tuple[str, ...] = ()) -> int:
    """Create an account; a unit editor must be given its units (an empty scope would see nothing)."""
    if role == Role.UNIT_EDITOR and not units:
        raise ValueError("单位填报人必须指定所属单位（--unit）")
    if len(password) < 8:
        raise ValueError("密码至少 8 位")
    with transaction(factory) as session:
        if session.scalar(select(UserRow.id).where(UserRow.username == username)) is not None:
            raise ValueError(f"用户 {username} 已存在")
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
            raise ValueError(f"找不到用户 {username}")
        user.disabled = disabled
        if not disabled:
            user.locked_until, user.failed_logins = None, 0


def set_password(factory: sessionmaker[Session], username: str, password: str) -> None:
    """Give an account a new password (and lift a lock)."""
    if len(password) < 8:
        raise ValueError("密码至少 8 位")
    with transaction(factory) as session:
        user = session.scalar(select(UserRow).where(UserRow.username == username))
        if user is None:
            raise ValueError(f"找不到用户 {username}")
        user.password_hash = hash_password(password)
        user.locked_until, user.failed_logins = None, 0
        user.session_epoch = (user.session_epoch or 0) + 1  # signed-in sessions end


def issue_token(factory: sessionmaker[Session], username: str, name: str) -> str:
    """A new API token for an account (same rights as the account); the secret is shown once."""
    with transaction(factory) as session:
        user_id = session.scalar(select(UserRow.id).where(UserRow.username == username))
        if user_id is None:
            raise ValueError(f"找不到用户 {username}")
        return create_token(session, user_id, name)
