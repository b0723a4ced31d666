"""Receipts on paper: the PDF of every product read back as text, page sizes, screenshots.

The helpers here (``result_for``, ``pdf_text``) are shared by the other receipt
tests and by the UI flow tests.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.journal import PaymentState
from kiosk.models.reply import TransactionReply
from kiosk.money import format_rupiah
from kiosk.payment import Bill, PaymentResult
from kiosk.payment.decision_words import CHECKING
from kiosk.rc import lookup
from kiosk.receipt import Receipt, build_receipt

EXAMPLES = Path(__file__).parent / "data" / "examples"
CODES = sorted(p.stem.removeprefix("pay-pasca-") for p in EXAMPLES.glob("pay-pasca-*.json"))
NOW = datetime(2026, 11, 24, 14, 5, 9)
REF_ID = "26112412345678"
SHOP = "Toko Sumber Rejeki"


def example(code: str) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((EXAMPLES / f"pay-pasca-{code}.json").read_text())
    return body


def result_for(
    code: str,
    *,
    state: PaymentState = PaymentState.SUCCESS,
    shop_fee: int = 0,
    body: dict[str, Any] | None = None,
) -> PaymentResult:
    """A result as the payment service gives it: the inquiry in ``bill``, the pay reply
    (with an SN) in ``reply``."""
    body = body or example(code)
    bill_reply = TransactionReply.from_json(body, product_code=code)
    paid = json.loads(json.dumps(body))
    paid["data"]["sn"] = paid["data"]["sn"] or f"SN-TEST-{code}"
    reply = TransactionReply.from_json(paid, product_code=code)
    bill = Bill(REF_ID, code, bill_reply.customer_no or "", None, bill_reply, shop_fee, NOW)
    message = CHECKING if state.unresolved else lookup(reply.rc).message
    return PaymentResult(REF_ID, code, bill.customer_no, state, message, reply, bill, NOW)


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: cannot read the PDF back")
    raw = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(raw.split())  # words in reading order, wrapping undone


def pdf_lines(path: Path) -> list[str]:
    """The PDF's lines as laid out (``pdftotext -layout``), spaces collapsed."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: cannot read the PDF back")
    raw = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(line.split()) for line in raw.splitlines() if line.strip()]


def page_size_pt(path: Path) -> tuple[float, float]:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert match, info
    return float(match.group(1)), float(match.group(2))


def screenshot(pdf: Path, folder: Path, name: str) -> None:
    """The PDF as a PNG under artifacts/screenshots/receipts/, to look at."""
    if shutil.which("pdftoppm") is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "100", "-singlefile", str(pdf), str(folder / name)], check=True
    )


def receipt_for(code: str, **kwargs: Any) -> Receipt:
    reprint = kwargs.pop("reprint", False)
    return build_receipt(
        result_for(code, **kwargs), shop_name=SHOP, printed_at=NOW, reprint=reprint
    )


def test_there_are_13_example_replies() -> None:
    assert len(CODES) == 13


@pytest.mark.parametrize("code", CODES)
def test_pdf_receipt_for_every_product(qapp, tmp_path: Path, code: str) -> None:
    from kiosk.ui.receipt_print import save_pdf

    result = result_for(code)
    receipt = build_receipt(result, shop_name=SHOP, printed_at=NOW)
    text = pdf_text(save_pdf(receipt, tmp_path / f"{code}.pdf", "80mm"))
    assert result.bill is not None and result.reply is not None
    assert result.sn and result.sn in text
    assert format_rupiah(result.bill.total_to_collect) in text
    assert result.reply.name and result.reply.name in text
    assert SHOP in text and REF_ID in text and "TOTAL BAYAR" in text


PLN_WORDS = (
    "IDPEL",
    "530000000001",
    "NAMA",
    "Nama Pelanggan Pertama",
    "TARIF/DAYA",
    "R1/1300 VA",
    "BL/TH",
    "JAN19",
    "STAND METER",
    "00080000-00090000",
    "RP TAG PLN",
    "Rp 8.500",
    "ADMIN BANK",
    "Rp 2.500",
    "Adm Loket",
    "Rp 2.000",
    "TOTAL BAYAR",
    "Rp 13.000",
    "NO REF",
    "SN-TEST-pln",
    "PLN menyatakan struk ini sebagai bukti pembayaran yang sah.",
)


@pytest.mark.parametrize("paper", ["58mm", "80mm", "a4"])
def test_pln_receipt_has_the_layout_pln_customers_know(
    qapp, tmp_path: Path, screenshots_dir: Path, paper: str
) -> None:
    from kiosk.ui.receipt_print import save_pdf

    receipt = receipt_for("pln", shop_fee=2000)
    assert receipt.title == "STRUK PEMBAYARAN TAGIHAN LISTRIK"
    pdf = save_pdf(receipt, tmp_path / f"pln-{paper}.pdf", paper)
    text = pdf_text(pdf)
    assert "STRUK PEMBAYARAN TAGIHAN LISTRIK" in text
    for word in PLN_WORDS:
        assert word in text, (paper, word)
    assert text.index("IDPEL") < text.index("RP TAG PLN") < text.index("TOTAL BAYAR")
    screenshot(pdf, screenshots_dir / "receipts", f"pln-{paper}")


@pytest.mark.parametrize(("paper", "width_mm"), [("58mm", 58), ("80mm", 80), ("a4", 210)])
def test_the_page_is_as_wide_as_the_paper(qapp, tmp_path: Path, paper: str, width_mm: int) -> None:
    from kiosk.ui.receipt_print import save_pdf

    width, height = page_size_pt(save_pdf(receipt_for("pln"), tmp_path / "r.pdf", paper))
    assert width == pytest.approx(width_mm / 25.4 * 72, abs=1.0)
    if paper == "a4":
        assert height == pytest.approx(297 / 25.4 * 72, abs=1.0)
    else:  # a roll: as long as the receipt, not a whole A4 sheet
        assert 80 / 25.4 * 72 < height < 250 / 25.4 * 72


def test_pending_slip(qapp, tmp_path: Path, screenshots_dir: Path) -> None:
    from kiosk.ui.receipt_print import save_pdf

    slip = receipt_for("pdam", state=PaymentState.PENDING)
    pdf = save_pdf(slip, tmp_path / "pending.pdf")
    text = pdf_text(pdf)
    assert "BUKTI PEMBAYARAN SEDANG DIPROSES" in text and REF_ID in text
    assert "Cek status di menu Cek Status dengan nomor referensi ini" in text
    assert "SN-TEST" not in text  # no SN until the provider gives one
    screenshot(pdf, screenshots_dir / "receipts", "pending-80mm")


def test_reprint_says_cetak_ulang(qapp, tmp_path: Path, screenshots_dir: Path) -> None:
    from kiosk.ui.receipt_print import save_pdf

    first = pdf_text(save_pdf(receipt_for("samsat"), tmp_path / "first.pdf"))
    assert "CETAK ULANG" not in first
    pdf = save_pdf(receipt_for("samsat", reprint=True), tmp_path / "samsat.pdf")
    text = pdf_text(pdf)
    assert "CETAK ULANG" in text
    for word in ("DK 1243AL", "DAIHATSU", "9658548523568703", "0212502110170100", "Rp 100.000"):
        assert word in text
    screenshot(pdf, screenshots_dir / "receipts", "samsat-80mm")


def test_shop_fee_is_its_own_line_in_the_pdf(qapp, tmp_path: Path) -> None:
    from kiosk.ui.receipt_print import save_pdf

    lines = pdf_lines(save_pdf(receipt_for("pdam", shop_fee=3000), tmp_path / "fee.pdf"))
    at = lines.index("Adm Loket Rp 3.000")
    assert lines[at - 1] == "Admin Bank Rp 2.500"
    assert lines[at + 1] == "TOTAL BAYAR Rp 15.500"
    assert "Adm Loket" not in pdf_text(save_pdf(receipt_for("pdam"), tmp_path / "no-fee.pdf"))


def test_html_carries_the_qr_code_as_an_image(qapp) -> None:
    from kiosk.ui.receipt_print import QR_URL, qr_image, receipt_html

    receipt = receipt_for("pln")
    for paper in ("58mm", "80mm", "a4"):
        assert f'src="{QR_URL.toString()}"' in receipt_html(receipt, paper)
    image = qr_image(receipt.qr_payload, scale=4)
    assert not image.isNull() and image.width() == image.height() >= 25 * 4
    assert image.pixelColor(0, 0).name() == "#ffffff"  # the quiet zone is white
