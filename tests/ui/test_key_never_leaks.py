"""A whole session with a distinctive key: the key and its signs end up in no file."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import Qt

from kiosk import keychain
from kiosk import settings as store
from kiosk.composition import build_core
from kiosk.logsetup import configure_logging
from kiosk.paths import AppPaths
from kiosk.settings import Settings
from kiosk.sim import Simulator
from kiosk.ui.app import build_window
from kiosk.ui.tasks import TaskRunner
from tests.ui.conftest import Kiosk
from tests.ui.customer import fill_and_inquire, open_form, pay

KEY = "ZZ-loket-rahasia-9f8e7d6c5b4a"


def test_the_key_appears_in_no_file_and_no_command_line(qtbot, loket_home: Path) -> None:
    with Simulator(port=0, username="toko1", key=KEY) as sim:
        keychain.set_key("toko1", KEY)
        paths = AppPaths.default()
        settings = Settings(
            api_username="toko1",
            endpoint=sim.url,
            testing=True,
            shop_name="Toko Uji",
            status_poll_min_s=0.2,
        )
        store.save(paths.settings_file, settings)
        configure_logging(paths.logs)
        core = build_core(settings, journal_file=paths.journal_file, endpoint=sim.url)
        runner = TaskRunner()
        window = build_window(
            core=core, settings=settings, runner=runner, receipts_dir=paths.receipts
        )
        qtbot.addWidget(window)
        window.show()
        k = Kiosk(window, sim, runner)
        with qtbot.waitSignal(k.controller.balance.balance_changed, timeout=5000):
            k.controller.start()
        refs = []
        for code, number in (
            ("pln", "530000000001"),
            ("pdam", "990000093"),
            ("bpjs", "8801234560005"),
        ):
            open_form(qtbot, k, code)
            fill_and_inquire(qtbot, k, number)
            refs.append(k.controller.payment.bill.ref_id)
            pay(qtbot, k)
            qtbot.mouseClick(window.result.print, Qt.MouseButton.LeftButton)
            qtbot.mouseClick(window.result.new, Qt.MouseButton.LeftButton)
        k.controller.shutdown()
        runner.wait_idle(10_000)
        core.close()
        for handler in logging.getLogger().handlers:
            handler.flush()

    signs = [
        hashlib.md5(f"toko1{KEY}{s}".encode()).hexdigest() for s in [*refs, "depo", "pricelist"]
    ]
    secrets = [KEY.encode(), *(s.encode() for s in signs)]
    written = [p for p in loket_home.rglob("*") if p.is_file()]
    names = {p.name for p in written}
    assert {"settings.json", "journal.sqlite3", "loket.log"} <= names
    assert any(name.endswith(".pdf") for name in names)
    for path in written:
        data = path.read_bytes()
        for secret in secrets:
            assert secret not in data, f"{secret[:6]!r}… found in {path}"
    cmdline = Path("/proc/self/cmdline").read_bytes()
    assert all(secret not in cmdline for secret in secrets)
    assert refs[0].encode() in (paths.logs / "loket.log").read_bytes()  # the log is real


def teardown_module() -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", ""):
            root.removeHandler(handler)
            handler.close()
