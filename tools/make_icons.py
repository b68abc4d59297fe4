"""Render the app icon (resources/press-reader.svg) into the raster forms the packaged app
needs: a PNG for Linux (.desktop), an .ico for the Windows executable and an .icns for the macOS
bundle. Run after changing the SVG:

    python tools/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(RESOURCES / "press-reader.svg"))
    if not renderer.isValid():
        print("cannot read resources/press-reader.svg", file=sys.stderr)
        return 1
    for name, size, fmt in (
        ("press-reader.png", 256, "png"),
        ("press-reader.ico", 256, "ico"),
        ("press-reader.icns", 512, "icns"),
    ):
        path = RESOURCES / name
        if not render(renderer, size).save(str(path), fmt):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        print(path)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
