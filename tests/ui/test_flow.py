"""A customer's walk from tile to result, against the real simulator."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from kiosk.journal import PaymentState
from kiosk.money import format_rupiah
from kiosk.products import group_sn
from kiosk.ui.navigation import Screen
from tests.ui.conftest import Kiosk
from tests.ui.customer import fill_and_inquire, open_form, pay, texts

SAMSAT_ID = "0212502110170100"
SUCCESS_NUMBERS = {
    "pln": "530000000001",
    "pdam": "1013226",
    "bpjs": "8801234560001",
    "hp": "081234554320",
    "internet": "6391601001",
    "tv": "127246500101",
    "multifinance": "6391601201",
    "pbb": "329801092375999991",
    "pgas": "0110014601",
    "plnnontaglis": "3225030005921",
    "emoney": "082100000001",
    "samsat": "9658548523568701",
    "kirimuang": "5830000001",
}


@pytest.mark.parametrize("code", sorted(SUCCESS_NUMBERS))
def test_every_product_from_tile_to_result(
    qtbot, kiosk: Kiosk, code: str, screenshots_dir: Path
) -> None:
    open_form(qtbot, kiosk, code)
    if code == "pln":
        kiosk.window.grab().save(str(screenshots_dir / "form-pln.png"))
    fill_and_inquire(
        qtbot,
        kiosk,
        SUCCESS_NUMBERS[code],
        second=SAMSAT_ID if code == "samsat" else "",
        amount={"emoney": "50000", "kirimuang": "250000"}.get(code, ""),
    )
    bill = kiosk.controller.payment.bill
    assert bill is not None
    confirm = texts(kiosk.window.confirm)
    assert bill.reply.name in confirm
    assert format_rupiah(bill.total_to_collect) in confirm
    total = format_rupiah(bill.total_to_collect)
    assert kiosk.window.confirm.pay.text() == f"Bayar {total}"  # the amount, again, on the button
    assert kiosk.window.steps.isVisible() and kiosk.window.steps.current == 1  # Nomor → *Cek*
    assert kiosk.window.home.header.isVisible()  # shop and time stay on every screen
    if code == "pln":
        kiosk.window.grab().save(str(screenshots_dir / "confirm-pln.png"))
    pay(qtbot, kiosk)
    assert kiosk.window.steps.current == 3
    assert kiosk.controller.nav.screen is Screen.RESULT
    result = kiosk.window.result
    shown = texts(result)
    assert "Sukses" in shown
    assert kiosk.controller.payment.shown_result is not None
    sn = kiosk.controller.payment.shown_result.sn
    assert sn and group_sn(sn, code) in shown  # a PLN token in 5 groups of 4
    assert result.sn_box.raw == sn  # Salin copies it as given
    assert bill.reply.name in shown
    assert format_rupiah(bill.total_to_collect) in shown
    for label, value in bill.reply.details("id"):
        assert label in shown and value in shown
    table = bill.reply.periods()
    if table is not None:
        shown_table = result.details.table
        periods = [list(row) for row in table.formatted_rows("id")]
        assert not shown_table.sideways and shown_table.cells[1:] == periods
        assert all(cell in shown_table.text() for row in periods for cell in row)
    kiosk.window.grab().save(str(screenshots_dir / f"result-{code}.png"))
    assert kiosk.sim.payments() == {bill.ref_id: 1}


def test_an_unresolved_payment_blocks_the_number_until_a_person_decides(
    qtbot, kiosk: Kiosk, tmp_path: Path
) -> None:
    from datetime import timedelta

    from kiosk.pin import hash_pin
    from kiosk.settings import Settings
    from kiosk.ui.desks import SettingsDesk

    kiosk.window.settings_desk = SettingsDesk(
        kiosk.window, Settings(admin_pin_hash=hash_pin("2468")), tmp_path / "s.json", lambda s: None
    )
    kiosk.controller.payment.service.interval = timedelta(hours=1)  # it stays pending for this test
    open_form(qtbot, kiosk, "pln")
    fill_and_inquire(qtbot, kiosk, "630000000002")
    first = kiosk.controller.payment.bill.ref_id
    pay(qtbot, kiosk)
    qtbot.mouseClick(kiosk.window.result.new, Qt.MouseButton.LeftButton)
    open_form(qtbot, kiosk, "pln")
    qtbot.keyClicks(kiosk.window.form.field1, "630000000002")
    with qtbot.waitSignal(kiosk.controller.payment.inquiry_failed, timeout=5000):
        qtbot.mouseClick(kiosk.window.form.submit, Qt.MouseButton.LeftButton)
    assert "belum pasti" in kiosk.window.form.error.text()
    assert not hasattr(kiosk.window.form, "override")  # no "pay anyway" on any screen
    # The shopkeeper decides in History, behind the admin PIN, with a reason.
    shop = kiosk.window.shop_windows
    shop.open_history()
    view = shop.history
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    row = next(r for r in range(view.model.rowCount()) if view.model.ref_id(r) == first)
    view.table.selectRow(row)
    qtbot.mouseClick(view.resolve, Qt.MouseButton.LeftButton)
    pin = kiosk.window.settings_desk.dialog
    qtbot.keyClicks(pin.field, "2468")
    qtbot.mouseClick(pin.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shop.decision_dialog is not None, timeout=5000)  # PIN checked
    decision = shop.decision_dialog
    decision.failed.setChecked(True)
    decision.reason.setText("tiket CS 4711: tidak diproses")
    with qtbot.waitSignal(kiosk.controller.payment.status_updated, timeout=5000) as done:
        decision.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert done.args[0].state is PaymentState.FAILED
    events = kiosk.controller.payment.service.journal.events(first)
    assert (events[-1].command, events[-1].actor) == ("manual", "admin")
    view.close()
    with qtbot.waitSignal(kiosk.controller.payment.bill_received, timeout=5000):
        qtbot.mouseClick(kiosk.window.form.submit, Qt.MouseButton.LeftButton)
    assert kiosk.controller.nav.screen is Screen.CONFIRM
