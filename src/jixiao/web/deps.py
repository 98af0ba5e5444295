"""Request dependencies: a database session, the signed-in user (pages) or the token's user (API)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from jixiao.services.unit_scope import readable_units
from jixiao.services.users import Principal, principal_by_id, principal_for_token

from .cache import cached
from .errors import ApiError, LoginRequired

_bearer = HTTPBearer(auto_error=False, description="API 令牌：Authorization: Bearer jx_…")


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request, closed at the end.

    The dependencies are ``async``: their few quick queries run on the event loop instead of a
    thread each, which under many clients costs more than the queries (see bench/web.py).
    """
    with request.app.state.factory() as session:
        yield session


DbSession = Annotated[Session, Depends(get_session)]


async def page_user(request: Request, session: DbSession) -> Principal:
    """The signed-in user of a page request; sends the browser to login otherwise."""
    user_id, epoch = request.session.get("user_id"), request.session.get("epoch")
    # a session signed before a logout or a new password carries an old epoch: it is over
    user = principal_by_id(session, user_id, epoch if isinstance(epoch, int) else -1) if isinstance(user_id, int) else None
    if user is None:
        request.session.clear()
        raise LoginRequired()
    request.state.user = user
    return user


async def api_user(session: DbSession,
             credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Principal:
    """The user an API bearer token stands for; 401 with a clear message otherwise."""
    if credentials is None:
        raise ApiError(401, "unauthorized", "缺少 API 令牌：请在请求头中加入 Authorization: Bearer <令牌>")
    user = principal_for_token(session, credentials.credentials)
    if user is None:
        raise ApiError(401, "unauthorized", "API 令牌无效或已撤销")
    return user


def require_writer(user: Principal) -> None:
    """Refuse a write by a read-only user."""
    if not user.can_write:
        raise ApiError(403, "forbidden", "只读用户不能上传或修改数据")


PageUser = Annotated[Principal, Depends(page_user)]
ApiUser = Annotated[Principal, Depends(api_user)]

# Unit scope of reads over ingested projects (issue 8): the stored unit names the caller may read,
# None for every unit. Every browse page and API route takes its scope from here.
UnitScope = tuple[str, ...] | None


def _scope(session: Session, user: Principal) -> UnitScope:
    return cached(session, ("unit_scope", user.role, user.units), lambda: readable_units(session, user))


async def page_scope(session: DbSession, user: PageUser) -> UnitScope:
    """The unit names whose projects the signed-in user may read (None: all)."""
    return _scope(session, user)


async def api_scope(session: DbSession, user: ApiUser) -> UnitScope:
    """The unit names whose projects the token's user may read (None: all)."""
    return _scope(session, user)


PageScope = Annotated[UnitScope, Depends(page_scope)]
ApiScope = Annotated[UnitScope, Depends(api_scope)]
