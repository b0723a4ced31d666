"""Nominal products (E-Money, Kirim Uang) have no bill: the customer types the number and
chooses an amount, the button says Lanjut, and the money reads Nominal / Biaya admin /
Total, never a "Tagihan" the customer never had or "Denda Rp 0"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.money import format_rupiah
from tests.ui.conftest import Kiosk
from tests.ui.customer import open_form, pay, texts


def test_kirim_uang_asks_for_an_amount_and_sends_it(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "kirimuang")
    form = kiosk.window.form
    assert form.amount.isVisible() and form.amount_label.text() == "Nominal kirim (Rp)"
    assert form.submit.text() == "Lanjut"
    qtbot.keyClicks(form.field1, "5830000001")
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)  # no amount yet: words, no call
    assert form.error.text() == "Pilih atau isi nominal."
    assert kiosk.sim.requests("inq-pasca") == []
    quick = next(b for b in form.quick_group.buttons() if b.text() == "Rp 250.000")
    qtbot.mouseClick(quick, Qt.MouseButton.LeftButton)
    assert form.amount.text() == "250000"
    with qtbot.waitSignal(kiosk.controller.payment.bill_received, timeout=5000):
        qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    assert kiosk.sim.requests("inq-pasca")[-1]["amount"] == 250_000
    assert "Nomor Rekening" in texts(kiosk.window.confirm)  # the recipient's account
    card = kiosk.window.confirm.card
    shown = texts(card)
    assert {"Nominal", "Biaya admin", "Total"} <= set(shown)
    assert "Tagihan" not in shown and "Denda" not in shown and "Total Bayar" not in shown
    assert card.values["tagihan"].text() == "Rp 250.000"
    total = kiosk.controller.payment.bill.total_to_collect
    assert card.values["total"].text() == format_rupiah(total)
    pay(qtbot, kiosk)
    assert kiosk.sim.requests("pay-pasca")[-1]["amount"] == 250_000
    assert "Sukses" in texts(kiosk.window.result)
    assert kiosk.window.result.card.values["tagihan"].text() == "Rp 250.000"


def test_an_amount_out_of_range_is_refused_in_words(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "kirimuang")
    form = kiosk.window.form
    qtbot.keyClicks(form.field1, "5830000001")
    qtbot.keyClicks(form.amount, "5000")
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    assert form.error.text() == "Nominal harus antara Rp 10.000 dan Rp 25.000.000."
    assert kiosk.sim.requests("inq-pasca") == []


def test_emoney_says_lanjut_and_a_bill_says_cek_tagihan(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "emoney")
    form = kiosk.window.form
    assert form.submit.text() == "Lanjut"
    assert form.amount_label.text() == "Nominal isi ulang (Rp)"
    assert [b.text() for b in form.quick_group.buttons()][:2] == ["Rp 20.000", "Rp 50.000"]
    kiosk.controller.nav.set_language("en")
    assert form.submit.text() == "Next"
    kiosk.controller.nav.set_language("id")
    qtbot.mouseClick(form.back, Qt.MouseButton.LeftButton)
    open_form(qtbot, kiosk, "pln")
    assert form.submit.text() == "Cek Tagihan" and not form.amount.isVisible()
