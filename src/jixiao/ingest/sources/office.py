"""LibreOffice headless as a converter for formats no Python library reads (.doc → .docx).

Each conversion runs with a private LibreOffice profile in its own temporary folder, so parallel
workers never share (and lock) one profile, and with a time limit, so a file that makes LibreOffice
hang fails alone.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from jixiao.ingest.grid import SourceError

TIMEOUT = 120  # seconds; the first start of a fresh profile alone takes several


def soffice() -> str | None:
    """The LibreOffice program on this machine, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(data: bytes, name: str, src: str, dst: str, timeout: float = TIMEOUT) -> bytes:
    """The bytes of ``data`` (a ``.src`` file) converted to ``.dst`` by LibreOffice headless."""
    program = soffice()
    if program is None:
        raise SourceError(f"{name}：读取 .{src} 文件需要 LibreOffice，本机未安装；请另存为 .{dst} 后再导入")
    with tempfile.TemporaryDirectory(prefix="jixiao-office-") as tmp:
        folder = Path(tmp)
        source = folder / f"input.{src}"
        source.write_bytes(data)
        command = [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--norestore", "--convert-to", dst, "--outdir", str(folder / "out"), str(source)]
        _run(command, name, src, timeout)
        result = folder / "out" / f"input.{dst}"
        if not result.is_file() or result.stat().st_size == 0:
            raise SourceError(f"{name}：LibreOffice 无法转换此 .{src} 文件，文件可能已损坏")
        return result.read_bytes()


def _run(command: list[str], name: str, src: str, timeout: float) -> None:
    """Run LibreOffice in a session of its own, so a time-out ends it and every process it started."""
    try:
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        raise SourceError(f"{name}：无法启动 LibreOffice 转换 .{src} 文件") from exc
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise SourceError(f"{name}：LibreOffice 转换超时（{int(timeout)} 秒），文件可能已损坏") from exc
