"""Receipts for every product: PDF text read back, ESC/POS bytes, text layout."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.journal import PaymentState
from kiosk.models.reply import TransactionReply
from kiosk.money import format_rupiah
from kiosk.payment import Bill, PaymentResult
from kiosk.rc import lookup
from kiosk.receipt import build_receipt
from kiosk.receipt.escpos import escpos_bytes
from kiosk.receipt.model import PLN_FOOTER
from kiosk.receipt.text import render_text

EXAMPLES = Path(__file__).parent / "data" / "examples"
CODES = sorted(p.stem.removeprefix("pay-pasca-") for p in EXAMPLES.glob("*.json"))
NOW = datetime(2026, 11, 24, 14, 5, 9)


def result_for(
    code: str, *, state: PaymentState = PaymentState.SUCCESS, shop_fee: int = 0
) -> PaymentResult:
    body = json.loads((EXAMPLES / f"pay-pasca-{code}.json").read_text())
    body["data"]["sn"] = body["data"]["sn"] or f"SN-TEST-{code.upper()}"
    reply = TransactionReply.from_json(body, product_code=code)
    bill = Bill("26112412345678", code, reply.customer_no or "", None, reply, shop_fee, NOW)
    return PaymentResult(bill.ref_id, code, bill.customer_no, state, lookup(reply.rc).message,
                         reply, bill, NOW)  # fmt: skip


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    return " ".join(raw.split())  # words in reading order, wrapping undone


@pytest.mark.parametrize("code", CODES)
def test_pdf_receipt_for_every_product(qapp, tmp_path: Path, code: str) -> None:
    from kiosk.ui.receipt_print import save_pdf

    result = result_for(code)
    receipt = build_receipt(result, shop_name="Toko Sumber Rejeki", printed_at=NOW)
    text = pdf_text(save_pdf(receipt, tmp_path / f"{code}.pdf", "80mm"))
    assert result.sn and result.sn in text
    assert format_rupiah(result.bill.total_to_collect) in text  # type: ignore[union-attr]
    assert (result.reply.name or "") in text  # type: ignore[union-attr]
    assert "Toko Sumber Rejeki" in text


def test_pln_receipt_has_the_layout_pln_customers_know(
    qapp, tmp_path: Path, screenshots_dir: Path
) -> None:
    from kiosk.ui.receipt_print import save_pdf

    receipt = build_receipt(
        result_for("pln", shop_fee=2000), shop_name="Toko Sumber Rejeki", printed_at=NOW
    )
    assert receipt.title == "STRUK PEMBAYARAN TAGIHAN LISTRIK"
    folder = screenshots_dir / "receipts"
    folder.mkdir(exist_ok=True)
    for paper in ("58mm", "80mm", "a4"):
        pdf = save_pdf(receipt, tmp_path / f"pln-{paper}.pdf", paper)
        text = pdf_text(pdf)
        for word in ("IDPEL", "NAMA", "TARIF/DAYA", "R1/1300 VA", "BL/TH", "JAN19", "STAND METER",
                     "00080000-00090000", "RP TAG PLN", "ADMIN BANK", "Adm Loket", "TOTAL BAYAR",
                     "NO REF", "Rp 13.000", "bukti pembayaran yang sah"):  # fmt: skip
            assert word in text, (paper, word)
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "100", "-singlefile", str(pdf),
                            str(folder / f"pln-{paper}")], check=True)  # fmt: skip


def test_pending_slip_and_reprint(qapp, tmp_path: Path, screenshots_dir: Path) -> None:
    from kiosk.ui.receipt_print import save_pdf

    slip = build_receipt(result_for("pdam", state=PaymentState.PENDING), shop_name="Toko",
                         printed_at=NOW)  # fmt: skip
    text = pdf_text(save_pdf(slip, tmp_path / "pending.pdf"))
    assert "SEDANG DIPROSES" in text and "26112412345678" in text and "Cek Status" in text
    again = build_receipt(result_for("samsat"), shop_name="Toko", printed_at=NOW, reprint=True)
    pdf = save_pdf(again, tmp_path / "samsat.pdf")
    assert "CETAK ULANG" in pdf_text(pdf)
    if shutil.which("pdftoppm"):
        folder = screenshots_dir / "receipts"
        folder.mkdir(exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "100", "-singlefile", str(pdf),
                        str(folder / "samsat-80mm")], check=True)  # fmt: skip


def test_english_receipt(qapp) -> None:
    receipt = build_receipt(result_for("pdam"), shop_name="Toko", printed_at=NOW, lang="en")
    text = render_text(receipt, 48)
    assert "TOTAL PAID" in text and "Rp 12,500" in text


@pytest.mark.parametrize("width", [32, 48])
def test_text_layout_fits_the_paper(width: int) -> None:
    for code in CODES:
        text = render_text(build_receipt(result_for(code), shop_name="Toko Sumber Rejeki Makmur Jaya",
                                         printed_at=NOW), width)  # fmt: skip
        assert max(len(line) for line in text.splitlines()) <= width, code


def test_escpos_bytes_hold_the_sn() -> None:
    receipt = build_receipt(result_for("pln"), shop_name="Toko", printed_at=NOW)
    data = escpos_bytes(receipt)
    assert data.startswith(b"\x1b@")  # ESC @: initialise
    assert receipt.sn is not None and receipt.sn.encode() in data
    assert PLN_FOOTER.id.encode()[:20] in data.replace(b"\n", b" ")
