"""The 13 postpaid products: names, hints and customer-number rules.

The provider documents no number lengths (REFERENCE.md): each rule below is
the usual length printed on that bill, kept within the contract's sane range
of 6-20 digits; the provider's rc 54/57 decides the rest.

Two kinds of product. A *bill* (PLN, PDAM, BPJS, …) is looked up by its number and
the provider says what is owed. A *nominal* product (E-Money, Kirim Uang) has no bill:
the customer chooses the amount. ASSUMED request shape (the contract is silent except
for e-money): a nominal product's inquiry and pay carry the chosen nominal as an
integer ``amount`` beside ``customer_no`` (see ``BillRequest`` and the client); the
inquiry's reply prices it (``selling_price`` = nominal + admin). The amount rules
below (minimum, maximum, step, quick amounts) are ours, not the provider's.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import NamedTuple

from kiosk.i18n import Lang, Text
from kiosk.price_list import base_code, choice_label


class InputKind(Enum):
    NUMBER = "number"
    """One digits-only customer number."""
    SAMSAT = "samsat"
    """Two fields, kode bayar and nomor identitas, sent as ``"<kode>,<identitas>"``."""
    NOMINAL = "nominal"
    """A number and an amount the customer chooses (e-money top-up, a bank transfer)."""


class AmountRule(NamedTuple):
    """A nominal product's amount: its label, range, step and quick amounts (ours)."""

    label: Text
    min: int
    max: int
    step: int
    quick: tuple[int, ...]

    def check(self, amount: int | None) -> Text | None:
        """None when ``amount`` is acceptable, else the reason in words."""
        from kiosk.money import format_rupiah  # decimal: not on the first frame's path

        if amount is None:
            return Text("Pilih atau isi nominal.", "Choose or enter an amount.")
        if amount % self.step:
            return Text(
                f"Nominal harus kelipatan {format_rupiah(self.step, 'id')}.",
                f"The amount must be a multiple of {format_rupiah(self.step, 'en')}.",
            )
        if not self.min <= amount <= self.max:
            return Text(
                f"Nominal harus antara {format_rupiah(self.min, 'id')} dan "
                f"{format_rupiah(self.max, 'id')}.",
                f"The amount must be between {format_rupiah(self.min, 'en')} and "
                f"{format_rupiah(self.max, 'en')}.",
            )
        return None


class DigitRule(NamedTuple):  # NamedTuples: cheap to create on the first frame's path
    min_len: int
    max_len: int

    def check(self, value: str) -> Text | None:
        """None when ``value`` is acceptable, else the reason in words."""
        if not value:
            return Text("Nomor belum diisi.", "Please enter the number.")
        if not value.isdigit() or not value.isascii():
            return Text("Nomor hanya boleh berisi angka.", "The number may contain digits only.")
        if not self.min_len <= len(value) <= self.max_len:
            if self.min_len == self.max_len:
                return Text(
                    f"Nomor harus {self.min_len} digit (sekarang {len(value)}).",
                    f"The number must have {self.min_len} digits (now {len(value)}).",
                )
            return Text(
                f"Nomor harus {self.min_len}–{self.max_len} digit (sekarang {len(value)}).",
                f"The number must have {self.min_len}–{self.max_len} digits (now {len(value)}).",
            )
        return None


class Product(NamedTuple):
    code: str
    name: Text
    hint: Text
    field_label: Text
    rule: DigitRule
    icon: str
    kind: InputKind = InputKind.NUMBER
    second_label: Text | None = None
    second_rule: DigitRule | None = None
    amount: AmountRule | None = None
    """A nominal product's amount rule; None for a bill."""

    @property
    def nominal(self) -> bool:
        """No bill to look up: the customer chooses the amount (E-Money, Kirim Uang)."""
        return self.amount is not None


EMONEY_AMOUNT = AmountRule(
    Text("Nominal isi ulang (Rp)", "Top-up amount (Rp)"),
    10_000,
    2_000_000,
    1000,
    (20_000, 50_000, 100_000, 200_000, 500_000),
)
TRANSFER_AMOUNT = AmountRule(
    Text("Nominal kirim (Rp)", "Amount to send (Rp)"),
    10_000,
    25_000_000,
    1000,
    (100_000, 250_000, 500_000, 1_000_000, 2_000_000),
)

_ID_PEL = Text("ID Pelanggan", "Customer ID")

PRODUCTS: tuple[Product, ...] = (
    Product(
        "pln",
        Text("Listrik PLN", "PLN Electricity"),
        Text(
            "ID pelanggan ada di struk atau tagihan PLN, 11–12 digit.",
            "The customer ID is on your PLN bill or receipt, 11–12 digits.",
        ),
        _ID_PEL,
        DigitRule(11, 12),
        "pln",
    ),
    Product(
        "pdam",
        Text("Air PDAM", "PDAM Water"),
        Text(
            "Nomor sambungan ada di rekening air PDAM Anda.",
            "The connection number is on your PDAM water bill.",
        ),
        Text("Nomor Sambungan", "Connection No."),
        DigitRule(6, 15),
        "pdam",
    ),
    Product(
        "bpjs",
        Text("BPJS Kesehatan", "BPJS Health"),
        Text(
            "Nomor VA keluarga ada di kartu BPJS, 13 atau 16 digit.",
            "The family VA number is on the BPJS card, 13 or 16 digits.",
        ),
        Text("Nomor VA Keluarga", "Family VA No."),
        DigitRule(11, 16),
        "bpjs",
    ),
    Product(
        "hp",
        Text("Telepon/HP Pascabayar", "Postpaid Phone"),
        Text(
            "Nomor telepon atau HP pascabayar, diawali 0.",
            "The postpaid phone number, starting with 0.",
        ),
        Text("Nomor Telepon", "Phone Number"),
        DigitRule(9, 13),
        "hp",
    ),
    Product(
        "internet",
        Text("Internet & TV Kabel", "Internet & Cable TV"),
        Text(
            "Nomor pelanggan ada di tagihan internet Anda.",
            "The customer number is on your internet bill.",
        ),
        _ID_PEL,
        DigitRule(8, 14),
        "internet",
    ),
    Product(
        "tv",
        Text("TV Berbayar", "Pay TV"),
        Text(
            "Nomor pelanggan ada di tagihan atau kartu TV berbayar.",
            "The customer number is on your pay-TV bill or card.",
        ),
        _ID_PEL,
        DigitRule(8, 14),
        "tv",
    ),
    Product(
        "multifinance",
        Text("Multifinance", "Multifinance"),
        Text(
            "Nomor kontrak ada di kartu angsuran atau perjanjian kredit.",
            "The contract number is on your instalment card or credit agreement.",
        ),
        Text("Nomor Kontrak", "Contract No."),
        DigitRule(8, 16),
        "multifinance",
    ),
    Product(
        "pbb",
        Text("PBB", "Property Tax (PBB)"),
        Text(
            "NOP ada di SPPT PBB, 18 digit.", "The NOP is on your PBB tax notice (SPPT), 18 digits."
        ),
        Text("NOP", "Tax Object No. (NOP)"),
        DigitRule(18, 18),
        "pbb",
    ),
    Product(
        "pgas",
        Text("Gas PGN", "PGN Gas"),
        Text(
            "ID pelanggan ada di tagihan gas PGN, 10 digit.",
            "The customer ID is on your PGN gas bill, 10 digits.",
        ),
        _ID_PEL,
        DigitRule(10, 10),
        "pgas",
    ),
    Product(
        "plnnontaglis",
        Text("PLN Non-Taglis", "PLN Non-Bill"),
        Text(
            "Nomor registrasi ada di surat PLN (pasang baru, tambah daya), 13 digit.",
            "The registration number is on the PLN letter (new connection, upgrade), 13 digits.",
        ),
        Text("Nomor Registrasi", "Registration No."),
        DigitRule(13, 13),
        "plnnontaglis",
    ),
    Product(
        "emoney",
        Text("E-Money", "E-Money"),
        Text(
            "Nomor HP atau nomor kartu e-money yang akan diisi.",
            "The phone or e-money card number to top up.",
        ),
        Text("Nomor HP/Kartu", "Phone/Card No."),
        DigitRule(10, 16),
        "emoney",
        kind=InputKind.NOMINAL,
        amount=EMONEY_AMOUNT,
    ),
    Product(
        "samsat",
        Text("SAMSAT", "Vehicle Tax (SAMSAT)"),
        Text(
            "Kode bayar ada di notifikasi e-SAMSAT, nomor identitas di STNK/KTP.",
            "The payment code is in the e-SAMSAT notice; the ID number is on the STNK/KTP.",
        ),
        Text("Kode Bayar", "Payment Code"),
        DigitRule(16, 16),
        "samsat",
        kind=InputKind.SAMSAT,
        second_label=Text("Nomor Identitas", "ID Number"),
        second_rule=DigitRule(16, 16),
    ),
    Product(
        "kirimuang",
        Text("Kirim Uang", "Bank Transfer"),
        Text(
            "Nomor rekening bank penerima dan nominal yang dikirim.",
            "The recipient's bank account number and the amount to send.",
        ),
        Text("Nomor Rekening", "Account No."),
        DigitRule(6, 20),
        "kirimuang",
        kind=InputKind.NOMINAL,
        amount=TRANSFER_AMOUNT,
    ),
)

BY_CODE: dict[str, Product] = {p.code: p for p in PRODUCTS}

_SAMSAT = re.compile(r"^(\d+),(\d+)$")


def find_product(code: str) -> Product | None:
    """The product a code sends for, also a bank's or wallet's code from the price list
    (``kirimuang-bca`` → Kirim Uang; ``kiosk/price_list.py``); None when unknown."""
    return BY_CODE.get(code) or BY_CODE.get(base_code(code))


def product(code: str) -> Product:
    found = find_product(code)
    if found is None:
        raise KeyError(f"unknown product code {code!r}")
    return found


def product_title(code: str, lang: Lang) -> str:
    """The product's name, with the chosen bank or wallet: "Kirim Uang · BCA"."""
    found = find_product(code)
    name = found.name.get(lang) if found is not None else code
    chosen = choice_label(code)
    return f"{name} · {chosen}" if chosen else name


def samsat_customer_no(kode_bayar: str, nomor_identitas: str) -> str:
    """SAMSAT's ``customer_no`` is ``"<kode bayar>,<nomor identitas>"`` (the contract)."""
    return f"{kode_bayar},{nomor_identitas}"


def split_samsat(customer_no: str) -> tuple[str, str] | None:
    match = _SAMSAT.match(customer_no)
    return (match.group(1), match.group(2)) if match else None


def validate_customer_no(prod: Product, customer_no: str) -> Text | None:
    """None when ``customer_no`` fits the product's rule, else the reason in words."""
    if prod.kind is InputKind.SAMSAT:
        parts = split_samsat(customer_no)
        if parts is None:
            return Text(
                "Isi kode bayar dan nomor identitas.", "Enter the payment code and the ID number."
            )
        assert prod.second_rule is not None
        return prod.rule.check(parts[0]) or prod.second_rule.check(parts[1])
    return prod.rule.check(customer_no)


def validate_amount(prod: Product, amount: int | None) -> Text | None:
    """None when ``amount`` suits a nominal product (or the product is a bill)."""
    return prod.amount.check(amount) if prod.amount is not None else None


def group_sn(sn: str, product_code: str) -> str:
    """An SN as people read it aloud: a PLN token (20 digits) in 5 groups of 4, like
    "1234 5678 9012 3456 7890" (also a 20-character PLN reference); others as given."""
    compact = sn.replace(" ", "").replace("-", "")
    if len(compact) == 20 and compact.isalnum() and (compact.isdigit() or product_code == "pln"):
        return " ".join(compact[i : i + 4] for i in range(0, 20, 4))
    return sn
