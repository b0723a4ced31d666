"""Python's cycle collector runs on the GUI thread only.

Left automatic, a collection starts in whichever thread happens to allocate when the
counts pass their thresholds, a worker writing the journal included. If it then frees
a Qt object caught in a reference cycle (a widget and a lambda connected to it), the
widget is destroyed outside the GUI thread and the process can crash (seen as a
segmentation fault "Garbage-collecting" in a worker during the UI tests). So the
automatic collector is turned off and this timer runs the same generational checks,
with the same thresholds, on the GUI thread (the well-known recipe for Qt apps).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250
"""Often enough that garbage never piles up; a check with nothing to do costs ~µs."""


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> int:
        """Collect the generations whose counts passed their thresholds; returns how
        many objects were found unreachable."""
        first, second, third = gc.get_count()
        found = 0
        if first > self.threshold[0]:
            found = gc.collect(0)
            if second > self.threshold[1]:
                found += gc.collect(1)
                if third > self.threshold[2]:
                    found += gc.collect(2)
        return found
