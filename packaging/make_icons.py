"""Renders resources/icons/frontdesk.svg into the PNG (Linux desktop entry,
window icon) and the multi-size ICO (Windows executable, installer).

    PYTHONPATH=$PWD QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Run after changing the SVG; the outputs are committed (the Windows build and
the .deb use them as they are, no image tools needed on the build machine).
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(images: list[QImage]) -> bytes:
    """An ICO holding PNG images (read by Windows Vista and later, NSIS and
    PyInstaller alike); written by hand so no image plugin decides the sizes."""
    pngs = [png_bytes(im) for im in images]
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(pngs).to_bytes(2, "little")
    entries, offset = b"", 6 + 16 * len(pngs)
    for im, data in zip(images, pngs):
        side = im.width() if im.width() < 256 else 0  # 0 means 256 in an ICO entry
        entries += bytes([side, side, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        entries += len(data).to_bytes(4, "little") + offset.to_bytes(4, "little")
        offset += len(data)
    return header + entries + b"".join(pngs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage needs it)
    renderer = QSvgRenderer(str(ICONS / "frontdesk.svg"))
    if not renderer.isValid():
        print("frontdesk.svg does not parse", file=sys.stderr)
        return 1
    (ICONS / "frontdesk.png").write_bytes(png_bytes(render(renderer, 256)))
    (ICONS / "frontdesk.ico").write_bytes(ico_bytes([render(renderer, s) for s in ICO_SIZES]))
    print(ICONS / "frontdesk.png", ICONS / "frontdesk.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
