"""The result screen in every state a customer can meet: the words and colour say at once
whether the bill is paid, the money shown is what was charged, and the receipt prints."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.journal import PaymentState
from kiosk.money import format_rupiah
from kiosk.products import group_sn
from tests.ui.conftest import Kiosk
from tests.ui.customer import fill_and_inquire, open_form, pay, texts


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
    assert kiosk.window.result.details.table.cells[0][0] == "Period"
    qtbot.waitUntil(lambda: kiosk.window.result.card.values["total"].isVisible(), timeout=2000)
    kiosk.window.grab().save(str(screenshots_dir / "result-pln-en.png"))
    qtbot.mouseClick(kiosk.window.result.new, Qt.MouseButton.LeftButton)
    kiosk.window.grab().save(str(screenshots_dir / "home-en.png"))
    assert kiosk.window.home.tiles["pdam"].text() == "PDAM Water"


def test_after_a_failed_payment_the_next_success_shows_its_total(qtbot, kiosk: Kiosk) -> None:
    """The failed result hides the money's side; the next customer's success must show it."""
    for number in ("530000000006", "530000000001"):
        open_form(qtbot, kiosk, "pln")
        fill_and_inquire(qtbot, kiosk, number)
        pay(qtbot, kiosk)
        if number.endswith("6"):
            qtbot.mouseClick(kiosk.window.result.new, Qt.MouseButton.LeftButton)
    screen = kiosk.window.result
    assert kiosk.controller.payment.shown_result.state is PaymentState.SUCCESS
    assert screen.card.isVisibleTo(kiosk.window)
    assert format_rupiah(260_976) in texts(screen.card)  # Total Bayar
