"""Office files are zip packages: their declared sizes are checked before any part is unpacked.

A 1 MB workbook can declare a 1 GiB ``xl/workbook.xml`` (spaces compress a thousandfold) and
take gigabytes to open. ``zipfile`` never unpacks more than a member declares, so refusing a
package whose declared members are too large bounds the memory a reader can take.
Limits: ``JIXIAO_ZIP_MAX_MB`` (all parts together, default 200) and ``JIXIAO_ZIP_MAX_PART_MB``
(one part, default 100).
"""

from __future__ import annotations

import io
import os
import zipfile

from jixiao.ingest.grid import SourceError

MB = 1024 * 1024


def _mb_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    return int(raw) * MB if raw.strip().isdigit() else default * MB


def limits() -> tuple[int, int]:
    """(largest package when unpacked, largest single part), in bytes."""
    return _mb_env("JIXIAO_ZIP_MAX_MB", 200), _mb_env("JIXIAO_ZIP_MAX_PART_MB", 100)


def check_package(data: bytes, name: str, what: str) -> None:
    """SourceError when the package's parts declare more than the limits allow."""
    total_limit, part_limit = limits()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except Exception as exc:
        raise SourceError(f"{name}：{what}已损坏或不完整，无法打开") from exc
    total = 0
    for info in infos:
        if info.file_size > part_limit:
            raise SourceError(f"{name}：{what}中的部件 {info.filename} 解压后有 {info.file_size // MB} MB，"
                              f"超过上限 {part_limit // MB} MB，不予读取")
        total += info.file_size
    if total > total_limit:
        raise SourceError(f"{name}：{what}解压后共 {total // MB} MB，超过上限 {total_limit // MB} MB，不予读取")
