"""The monospace layout for thermal paper: 32 and 48 columns, nothing wider."""

from __future__ import annotations

import pytest

from kiosk.journal import PaymentState
from kiosk.receipt import build_receipt
from kiosk.receipt.text import Style, layout, pair, render_text, width_for
from tests.test_receipts import CODES, NOW, REF_ID, receipt_for, result_for

LONG_SHOP = "Toko Sumber Rejeki Makmur Jaya Abadi Sentosa Cabang Pasar Baru"


@pytest.mark.parametrize("width", [32, 48])
@pytest.mark.parametrize("state", [PaymentState.SUCCESS, PaymentState.PENDING])
def test_no_line_is_wider_than_the_paper(width: int, state: PaymentState) -> None:
    for code in CODES:
        receipt = build_receipt(
            result_for(code, state=state, shop_fee=2500),
            shop_name=LONG_SHOP,
            printed_at=NOW,
            reprint=True,
        )
        text = render_text(receipt, width)
        assert max(len(line) for line in text.splitlines()) <= width, (code, width)
        assert text.isascii(), code  # thermal code pages: no en dashes


def test_values_are_right_aligned_and_long_ones_wrap() -> None:
    assert pair("IDPEL", "530000000001", 32) == ["IDPEL" + " " * 15 + "530000000001"]
    wrapped = pair("Alamat", "GRIYA BULELENG 2 RT 005 RW 014 BULELENG", 32)
    assert len(wrapped) > 1 and all(len(line) == 32 for line in wrapped)
    assert wrapped[0].startswith("Alamat") and wrapped[-1].endswith("BULELENG")
    sn = "0BAG210Z8A9D3F2E1C4B7A6D5E8F9A0B1"  # longer than its column: under the label
    assert pair("NO REF", sn, 32)[0] == "NO REF"


def test_pln_text_receipt() -> None:
    text = render_text(receipt_for("pln", shop_fee=2000), 32)
    lines = text.splitlines()
    assert lines[1].strip() == "STRUK PEMBAYARAN TAGIHAN LISTRIK"
    assert "TARIF/DAYA            R1/1300 VA" in lines
    assert "STAND METER    00080000-00090000" in lines
    assert "Adm Loket" + " " * 15 + "Rp 2.000" in lines
    assert "TOTAL BAYAR" + " " * 12 + "Rp 13.000" in lines


def test_the_total_is_emphasised() -> None:
    rows = layout(receipt_for("pdam"), 48)
    big = [text for text, style in rows if style is Style.BIG]
    assert big == ["TOTAL BAYAR" + "Rp 12.500".rjust(48 - len("TOTAL BAYAR"))]


def test_pending_slip_text_shows_the_reference_big() -> None:
    rows = layout(receipt_for("pln", state=PaymentState.PENDING), 32)
    big = [text.strip() for text, style in rows if style is Style.BIG]
    assert big[0].startswith("TOTAL BAYAR") and big[-1] == REF_ID
    assert "CETAK ULANG" in render_text(receipt_for("pln", reprint=True), 32)


def test_width_for_paper() -> None:
    assert (width_for("58mm"), width_for("80mm"), width_for("a4")) == (32, 48, 48)
