"""The owner window on a real fleet database, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, replace
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from kiosk.fleet.alerts import Thresholds, alerts_for
from kiosk.fleet.heartbeat import Heartbeat, send
from kiosk.fleet.link import connector
from kiosk.fleet.owner import OwnerDb
from kiosk.fleet.replicator import Replicator
from kiosk.fleet.sources import JournalReader
from kiosk.i18n import MONTHS
from kiosk.journal import Journal, PaymentState
from kiosk.ui.fleet_window import FleetWindow
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import DESKTOP, stylesheet
from tests.fleet.conftest import FleetDb, pay
from tests.fleet.test_replicator import wait_until


def kiosk_reports(db: FleetDb, kiosk_id: str, journal: Journal, beat: Heartbeat) -> None:
    """What a running kiosk leaves in the database: its journal and one heartbeat."""
    worker = Replicator(
        journal_path=journal.path,
        kiosk_id=kiosk_id,
        target=kiosk_id,
        poll_s=0.1,
        connect=connector(db.kiosk_dsn(kiosk_id), lambda: db.passwords[kiosk_id]),
    )
    worker.start()
    try:
        wait_until(lambda: worker.status.backlog == 0 and worker.shipped > 0)
    finally:
        worker.stop()
    now = datetime.now().astimezone()
    figures = JournalReader(journal.path, kiosk_id).figures()
    beat = replace(beat, **asdict(figures))
    with db.connect_kiosk(kiosk_id) as conn:
        send(conn, kiosk_id, beat, alerts_for(beat, Thresholds(), now), now)


@pytest.fixture
def window(qtbot, fleet_db: FleetDb, tmp_path: Path) -> Iterator[FleetWindow]:
    for kiosk_id in ("toko1", "toko2", "toko3"):
        fleet_db.add_kiosk(kiosk_id)
    one = Journal(tmp_path / "one.sqlite3")
    for n in range(4):
        pay(one, n, total=150_000)
    old = datetime.now() - timedelta(minutes=25)
    pay(one, 9, final=PaymentState.PENDING, at=old)
    kiosk_reports(
        fleet_db, "toko1", one, Heartbeat(deposit=Decimal(1_250_000), printer="ok", paper="ok")
    )
    two = Journal(tmp_path / "two.sqlite3")
    pay(two, 1, total=75_000)
    kiosk_reports(
        fleet_db, "toko2", two, Heartbeat(deposit=Decimal(80_000), printer="ok", paper="out")
    )
    app = QApplication.instance()
    old_style = app.styleSheet()
    app.setStyleSheet(stylesheet(DESKTOP))  # as `python -m kiosk fleet` shows it
    runner = TaskRunner()
    db = OwnerDb(fleet_db.owner_dsn)
    shown = FleetWindow(db, runner, every_ms=60_000)
    qtbot.addWidget(shown)
    shown.show()
    with qtbot.waitSignal(shown.refreshed, timeout=10_000):
        shown.refresh()
    yield shown
    runner.wait_idle(5000)
    app.setStyleSheet(old_style)
    db.close()
    one.close()
    two.close()


def cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def test_the_owner_sees_every_kiosk_and_acknowledges_an_alert(
    window: FleetWindow, qtbot, qtmodeltester, fleet_db: FleetDb, screenshots_dir: Path
) -> None:
    kiosks = window.kiosks
    assert [cell(kiosks, r, 0) for r in range(kiosks.rowCount())] == ["toko1", "toko2", "toko3"]
    assert cell(kiosks, 0, 2).startswith("Ya (") and cell(kiosks, 2, 2) == "TIDAK (-)"
    assert cell(kiosks, 0, 3) == "Rp 1.250.000"
    assert cell(kiosks, 0, 7) == "1 (25 mnt)"
    assert cell(kiosks, 0, 8) == "4 · Rp 604.000"
    assert cell(kiosks, 1, 4) == "baik / habis"
    assert window.summary.text() == "2 dari 3 kiosk online · 4 peringatan baru"
    window.grab().save(str(screenshots_dir / "fleet-window.png"))

    window.tabs.setCurrentIndex(1)
    alerts = window.alerts
    kinds = {cell(alerts, r, 3) for r in range(alerts.rowCount())}
    assert "Kertas printer habis." in kinds and "Saldo deposit tinggal Rp 80.000." in kinds
    assert any(k.startswith("1 pembayaran belum selesai") for k in kinds)
    assert "Kiosk tidak mengirim kabar sama sekali." in kinds  # toko3 never reported
    assert not window.ack_button.isEnabled()
    row = next(r for r in range(alerts.rowCount()) if cell(alerts, r, 3) == "Kertas printer habis.")
    window.alert_view.selectionModel().select(
        alerts.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert window.ack_button.isEnabled()
    window.grab().save(str(screenshots_dir / "fleet-window-alerts.png"))
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        window.ack_button.click()
    assert window.tabs.tabText(1) == "Peringatan (3)"
    row = next(r for r in range(alerts.rowCount()) if cell(alerts, r, 3) == "Kertas printer habis.")
    assert cell(alerts, row, 0) == "dilihat"
    assert (
        fleet_db.scalar(
            "SELECT count(*) FROM fleet.alerts WHERE acknowledged_by IS NOT NULL"
            " AND kind = 'paper_out'"
        )
        == 1
    )

    window.tabs.setCurrentIndex(3)
    days = [[cell(window.days, r, c) for c in range(7)] for r in range(window.days.rowCount())]
    # Six payments, Rp 680.000 paid: all today's, but for the pending one 25 minutes old,
    # which between 00:00 and 00:25 (the database's zone) is yesterday's.
    assert sum(int(row[2]) for row in days) == 6
    assert cell(window.days, 0, 6) == "Rp 680.000"
    today = datetime.now()
    assert cell(window.days, 0, 0) == f"{today.day} {MONTHS['id'][today.month - 1]} {today.year}"
    window.grab().save(str(screenshots_dir / "fleet-window-days.png"))
    for model in (kiosks, alerts, window.days, window.payments):
        qtmodeltester.check(model)


def test_a_database_that_goes_away_is_said_in_the_status_line(window: FleetWindow, qtbot) -> None:
    window.db.dsn = "postgresql://nobody@127.0.0.1:1/none"
    window.db.close()
    with qtbot.waitSignal(window.failed, timeout=10_000) as caught:
        window.refresh()
    assert caught.args[0].startswith("Database armada tidak terjangkau")
    assert window.status_line.text() == caught.args[0]
    assert window.kiosks.rowCount() == 3  # the last good view stays on screen


def test_the_owner_opens_a_kiosks_journal_and_finds_a_payment(
    window: FleetWindow, qtbot, screenshots_dir: Path
) -> None:
    first = window.kiosks.index(0, 0)
    with qtbot.waitSignal(window.payments_found, timeout=10_000) as found:
        window.kiosk_view.doubleClicked.emit(first)
    assert found.args == [5]
    assert window.tabs.currentWidget() is window.journal_page
    assert window.kiosk_choice.currentText() == "toko1"
    payments = window.payments
    assert {cell(payments, r, 0) for r in range(5)} == {"toko1"}
    states = [cell(payments, r, 5) for r in range(5)]
    assert states.count("Sukses") == 4 and states[-1] == "Pending"  # newest first
    assert cell(payments, 0, 2) == "Listrik PLN" and cell(payments, 0, 4) == "Rp 151.000"
    window.grab().save(str(screenshots_dir / "fleet-window-journal.png"))

    window.kiosk_choice.setCurrentIndex(0)  # every kiosk
    qtbot.keyClicks(window.search_field, "SN1")
    with qtbot.waitSignal(window.payments_found, timeout=10_000) as found:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert found.args == [2]  # SN1 was paid at both kiosks
    assert sorted(cell(payments, r, 0) for r in range(2)) == ["toko1", "toko2"]
    window.search_field.setText("53" + "9".rjust(10, "0"))  # the pending payment's customer
    with qtbot.waitSignal(window.payments_found, timeout=10_000) as found:
        window.search_button.click()
    assert found.args == [1] and cell(payments, 0, 5) == "Pending"
