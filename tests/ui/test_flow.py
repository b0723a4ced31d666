"""A customer's walk from tile to result, against the real simulator."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from kiosk.journal import PaymentState
from kiosk.money import format_rupiah
from kiosk.products import group_sn
from kiosk.sim import Simulator
from kiosk.ui.navigation import Screen
from tests.ui.conftest import Kiosk, make_kiosk

SAMSAT_ID = "0212502110170100"
SUCCESS_NUMBERS = {
    "pln": "530000000001", "pdam": "1013226", "bpjs": "8801234560001", "hp": "081234554320",
    "internet": "6391601001", "tv": "127246500101", "multifinance": "6391601201",
    "pbb": "329801092375999991", "pgas": "0110014601", "plnnontaglis": "3225030005921",
    "emoney": "082100000001", "samsat": "9658548523568701", "kirimuang": "5830000001",
}  # fmt: skip


def texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def open_form(qtbot, k: Kiosk, code: str) -> None:
    qtbot.mouseClick(k.window.home.tiles[code], Qt.MouseButton.LeftButton)
    assert k.controller.nav.screen is Screen.FORM


def fill_and_inquire(qtbot, k: Kiosk, number: str, *, second: str = "", amount: str = "") -> None:
    form = k.window.form
    qtbot.keyClicks(form.field1, number)
    if second:
        qtbot.keyClicks(form.field2, second)
    if amount:
        qtbot.keyClicks(form.amount, amount)
    with qtbot.waitSignal(k.controller.payment.bill_received, timeout=5000):
        qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)


def pay(qtbot, k: Kiosk) -> None:
    with qtbot.waitSignal(k.controller.payment.payment_finished, timeout=8000):
        qtbot.mouseClick(k.window.confirm.pay, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("code", sorted(SUCCESS_NUMBERS))
def test_every_product_from_tile_to_result(
    qtbot, kiosk: Kiosk, code: str, screenshots_dir: Path
) -> None:
    open_form(qtbot, kiosk, code)
    if code == "pln":
        kiosk.window.grab().save(str(screenshots_dir / "form-pln.png"))
    fill_and_inquire(qtbot, kiosk, SUCCESS_NUMBERS[code],
                     second=SAMSAT_ID if code == "samsat" else "",
                     amount={"emoney": "50000", "kirimuang": "250000"}.get(code, ""))  # fmt: skip
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
        cells = [result.details.table.item(r, c).text()
                 for r in range(result.details.table.rowCount())
                 for c in range(result.details.table.columnCount())]  # fmt: skip
        assert cells == [cell for row in table.formatted_rows("id") for cell in row]
    kiosk.window.grab().save(str(screenshots_dir / f"result-{code}.png"))
    assert kiosk.sim.payments() == {bill.ref_id: 1}


def test_home_screenshot_and_balance(qtbot, kiosk: Kiosk, screenshots_dir: Path) -> None:
    with qtbot.waitSignal(kiosk.controller.balance.balance_changed, timeout=5000):
        kiosk.controller.balance.refresh()
    assert "Saldo Rp 5.000.000" in texts(kiosk.window)  # the header, on the desktop
    home = kiosk.window.home
    assert all(tile.isEnabled() for tile in home.tiles.values())
    # the whole balance is on screen once the header has laid itself out again
    qtbot.waitUntil(lambda: home.balance.width() >= home.balance.sizeHint().width())
    for tile in home.tiles.values():  # long names wrap instead of losing letters
        lines = tile.text().split("\n")
        assert " ".join(lines).replace("&&", "&") == tile.label
        widest = max(tile.fontMetrics().horizontalAdvance(line) for line in lines)
        assert widest <= tile.width(), tile.label
    kiosk.window.grab().save(str(screenshots_dir / "home.png"))


def test_tiles_show_their_name_under_the_icon_and_a_hand_cursor(qtbot, kiosk: Kiosk) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QEnterEvent

    tile = kiosk.window.home.tiles["pln"]
    assert tile.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonTextUnderIcon
    assert tile.cursor().shape() is not Qt.CursorShape.PointingHandCursor  # set on first hover
    tile.event(QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)))
    assert tile.cursor().shape() is Qt.CursorShape.PointingHandCursor


def test_invalid_number_says_why_next_to_the_field(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pbb")
    qtbot.keyClicks(kiosk.window.form.field1, "12345")
    qtbot.keyClick(kiosk.window.form.field1, Qt.Key.Key_Return)
    assert kiosk.window.form.error.text() == "Nomor harus 18 digit (sekarang 5)."
    assert kiosk.sim.requests() == []


def test_keypad_types_into_the_field(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pdam")
    pad = kiosk.window.form.keypad.buttons
    for key in "10132266":
        qtbot.mouseClick(pad[key], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad["\b"], Qt.MouseButton.LeftButton)
    assert kiosk.window.form.field1.text() == "1013226"


def test_inquiry_failure_shows_the_reason(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pln")
    qtbot.keyClicks(kiosk.window.form.field1, "990000000054")
    with qtbot.waitSignal(kiosk.controller.payment.inquiry_failed, timeout=5000):
        qtbot.mouseClick(kiosk.window.form.submit, Qt.MouseButton.LeftButton)
    assert "Nomor pelanggan tidak ditemukan" in kiosk.window.form.error.text()
    assert kiosk.controller.nav.screen is Screen.FORM and kiosk.window.form.submit.isEnabled()


def test_pay_failure_is_confirmed_then_shown_red(
    qtbot, kiosk: Kiosk, screenshots_dir: Path
) -> None:
    open_form(qtbot, kiosk, "pln")
    fill_and_inquire(qtbot, kiosk, "530000000006")
    pay(qtbot, kiosk)
    qtbot.waitUntil(
        lambda: kiosk.controller.payment.shown_result.state is PaymentState.FAILED, timeout=5000
    )
    assert "Gagal — tagihan tidak terbayar" in texts(kiosk.window.result)
    assert not kiosk.window.result.sn_box.isVisible()
    kiosk.window.grab().save(str(screenshots_dir / "result-failed.png"))


def test_pending_updates_itself_to_success(qtbot, kiosk: Kiosk, screenshots_dir: Path) -> None:
    open_form(qtbot, kiosk, "pln")
    fill_and_inquire(qtbot, kiosk, "630000000001")
    pay(qtbot, kiosk)
    assert "Pending — sedang dicek" in texts(kiosk.window.result)
    kiosk.window.grab().save(str(screenshots_dir / "result-pending.png"))
    qtbot.waitUntil(lambda: "Sukses" in texts(kiosk.window.result), timeout=8000)
    assert group_sn(kiosk.controller.payment.shown_result.sn, "pln") in texts(kiosk.window.result)


def test_outcome_unknown_is_pending_then_resolved_without_paying_again(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pdam")
    fill_and_inquire(qtbot, kiosk, "990000093")
    pay(qtbot, kiosk)
    assert "Pending — sedang dicek" in texts(kiosk.window.result)
    assert any("jangan membayar ulang" in t for t in texts(kiosk.window.result))
    qtbot.waitUntil(lambda: "Sukses" in texts(kiosk.window.result), timeout=8000)
    assert len(kiosk.sim.requests("pay-pasca")) == 1


def test_double_tap_and_held_enter_pay_once(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pln")
    fill_and_inquire(qtbot, kiosk, "530000000001")
    confirm = kiosk.window.confirm
    with qtbot.waitSignal(kiosk.controller.payment.payment_finished, timeout=8000):
        qtbot.mouseClick(confirm.pay, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(confirm.pay, Qt.MouseButton.LeftButton)
        for _ in range(5):
            qtbot.keyClick(confirm, Qt.Key.Key_Return)
        confirm._on_pay_clicked()  # a click that raced the disabling
    assert len(kiosk.sim.requests("pay-pasca")) == 1


def test_back_and_cancel_before_paying_and_new_transaction_clears(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pln")
    qtbot.keyClick(kiosk.window.form, Qt.Key.Key_Escape)
    assert kiosk.controller.nav.screen is Screen.HOME
    open_form(qtbot, kiosk, "pln")
    fill_and_inquire(qtbot, kiosk, "530000000001")
    qtbot.mouseClick(kiosk.window.confirm.cancel, Qt.MouseButton.LeftButton)
    assert kiosk.controller.nav.screen is Screen.FORM
    fill_and_inquire(qtbot, kiosk, "")
    pay(qtbot, kiosk)
    qtbot.mouseClick(kiosk.window.result.new, Qt.MouseButton.LeftButton)
    assert kiosk.controller.nav.screen is Screen.HOME
    assert kiosk.window.form.field1.text() == ""
    assert kiosk.window.result.result is None and kiosk.controller.payment.bill is None
    assert kiosk.sim.requests("pay-pasca") and len(kiosk.sim.payments()) == 1


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


def test_offline_disables_the_tiles(
    qtbot, sim: Simulator, tmp_path: Path, screenshots_dir: Path
) -> None:
    from tests.support.stub_server import closed_port

    k = make_kiosk(qtbot, sim, tmp_path, url=f"http://127.0.0.1:{closed_port()}/v1/user/api/")
    with qtbot.waitSignal(k.controller.balance.balance_changed, timeout=5000):
        k.controller.balance.refresh()
    assert not any(tile.isEnabled() for tile in k.window.home.tiles.values())
    assert any("offline" in t for t in texts(k.window.home))
    k.window.grab().save(str(screenshots_dir / "home-offline.png"))
    k.runner.wait_idle(5000)


def test_shop_fee_is_its_own_line(qtbot, sim: Simulator, tmp_path: Path) -> None:
    k = make_kiosk(qtbot, sim, tmp_path, shop_fees={"pdam": 3000})
    open_form(qtbot, k, "pdam")
    fill_and_inquire(qtbot, k, "1013226")
    card = k.window.confirm.card.values
    assert card["shop_fee"].text() == "Rp 3.000"
    assert card["total"].text() == format_rupiah(k.controller.payment.bill.amounts.total + 3000)
    k.runner.wait_idle(5000)


def test_language_switch_changes_visible_texts(qtbot, kiosk: Kiosk) -> None:
    home = kiosk.window.home
    assert home.tiles["pln"].text() == "Listrik PLN"
    qtbot.mouseClick(next(b for b in home.lang_buttons.buttons() if b.text() == "EN"),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert home.tiles["pln"].text() == "PLN Electricity"
    assert home.status_tile.text() == "Check Status"


def test_print_button_writes_the_receipt(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pdam")
    fill_and_inquire(qtbot, kiosk, "1013226")
    pay(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.window.receipts.pdf_saved, timeout=5000) as saved:
        qtbot.mouseClick(kiosk.window.result.print, Qt.MouseButton.LeftButton)
    pdf = saved.args[0]
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    result = kiosk.window.result
    assert result.printed.text() == "✓ Struk tersimpan"  # words, not a temporary file's path
    assert str(pdf) not in " ".join(texts(result)) and result.printed_path == str(pdf)
    result.show_receipt_printed()  # what a thermal printer's success says
    assert result.printed.text() == "✓ Struk dicetak"
    from tests.test_receipts import pdf_text

    assert "CETAK ULANG" not in pdf_text(pdf)
    with qtbot.waitSignal(kiosk.window.receipts.pdf_saved, timeout=5000):
        qtbot.mouseClick(kiosk.window.result.print, Qt.MouseButton.LeftButton)  # a second copy
    assert "CETAK ULANG" in pdf_text(pdf)


def test_a_receipt_that_cannot_be_written_says_so(qtbot, kiosk: Kiosk, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the receipts folder should be")
    kiosk.window.receipts.folder = blocked
    open_form(qtbot, kiosk, "pdam")
    fill_and_inquire(qtbot, kiosk, "1013226")
    pay(qtbot, kiosk)
    qtbot.mouseClick(kiosk.window.result.print, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "gagal disimpan" in kiosk.window.result.printed.text(), timeout=5000)
    assert kiosk.window.isVisible()


def test_language_switch_on_a_result_pane(qtbot, kiosk: Kiosk, screenshots_dir: Path) -> None:
    open_form(qtbot, kiosk, "pln")
    fill_and_inquire(qtbot, kiosk, "530000000002")
    pay(qtbot, kiosk)
    assert {"Sukses", "Nama", "Tarif/Daya", "Transaksi berhasil."} <= set(
        texts(kiosk.window.result)
    )
    kiosk.controller.nav.set_language("en")
    english = {"Success", "Name", "Tariff/Power", "Transaction successful.", "Total to Pay"}
    qtbot.waitUntil(lambda: english <= set(texts(kiosk.window.result)), timeout=2000)
    assert kiosk.window.result.new.text() == "New Transaction"
    assert kiosk.window.result.details.table.horizontalHeaderItem(0).text() == "Period"
    qtbot.waitUntil(lambda: kiosk.window.result.card.values["total"].isVisible(), timeout=2000)
    kiosk.window.grab().save(str(screenshots_dir / "result-pln-en.png"))
    qtbot.mouseClick(kiosk.window.result.new, Qt.MouseButton.LeftButton)
    kiosk.window.grab().save(str(screenshots_dir / "home-en.png"))
    assert kiosk.window.home.tiles["pdam"].text() == "PDAM Water"


def test_a_missing_thermal_printer_refuses_new_payments(qtbot, kiosk: Kiosk) -> None:
    from kiosk.settings import Settings
    from tests.support.stub_server import closed_port

    desk = kiosk.window.receipts
    desk.settings = Settings(thermal_printer=f"network:127.0.0.1:{closed_port()}")
    with qtbot.waitSignal(kiosk.controller.nav.blocked_changed, timeout=10_000):
        desk.check_printer()
    assert not any(tile.isEnabled() for tile in kiosk.window.home.tiles.values())
    assert any("Printer struk tidak terhubung" in t for t in texts(kiosk.window.home))
    kiosk.controller.nav.open_product("pln")
    assert kiosk.controller.nav.screen is Screen.HOME
    with qtbot.waitSignal(kiosk.controller.balance.balance_checked, timeout=5000):
        kiosk.controller.balance.refresh()  # a good balance does not hide the printer problem
    assert not any(tile.isEnabled() for tile in kiosk.window.home.tiles.values())
    assert any("Printer struk tidak terhubung" in t for t in texts(kiosk.window.home))
    kiosk.controller.nav.set_blocked(None)
    assert all(tile.isEnabled() for tile in kiosk.window.home.tiles.values())


def test_an_unresolved_payment_blocks_the_number_until_a_person_decides(
    qtbot, kiosk: Kiosk, tmp_path: Path
) -> None:
    from datetime import timedelta

    from kiosk.pin import hash_pin
    from kiosk.settings import Settings
    from kiosk.ui.desks import SettingsDesk

    kiosk.window.settings_desk = SettingsDesk(kiosk.window, Settings(admin_pin_hash=hash_pin("2468")),
                                              tmp_path / "s.json", lambda s: None)  # fmt: skip
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
