"""Reading the user's input and settings files, with every failure as one Chinese sentence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def read_parsed(path: Path, parse: Callable[[str], object], decode_errors: tuple[type[Exception], ...],
                error: type[Exception], what: str, fmt: str):
    """``parse`` of a UTF-8 file's text; unreadable or unparsable files raise ``error`` naming ``what``."""
    try:
        return parse(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise error(f"无法读取{what} {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, *decode_errors) as exc:
        raise error(f"{what} {path} 不是有效的 {fmt}: {exc} (invalid {fmt})") from None
