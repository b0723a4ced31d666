"""The simulator speaks the contract: signs, test numbers, state, faults."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
import requests

from kiosk.api import sign
from kiosk.sim import Simulator
from kiosk.sim.numbers import TEST_NUMBERS

REQUIRED_DESC = {
    "pln": {"tarif", "daya", "lembar_tagihan", "detail"},
    "pdam": {"tarif", "lembar_tagihan", "alamat", "jatuh_tempo", "detail"},
    "hp": {"lembar_tagihan"},
    "internet": {"lembar_tagihan", "detail"},
    "bpjs": {"jumlah_peserta", "lembar_tagihan", "alamat", "detail"},
    "multifinance": {"lembar_tagihan", "item_name", "no_rangka", "no_pol", "tenor", "detail"},
    "pbb": {
        "lembar_tagihan",
        "alamat",
        "tahun_pajak",
        "kelurahan",
        "kecamatan",
        "kode_kab_kota",
        "kab_kota",
        "luas_tanah",
        "luas_gedung",
    },
    "pgas": {"lembar_tagihan", "alamat", "detail"},
    "tv": {"lembar_tagihan", "detail"},
    "plnnontaglis": {"lembar_tagihan", "transaksi", "no_registrasi", "tanggal_registrasi"},
    "emoney": {"lembar_tagihan"},
    "samsat": {"nomor_identitas", "nomor_polisi", "biaya_pokok_pkb", "tgl_akhir_pajak_baru"},
    "kirimuang": {"lembar_tagihan"},
}


def call(sim: Simulator, command: str, code: str, number: str, ref: str, **extra: object) -> dict:
    body = {
        "command": command,
        "username": "demo",
        "code": code,
        "customer_no": number,
        "ref_id": ref,
        "sign": sign("demo", "demo-key", ref),
        **extra,
    }
    return requests.post(sim.url + "transaction", json=body, timeout=5).json()["data"]


@pytest.mark.parametrize("code", sorted(TEST_NUMBERS))
def test_every_product_inquires_and_pays_with_its_test_number(sim: Simulator, code: str) -> None:
    number = TEST_NUMBERS[code][0][0]
    inq = call(sim, "inq-pasca", code, number, f"r-{code}")
    assert inq["rc"] == "00" and inq["status"] == "Sukses" and inq["name"]
    assert REQUIRED_DESC[code] <= set(inq["desc"])
    assert isinstance(inq["admin"], int) and isinstance(inq["balance"], float)
    detail = inq["desc"].get("detail", [])
    assert all(isinstance(v, str) for row in detail for v in row.values())
    parts = sum(int(r.get(k, 0)) for r in detail for k in ("nilai_tagihan", "denda", "biaya_lain"))
    if parts and code not in ("multifinance",):
        assert inq["selling_price"] == parts + inq["admin"]
    paid = call(sim, "pay-pasca", code, number, f"r-{code}")
    assert paid["rc"] == "00" and paid["sn"]
    assert sim.balance == Decimal(5_000_000) - inq["price"]


def test_failures_by_test_number(sim: Simulator) -> None:
    _, inq_fail, pay_fail, _, _ = TEST_NUMBERS["pln"]
    assert call(sim, "inq-pasca", "pln", inq_fail, "a")["status"] == "Gagal"
    call(sim, "inq-pasca", "pln", pay_fail, "b")
    assert call(sim, "pay-pasca", "pln", pay_fail, "b")["status"] == "Gagal"
    assert sim.pay_count("b") == 0
    two = call(sim, "inq-pasca", "pln", "530000000002", "c")
    assert two["desc"]["lembar_tagihan"] == 2 and len(two["desc"]["detail"]) == 2


@pytest.mark.parametrize(
    ("number", "final"), [("630000000001", "Sukses"), ("630000000006", "Gagal")]
)
def test_pending_resolves_after_status_checks(sim: Simulator, number: str, final: str) -> None:
    inq = call(sim, "inq-pasca", "pln", number, "p")
    assert call(sim, "pay-pasca", "pln", number, "p")["rc"] == "03"
    assert sim.balance == Decimal(5_000_000) - inq["price"]
    assert call(sim, "status-pasca", "pln", number, "p")["status"] == "Pending"
    assert call(sim, "status-pasca", "pln", number, "p")["status"] == final
    assert sim.balance == Decimal(5_000_000) - (inq["price"] if final == "Sukses" else 0)


def test_ref_id_rules(sim: Simulator) -> None:
    assert call(sim, "pay-pasca", "pln", "530000000001", "never-inquired")["rc"] == "50"
    call(sim, "inq-pasca", "pln", "530000000001", "x")
    assert call(sim, "status-pasca", "pln", "530000000001", "x")["rc"] == "50"
    assert call(sim, "inq-pasca", "pln", "530000000009", "x")["rc"] == "49"
    first = call(sim, "pay-pasca", "pln", "530000000001", "x")
    again = call(sim, "pay-pasca", "pln", "530000000001", "x")
    assert again["sn"] == first["sn"] and sim.pay_count("x") == 1
    assert call(sim, "pay-pasca", "pdam", "1013226", "x")["rc"] == "49"


def test_auth_payload_and_sku(sim: Simulator) -> None:
    bad = {
        "command": "inq-pasca",
        "username": "demo",
        "code": "pln",
        "customer_no": "1",
        "ref_id": "r",
        "sign": "0" * 32,
    }
    post = lambda b: requests.post(sim.url + "transaction", json=b, timeout=5).json()["data"]  # noqa: E731
    assert post(bad)["rc"] == "41"
    assert post({**bad, "username": "someone"})["rc"] == "42"
    assert post({**bad, "ref_id": 5})["rc"] == "40"
    assert call(sim, "inq-pasca", "pulsa", "1", "r")["rc"] == "43"
    raw = requests.post(sim.url + "transaction", data=b"{nope", timeout=5).json()
    assert raw["data"]["rc"] == "40"


def test_fault_numbers(sim: Simulator) -> None:
    for tail, rc in (("54", "54"), ("57", "57"), ("60", "60")):
        assert call(sim, "inq-pasca", "pln", "99000000" + tail, "f" + tail)["rc"] == rc
    call(sim, "inq-pasca", "pln", "990000000044", "f44")
    assert call(sim, "pay-pasca", "pln", "990000000044", "f44")["rc"] == "44"
    assert sim.pay_count("f44") == 0
    body = {
        "command": "inq-pasca",
        "username": "demo",
        "code": "pln",
        "customer_no": "990000000097",
        "ref_id": "f97",
        "sign": sign("demo", "demo-key", "f97"),
    }
    reply = requests.post(sim.url + "transaction", json=body, timeout=5)
    assert reply.status_code == 502 and "<html>" in reply.text


def test_emoney_amount_rule(sim: Simulator) -> None:
    assert call(sim, "inq-pasca", "emoney", "082100000001", "e1", amount=50500)["rc"] == "87"
    ok = call(sim, "inq-pasca", "emoney", "082100000001", "e2", amount=50000)
    assert ok["selling_price"] == 50000 + ok["admin"]


def test_status_rate_limit() -> None:
    with Simulator(port=0, status_min_interval=60) as sim:
        call(sim, "inq-pasca", "pln", "530000000001", "s")
        call(sim, "pay-pasca", "pln", "530000000001", "s")
        assert call(sim, "status-pasca", "pln", "530000000001", "s")["rc"] == "00"
        assert call(sim, "status-pasca", "pln", "530000000001", "s")["rc"] == "85"


def test_balance_and_price_list(sim: Simulator) -> None:
    body = {"cmd": "deposit", "username": "demo", "sign": sign("demo", "demo-key", "depo")}
    assert requests.post(sim.url + "cek-saldo", json=body, timeout=5).json() == {
        "data": {"deposit": 5e6}
    }
    body = {"command": "pasca", "username": "demo", "sign": sign("demo", "demo-key", "pricelist")}
    items = requests.post(sim.url + "price-list", json=body, timeout=5).json()["data"]
    codes = {i["code"] for i in items}
    assert len(codes) == 25 and {"pln", "kirimuang-bca", "emoney-ovo"} <= codes  # 13 + 12
    again = requests.post(sim.url + "price-list", json=body, timeout=5).json()["data"]
    assert again["rc"] == "83"  # the full list: once per 5 minutes
    wrong = {**body, "sign": sign("demo", "wrong-key", "pricelist")}
    assert requests.post(sim.url + "price-list", json=wrong, timeout=5).json()["data"]["rc"] == "41"


def test_huge_requests_are_refused(sim: Simulator) -> None:
    reply = requests.post(sim.url + "transaction", data=b"x" * 70_000, timeout=5)
    assert reply.status_code == 413


def test_cli_lists_numbers_and_refuses_remote_hosts() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "kiosk.sim", "--list-numbers"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "530000000001" in out and "kirimuang" in out
    bad = subprocess.run(
        [sys.executable, "-m", "kiosk.sim", "--host", "0.0.0.0"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2 and "loopback" in bad.stderr


def test_a_client_hanging_up_prints_no_traceback(sim: Simulator, capsys) -> None:
    """The demo's terminal stays clean when the app closes a connection mid-reply."""
    server = sim._server
    for error in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "reset")):
        try:
            raise error
        except ConnectionError:
            server.handle_error(None, ("127.0.0.1", 1))
    assert capsys.readouterr().err == ""
    try:
        raise ValueError("a real bug")
    except ValueError:
        server.handle_error(None, ("127.0.0.1", 1))
    assert "ValueError: a real bug" in capsys.readouterr().err
