"""Garbage with Qt objects in it is freed on the GUI thread, never in a worker."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QLabel

from kiosk.ui.gui_gc import GuiThreadCollector
from kiosk.ui.tasks import TaskRunner


def test_cycles_are_collected_on_the_gui_thread_only(qtbot) -> None:
    gc.enable()  # as a bare interpreter has it; the collector turns it off
    collector = GuiThreadCollector(interval_ms=10)
    freed_in: list[str] = []
    try:
        assert not gc.isenabled()  # a worker allocating can no longer start a collection

        class Cycle:
            def __init__(self) -> None:
                self.me = self
                self.label = QLabel()  # a Qt object caught in the cycle

            def __del__(self) -> None:
                freed_in.append(threading.current_thread().name)

        Cycle()
        runner = TaskRunner()
        done = []
        # A worker allocating far past the first threshold starts no collection.
        work = lambda: [[] for _ in range(50_000)]  # noqa: E731 - containers count for gc
        runner.submit(work, on_done=done.append, on_error=done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=5000)
        qtbot.waitUntil(lambda: bool(freed_in), timeout=5000)  # the timer's check
        assert freed_in == [threading.main_thread().name]
        runner.wait_idle(2000)
    finally:
        collector.timer.stop()
