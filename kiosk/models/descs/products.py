"""The ``desc`` of each of the 13 products, field for field as in the pay page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from kiosk.models.descs.base import LEMBAR, Desc, L, Record, f
from kiosk.models.fields import Field, Kind, Value
from kiosk.models.fields import number as num
from kiosk.models.fields import text as txt

M, N, D, P = Kind.MONEY, Kind.NUMBER, Kind.DATE, Kind.PERIOD
ALAMAT = L("Alamat", "Address")


# -- per-period rows -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlnPeriod(Record):
    periode: str | None = f()
    nilai_tagihan: int | None = f("money")
    admin: int | None = f("money")
    denda: int | None = f("money")
    meter_awal: str | None = f()
    meter_akhir: str | None = f()


@dataclass(frozen=True, slots=True)
class PdamPeriod(Record):
    periode: str | None = f()
    nilai_tagihan: int | None = f("money")
    denda: int | None = f("money")
    meter_awal: str | None = f()
    meter_akhir: str | None = f()
    biaya_lain: int | None = f("money")


@dataclass(frozen=True, slots=True)
class TelcoPeriod(Record):
    """Rows of hp and internet."""

    periode: str | None = f()
    nilai_tagihan: int | None = f("money")
    admin: int | None = f("money")


@dataclass(frozen=True, slots=True)
class TvPeriod(Record):
    periode: str | None = f()
    nilai_tagihan: int | None = f("money")
    no_ref: str | None = f()


@dataclass(frozen=True, slots=True)
class BpjsPeriod(Record):
    periode: str | None = f()
    """The number of months paid ("01"), not a calendar month."""


@dataclass(frozen=True, slots=True)
class MultifinancePeriod(Record):
    periode: str | None = f()
    """The instalment number ("002")."""
    denda: int | None = f("money")
    biaya_lain: int | None = f("money")


@dataclass(frozen=True, slots=True)
class GasPeriod(Record):
    periode: str | None = f()
    meter_awal: str | None = f()
    meter_akhir: str | None = f()


# -- descs ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlnDesc(Desc):
    ROW: ClassVar[type[Record] | None] = PlnPeriod
    tarif: str | None = f()
    daya: int | None = f("int")
    lembar_tagihan: int | None = f("int", LEMBAR, N)
    detail: tuple[PlnPeriod, ...] = ()

    def fields(self) -> list[Field]:
        rows: list[Field] = []
        if self.tarif or self.daya:
            daya = f"{self.daya} VA" if self.daya is not None else "–"
            rows.append(
                Field(L("Tarif/Daya", "Tariff/Power"), txt(f"{self.tarif or '–'} / {daya}"))
            )
        return rows + self.shown()


@dataclass(frozen=True, slots=True)
class PdamDesc(Desc):
    ROW: ClassVar[type[Record] | None] = PdamPeriod
    tarif: str | None = f("str", L("Tarif", "Tariff"))
    lembar_tagihan: int | None = f("int", LEMBAR, N)
    alamat: str | None = f("str", ALAMAT)
    jatuh_tempo: str | None = f("str", L("Jatuh Tempo", "Due Date"))
    detail: tuple[PdamPeriod, ...] = ()


@dataclass(frozen=True, slots=True)
class HpDesc(Desc):
    ROW: ClassVar[type[Record] | None] = TelcoPeriod
    lembar_tagihan: int | None = f("int", LEMBAR, N)
    detail: tuple[TelcoPeriod, ...] = ()


@dataclass(frozen=True, slots=True)
class InternetDesc(Desc):
    ROW: ClassVar[type[Record] | None] = TelcoPeriod
    lembar_tagihan: int | None = f("int", LEMBAR, N)
    detail: tuple[TelcoPeriod, ...] = ()


@dataclass(frozen=True, slots=True)
class TvDesc(Desc):
    ROW: ClassVar[type[Record] | None] = TvPeriod
    lembar_tagihan: int | None = f("int", LEMBAR, N)
    detail: tuple[TvPeriod, ...] = ()


@dataclass(frozen=True, slots=True)
class BpjsDesc(Desc):
    ROW: ClassVar[type[Record] | None] = BpjsPeriod
    SHOW_PERIODS: ClassVar[bool] = False
    jumlah_peserta: str | None = f("str", L("Jumlah Peserta", "Members"), N)
    alamat: str | None = f("str", ALAMAT)
    lembar_tagihan: int | None = f("int", LEMBAR, N)
    detail: tuple[BpjsPeriod, ...] = ()

    def fields(self) -> list[Field]:
        rows = self.shown()
        months = [r.periode for r in self.detail if isinstance(r, BpjsPeriod) and r.periode]
        if months:
            rows.append(Field(L("Jumlah Bulan", "Months"), num(months[0])))
        return rows


@dataclass(frozen=True, slots=True)
class MultifinanceDesc(Desc):
    ROW: ClassVar[type[Record] | None] = MultifinancePeriod
    SHOW_PERIODS: ClassVar[bool] = False
    item_name: str | None = f("str", L("Barang", "Item"))
    no_rangka: str | None = f("str", L("No. Rangka", "Chassis No."))
    no_pol: str | None = f("str", L("No. Polisi", "Plate No."))
    tenor: str | None = f("str", L("Tenor (bulan)", "Tenor (months)"), N)
    lembar_tagihan: int | None = f("int", LEMBAR, N)
    detail: tuple[MultifinancePeriod, ...] = ()

    def fields(self) -> list[Field]:
        rows = self.shown()
        for r in self.detail:
            if r.periode:
                rows.append(Field(L("Angsuran ke-", "Instalment No."), num(r.periode)))
            if r.biaya_lain:
                rows.append(Field(L("Biaya Lain", "Other Fees"), Value(M, r.biaya_lain)))
        return rows


@dataclass(frozen=True, slots=True)
class PbbDesc(Desc):
    alamat: str | None = f("str", ALAMAT)
    kelurahan: str | None = f("str", L("Kelurahan", "Village"))
    kecamatan: str | None = f("str", L("Kecamatan", "District"))
    kab_kota: str | None = f("str", L("Kab/Kota", "Regency/City"))
    kode_kab_kota: str | None = f()
    tahun_pajak: str | None = f("str", L("Tahun Pajak", "Tax Year"))
    luas_tanah: str | None = f("str", L("Luas Tanah", "Land Area"))
    luas_gedung: str | None = f("str", L("Luas Bangunan", "Building Area"))
    lembar_tagihan: int | None = f("int", LEMBAR, N)


@dataclass(frozen=True, slots=True)
class PgasDesc(Desc):
    ROW: ClassVar[type[Record] | None] = GasPeriod
    alamat: str | None = f("str", ALAMAT)
    lembar_tagihan: int | None = f("int", LEMBAR, N)
    detail: tuple[GasPeriod, ...] = ()


@dataclass(frozen=True, slots=True)
class PlnNonTaglisDesc(Desc):
    transaksi: str | None = f("str", L("Jenis Transaksi", "Transaction"))
    no_registrasi: str | None = f("str", L("No. Registrasi", "Registration No."))
    tanggal_registrasi: str | None = f("str", L("Tanggal Registrasi", "Registration Date"), D)
    lembar_tagihan: int | None = f("int", LEMBAR, N)


@dataclass(frozen=True, slots=True)
class SamsatDesc(Desc):
    nomor_polisi: str | None = f("str", L("Nomor Polisi", "Plate No."))
    merek_kb: str | None = f("str", L("Merek", "Make"))
    model_kb: str | None = f("str", L("Model", "Model"))
    tahun_buatan: str | None = f("str", L("Tahun Pembuatan", "Year Built"))
    nomor_rangka: str | None = f("str", L("No. Rangka", "Chassis No."))
    nomor_mesin: str | None = f("str", L("No. Mesin", "Engine No."))
    alamat: str | None = f("str", ALAMAT)
    nomor_identitas: str | None = f("str", L("Nomor Identitas", "ID Number"))
    milik_kenama: str | None = f("str", L("Kepemilikan Ke-", "Ownership No."), N)
    tgl_akhir_pajak_baru: str | None = f("str", L("Pajak Berlaku s.d.", "Tax Valid Until"), D)
    biaya_pokok_pkb: int | None = f("money", L("PKB Pokok", "Vehicle Tax (PKB)"), M)
    biaya_pokok_swd: int | None = f("money", L("SWDKLLJ Pokok", "Road Insurance (SWDKLLJ)"), M)
    biaya_pokok_bbn: int | None = f(
        "money", L("BBN Pokok", "Transfer Fee (BBN)"), M, show_zero=False
    )
    biaya_denda_pkb: int | None = f("money", L("Denda PKB", "PKB Penalty"), M, show_zero=False)
    biaya_denda_swd: int | None = f(
        "money", L("Denda SWDKLLJ", "SWDKLLJ Penalty"), M, show_zero=False
    )
    biaya_denda_bbn: int | None = f("money", L("Denda BBN", "BBN Penalty"), M, show_zero=False)
    biaya_admin_stnk: int | None = f("money", L("Adm STNK", "STNK Fee"), M, show_zero=False)
    biaya_admin_tnkb: int | None = f("money", L("Adm TNKB", "Plate Fee"), M, show_zero=False)
    biaya_parkir_pokok: int | None = f("money", L("Parkir", "Parking"), M, show_zero=False)
    biaya_pajak_progresif: int | None = f(
        "money", L("Pajak Progresif", "Progressive Tax"), M, show_zero=False
    )
    lembar_tagihan: int | None = f("int")

    def penalty(self) -> int:
        return sum(
            x or 0 for x in (self.biaya_denda_pkb, self.biaya_denda_swd, self.biaya_denda_bbn)
        )


@dataclass(frozen=True, slots=True)
class EmoneyDesc(Desc):
    lembar_tagihan: int | None = f("int")


@dataclass(frozen=True, slots=True)
class KirimUangDesc(Desc):
    lembar_tagihan: int | None = f("int")


@dataclass(frozen=True, slots=True)
class GenericDesc(Desc):
    """For a product code this app does not know: every simple field, de-snake-cased."""

    lembar_tagihan: int | None = f("int", LEMBAR, N)

    def fields(self) -> list[Field]:
        rows = self.shown()
        for key, value in self.extra.items():
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                label = key.replace("_", " ").title()
                rows.append(Field(L(label, label), txt(str(value))))
        return rows
