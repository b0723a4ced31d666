"""GUI fixtures: the real window around a real simulator, client and journal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.composition import assemble_core
from kiosk.settings import Settings
from kiosk.sim import Simulator
from kiosk.ui.app import build_window
from kiosk.ui.main_window import MainWindow
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import KIOSK, stylesheet
from tests.support.demo_client import demo_client


class Kiosk:
    """What a GUI test holds: the window and the simulator behind it."""

    def __init__(self, window: MainWindow, sim: Simulator, runner: TaskRunner) -> None:
        self.window, self.sim, self.runner = window, sim, runner
        self.controller = window.controller


def make_kiosk(
    qtbot,
    sim: Simulator,
    tmp_path: Path,
    *,
    read: float = 3.0,
    url: str | None = None,
    shop_fees: dict[str, int] | None = None,
) -> Kiosk:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    app.setStyleSheet(stylesheet(KIOSK))  # type: ignore[union-attr]
    client = demo_client(url or sim.url, read=read)
    settings = Settings(
        shop_name="Toko Sumber Rejeki", shop_fees=shop_fees or {}, status_poll_min_s=0.2
    )
    core = assemble_core(settings, client, tmp_path / "journal.sqlite3", allow_fast_status=True)
    runner = TaskRunner()
    window = build_window(core=core, settings=settings, runner=runner)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return Kiosk(window, sim, runner)


@pytest.fixture
def kiosk(qtbot, sim: Simulator, tmp_path: Path) -> Iterator[Kiosk]:
    k = make_kiosk(qtbot, sim, tmp_path)
    yield k
    k.controller.shutdown()
    k.runner.wait_idle(10_000)
