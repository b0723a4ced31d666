"""What a receipt says, without Qt: PLN layout, money lines, pending and failed slips."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from kiosk.journal import PaymentState
from kiosk.models.reply import TransactionReply
from kiosk.receipt import build_receipt
from kiosk.receipt.model import PLN_FOOTER
from kiosk.receipt.qr import qr_matrix
from tests.test_receipts import CODES, NOW, REF_ID, SHOP, example, receipt_for, result_for


def test_pln_lines_are_the_ones_pln_customers_know() -> None:
    receipt = receipt_for("pln")
    assert receipt.title == "STRUK PEMBAYARAN TAGIHAN LISTRIK"
    assert dict(receipt.lines) == {
        "TGL BAYAR": "24-11-2026 14:05",
        "IDPEL": "530000000001",
        "NAMA": "Nama Pelanggan Pertama",
        "TARIF/DAYA": "R1/1300 VA",
        "BL/TH": "JAN19",
        "STAND METER": "00080000-00090000",
    }
    assert receipt.money == (("RP TAG PLN", "Rp 8.500"), ("ADMIN BANK", "Rp 2.500"))
    assert receipt.total == ("TOTAL BAYAR", "Rp 11.000")
    assert receipt.refs == (("NO REF", "SN-TEST-pln"), ("REF ID", REF_ID))
    assert receipt.footer[0] == PLN_FOOTER.id
    assert receipt.qr_payload == f"LOKET|{REF_ID}|SN-TEST-pln"


def test_pln_with_two_months_lists_both_and_the_whole_meter_range() -> None:
    body = example("pln")
    first = body["data"]["desc"]["detail"][0]
    second = dict(first, periode="201902", meter_awal="00090000", meter_akhir="00095000")
    body["data"]["desc"]["detail"].append(second)
    lines = dict(receipt_for("pln", body=body).lines)
    assert lines["BL/TH"] == "JAN19,FEB19"
    assert lines["STAND METER"] == "00080000-00095000"


@pytest.mark.parametrize("code", CODES)
def test_money_adds_up_and_shop_fee_is_its_own_line(code: str) -> None:
    result = result_for(code, shop_fee=1500)
    receipt = build_receipt(result, shop_name=SHOP, printed_at=NOW)
    labels = [label for label, _ in receipt.money]
    assert labels[-1] == "Adm Loket" and receipt.money[-1][1] == "Rp 1.500"
    assert result.bill is not None
    assert receipt.total is not None and receipt.total[1] == (
        f"Rp {result.bill.total_to_collect:,}".replace(",", ".")
    )
    no_fee = receipt_for(code)
    assert "Adm Loket" not in dict(no_fee.money)


def test_denda_only_when_there_is_one() -> None:
    assert ("Denda", "Rp 500") in receipt_for("pdam").money
    assert "Denda" not in dict(receipt_for("internet").money)


def test_details_come_from_the_bill_and_the_sn_from_the_payment() -> None:
    result = result_for("pln")
    status_reply = TransactionReply.from_json(
        {
            "data": {
                "ref_id": REF_ID,
                "rc": "00",
                "status": "Sukses",
                "sn": "PAID-SN-42",
                "customer_no": "530000000001",
                "selling_price": 11000,
            }
        },
        product_code="pln",
    )
    receipt = build_receipt(replace(result, reply=status_reply), shop_name=SHOP, printed_at=NOW)
    assert receipt.sn == "PAID-SN-42"
    assert dict(receipt.lines)["TARIF/DAYA"] == "R1/1300 VA"


def test_without_an_inquiry_the_pay_reply_gives_the_details() -> None:
    result = replace(result_for("pdam"), bill=None)
    lines = dict(build_receipt(result, shop_name=SHOP, printed_at=NOW).lines)
    assert lines["Nama"] == "Nama Pelanggan Pertama" and lines["Tarif"] == "3A"


def test_product_details_are_compacted() -> None:
    samsat = dict(receipt_for("samsat").lines)
    assert samsat["Kode Bayar"] == "9658548523568703"
    assert samsat["Nomor Identitas"] == "0212502110170100"
    assert samsat["Nomor Polisi"] == "DK 1243AL"
    internet = dict(receipt_for("internet").lines)
    assert internet["Periode"] == "Mei 2019, Jun 2019"
    pdam = dict(receipt_for("pdam").lines)
    assert pdam["Stand Meter"] == "80000 – 90000" and "Lembar Tagihan" not in pdam


@pytest.mark.parametrize("state", [PaymentState.PENDING, PaymentState.UNKNOWN])
def test_pending_slip(state: PaymentState) -> None:
    slip = receipt_for("pln", state=state)
    assert slip.pending and slip.title == "BUKTI PEMBAYARAN SEDANG DIPROSES"
    assert slip.sn is None and slip.refs == (("NO. REFERENSI", REF_ID),)
    assert "Cek status di menu Cek Status dengan nomor referensi ini" in slip.footer[0]
    assert PLN_FOOTER.id not in slip.footer  # not a proof of payment yet
    assert slip.qr_payload == f"LOKET|{REF_ID}|"


def test_failed_slip_shows_no_total() -> None:
    slip = receipt_for("pdam", state=PaymentState.FAILED)
    assert slip.failed and slip.title == "TRANSAKSI GAGAL"
    assert slip.total is None and slip.money == () and slip.sn is None
    assert slip.footer == ("Struk ini bukan bukti pembayaran.",)


def test_reprint_and_english() -> None:
    again = receipt_for("hp", reprint=True)
    assert again.stamp == "CETAK ULANG" and again.reprint
    english = build_receipt(result_for("pdam"), shop_name=SHOP, printed_at=NOW, lang="en")
    assert english.title == "PAYMENT RECEIPT PDAM WATER"
    assert english.total == ("TOTAL PAID", "Rp 12,500")
    assert english.printed == "Printed 24-11-2026 14:05:09"


def test_qr_matrix_is_square_and_boolean() -> None:
    matrix = qr_matrix("LOKET|26112412345678|SN-TEST-pln", border=2)
    assert len(matrix) == len(matrix[0]) and (len(matrix) - 4 - 21) % 4 == 0
    assert all(isinstance(cell, bool) for row in matrix for cell in row)
    assert not any(matrix[0]) and matrix[2][2]  # quiet zone, then a finder pattern


def test_the_receipt_core_imports_no_qt() -> None:
    code = (
        "import sys, kiosk.receipt, kiosk.receipt.text, kiosk.receipt.qr, "
        "kiosk.receipt.escpos; assert 'PySide6' not in sys.modules, 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("code", "sn", "shown"),
    [
        ("pln", "12345678901234567890", "1234 5678 9012 3456 7890"),  # a PLN token
        ("pln", "0BKR9A88109344E79C7B", "0BKR 9A88 1093 44E7 9C7B"),  # a PLN reference
        ("pdam", "12345678901234567890", "1234 5678 9012 3456 7890"),  # 20 digits anywhere
        ("pdam", "PD1A2B3C4D5E6F7A", "PD1A2B3C4D5E6F7A"),  # others as the provider gave them
        ("pln", "1234-5678", "1234-5678"),
    ],
)
def test_the_sn_is_grouped_as_people_read_it(code: str, sn: str, shown: str) -> None:
    from kiosk.products import group_sn

    assert group_sn(sn, code) == shown


def test_a_pln_token_is_printed_in_groups_of_four_and_kept_whole_in_the_qr() -> None:
    status_reply = TransactionReply.from_json(
        {
            "data": {
                "ref_id": REF_ID,
                "rc": "00",
                "status": "Sukses",
                "sn": "12345678901234567890",
                "customer_no": "530000000001",
                "selling_price": 11000,
            }
        },
        product_code="pln",
    )
    receipt = build_receipt(
        replace(result_for("pln"), reply=status_reply), shop_name=SHOP, printed_at=NOW
    )
    assert dict(receipt.refs)["NO REF"] == "1234 5678 9012 3456 7890"
    assert receipt.qr_payload == f"LOKET|{REF_ID}|12345678901234567890"
