"""Copy the browser libraries installed by ``npm ci`` into the web app's static folder.

The web app serves them itself (intranet, no CDN, nothing fetched at run time); the copies are
git-ignored and rebuilt by ``make setup`` whenever package.json or package-lock.json change.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "src" / "jixiao" / "web" / "static" / "vendor"
ASSETS = {
    "htmx.org/dist/htmx.min.js": "htmx.min.js",
    "echarts/dist/echarts.min.js": "echarts.min.js",
    "swagger-ui-dist/swagger-ui-bundle.js": "swagger-ui-bundle.js",
    "swagger-ui-dist/swagger-ui.css": "swagger-ui.css",
}


def main() -> int:
    """Copy every asset; a missing one means ``npm ci`` did not run, which is said plainly."""
    VENDOR.mkdir(parents=True, exist_ok=True)
    missing = []
    for src, dest in ASSETS.items():
        path = ROOT / "node_modules" / src
        if not path.is_file():
            missing.append(src)
            continue
        shutil.copyfile(path, VENDOR / dest)
    if missing:
        print(f"缺少 {', '.join(missing)}：请先运行 npm ci (run npm ci first)", file=sys.stderr)
        return 1
    print(f"已复制 {len(ASSETS)} 个前端文件到 {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
