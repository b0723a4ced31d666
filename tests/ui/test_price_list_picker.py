"""A bank or wallet from the provider's price list: the form's picker, the code the
inquiry sends, and the choice on the confirm screen, the result, the receipt and History.
Real simulator, real client, real journal."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.journal import HistoryFilter
from kiosk.receipt.model import build_receipt
from kiosk.ui.history_model import HistoryModel
from tests.ui.conftest import Kiosk
from tests.ui.test_flow import open_form, pay, texts


def load_price_list(qtbot, kiosk: Kiosk) -> None:
    """What the app does once the core is attached: the first refresh, in the worker."""
    with qtbot.waitSignal(kiosk.controller.prices.choices_changed, timeout=5000):
        kiosk.controller.prices.start(kiosk.controller.core)


def button(form, text: str):
    return next(b for b in form.picker.group.buttons() if b.full_text == text)


def test_choose_bca_and_the_inquiry_carries_its_code(
    qtbot, kiosk: Kiosk, tmp_path: Path, screenshots_dir: Path
) -> None:
    load_price_list(qtbot, kiosk)
    assert len(kiosk.sim.requests("pasca")) == 1  # one full fetch
    open_form(qtbot, kiosk, "kirimuang")
    form = kiosk.window.form
    assert form.picker.isVisible() and form.picker.label.text() == "Pilih bank tujuan"
    shown = [b.text() for b in form.picker.group.buttons()]  # as seen: none elided
    assert shown == ["BCA", "BNI", "BRI", "BTN", "CIMB Niaga", "Mandiri"]  # BSI: not active
    assert not form.choice_note.isVisible()
    qtbot.keyClicks(form.field1, "5830000001")
    qtbot.keyClicks(form.amount, "150000")
    assert not form.submit.isEnabled()  # Lanjut waits for a bank
    qtbot.keyClick(form.field1, Qt.Key.Key_Return)
    assert form.picker.label.objectName() == "error"  # the label, in red, says what is missing
    assert kiosk.sim.requests("inq-pasca") == []
    qtbot.mouseClick(button(form, "BCA"), Qt.MouseButton.LeftButton)
    assert form.submit.isEnabled() and form.picker.label.objectName() == ""
    kiosk.window.grab().save(str(screenshots_dir / "form-kirimuang-bank.png"))
    with qtbot.waitSignal(kiosk.controller.payment.bill_received, timeout=5000):
        qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    sent = kiosk.sim.requests("inq-pasca")[-1]
    assert sent["code"] == "kirimuang-bca" and sent["amount"] == 150_000
    confirm = kiosk.window.confirm
    assert confirm.title.text() == "Konfirmasi Kirim Uang · BCA"
    assert "Nomor Rekening" in texts(confirm)
    pay(qtbot, kiosk)
    assert kiosk.sim.requests("pay-pasca")[-1]["code"] == "kirimuang-bca"
    result = kiosk.controller.payment.shown_result
    assert "Kirim Uang · BCA" in texts(kiosk.window.result)
    receipt = build_receipt(result, shop_name="Toko", printed_at=datetime(2026, 12, 3, 10, 0))
    assert ("Bank", "BCA") in receipt.lines and receipt.title.endswith("KIRIM UANG BCA")
    history = HistoryModel(kiosk.controller.payment.service.journal)
    assert history.data(history.index(0, 1)) == "Kirim Uang · BCA"
    # History's product filter finds the transfer.
    journal = kiosk.controller.payment.service.journal
    assert journal.count(HistoryFilter(product="kirimuang")) == 1
    assert journal.count(HistoryFilter(product="emoney")) == 0


def test_a_wallet_for_emoney_and_the_choice_is_cleared_for_the_next_customer(
    qtbot, kiosk: Kiosk
) -> None:
    load_price_list(qtbot, kiosk)
    open_form(qtbot, kiosk, "emoney")
    form = kiosk.window.form
    assert form.picker.label.text() == "Pilih dompet digital"
    qtbot.mouseClick(button(form, "OVO"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.field1, "082100000001")
    qtbot.mouseClick(form.quick_group.buttons()[1], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.controller.payment.bill_received, timeout=5000):
        qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    assert kiosk.sim.requests("inq-pasca")[-1]["code"] == "emoney-ovo"
    kiosk.controller.payment.cancel()  # Batal: back to the form, the choice kept
    assert form.picker.chosen_code() == "emoney-ovo" and form.submit.isEnabled()
    kiosk.controller.payment.new_transaction()
    open_form(qtbot, kiosk, "emoney")
    assert form.picker.chosen_code() is None and not form.submit.isEnabled()
    kiosk.controller.nav.set_language("en")
    assert form.picker.label.text() == "Choose the e-wallet"


def test_without_a_price_list_kirim_uang_says_the_bank_is_not_chosen_here(
    qtbot, kiosk: Kiosk
) -> None:
    assert kiosk.sim.requests("pasca") == []  # a window alone asks nothing: start() does
    open_form(qtbot, kiosk, "kirimuang")  # no price list fetched (or it failed)
    form = kiosk.window.form
    assert not form.picker.isVisible() and form.submit.isEnabled()
    assert "Bank penerima tidak dipilih di sini" in form.choice_note.text()
    assert form.choice_note.isVisible()
    with qtbot.waitSignal(kiosk.controller.payment.bill_received, timeout=5000):
        qtbot.keyClicks(form.field1, "5830000001")
        qtbot.keyClicks(form.amount, "100000")
        qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    assert kiosk.sim.requests("inq-pasca")[-1]["code"] == "kirimuang"
    kiosk.controller.payment.new_transaction()
    open_form(qtbot, kiosk, "emoney")
    assert not form.choice_note.isVisible()  # E-Money as today: no note, no picker


def test_a_long_list_of_banks_turns_pages_in_the_same_grid(qtbot, kiosk: Kiosk) -> None:
    from kiosk.price_list import Choice
    from kiosk.products import product

    banks = tuple(Choice(f"kirimuang-b{i:02d}", f"Bank {i:02d}") for i in range(20))
    open_form(qtbot, kiosk, "kirimuang")
    form = kiosk.window.form
    form.show_product(product("kirimuang"), banks)  # 1280×800: 4 columns × 2 rows a page
    picker = form.picker

    def cells() -> list[str]:
        return [
            getattr(picker.grid.itemAt(i).widget(), "full_text", None)
            or picker.grid.itemAt(i).widget().text()
            for i in range(picker.grid.count())
        ]

    assert cells() == [f"Bank {i:02d}" for i in range(7)] + ["Lainnya ›"]
    more = picker.grid.itemAt(7).widget()
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert cells() == ["‹ Sebelumnya", *[f"Bank {i:02d}" for i in range(7, 13)], "Lainnya ›"]
    qtbot.mouseClick(button(form, "Bank 09"), Qt.MouseButton.LeftButton)
    assert picker.chosen_code() == "kirimuang-b09" and form.submit.isEnabled()
    qtbot.mouseClick(picker.grid.itemAt(0).widget(), Qt.MouseButton.LeftButton)  # back
    assert not any(b.isChecked() for b in picker.group.buttons())  # Bank 09 is on page 2
    assert picker.chosen_code() == "kirimuang-b09"  # and still chosen
    qtbot.mouseClick(button(form, "Bank 00"), Qt.MouseButton.LeftButton)
    assert picker.chosen_code() == "kirimuang-b00"
    assert [b.isChecked() for b in picker.group.buttons()] == [True] + [False] * 6
    form.field1.setText("5830000001")
    form.amount.setText("50000")
    assert form.request().product == "kirimuang-b00"
