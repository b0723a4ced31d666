"""Python's cyclic garbage collector runs on the GUI thread only.

Left alone, a collection may start in a worker thread (any allocation can
trigger it) and walk Qt wrappers while the GUI thread deletes their C++
objects, which crashes the process. The well-known remedy for Python Qt
apps: turn automatic collection off and collect from a GUI-thread timer.
Reference counting still frees almost everything at once; only cycles wait
for the next tick.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GcGuard(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start(INTERVAL_MS)

    def _on_timer_timeout(self) -> None:
        # Cheap young-generation passes each tick, a full one when Python would.
        threshold = gc.get_threshold()[0]
        if gc.get_count()[0] > threshold:
            gc.collect(0)
            if gc.get_count()[1] > gc.get_threshold()[1]:
                gc.collect(1)
                if gc.get_count()[2] > gc.get_threshold()[2]:
                    gc.collect(2)


def install(app: QObject) -> None:
    """Once per application (idempotent)."""
    if app.findChild(GcGuard) is None:
        GcGuard(app)
