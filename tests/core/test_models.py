"""Every example reply of the provider parses to the expected typed values."""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

import pytest

from kiosk.models import Amounts, ReplyParseError, TransactionReply
from kiosk.models.descs import DESC_TYPES, GenericDesc
from kiosk.models.fields import format_date, format_period
from kiosk.money import format_rupiah

EXAMPLES = Path(__file__).parent.parent / "data" / "examples"


def example(code: str) -> dict:
    return json.loads((EXAMPLES / f"pay-pasca-{code}.json").read_text())


def parse(code: str) -> TransactionReply:
    return TransactionReply.from_json(example(code), product_code=code)


# code: (amounts, fields expected in Indonesian, fields expected in English)
EXPECTED = {
    "pln": (
        Amounts(8000, 500, 2500, 11000),
        [("Tarif/Daya", "R1 / 1300 VA"), ("Lembar Tagihan", "1")],
        [("Tariff/Power", "R1 / 1300 VA"), ("Bill Sheets", "1")],
    ),
    "pdam": (
        Amounts(9500, 500, 2500, 12500),
        [("Tarif", "3A"), ("Alamat", "WONOKROMO S.S BARU 2 8"), ("Jatuh Tempo", "1-15 DES 2014")],
        [("Tariff", "3A"), ("Due Date", "1-15 DES 2014")],
    ),
    "hp": (Amounts(10000, 0, 2500, 12500), [("Lembar Tagihan", "1")], [("Bill Sheets", "1")]),
    "internet": (Amounts(19500, 0, 5000, 24500), [("Lembar Tagihan", "2")], [("Bill Sheets", "2")]),
    "bpjs": (
        Amounts(22500, 0, 2500, 25000),
        [("Jumlah Peserta", "2"), ("Alamat", "JAKARTA PUSAT"), ("Jumlah Bulan", "1")],
        [("Members", "2"), ("Months", "1")],
    ),
    "multifinance": (
        Amounts(22500, 0, 2500, 25000),
        [
            ("Barang", "HONDA VARIO TECHNO 125 PGM FI NON CBS"),
            ("No. Polisi", "B6213UWX"),
            ("Tenor (bulan)", "30"),
            ("Angsuran ke-", "2"),
        ],
        [("Item", "HONDA VARIO TECHNO 125 PGM FI NON CBS"), ("Instalment No.", "2")],
    ),
    "pbb": (
        Amounts(97500, 0, 2500, 100000),
        [("Kelurahan", "CIPAGERAN"), ("Tahun Pajak", "2019"), ("Luas Bangunan", "47 M2")],
        [("Tax Year", "2019"), ("Building Area", "47 M2")],
    ),
    "pgas": (
        Amounts(97500, 0, 2500, 100000),
        [("Alamat", "KO. GRIYA ASRI CIPAGERAN")],
        [("Address", "KO. GRIYA ASRI CIPAGERAN")],
    ),
    "tv": (Amounts(97500, 0, 2500, 100000), [("Lembar Tagihan", "1")], [("Bill Sheets", "1")]),
    "plnnontaglis": (
        Amounts(97500, 0, 2500, 100000),
        [("Jenis Transaksi", "PENYAMBUNGAN BARU"), ("Tanggal Registrasi", "24 Mei 2012")],
        [("Registration Date", "24 May 2012")],
    ),
    "emoney": (Amounts(97500, 0, 2500, 100000), [], []),
    "samsat": (
        Amounts(97500, 0, 2500, 100000),
        [
            ("Nomor Polisi", "DK 1243AL"),
            ("PKB Pokok", "Rp 83.000"),
            ("SWDKLLJ Pokok", "Rp 14.000"),
            ("Pajak Berlaku s.d.", "9 Mar 2021"),
        ],
        [("Vehicle Tax (PKB)", "Rp 83,000"), ("Tax Valid Until", "9 Mar 2021")],
    ),
    "kirimuang": (
        Amounts(32500, 0, 2500, 35000),
        [("Nama", "Nama Pelanggan Pertama")],
        [("Name", "Nama Pelanggan Pertama")],
    ),
}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_every_example_reply_parses(code: str) -> None:
    reply = parse(code)
    amounts, id_pairs, en_pairs = EXPECTED[code]
    assert reply.rc == "00" and reply.status == "Sukses"
    assert isinstance(reply.desc, DESC_TYPES[code])
    assert reply.amounts() == amounts
    assert isinstance(reply.balance, Decimal)
    details_id, details_en = reply.details("id"), reply.details("en")
    for pair in id_pairs:
        assert pair in details_id
    for pair in en_pairs:
        assert pair in details_en
    for label, _ in details_id + details_en:
        assert "_" not in label  # never a snake_case key


def test_pln_values_are_typed() -> None:
    reply = parse("pln")
    assert (reply.admin, reply.price, reply.selling_price) == (2500, 10000, 11000)
    assert reply.balance == Decimal("100000")
    row = reply.desc.detail[0]  # type: ignore[union-attr]
    assert (row.nilai_tagihan, row.denda, row.admin, row.meter_awal) == (
        8000,
        500,
        2500,
        "00080000",
    )
    table = reply.periods()
    assert table is not None
    assert table.header("id") == [
        "Periode",
        "Tagihan",
        "Denda",
        "Admin",
        "Stand Meter",
    ]
    assert table.formatted_rows("id") == [
        ["Jan 2019", "Rp 8.000", "Rp 500", "Rp 2.500", "80000 – 90000"]
    ]
    assert table.formatted_rows("en")[0][:2] == ["Jan 2019", "Rp 8,000"]


def test_internet_has_one_row_per_period() -> None:
    table = parse("internet").periods()
    assert table is not None
    assert [r[0] for r in table.formatted_rows("id")] == ["Mei 2019", "Jun 2019"]
    assert [r[0] for r in table.formatted_rows("en")] == ["May 2019", "Jun 2019"]


def test_samsat_and_extra_fields_base_commission() -> None:
    assert parse("emoney").base_commission == 1500
    assert parse("samsat").desc.nomor_identitas == "0212502110170100"  # type: ignore[union-attr]


def test_unknown_fields_are_kept_missing_ones_are_none() -> None:
    body = example("pln")
    body["data"]["bonus"] = "x"
    body["data"]["desc"]["zona"] = "3"
    body["data"]["desc"]["detail"][0]["kwh"] = "120"
    del body["data"]["desc"]["tarif"]
    reply = TransactionReply.from_json(body, product_code="pln")
    assert reply.extra == {"bonus": "x"}
    assert reply.desc.extra == {"zona": "3"}  # type: ignore[union-attr]
    assert reply.desc.detail[0].extra == {"kwh": "120"}  # type: ignore[union-attr]
    assert reply.desc.tarif is None  # type: ignore[union-attr]


def test_numbers_as_strings_and_floats_are_accepted() -> None:
    body = example("pln")
    body["data"].update(admin="2500", price=10000.0, selling_price="11000")
    reply = TransactionReply.from_json(body, product_code="pln")
    assert (reply.admin, reply.price, reply.selling_price) == (2500, 10000, 11000)


def test_a_provider_alias_code_parses_as_the_product() -> None:
    body = example("pln")
    body["data"]["code"] = "dspln"
    assert isinstance(TransactionReply.from_json(body).desc, DESC_TYPES["pln"])
    assert isinstance(TransactionReply.from_json(body, product_code="zzz").desc, GenericDesc)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"rc": "00"}, "no 'data'"),
        ({"data": []}, "expected an object"),
        ({"data": {"message": "x"}}, "data.rc: missing"),
        ({"data": {"rc": "00", "price": "abc"}}, "data.price"),
        ({"data": {"rc": "00", "code": "pln", "desc": {"detail": "x"}}}, "detail"),
        ({"data": {"rc": "00", "code": "pln", "desc": {"detail": [{"denda": "abc"}]}}}, "denda"),
        ({"data": {"rc": "00", "code": "pln", "desc": {"daya": [1]}}}, "daya"),
    ],
)
def test_wrong_shapes_are_clear_parse_errors(body: object, message: str) -> None:
    with pytest.raises(ReplyParseError, match=message):
        TransactionReply.from_json(body)


def test_minimal_reply_parses() -> None:
    reply = TransactionReply.from_json({"data": {"rc": "03"}})
    assert reply.desc is None and reply.sn is None and reply.amounts().total == 0


GARBAGE = [None, [], {}, "x", -1, 1.5, True, "9" * 5000, {"a": 1}, [1, 2]]


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_garbage_in_any_field_is_a_parse_error_or_parses(code: str) -> None:
    rnd = random.Random(code)
    base = example(code)
    paths = [("data", k) for k in base["data"]] + [("desc", k) for k in base["data"]["desc"]]
    for _ in range(150):
        body = json.loads(json.dumps(base))
        where, key = rnd.choice(paths)
        target = body["data"] if where == "data" else body["data"]["desc"]
        target[key] = rnd.choice(GARBAGE)
        try:
            reply = TransactionReply.from_json(body, product_code=code)
            reply.details("id")
            reply.amounts()
            if reply.periods():
                reply.periods().formatted_rows("en")  # type: ignore[union-attr]
        except ReplyParseError:
            pass


def test_formatting() -> None:
    assert format_rupiah(1234567) == "Rp 1.234.567"
    assert format_rupiah(1234567, "en") == "Rp 1,234,567"
    assert format_period("201901", "id") == "Jan 2019"
    assert format_period("MEI 22", "id") == "Mei 2022"
    assert format_period("MEI 22", "en") == "May 2022"
    assert format_period("0320", "id") == "Mar 2020"
    assert format_period("MEI 2019", "id") == "Mei 2019"
    assert format_date("20120524", "en") == "24 May 2012"
