"""Entry point of the ``jixiao`` console script."""

from __future__ import annotations

import sys

from jixiao.cli.app import app, err_console
from jixiao.cli.commands import check, db, demo, export, ingest, listing, report, score, serve, show, user  # noqa: F401  (register commands)
from jixiao.cli.commands import budget  # noqa: F401  (jixiao budget …)
from jixiao.cli.commands import units  # noqa: F401  (jixiao units)


def main() -> None:
    """Run the CLI; an unexpected error is one Chinese line, never a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        err_console.print("已中断")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # last resort: the user sees the reason, not a stack
        err_console.print(f"[red]出错了[/red]: {exc.__class__.__name__}: {exc}")
        sys.exit(2)


if __name__ == "__main__":
    main()
