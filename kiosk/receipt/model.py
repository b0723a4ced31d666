"""What a receipt says, decided once for every output (text, ESC/POS, PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.i18n import Lang, Text
from kiosk.journal import PaymentState
from kiosk.models.descs.products import PlnDesc
from kiosk.models.fields import format_period
from kiosk.money import format_rupiah
from kiosk.payment import PaymentResult
from kiosk.products import BY_CODE

PLN_FOOTER = Text(
    "PLN menyatakan struk ini sebagai bukti pembayaran yang sah.",
    "PLN declares this receipt a valid proof of payment.",
)
THANKS = Text("Terima kasih. Simpan struk ini sebagai bukti pembayaran.",
              "Thank you. Keep this receipt as proof of payment.")  # fmt: skip
PENDING_HELP = Text(
    "Pembayaran sedang diproses. Cek status di menu Cek Status dengan nomor referensi ini.",
    "The payment is being processed. Check it under Check Status with this reference number.",
)


@dataclass(frozen=True, slots=True)
class Receipt:
    title: str
    shop_name: str
    printed_at: datetime
    lines: tuple[tuple[str, str], ...]
    money: tuple[tuple[str, str], ...]
    total: tuple[str, str]
    ref_id: str
    sn: str | None
    footer: tuple[str, ...]
    pending: bool
    reprint: bool

    @property
    def qr_payload(self) -> str:
        """The ref_id and SN: thermal paper fades, the code lets the kiosk find the record."""
        return f"LOKET|{self.ref_id}|{self.sn or ''}"


def _pln_lines(result: PaymentResult, desc: PlnDesc, lang: Lang) -> list[tuple[str, str]]:
    periods = ",".join(format_period(r.periode or "", "id").replace(" 20", "").upper()
                       for r in desc.detail)  # fmt: skip
    meters = [r for r in desc.detail if r.meter_awal or r.meter_akhir]
    stand = f"{meters[0].meter_awal}-{meters[-1].meter_akhir}" if meters else "-"
    name = result.bill.reply.name if result.bill else ""
    return [("IDPEL", result.customer_no), ("NAMA", name or "-"),
            ("TARIF/DAYA", f"{desc.tarif or '-'}/{desc.daya or '-'} VA"),
            ("BL/TH", periods or "-"), ("STAND METER", stand)]  # fmt: skip


def build_receipt(result: PaymentResult, *, shop_name: str, printed_at: datetime,
                  lang: Lang = "id", reprint: bool = False) -> Receipt:  # fmt: skip
    bill = result.bill
    product = BY_CODE.get(result.product)
    product_name = product.name.get(lang) if product else result.product
    pending = result.state.unresolved
    is_pln = bill is not None and isinstance(bill.reply.desc, PlnDesc)
    if pending:
        title = "BUKTI PEMBAYARAN SEDANG DIPROSES" if lang == "id" else "PAYMENT BEING PROCESSED"
    elif is_pln:
        title = "STRUK PEMBAYARAN TAGIHAN LISTRIK"
    else:
        title = ("STRUK PEMBAYARAN " if lang == "id" else "PAYMENT RECEIPT ") + product_name.upper()
    lines: list[tuple[str, str]] = []
    money: list[tuple[str, str]] = []
    total = ("TOTAL BAYAR", "-")
    if bill is not None:
        reply = bill.reply
        if is_pln:
            assert isinstance(reply.desc, PlnDesc)
            lines += _pln_lines(result, reply.desc, lang)
        else:
            lines.append(("Produk" if lang == "id" else "Product", product_name))
            lines += [pair for pair in reply.details(lang)]
            table = reply.periods()
            if table is not None:
                periods = [row[0] for row in table.formatted_rows(lang)]
                lines.append(("Periode" if lang == "id" else "Period", ", ".join(periods)))
        amounts = bill.amounts
        tag = "RP TAG PLN" if is_pln else ("Tagihan" if lang == "id" else "Bill")
        money.append((tag, format_rupiah(amounts.tagihan + (amounts.denda if is_pln else 0), lang)))
        if amounts.denda and not is_pln:
            money.append(
                ("Denda" if lang == "id" else "Late fee", format_rupiah(amounts.denda, lang))
            )
        money.append(("ADMIN BANK" if is_pln else "Admin Bank", format_rupiah(amounts.admin, lang)))
        if bill.shop_fee:
            money.append(
                ("Adm Loket" if lang == "id" else "Shop fee", format_rupiah(bill.shop_fee, lang))
            )
        total = (
            "TOTAL BAYAR" if lang == "id" else "TOTAL PAID",
            format_rupiah(bill.total_to_collect, lang),
        )
    else:
        lines.append(("Nomor" if lang == "id" else "Number", result.customer_no))
    footer: list[str] = []
    if pending:
        footer.append(PENDING_HELP.get(lang))
    elif result.state is PaymentState.FAILED:
        footer.append("GAGAL / FAILED")
    else:
        footer.append((PLN_FOOTER if is_pln else THANKS).get(lang))
    if reprint:
        footer.insert(0, "CETAK ULANG" if lang == "id" else "REPRINT (CETAK ULANG)")
    return Receipt(
        title=title, shop_name=shop_name, printed_at=printed_at, lines=tuple(lines),
        money=tuple(money), total=total, ref_id=result.ref_id, sn=None if pending else result.sn,
        footer=tuple(footer), pending=pending, reprint=reprint,
    )  # fmt: skip
