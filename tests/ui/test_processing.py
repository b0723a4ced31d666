"""Processing: the pay runs in the worker, so the screen stays alive however slow the
provider is."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QTimer

from kiosk.sim import Simulator
from tests.ui.conftest import make_kiosk
from tests.ui.customer import fill_and_inquire, open_form, pay


def test_the_gui_thread_never_blocks_during_a_slow_payment(qtbot, tmp_path: Path) -> None:
    with Simulator(port=0, slow_seconds=1.5) as slow:
        k = make_kiosk(qtbot, slow, tmp_path, read=3.0)
        open_form(qtbot, k, "pdam")
        fill_and_inquire(qtbot, k, "990000091")
        gaps: list[float] = []
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        heartbeat = QTimer()
        heartbeat.timeout.connect(beat)
        heartbeat.start(10)
        last[0] = time.perf_counter()
        pay(qtbot, k)
        heartbeat.stop()
        assert sum(gaps) > 1.2  # the payment really took the slow path
        assert max(gaps) < 0.05, f"GUI thread blocked for {max(gaps) * 1000:.0f} ms"
        k.controller.shutdown()
        k.runner.wait_idle(10_000)
