"""Desktop windows (History, Tutup Kasir, Settings…) open inside the available screen.

Their preferred sizes suit a 1280×800 desktop; on an 800×480 panel or a 1366×768 laptop
with a task bar they would open with their buttons off-screen. ``show_fitted`` shrinks a
window to the screen (room left for a title bar), centres it, and shows it. Each window
keeps its own scrolling for what no longer fits.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_PX = 40
"""Title bar and borders: not known before a window is first shown."""


def inside(area: QRect, width: int, height: int, *, least: tuple[int, int] = (0, 0)) -> QRect:
    """A window of at most ``width`` × ``height`` (at least ``least``), shrunk to ``area``
    with room left for a title bar, centred in it."""
    width = max(least[0], min(width, area.width() - 16))
    height = max(least[1], min(height, area.height() - FRAME_PX))
    return QRect(
        area.x() + (area.width() - width) // 2,
        area.y() + max(0, (area.height() - height - FRAME_PX) // 2),
        width,
        height,
    )


def show_fitted(window: QWidget) -> None:
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        rect = inside(screen.availableGeometry(), window.width(), window.height())
        window.setMinimumSize(
            min(window.minimumWidth(), rect.width()), min(window.minimumHeight(), rect.height())
        )
        window.resize(rect.size())
        window.move(rect.topLeft())
    window.show()
