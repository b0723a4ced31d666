"""The result screen in every state a customer can meet: the words and colour say at once
whether the bill is paid, and the money shown is what was charged."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.journal import PaymentState
from kiosk.money import format_rupiah
from tests.ui.conftest import Kiosk
from tests.ui.test_flow import fill_and_inquire, open_form, pay, texts


def test_a_refused_pay_is_red_at_once_then_says_the_refund_is_confirmed(
    qtbot, kiosk: Kiosk, screenshots_dir: Path
) -> None:
    service = kiosk.controller.payment.service
    service.interval = timedelta(hours=1)  # no status call yet: the customer sees DECLINED
    open_form(qtbot, kiosk, "pln")
    fill_and_inquire(qtbot, kiosk, "530000000006")  # pay → rc 02, with a provider record
    pay(qtbot, kiosk)
    screen = kiosk.window.result
    assert kiosk.controller.payment.shown_result.state is PaymentState.DECLINED
    assert screen.banner.objectName() == "bannerFailed"  # red, not the amber of a pending
    assert screen.banner.title.text() == "Gagal — tagihan tidak terbayar"
    assert "TIDAK terbayar" in screen.banner.message.text()
    assert "sedang dikonfirmasi" in screen.banner.message.text()
    assert not screen.card.isVisible()  # no big Total Bayar for a bill that is not paid
    assert not screen.sn_box.isVisible()
    assert screen.print.isEnabled()  # a failure slip, not a receipt
    assert "Pending — sedang dicek" not in texts(screen)
    kiosk.window.grab().save(str(screenshots_dir / "result-declined.png"))
    service.interval = timedelta(0)
    ref_id = kiosk.controller.payment.shown_result.ref_id
    with qtbot.waitSignal(kiosk.controller.payment.status_updated, timeout=5000):
        kiosk.controller.payment.recheck(ref_id)  # the one status call that confirms the refund
    qtbot.waitUntil(lambda: "sudah dikonfirmasi" in screen.banner.message.text(), timeout=5000)
    assert kiosk.controller.payment.shown_result.state is PaymentState.FAILED
    assert screen.banner.objectName() == "bannerFailed"
    assert not screen.checking.isVisible() and not screen.card.isVisible()


def test_a_failure_slip_prints_from_the_result(qtbot, kiosk: Kiosk) -> None:
    from tests.test_receipts import pdf_text

    open_form(qtbot, kiosk, "pln")
    fill_and_inquire(qtbot, kiosk, "530000000006")
    pay(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.window.receipts.pdf_saved, timeout=5000) as saved:
        qtbot.mouseClick(kiosk.window.result.print, Qt.MouseButton.LeftButton)
    text = pdf_text(saved.args[0])
    assert "TRANSAKSI GAGAL" in text and "TOTAL BAYAR" not in text


def test_review_is_amber_and_says_a_person_decides(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pdam")
    fill_and_inquire(qtbot, kiosk, "1013226")
    pay(qtbot, kiosk)
    paid = kiosk.controller.payment.shown_result
    screen = kiosk.window.result
    # A contradiction the core has put in REVIEW (e.g. success after a declined pay).
    screen.show_result(dataclasses.replace(paid, state=PaymentState.REVIEW))
    assert screen.banner.objectName() == "bannerPending"
    assert screen.banner.title.text() == "Perlu diperiksa petugas"
    assert "Petugas toko memutuskan" in screen.checking.text()
    assert not screen.sn_box.isVisible()  # no SN is proof until a person decides


def test_the_card_shows_what_was_charged_not_what_was_inquired(qtbot, kiosk: Kiosk) -> None:
    open_form(qtbot, kiosk, "pdam")
    fill_and_inquire(qtbot, kiosk, "1013226")
    pay(qtbot, kiosk)
    paid = kiosk.controller.payment.shown_result
    inquired = paid.bill.amounts.total
    charged = dataclasses.replace(paid, charged_total=inquired + 1_000)  # the pay reply's total
    screen = kiosk.window.result
    screen.show_result(charged)
    assert screen.card.values["total"].text() == format_rupiah(inquired + 1_000)
    assert screen.card.values["tagihan"].text() == format_rupiah(charged.amounts.tagihan)
