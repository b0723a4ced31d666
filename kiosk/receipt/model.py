"""What a receipt says, decided once for every output (text, ESC/POS, PDF, printer).

The details come from the inquiry reply (the bill the customer agreed to), the
SN from the pay or status reply (the provider's proof). A PENDING or UNKNOWN
payment gets a slip that says so and how to check later; a failed one says it
is no proof of payment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.i18n import Lang, Text
from kiosk.journal import PaymentState
from kiosk.models.descs.base import LEMBAR
from kiosk.models.descs.products import PlnDesc
from kiosk.models.fields import Kind, PeriodTable, format_number, format_period
from kiosk.models.reply import Amounts, TransactionReply
from kiosk.money import format_rupiah
from kiosk.payment import PaymentResult
from kiosk.price_list import choice_label
from kiosk.products import find_product, group_sn, split_samsat

Line = tuple[str, str]
"""A label and its value, both as printed."""

PLN_FOOTER = Text(
    "PLN menyatakan struk ini sebagai bukti pembayaran yang sah.",
    "PLN declares this receipt a valid proof of payment.",
)
PLN_INFO = Text(
    "Rincian tagihan dapat diakses di www.pln.co.id. Informasi hubungi Call Center PLN 123.",
    "Bill details at www.pln.co.id. For information call PLN Call Center 123.",
)
THANKS = Text(
    "Terima kasih. Simpan struk ini sebagai bukti pembayaran yang sah.",
    "Thank you. Keep this receipt as your proof of payment.",
)
PENDING_TITLE = Text("BUKTI PEMBAYARAN SEDANG DIPROSES", "PAYMENT BEING PROCESSED")
PENDING_NOTICE = Text(
    "Pembayaran sudah dikirim dan sedang diproses penyedia. Simpan bukti ini.",
    "The payment was sent and the provider is processing it. Keep this slip.",
)
PENDING_HELP = Text(
    "Cek status di menu Cek Status dengan nomor referensi ini. Jangan membayar ulang.",
    "Check it under Check Status with this reference number. Do not pay again.",
)
FAILED_TITLE = Text("TRANSAKSI GAGAL", "TRANSACTION FAILED")
NOT_PROOF = Text("Struk ini bukan bukti pembayaran.", "This slip is not a proof of payment.")
REPRINT = Text("CETAK ULANG", "CETAK ULANG (REPRINT)")
PRINTED = Text("Dicetak", "Printed")


def _t(id_: str, en: str, lang: Lang) -> str:
    return en if lang == "en" else id_


@dataclass(frozen=True, slots=True)
class Receipt:
    title: str
    shop_name: str
    printed_at: datetime
    lines: tuple[Line, ...]
    """Date, product, customer, name and the product's details."""
    money: tuple[Line, ...]
    """Tagihan, Denda, Admin Bank, Adm Loket: the lines above the total."""
    total: Line | None
    """TOTAL BAYAR; None on a failed slip (nothing was paid)."""
    refs: tuple[Line, ...]
    """The SN (first, emphasised) and the ref_id."""
    ref_id: str
    sn: str | None
    notice: str | None
    """What a pending or failed slip must say before anything else."""
    footer: tuple[str, ...]
    stamp: str | None
    """CETAK ULANG on a reprint."""
    printed_label: str
    pending: bool
    failed: bool
    reprint: bool
    voucher: tuple[Line, ...] = ()
    """Cash collection: the change or refund voucher (title, code, amount, expiry, how to
    use it), or the money held under the ref_id while the outcome is pending."""

    @property
    def qr_payload(self) -> str:
        """The ref_id and SN: thermal paper fades, the code lets the kiosk find the record."""
        return f"LOKET|{self.ref_id}|{self.sn or ''}"

    @property
    def printed(self) -> str:
        return f"{self.printed_label} {self.printed_at:%d-%m-%Y %H:%M:%S}"


def with_voucher(receipt: Receipt, lines: tuple[Line, ...]) -> Receipt:
    """The receipt with the cash session's voucher lines (``kiosk.cash.slip``)."""
    from dataclasses import replace

    return replace(receipt, voucher=lines)


# -- PLN: the layout PLN customers know ------------------------------------------------


def _bl_th(raw: str) -> str:
    """``"201901"`` → ``JAN19`` (as on PLN's own receipts)."""
    parts = format_period(raw, "id").split()
    if len(parts) == 2 and parts[1].isdigit():
        return f"{parts[0].upper()}{parts[1][-2:]}"
    return raw.strip().upper()


def _pln_lines(desc: PlnDesc, customer_no: str, name: str | None) -> list[Line]:
    periods = ",".join(_bl_th(r.periode) for r in desc.detail if r.periode)
    starts = [r.meter_awal for r in desc.detail if r.meter_awal]
    ends = [r.meter_akhir for r in desc.detail if r.meter_akhir]
    stand = f"{starts[0] if starts else '-'}-{ends[-1] if ends else '-'}"
    daya = f"{desc.daya} VA" if desc.daya is not None else "-"
    lines = [
        ("IDPEL", customer_no),
        ("NAMA", name or "-"),
        ("TARIF/DAYA", f"{desc.tarif or '-'}/{daya}"),
        ("BL/TH", periods or "-"),
    ]
    if starts or ends:
        lines.append(("STAND METER", stand))
    return lines


# -- every other product ------------------------------------------------------------------


def _period_lines(table: PeriodTable, lang: Lang) -> list[Line]:
    """The period table compacted to a few lines: periods, meter, references.

    Money columns are left out: the money block below sums them.
    """
    lines: list[Line] = []
    for col, label in enumerate(table.columns):
        cells = [row[col] for row in table.rows if row[col] is not None]
        if not cells or any(c.kind is Kind.MONEY for c in cells if c is not None):
            continue
        shown = [c.format(lang) for c in cells if c is not None]
        if cells[0] is not None and cells[0].kind is Kind.PERIOD:
            value = ", ".join(shown)
        elif len(shown) > 1 and all(" – " in s for s in shown):  # stand meter: first to last
            value = f"{shown[0].split(' – ')[0]} – {shown[-1].split(' – ')[1]}"
        else:
            value = ", ".join(dict.fromkeys(shown))
        lines.append((label.get(lang), value))
    return lines


def _detail_lines(result: PaymentResult, reply: TransactionReply, lang: Lang) -> list[Line]:
    product = find_product(result.product)
    lines: list[Line] = []
    if product is not None:
        lines.append((_t("Produk", "Product", lang), product.name.get(lang)))
    chosen = choice_label(result.product)  # the bank or wallet from the price list
    if chosen and product is not None:
        bank = product.code == "kirimuang"
        lines.append((_t("Bank", "Bank", lang) if bank else _t("Dompet", "Wallet", lang), chosen))
    samsat = split_samsat(result.customer_no) if result.product == "samsat" else None
    if product is not None and samsat is not None and product.second_label is not None:
        lines.append((product.field_label.get(lang), samsat[0]))
        lines.append((product.second_label.get(lang), samsat[1]))
    else:
        label = product.field_label if product is not None else Text("Nomor", "Number")
        lines.append((label.get(lang), result.customer_no))
    if reply.name:
        lines.append((_t("Nama", "Name", lang), reply.name))
    for field in reply.desc.fields() if reply.desc is not None else []:
        pair = field.pair(lang)
        is_one_sheet = field.value.kind is Kind.NUMBER and format_number(field.value.raw) == "1"
        if pair in lines or (is_one_sheet and field.label == LEMBAR):
            continue  # already shown, or "1 sheet" which every receipt is
        lines.append(pair)
    table = reply.periods()
    if table is not None:
        lines += _period_lines(table, lang)
    return lines


def _money_lines(
    code: str, amounts: Amounts, shop_fee: int, lang: Lang, is_pln: bool
) -> list[Line]:
    def rp(value: int) -> str:
        return format_rupiah(value, lang)

    if is_pln:  # PLN prints the bill with its penalty as one amount
        lines = [
            ("RP TAG PLN", rp(amounts.tagihan + amounts.denda)),
            ("ADMIN BANK", rp(amounts.admin)),
        ]
    else:
        known = find_product(code)
        nominal = known is not None and known.nominal  # E-Money, Kirim Uang: no bill
        tag = _t("Nominal", "Amount", lang) if nominal else _t("Tagihan", "Bill", lang)
        lines = [(tag, rp(amounts.tagihan))]
        if amounts.denda > 0:
            lines.append((_t("Denda", "Late Fee", lang), rp(amounts.denda)))
        lines.append((_t("Admin Bank", "Bank Fee", lang), rp(amounts.admin)))
    if shop_fee > 0:
        lines.append((_t("Adm Loket", "Shop Fee", lang), rp(shop_fee)))
    return lines


def build_receipt(
    result: PaymentResult,
    *,
    shop_name: str,
    printed_at: datetime,
    lang: Lang = "id",
    reprint: bool = False,
) -> Receipt:
    """The receipt for ``result``; a reprint (from History, or a second copy) says so."""
    bill = result.bill
    details = bill.reply if bill is not None else result.reply  # the inquiry, when known
    # DECLINED: the bill is not paid (its refund is still being confirmed): a failure slip.
    failed = result.state in (PaymentState.FAILED, PaymentState.DECLINED)
    pending = result.state.unresolved and not failed
    desc = details.desc if details is not None else None
    is_pln = isinstance(desc, PlnDesc)
    product = find_product(result.product)
    product_name = product.name.get(lang) if product is not None else result.product
    chosen = choice_label(result.product)
    if chosen:
        product_name += f" {chosen}"  # "Kirim Uang BCA": in the title too
    if pending:
        title = PENDING_TITLE.get(lang)
    elif failed:
        title = FAILED_TITLE.get(lang)
    elif is_pln:
        title = _t("STRUK PEMBAYARAN TAGIHAN LISTRIK", "ELECTRICITY BILL RECEIPT", lang)
    else:
        title = _t("STRUK PEMBAYARAN ", "PAYMENT RECEIPT ", lang) + product_name.upper()

    paid_at = f"{result.updated_at:%d-%m-%Y %H:%M}"
    lines: list[Line] = [("TGL BAYAR" if is_pln else _t("Tanggal", "Date", lang), paid_at)]
    if isinstance(desc, PlnDesc) and details is not None:
        lines += _pln_lines(desc, result.customer_no, details.name)
    elif details is not None:
        lines += _detail_lines(result, details, lang)
    else:
        lines.append((_t("Produk", "Product", lang), product_name))
        lines.append((_t("Nomor", "Number", lang), result.customer_no))

    money: list[Line] = []
    total: Line | None = None
    if details is not None and not failed:
        amounts = result.amounts or details.amounts()  # what the pay reply charged wins
        shop_fee = bill.shop_fee if bill is not None else 0
        money = _money_lines(result.product, amounts, shop_fee, lang, is_pln)
        total = (
            _t("TOTAL BAYAR", "TOTAL PAID", lang),
            format_rupiah(amounts.total + shop_fee, lang),
        )

    sn = None if pending or failed else result.sn
    refs: list[Line] = []
    if sn:
        refs.append(("NO REF" if is_pln else "SN", group_sn(sn, result.product)))
    refs.append(("REF ID" if sn else _t("NO. REFERENSI", "REFERENCE NO.", lang), result.ref_id))

    notice: str | None = None
    if pending:
        notice, footer = PENDING_NOTICE.get(lang), [PENDING_HELP.get(lang)]
    elif failed:
        notice, footer = result.message.get(lang) or None, [NOT_PROOF.get(lang)]
    elif is_pln:
        footer = [PLN_FOOTER.get(lang), PLN_INFO.get(lang)]
    else:
        footer = [THANKS.get(lang)]
    return Receipt(
        title=title,
        shop_name=shop_name,
        printed_at=printed_at,
        lines=tuple(lines),
        money=tuple(money),
        total=total,
        refs=tuple(refs),
        ref_id=result.ref_id,
        sn=sn,
        notice=notice,
        footer=tuple(footer),
        stamp=REPRINT.get(lang) if reprint else None,
        printed_label=PRINTED.get(lang),
        pending=pending,
        failed=failed,
        reprint=reprint,
    )
