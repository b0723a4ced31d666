"""Tutup Kasir: a real window with a heading, the day's numbers against the simulator's
own books, and the cash counted in the drawer against what should be there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.business_day import now as wib_now
from kiosk.journal import HistoryFilter, PaymentState
from kiosk.money import format_rupiah
from kiosk.payment import BillRequest
from kiosk.ui.closing_view import ClosingView
from tests.ui.conftest import Kiosk
from tests.ui.customer import pay_some


def test_closing_matches_the_providers_balance_change_exactly(
    qtbot, kiosk: Kiosk, screenshots_dir: Path
) -> None:
    controller = kiosk.controller
    with qtbot.waitSignal(controller.balance.balance_checked, timeout=5000):
        controller.balance.refresh()  # the deposit known before the day's first payment
    opening = kiosk.sim.balance
    service, resolver = controller.payment.service, controller.core.resolver  # type: ignore[union-attr]
    refs = {}
    for code, number in (
        ("pln", "530000000001"),
        ("pdam", "1013226"),
        ("pln", "530000000006"),  # pay refused (rc 02): nothing deducted
        ("pln", "630000000006"),  # pending, then failed: deducted, refunded
        ("bpjs", "8801234560001"),
    ):
        refs[number] = service.pay(service.inquire(BillRequest(code, number))).ref_id
    for number in ("530000000006", "630000000006"):
        qtbot.waitUntil(
            lambda n=number: resolver.check(refs[n]).result.state is PaymentState.FAILED,
            timeout=5000,
        )
    change = kiosk.sim.balance - opening
    assert change < 0
    kiosk.window.closing_requested.emit()  # Toko → Tutup Kasir
    qtbot.waitUntil(lambda: kiosk.window.shop_windows.closing is not None, timeout=5000)
    view: ClosingView = kiosk.window.shop_windows.closing
    assert view.values["Saldo awal"] == format_rupiah(opening)
    assert view.values["Perubahan saldo penyedia"] == format_rupiah(change)
    assert view.values["Saldo akhir"] == format_rupiah(kiosk.sim.balance)
    assert view.values["Sukses"] == "3" and view.values["Gagal"] == "2"
    assert "Toko Sumber Rejeki" in view.heading.text() and "(WIB)" in view.heading.text()
    assert view.width() >= 560 and view.height() >= 640  # a window, not 367×307
    # The cash: what successful payments collected (shop fees included) plus the float.
    collected = view.summary.collected
    assert view.expected.text() == format_rupiah(collected)
    qtbot.keyClicks(view.float_field, "200000")
    qtbot.keyClicks(view.counted_field, str(collected + 200_000 - 5_000))
    assert view.difference.text() == "Selisih: kurang Rp 5.000"
    assert view.difference.objectName() == "error"
    view.counted_field.clear()
    qtbot.keyClicks(view.counted_field, str(collected + 200_000))
    assert view.difference.text() == "Cocok: kas sesuai."
    view.grab().save(str(screenshots_dir / "closing-cash.png"))
    text = view.as_text()
    assert "Tutup Kasir" in text and "Uang dihitung (Rp): " in text and "Selisih: Rp 0" in text
    exported = view.export_to(screenshots_dir.parent / "closing-cash.csv").read_text()
    assert f"Perubahan saldo penyedia,{format_rupiah(change)}" in exported
    qtbot.mouseClick(view.done, Qt.MouseButton.LeftButton)
    assert not view.isVisible()


def test_closing_fits_an_800x480_panel_with_its_buttons_in_view(qtbot, kiosk: Kiosk) -> None:
    kiosk.window.closing_requested.emit()
    qtbot.waitUntil(lambda: kiosk.window.shop_windows.closing is not None, timeout=5000)
    view: ClosingView = kiosk.window.shop_windows.closing
    available = view.screen().availableGeometry()
    assert available.contains(view.geometry())  # opened inside the screen
    view.resize(784, 440)  # what an 800×480 panel leaves for a window
    qtbot.waitUntil(lambda: view.height() == 440)
    window = view.rect()
    for button in (view.print, view.export, view.done):
        corner = button.mapTo(view, button.rect().bottomRight())
        assert button.isVisible() and window.contains(corner), button.text()
    bar = view.body.verticalScrollBar()
    assert bar.maximum() > 0  # the numbers and the cash count scroll instead
    bar.setValue(bar.maximum())
    field = view.counted_field
    bottom = field.mapTo(view.body.viewport(), field.rect().bottomLeft())
    assert view.body.viewport().rect().contains(bottom)


def test_daily_closing(qtbot, kiosk: Kiosk, screenshots_dir: Path) -> None:
    pay_some(qtbot, kiosk)
    summary = kiosk.controller.payment.service.journal.daily_summary(wib_now().date())
    view = ClosingView(summary)
    qtbot.addWidget(view)
    view.show()
    assert view.values["Jumlah transaksi"] == "4"
    assert view.values["Sukses"] == "3" and view.values["Gagal"] == "1"
    assert view.values["Perubahan saldo penyedia"].startswith("-Rp ")
    view.grab().save(str(screenshots_dir / "closing.png"))
    exported = view.export_to(screenshots_dir.parent / "closing.csv").read_text()
    assert "Jumlah transaksi,4" in exported
    assert kiosk.controller.payment.service.journal.count(HistoryFilter()) == 4
