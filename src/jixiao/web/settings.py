"""Settings of the web app: one list of name, default and meaning; read from the environment."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw and raw.strip().isdigit() else default


@dataclass(frozen=True, slots=True)
class WebSettings:
    """What an operator may change; every field has an environment variable ``JIXIAO_<NAME>``."""

    # Largest accepted upload per file, in bytes (JIXIAO_MAX_UPLOAD_MB, default 20 MB).
    max_upload_bytes: int = 20 * 1024 * 1024
    # Most files in one upload request.
    max_upload_files: int = 50
    # Rows per page in tables and API lists, and the largest page a client may ask for.
    page_size: int = 50
    max_page_size: int = 500
    # Signs the session cookie; several workers must share it (JIXIAO_SECRET_KEY).
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    # Pages require a signed-in user; the API always requires a bearer token.
    session_max_age: int = 12 * 3600
    # An uploaded file at least this large (or any PDF of it) is read in the background and the
    # page shows its progress (JIXIAO_BACKGROUND_KB, default 512 KB).
    background_bytes: int = 512 * 1024
    # Largest request with files (all files of one upload together), and largest other body (a
    # form or JSON); both refused with 413 before they are read (JIXIAO_MAX_REQUEST_MB, JIXIAO_MAX_FORM_KB).
    max_request_bytes: int = 100 * 1024 * 1024
    max_form_bytes: int = 1024 * 1024
    # Cookies only over HTTPS, and HSTS (JIXIAO_SECURE_COOKIES=1 behind TLS).
    secure_cookies: bool = False


def _bool_env(name: str, default: bool) -> bool:
    raw = (os.environ.get(name) or "").strip().lower()
    return default if not raw else raw in ("1", "true", "yes", "on")


def settings_from_env() -> WebSettings:
    """Settings from ``JIXIAO_*`` environment variables, defaults for the rest."""
    defaults = WebSettings()
    return WebSettings(
        max_upload_bytes=_int_env("JIXIAO_MAX_UPLOAD_MB", defaults.max_upload_bytes // (1024 * 1024)) * 1024 * 1024,
        max_upload_files=_int_env("JIXIAO_MAX_UPLOAD_FILES", defaults.max_upload_files),
        page_size=_int_env("JIXIAO_PAGE_SIZE", defaults.page_size),
        secret_key=os.environ.get("JIXIAO_SECRET_KEY") or defaults.secret_key,
        background_bytes=_int_env("JIXIAO_BACKGROUND_KB", defaults.background_bytes // 1024) * 1024,
        max_request_bytes=_int_env("JIXIAO_MAX_REQUEST_MB", defaults.max_request_bytes // (1024 * 1024)) * 1024 * 1024,
        max_form_bytes=_int_env("JIXIAO_MAX_FORM_KB", defaults.max_form_bytes // 1024) * 1024,
        secure_cookies=_bool_env("JIXIAO_SECURE_COOKIES", defaults.secure_cookies),
    )
