"""The stall benchmark's app side, in its own (fresh) process: the real window on a
simulator URL, five full payments driven like a fast shopkeeper (one key or click per
step, the event loop running between steps), and a 1 ms timer that records every gap
on the GUI thread. Prints one JSON line. ``--idle`` runs the timer with no window and no
payments, for the machine's own noise."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

Step = tuple[str, Callable[[], object] | None, Callable[[], bool] | None]
"""(what the user does, the action, what to wait for before the next step)."""


class GapClock(QObject):
    """A 1 ms precise timer; each tick records the time since the previous one, the
    driver step in progress and the screen shown, then runs the next due step."""

    def __init__(self, steps: Iterator[Step], screen: Callable[[], str]) -> None:
        super().__init__()
        self.steps, self.screen = steps, screen
        self.gaps: list[tuple[float, str, str]] = []
        self.label, self.waiting = "start", None  # type: ignore[var-annotated]
        self.last = time.perf_counter()
        self.next_at = self.last + 0.2
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(((now - self.last) * 1000, self.label, self.screen()))
        self.last = now
        if now < self.next_at or (self.waiting is not None and not self.waiting()):
            return
        try:
            label, action, until = next(self.steps)
        except StopIteration:
            self.timer.stop()
            QApplication.quit()
            return
        self.label, self.waiting = label, until
        self.next_at = now + 0.02  # a fast hand: 20 ms between steps
        if action is not None:
            action()


def payments(window: object, count: int, prebuild: bool = False, first: int = 1) -> Iterator[Step]:
    """Connected now (before the controller starts), stepped later."""
    balance: list[object] = []
    window.controller.balance.balance_changed.connect(balance.append)  # type: ignore[attr-defined]
    return _payments(window, count, balance, prebuild, first)


def _payments(
    window: object, count: int, balance: list[object], prebuild: bool, first: int
) -> Iterator[Step]:
    from kiosk.ui.navigation import Screen

    w = window
    c = w.controller  # type: ignore[attr-defined]
    left = Qt.MouseButton.LeftButton
    yield "wait for the balance", None, lambda: bool(balance)
    if prebuild:
        for kind in (Screen.FORM, Screen.CONFIRM, Screen.PROCESSING, Screen.RESULT):
            yield f"prebuild {kind.name}", lambda k=kind: w.screen_for(k), None
    for n in range(1, count + 1):
        number = f"54{first + n - 1:010d}"
        yield (
            f"pay {n}: tap tile",
            lambda: QTest.mouseClick(w.home.tiles["pln"], left),
            lambda: c.nav.screen is Screen.FORM,
        )
        for digit in number:
            yield f"pay {n}: type digit", lambda d=digit: QTest.keyClick(w.form.field1, d), None
        yield (
            f"pay {n}: tap Cek Tagihan",
            lambda: QTest.mouseClick(w.form.submit, left),
            lambda: c.nav.screen is Screen.CONFIRM,
        )
        yield f"pay {n}: confirm shown", None, None
        yield (
            f"pay {n}: tap Bayar",
            lambda: QTest.mouseClick(w.confirm.pay, left),
            lambda: c.nav.screen is Screen.RESULT,
        )
        yield f"pay {n}: result shown", None, None
        yield (
            f"pay {n}: tap Transaksi Baru",
            lambda: QTest.mouseClick(w.result.new, left),
            lambda: c.nav.screen is Screen.HOME,
        )
        yield f"pay {n}: home shown", None, None


def idle(seconds: float) -> Iterator[Step]:
    end = time.perf_counter() + seconds
    yield "idle", None, lambda: time.perf_counter() >= end


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url", nargs="?")
    parser.add_argument("--journal", type=Path)
    parser.add_argument("--payments", type=int, default=5)
    parser.add_argument(
        "--first",
        type=int,
        default=1,
        help="first customer number (each run "
        "against one simulator needs its own: a paid bill cannot be paid again)",
    )
    parser.add_argument("--idle", type=float, help="seconds of timer with nothing to do")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the GUI thread here")
    parser.add_argument(
        "--prebuild",
        action="store_true",
        help="a proposal: build the payment screens one per idle turn first",
    )
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    if args.idle:
        clock = GapClock(idle(args.idle), lambda: "-")
        app.exec()
        print(json.dumps({"gaps": clock.gaps}))
        return 0

    from kiosk.api import DigiswitchClient, Timeouts
    from kiosk.composition import assemble_core
    from kiosk.journal import HistoryFilter, PaymentState
    from kiosk.settings import Settings
    from kiosk.ui.app import build_window
    from kiosk.ui.tasks import TaskRunner
    from kiosk.ui.theme import DESKTOP, stylesheet

    app.setStyleSheet(stylesheet(DESKTOP))
    settings = Settings(shop_name="Toko Bench", status_poll_min_s=1.0)
    client = DigiswitchClient(
        base_url=args.url,
        username="demo",
        key_provider=lambda: "demo-key",
        testing=True,
        timeouts=Timeouts(connect=2, read=5),
    )
    core = assemble_core(settings, client, args.journal, allow_fast_status=True)
    runner = TaskRunner()
    window = build_window(core=core, settings=settings, runner=runner)
    steps = payments(window, args.payments, args.prebuild, args.first)
    window.show()
    window.controller.start()
    if not args.prebuild:
        from kiosk.ui.warmup import prebuild_screens

        prebuild_screens(window)  # what the app does after its first frame
    clock = GapClock(steps, lambda: window.controller.nav.screen.name)
    QTimer.singleShot(90_000, lambda: app.exit(3))  # a stuck step: fail, do not hang
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    code = app.exec()
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(args.profile))
    if code != 0:
        print(f"stuck at {clock.label!r} on {window.controller.nav.screen.name}", file=sys.stderr)
        return 3
    window.controller.shutdown()
    runner.wait_idle(5000)
    paid = core.journal.count(HistoryFilter(state=PaymentState.SUCCESS))
    print(json.dumps({"gaps": clock.gaps, "paid": paid}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
