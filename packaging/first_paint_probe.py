"""A start-up probe for the benchmarks: when ``$LOKET_FIRST_PAINT_FILE`` is set, write
the CLOCK_MONOTONIC time (seconds) at which the first main window finished its first
frame, then leave at once (``os._exit``: the teardown is not start-up).

Armed in three ways, always the same code so app and baseline are timed alike:
``python first_paint_probe.py -m kiosk --demo`` or ``python first_paint_probe.py
script.py`` (source runs), or as a PyInstaller runtime hook (frozen builds). Without the
variable it does nothing and imports nothing.

How: ``QApplication.exec`` is wrapped; before the loop starts an event filter goes on
each visible top-level window. On its first Paint a zero timer is queued, so the time
is taken after the whole frame (the window's children paint after the window itself).
"""

import os
import sys


def _arm(report: str) -> None:
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    paint = QEvent.Type.Paint
    real_exec = QApplication.exec

    def done() -> None:
        with open(report, "w", encoding="ascii") as out:
            out.write(repr(time.clock_gettime(time.CLOCK_MONOTONIC)))
        sys.stdout.flush()
        os._exit(0)

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, done)
            return False

    def exec_(*_args):  # called as app.exec() or QApplication.exec(): a static in Qt
        app = QApplication.instance()
        probe = FirstPaint(app)
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.installEventFilter(probe)
        return real_exec()

    QApplication.exec = exec_


if os.environ.get("LOKET_FIRST_PAINT_FILE"):
    _arm(os.environ["LOKET_FIRST_PAINT_FILE"])

if __name__ == "__main__" and not getattr(sys, "frozen", False):  # a runtime hook runs as
    import runpy  # __main__ too: in a frozen app this block must not run

    target = sys.argv[1]
    if target == "-m":
        sys.argv = [sys.argv[2], *sys.argv[3:]]
        runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
    else:
        sys.argv = sys.argv[1:]
        runpy.run_path(target, run_name="__main__")
