"""``--self-test``: prove an install (source tree or frozen build) works end to end.

Starts the built-in simulator, runs one inquiry and one payment through the
real client and a journal in a temporary folder, checks that the icons, the
stylesheet and the English translation are where the app looks (and that the
SVG icons render: a build without Qt's svg plugin shows empty tiles), renders
the main window offscreen, and prints one line. Exit 0 on success, 1 with the
reason.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.composition import Core


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    try:
        summary = _run(started)
    except Exception as exc:  # the reason is the point of a self-test
        print(f"SELF-TEST FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(summary)
    return 0


def _run(started: float) -> str:
    from kiosk import __version__
    from kiosk.composition import build_core
    from kiosk.payment import BillRequest, PaymentState
    from kiosk.settings import Settings
    from kiosk.sim import Simulator

    with tempfile.TemporaryDirectory(prefix="loket-selftest-") as tmp, Simulator(port=0) as sim:
        core = build_core(Settings(status_poll_min_s=1.0), journal_file=Path(tmp) / "journal.sqlite3",
                          demo=True, simulator=sim)  # fmt: skip
        service = core.service
        bill = service.inquire(BillRequest("pln", "530000000001"))
        result = service.pay(bill)
        if result.state is not PaymentState.SUCCESS or not result.sn:
            raise RuntimeError(f"payment ended {result.state.value}, expected success")
        if sim.pay_count(bill.ref_id) != 1:
            raise RuntimeError("the simulator did not see exactly one payment")
        _check_resources()
        pixels = _render_window(core)
        core.close()
    elapsed = time.perf_counter() - started
    return (
        f"Loket {__version__} self-test OK: inquiry+payment {bill.ref_id} SN {result.sn}, "
        f"resources found, window rendered {pixels[0]}x{pixels[1]}, {elapsed:.1f} s"
    )


def _check_resources() -> None:
    from kiosk.products import PRODUCTS
    from kiosk.resources import resource, resources_dir

    wanted = [resource("icons", f"{product.icon}.svg") for product in PRODUCTS]
    wanted += [resource("styles", "loket.qss"), resource("translations", "loket_en.qm")]
    missing = [path.name for path in wanted if not path.is_file()]
    if missing:
        raise RuntimeError(f"missing under {resources_dir()}: {', '.join(missing)}")


def _render_window(core: Core) -> tuple[int, int]:
    from PySide6.QtWidgets import QApplication

    from kiosk.settings import Settings
    from kiosk.ui.app import build_window
    from kiosk.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    from kiosk.ui.icons import icon

    if icon("pln").pixmap(64, 64).isNull():
        raise RuntimeError("SVG icons do not render (Qt's svg image plugin is missing)")
    runner = TaskRunner()
    window = build_window(core=core, settings=Settings(), runner=runner, lang="id")
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    image = window.grab()
    if image.isNull() or image.width() < 100:
        raise RuntimeError("the main window did not render")
    size = (image.width(), image.height())
    window.close()
    window.controller.shutdown()
    runner.wait_idle()
    return size
