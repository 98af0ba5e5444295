"""元 or 万元 for every amount a page shows (issue 17): 万元 unless the user switched to 元.

The choice is a cookie set by ``/money-unit?to=yuan|wan&next=…`` (a link in the header, no script);
a pure ASGI middleware reads it into a context variable for the request, and the ``money`` filter and
the ``money_unit_name()`` of the headings follow it.
"""

from __future__ import annotations

from contextvars import ContextVar
from decimal import Decimal
from http.cookies import SimpleCookie

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

COOKIE = "jixiao_money"
CHOICES = {"wan": ("万元", Decimal(10000)), "yuan": ("元", Decimal(1))}
DEFAULT = "wan"
_current: ContextVar[str] = ContextVar("money_unit", default=DEFAULT)
router = APIRouter(include_in_schema=False)


def current() -> str:
    """``wan`` or ``yuan`` for the request being answered."""
    return _current.get()


def money_unit_name() -> str:
    """万元 or 元, for headings."""
    return CHOICES[current()][0]


def shown(value) -> str:
    """An amount in yuan, in the chosen unit with thousands separators and two decimals; blank when not stated."""
    if value is None or value == "":
        return ""
    return f"{Decimal(value) / CHOICES[current()][1]:,.2f}"


class MoneyUnitMiddleware:
    """Sets the request's money unit from its cookie."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        choice = DEFAULT
        for name, value in scope.get("headers", ()):
            if name == b"cookie":
                morsel = SimpleCookie(value.decode("latin-1")).get(COOKIE)
                if morsel is not None and morsel.value in CHOICES:
                    choice = morsel.value
        token = _current.set(choice)
        try:
            await self.app(scope, receive, send)
        finally:
            _current.reset(token)


@router.get("/money-unit", name="money_unit")
def switch(request: Request, to: str = DEFAULT, next: str = "/"):
    """Remember 元 or 万元 and go back to the page the switch was clicked on."""
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, to if to in CHOICES else DEFAULT, max_age=365 * 24 * 3600, samesite="lax",
                        httponly=True)
    return response
