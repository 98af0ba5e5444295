"""Where the sample documents shipped with the project live."""

from __future__ import annotations

from pathlib import Path


def samples_dir() -> Path:
    """``samples/`` of the source tree (editable install) or of the working directory."""
    here = Path(__file__).resolve()
    for candidate in (Path.cwd() / "samples", here.parents[3] / "samples"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("找不到示例文档目录 samples/")
