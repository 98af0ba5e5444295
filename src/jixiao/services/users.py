"""People and API clients of the web app: accounts, password checks, bearer tokens, demo logins.

Shared by the web app (sign-in, API authentication) and the CLI (the demo creates its logins;
issue 8 adds ``jixiao user add/list/disable`` on the same functions).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session, sessionmaker

from jixiao.storage.auth_models import ROLES, ApiTokenRow, UserRow
from jixiao.storage.session import transaction

TOKEN_PREFIX = "jx_"
_hasher = PasswordHasher()


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling, as the web layer needs it: identity, role and unit scope."""

    user_id: int
    username: str
    display_name: str
    role: str
    units: tuple[str, ...] = ()
    session_epoch: int = 0

    @property
    def can_write(self) -> bool:
        """Viewers only read; every other role may upload."""
        return self.role != "viewer"


# (username, password, role, display name, unit scope): printed by ``jixiao demo``.
DEMO_USERS = [
    ("admin", "admin-demo", "admin", "系统管理员", ()),
    ("reviewer", "reviewer-demo", "reviewer", "财政局审核员", ()),
    ("editor", "editor-demo", "unit_editor", "职业训练中心填报员", ("职业训练中心", "龙岗区职业训练中心")),
    ("viewer", "viewer-demo", "viewer", "只读用户", ()),
]


def _principal(u: UserRow) -> Principal:
    return Principal(u.id, u.username, u.display_name or u.username, u.role, tuple(u.units or ()),
                     u.session_epoch or 0)


def hash_password(password: str) -> str:
    """An argon2 hash of the password (salted; never store the password itself)."""
    return _hasher.hash(password)


def create_user(session: Session, username: str, password: str, role: str = "viewer",
                display_name: str | None = None, units: tuple[str, ...] | list[str] = ()) -> UserRow:
    """Add an account; the role must be one of ROLES."""
    if role not in ROLES:
        raise ValueError(f"未知角色 {role}，应为 {'/'.join(ROLES)}")
    user = UserRow(username=username, password_hash=hash_password(password), role=role,
                   display_name=display_name, units=list(units) or None, disabled=False, failed_logins=0)
    session.add(user)
    session.flush()
    return user


def authenticate(factory: sessionmaker[Session], username: str, password: str) -> Principal | None:
    """The principal for a correct username and password of an enabled account, else None.

    Failed tries are counted by ``login_throttle`` before this runs (the count must hold under
    concurrent attempts, so it is reserved in one UPDATE, not read and written back here).
    """
    with factory() as session:
        user = session.scalar(select(UserRow).where(UserRow.username == username))
        if user is None or user.disabled:
            _hasher.hash(password)  # same work either way, so timing does not reveal names
            return None
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        principal = _principal(user)
    with transaction(factory) as session:
        session.execute(update(UserRow).where(UserRow.id == principal.user_id)
                        .values(last_login_at=datetime.now(timezone.utc)))
    return principal


def principal_by_id(session: Session, user_id: int, epoch: int | None = None) -> Principal | None:
    """The principal of a signed-in session, or None when the account is gone or disabled, or the
    session was signed before a logout or password change (``epoch`` no longer the account's)."""
    user = session.get(UserRow, user_id)
    if user is None or user.disabled:
        return None
    if epoch is not None and epoch != (user.session_epoch or 0):
        return None
    return _principal(user)


def end_sessions(factory: sessionmaker[Session], user_id: int) -> None:
    """Revoke every session of the account (logout): their epoch is no longer the account's."""
    with transaction(factory) as session:
        session.execute(update(UserRow).where(UserRow.id == user_id)
                        .values(session_epoch=UserRow.session_epoch + 1))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, user_id: int, name: str) -> str:
    """A new API token for a user; the secret is returned once and only its hash is stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiTokenRow(user_id=user_id, name=name, token_hash=_token_hash(token), prefix=token[:10]))
    session.flush()
    return token


# A token's user in one statement on the session's connection (every API request asks it).
_TOKEN_USER = (select(UserRow.id, UserRow.username, UserRow.display_name, UserRow.role, UserRow.units,
                      UserRow.disabled, ApiTokenRow.revoked_at)
               .join(ApiTokenRow, ApiTokenRow.user_id == UserRow.id)
               .where(ApiTokenRow.token_hash == bindparam("token_hash")))


def principal_for_token(session: Session, token: str) -> Principal | None:
    """The principal a bearer token stands for, or None (unknown, revoked, or user disabled)."""
    row = session.connection().execute(_TOKEN_USER, {"token_hash": _token_hash(token)}).first()
    if row is None or row.revoked_at is not None or row.disabled:
        return None
    return Principal(row.id, row.username, row.display_name or row.username, row.role, tuple(row.units or ()))


def ensure_demo_users(factory: sessionmaker[Session]) -> str:
    """Create the demo logins (if missing) and a fresh API token for ``admin``; returns the token."""
    with transaction(factory) as session:
        existing = set(session.scalars(select(UserRow.username)))
        ids = {}
        for username, password, role, display, units in DEMO_USERS:
            if username not in existing:
                ids[username] = create_user(session, username, password, role, display, units).id
        admin = ids.get("admin") or session.scalar(select(UserRow.id).where(UserRow.username == "admin"))
        return create_token(session, admin, "demo")
