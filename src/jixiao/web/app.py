"""The web app: ``create_app(db_url, settings)`` builds a FastAPI app over one store."""

from __future__ import annotations

import gc
import logging
import os
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from jixiao.storage.session import database_url, open_store

from . import errors, limits, money_unit, security
from .routes import ROUTERS
from .routes import workflow
from .settings import WebSettings, settings_from_env

STATIC = Path(__file__).resolve().parent / "static"

DESCRIPTION = """jixiao 绩效数据接口 (REST API)。

认证：每个请求带上 `Authorization: Bearer <令牌>`（令牌由管理员发放，`jixiao demo` 会打印一个演示令牌）。
返回的 JSON 与导出格式 `jixiao/1` 相同（见 docs/export-schema.md）；列表分页：`page`、`per_page`，
返回 `{items, total, page, per_page, pages}`。出错时返回 4xx 和 `{"error": {"code", "message"}}`。
"""


def create_app(db_url: str | None = None, settings: WebSettings | None = None) -> FastAPI:
    """An app serving pages and ``/api/v1`` over the store at ``db_url`` (migrated on start)."""
    settings = settings or settings_from_env()
    app = FastAPI(title="jixiao 绩效", version="1", description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/api/v1/openapi.json")
    _check_vendor()
    app.state.settings = settings
    app.state.db_url = database_url(db_url)
    app.state.factory = open_store(app.state.db_url)
    app.add_middleware(SessionMiddleware, secret_key=settings.secret_key, session_cookie="jixiao_session",
                       max_age=settings.session_max_age, same_site="lax", https_only=settings.secure_cookies)
    errors.install(app)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for router in ROUTERS:
        app.include_router(router)
    app.include_router(money_unit.router)
    app.add_middleware(money_unit.MoneyUnitMiddleware)
    security.install(app)  # CSRF on page POSTs, login lockout (issue 8)
    workflow.install(app)  # 申报: declaration, review, monitoring, self-evaluation
    limits.install(app)  # outermost: body size, API token before the body, ids, headers (issue 16)
    _docs_page(app)
    return app


def _docs_page(app: FastAPI) -> None:
    """The OpenAPI page served from local copies of swagger-ui (no CDN on an intranet)."""

    @app.get("/api/v1/docs", include_in_schema=False, name="api_docs")
    def api_docs():
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="jixiao API 文档",
                                   swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg",
                                   swagger_ui_parameters={"defaultModelsExpandDepth": -1})


VENDOR_FILES = ("htmx.min.js", "echarts.min.js", "swagger-ui-bundle.js", "swagger-ui.css")


def _check_vendor() -> None:
    """Say so when the browser libraries were not installed (pages then work without charts)."""
    missing = [f for f in VENDOR_FILES if not (STATIC / "vendor" / f).is_file()]
    if missing:
        logging.getLogger("jixiao.web").warning(
            "缺少前端文件 %s：请运行 make setup（npm ci 与 scripts/copy_assets.py）",
            ", ".join(missing))


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory``: the store from ``JIXIAO_DATABASE_URL``."""
    app = create_app(os.environ.get("JIXIAO_DATABASE_URL"), settings_from_env())
    # What is loaded now lives as long as the server: keep the collector from walking it again
    # and again (full collections over every module and template otherwise cost each request).
    gc.collect()
    gc.freeze()
    return app
