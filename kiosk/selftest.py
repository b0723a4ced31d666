"""``--self-test``: prove an install (source tree or frozen build) works end to end.

Starts the built-in simulator in a child process (so it is not counted in the
app's memory, and the app talks to it over a real socket as it would to the
provider), runs one inquiry and one payment through the real client and a
journal in a temporary folder, checks that the icons, the
stylesheet, the English translation and the CA bundle (certifi) are where the
app looks, renders the main window offscreen (and checks the tiles' SVG icons were
drawn in it: a build without Qt's svg plugin shows empty tiles), and prints one line. Exit 0 on success, 1 with the
reason.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.composition import Core
    from kiosk.payment import Bill, PaymentResult
    from kiosk.ui.main_window import MainWindow


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

    with tempfile.TemporaryDirectory(prefix="loket-selftest-") as tmp, simulator() as sim:
        # The composition root, in demo mode against the simulator in its own process.
        core = build_core(
            Settings(status_poll_min_s=1.0),
            journal_file=Path(tmp) / "journal.sqlite3",
            demo=True,
            endpoint=sim.url,
        )
        service = core.service
        bill = service.inquire(BillRequest("pln", "530000000001"))
        result = service.pay(bill)
        if result.state is not PaymentState.SUCCESS or not result.sn:
            raise RuntimeError(f"payment ended {result.state.value}, expected success")
        if sim.pay_count(bill.ref_id) != 1:
            raise RuntimeError("the simulator did not see exactly one payment")
        _check_resources()
        pixels = _render_window(core, bill, result)
        core.close()
    elapsed = time.perf_counter() - started
    return (
        f"Loket {__version__} self-test OK: inquiry+payment {bill.ref_id} SN {result.sn}, "
        f"resources found, window rendered {pixels[0]}x{pixels[1]} "
        f"(home, form, confirm, processing, result), {elapsed:.1f} s"
    )


SIMULATOR_FLAG = "--self-test-simulator"
"""A frozen build has no ``-c``: its launcher runs :func:`serve_simulator` on this flag."""


class _ChildSimulator:
    """The simulator in its own process: ``url``, and ``pay_count`` asked over a pipe."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self._in: IO[str] = process.stdin  # type: ignore[assignment]
        self._out: IO[str] = process.stdout  # type: ignore[assignment]
        first = self._out.readline().strip()
        if not first.startswith("http://"):
            raise RuntimeError(f"the simulator did not start: {first or 'no output'}")
        self.url = first

    def pay_count(self, ref_id: str) -> int:
        self._in.write(ref_id + "\n")
        self._in.flush()
        return int(self._out.readline())


def _simulator_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, SIMULATOR_FLAG]
    return [sys.executable, "-c", "from kiosk.selftest import serve_simulator; serve_simulator()"]


@contextmanager
def simulator() -> Iterator[_ChildSimulator]:
    process = subprocess.Popen(  # noqa: S603 - our own interpreter or frozen app
        _simulator_command(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
    )
    try:
        yield _ChildSimulator(process)
    finally:
        if process.stdin:
            process.stdin.close()  # EOF: the child stops its server and exits
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()


def serve_simulator() -> int:
    """The child's side: print the URL, answer each ref_id line with its pay count."""
    from kiosk.sim import Simulator

    with Simulator(port=0) as sim:
        print(sim.url, flush=True)
        for line in sys.stdin:
            print(sim.pay_count(line.strip()), flush=True)
    return 0


def _check_resources() -> None:
    from kiosk.products import PRODUCTS
    from kiosk.resources import resource, resources_dir

    wanted = [resource("icons", f"{product.icon}.svg") for product in PRODUCTS]
    wanted += [resource("icons", "spinner.svg"), resource("styles", "loket.qss")]
    wanted += [resource("translations", "loket_en.qm")]
    missing = [path.name for path in wanted if not path.is_file()]
    if missing:
        raise RuntimeError(f"missing under {resources_dir()}: {', '.join(missing)}")
    bundle = _ca_bundle()
    if not bundle.is_file():  # https to the provider verifies against it
        raise RuntimeError(f"the CA bundle is missing: {bundle}")


def _ca_bundle() -> Path:
    """The file ``certifi.where()`` names (``cacert.pem`` beside certifi's package, in
    the source tree and in the frozen build alike), found without importing certifi:
    the app imports it at its first https connection, which a self-test on the loopback
    simulator never makes, and its import is ~0.5 MiB (issue 16)."""
    from importlib.util import find_spec

    spec = find_spec("certifi")
    if spec is None or spec.origin is None:
        raise RuntimeError("certifi, whose CA bundle https verifies against, is missing")
    return Path(spec.origin).with_name("cacert.pem")


def _render_window(core: Core, bill: Bill, result: PaymentResult) -> tuple[int, int]:
    from PySide6.QtWidgets import QApplication

    from kiosk.settings import Settings
    from kiosk.ui.app import build_window
    from kiosk.ui.tasks import TaskRunner

    _forget_sources()
    app = QApplication.instance() or QApplication([])
    runner = TaskRunner()
    window = build_window(core=core, settings=Settings(), runner=runner, lang="id")
    _forget_sources()  # the desks' modules, imported by build_window
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    size = (window.width(), window.height())
    colours = _colours_drawn(window)
    if len(colours) < 3:
        raise RuntimeError("the main window did not render")
    if not any(_pln_yellow(colour) for colour in colours):
        raise RuntimeError("the tiles' SVG icons were not drawn (Qt's svg plugin is missing)")
    _render_payment_screens(window, bill, result)
    window.close()
    window.controller.shutdown()
    runner.wait_idle()
    return size


def _render_payment_screens(window: MainWindow, bill: Bill, result: PaymentResult) -> None:
    """Every payment screen, filled with the self-test's own bill and result, drawn in
    the real window: a build that cannot show one of them fails here, not at a customer."""
    from PySide6.QtWidgets import QApplication

    from kiosk.products import product
    from kiosk.ui.navigation import Screen

    fills: dict[Screen, Callable[[], object]] = {
        Screen.FORM: lambda: window.form.show_product(product(bill.product)),
        Screen.CONFIRM: lambda: window.confirm.show_bill(bill),
        Screen.PROCESSING: lambda: None,
        Screen.RESULT: lambda: window.result.show_result(result),
    }
    for kind, fill in fills.items():
        fill()
        window.show_screen(kind)
        QApplication.processEvents()
        if window.stack.currentWidget() is not window.screens[kind]:
            raise RuntimeError(f"the {kind.name.lower()} screen could not be shown")
        if len(_colours_drawn(window)) < 3:
            raise RuntimeError(f"the {kind.name.lower()} screen did not render")
    if window.result.sn_box.raw != result.sn or not window.result.sn_box.isVisibleTo(window):
        raise RuntimeError("the result screen does not show the payment's SN")
    window.show_screen(Screen.HOME)


def _forget_sources() -> None:
    """Drop the source lines PySide read into ``linecache`` while the UI modules were
    imported (it reads each module's source to look for ``__feature__``): ~1.2 MB of
    text nobody needs, freed before the window is built so the window reuses it."""
    import linecache

    linecache.clearcache()


def _pln_yellow(rgb: int) -> bool:
    """Near the Listrik PLN icon's yellow (#F2A900): only an SVG icon draws it on the home."""
    red, green, blue = (rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF
    return abs(red - 0xF2) < 24 and abs(green - 0xA9) < 24 and blue < 48


def _colours_drawn(window: object) -> set[int]:
    """The colours an eighth-size render of the window shows (a blank one has 1).

    Small: a full-size ``grab()`` would hold a second 4 MB frame beside the window's
    own backing store, only to be thrown away; an eighth still shows every tile's icon.
    """
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QImage, QPainter

    width, height = window.width() // 8, window.height() // 8  # type: ignore[attr-defined]
    # Black from a zeroed buffer, not ``image.fill(0)``: fill's overloads make PySide
    # build the whole Qt namespace (~100 enums: 1.6 MiB and 40 ms) to resolve the call.
    pixels = bytearray(width * height * 4)
    image = QImage(pixels, width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.scale(0.125, 0.125)
    window.render(painter, QPoint(0, 0))  # type: ignore[attr-defined]
    painter.end()
    return {image.pixel(x, y) & 0xFFFFFF for x in range(width) for y in range(height)}
