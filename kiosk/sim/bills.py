"""Realistic bills for every product, deterministic per customer number.

Shapes follow the provider's pay page exactly: money inside ``desc`` as
strings, ``lembar_tagihan`` and PLN ``daya`` as ints, and the totals add up:
``selling_price == tagihan + denda + biaya lain + admin``.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date
from typing import Any

from kiosk.business_day import now as wib_now

NAMES = (
    "BUDI SANTOSO",
    "SITI AMINAH",
    "AGUS PRASETYO",
    "DEWI LESTARI",
    "RINA WULANDARI",
    "HENDRA GUNAWAN",
    "NUR HIDAYAH",
    "EKO SUSANTO",
    "YULI ASTUTI",
    "WAYAN SUDARMA",
    "RATNA SARI",
    "JOKO WIDODO S",
    "FITRI HANDAYANI",
    "ANDI MAPPAROMPO",
    "MARIA OCTAVIANI",
)
STREETS = (
    "JL. MERDEKA",
    "JL. SUDIRMAN",
    "JL. DIPONEGORO",
    "GG. MAWAR",
    "JL. AHMAD YANI",
    "PERUM GRIYA ASRI",
    "JL. GATOT SUBROTO",
)
CITIES = ("SURABAYA", "BANDUNG", "SEMARANG", "MAKASSAR", "DENPASAR", "MEDAN", "CIMAHI")
MONTHS_ID = ("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV", "DES")
ADMIN = 2500


def _rng(code: str, customer_no: str) -> random.Random:
    seed = hashlib.sha256(f"{code}:{customer_no}".encode()).digest()
    return random.Random(int.from_bytes(seed[:8], "big"))


def _months(count: int, today: date) -> list[tuple[int, int]]:
    """The ``count`` months before ``today``'s month, oldest first."""
    out = []
    year, month = today.year, today.month
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        out.append((year, month))
    return list(reversed(out))


def _address(rng: random.Random) -> str:
    return f"{rng.choice(STREETS)} NO. {rng.randint(1, 120)} {rng.choice(CITIES)}"


def make_bill(
    code: str,
    customer_no: str,
    *,
    sheets: int = 1,
    amount: int | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """The bill fields of an inquiry reply: name, admin, price, selling_price, desc."""
    rng = _rng(code, customer_no)
    today = today or wib_now().date()
    months = _months(sheets, today)
    name = rng.choice(NAMES)
    admin = ADMIN * sheets
    body = 0  # tagihan + denda + biaya lain
    desc: dict[str, Any] = {"lembar_tagihan": sheets}
    if code == "pln":
        meter = rng.randint(1000, 90000)
        detail = []
        for y, m in months:
            use = rng.randint(80, 400)
            tag, denda = use * rng.choice((1352, 1444, 1699)), rng.choice((0, 0, 3000, 5000))
            detail.append(
                {
                    "periode": f"{y}{m:02d}",
                    "nilai_tagihan": str(tag),
                    "admin": str(ADMIN),
                    "denda": str(denda),
                    "meter_awal": f"{meter:08d}",
                    "meter_akhir": f"{meter + use:08d}",
                }
            )
            meter += use
            body += tag + denda
        desc = {
            "tarif": rng.choice(("R1", "R1M", "R2", "B1")),
            "daya": rng.choice((900, 1300, 2200, 3500)),
            "lembar_tagihan": sheets,
            "detail": detail,
        }
    elif code == "pdam":
        meter = rng.randint(100, 9000)
        detail = []
        for y, m in months:
            use = rng.randint(8, 40)
            tag, denda, lain = use * 4500, rng.choice((0, 0, 5000)), 1500
            detail.append(
                {
                    "periode": f"{y}{m:02d}",
                    "nilai_tagihan": str(tag),
                    "denda": str(denda),
                    "meter_awal": f"{meter:08d}",
                    "meter_akhir": f"{meter + use:08d}",
                    "biaya_lain": str(lain),
                }
            )
            meter += use
            body += tag + denda + lain
        desc = {
            "tarif": rng.choice(("2A", "3A", "3B")),
            "lembar_tagihan": sheets,
            "alamat": _address(rng),
            "jatuh_tempo": f"20 {MONTHS_ID[today.month - 1]} {today.year}",
            "detail": detail,
        }
    elif code in ("internet", "hp"):
        detail = []
        for y, m in months:
            tag = rng.randint(150, 450) * 1000
            detail.append(
                {
                    "periode": f"{MONTHS_ID[m - 1]} {y}",
                    "nilai_tagihan": str(tag),
                    "admin": str(ADMIN),
                }
            )
            body += tag
        desc["detail"] = detail
    elif code == "tv":
        detail = []
        for y, m in months:
            tag = rng.choice((99_000, 149_000, 219_000))
            detail.append(
                {
                    "periode": f"{MONTHS_ID[m - 1]} {y % 100:02d}",
                    "nilai_tagihan": str(tag),
                    "no_ref": f"{rng.randint(100, 999)}{rng.choice('ABCDEF')}",
                }
            )
            body += tag
        desc["detail"] = detail
    elif code == "bpjs":
        peserta = rng.randint(1, 5)
        body = peserta * 42_000 * sheets
        desc.update(
            jumlah_peserta=str(peserta),
            alamat=rng.choice(CITIES),
            detail=[{"periode": f"{sheets:02d}"}],
        )
    elif code == "multifinance":
        denda = rng.choice((0, 0, 25_000))
        body = rng.randint(60, 180) * 10_000 + denda
        desc.update(
            item_name=rng.choice(("HONDA VARIO 125 CBS", "YAMAHA NMAX 155", "TOYOTA AVANZA 1.3 G")),
            no_rangka=f"MH1JFB{rng.randint(10**10, 10**11 - 1)}",
            no_pol=f"B{rng.randint(1000, 9999)}UWX",
            tenor="030",
            detail=[
                {"periode": f"{rng.randint(1, 29):03d}", "denda": str(denda), "biaya_lain": "0"}
            ],
        )
    elif code == "pbb":
        body = rng.randint(15, 250) * 10_000
        desc.update(
            alamat=_address(rng),
            tahun_pajak=str(today.year),
            kelurahan="CIPAGERAN",
            kecamatan="CIMAHI UTARA",
            kode_kab_kota="0023",
            kab_kota="PEMKOT CIMAHI",
            luas_tanah=f"{rng.randint(60, 400)} M2",
            luas_gedung=f"{rng.randint(36, 250)} M2",
        )
    elif code == "pgas":
        meter = rng.randint(1000, 9000)
        detail = []
        for y, m in months:
            use = rng.randint(10, 60)
            detail.append(
                {
                    "periode": f"{m:02d}{y % 100:02d}",
                    "meter_awal": f"{meter:06d}",
                    "meter_akhir": f"{meter + use:06d}",
                }
            )
            meter += use
            body += use * 6000
        desc.update(alamat=_address(rng), detail=detail)
    elif code == "plnnontaglis":
        body = rng.choice((350_000, 965_000, 1_450_000))
        desc.update(
            transaksi=rng.choice(("PENYAMBUNGAN BARU", "PERUBAHAN DAYA")),
            no_registrasi=customer_no,
            tanggal_registrasi=f"{today.year}{today.month:02d}05",
        )
    elif code == "samsat":
        _kode, _, ident = customer_no.partition(",")
        pkb, swd = rng.randint(50, 400) * 1000, 143_000 if rng.random() < 0.3 else 35_000
        body = pkb + swd
        desc.update(
            alamat=_address(rng),
            nomor_identitas=ident,
            nomor_rangka=f"MHKV5EA2JFJ{rng.randint(100000, 999999)}",
            nomor_mesin=f"1NRF{rng.randint(100000, 999999)}",
            nomor_polisi=f"DK {rng.randint(1000, 9999)} AL",
            milik_kenama="001",
            merek_kb="DAIHATSU",
            model_kb="XENIA 1.3 R M/T",
            tahun_buatan=str(rng.randint(2010, 2023)),
            tgl_akhir_pajak_baru=f"{today.year + 1}0309",
            biaya_pokok_bbn="0",
            biaya_pokok_swd=str(swd),
            biaya_pokok_pkb=str(pkb),
            biaya_denda_swd="0",
            biaya_denda_bbn="0",
            biaya_denda_pkb="0",
            biaya_admin_stnk="0",
            biaya_admin_tnkb="0",
            biaya_parkir_pokok="0",
            biaya_pajak_progresif="0",
        )
    elif code == "emoney":
        admin = 1500
        body = amount if amount is not None else 50_000
    else:  # kirimuang and anything else
        body = amount if amount is not None else rng.randint(10, 200) * 5000
    selling = body + admin
    commission = 1000 if code in ("emoney", "kirimuang") else 1500
    bill: dict[str, Any] = {
        "name": name,
        "admin": admin,
        "price": selling - commission,
        "selling_price": selling,
        "desc": desc,
    }
    if code in ("plnnontaglis", "emoney", "kirimuang"):
        bill["base_commission"] = commission
    return bill


def serial_number(code: str, ref_id: str) -> str:
    digest = hashlib.sha256(f"sn:{code}:{ref_id}".encode()).hexdigest().upper()
    if code == "pln":
        return "0BKR" + digest[:16]
    return code[:2].upper() + digest[:14]
