"""The money of a bill as separate right-aligned lines, Total Bayar largest."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from kiosk.i18n import Lang
from kiosk.money import format_rupiah
from kiosk.products import product
from kiosk.ui.qt_names import set_enum
from kiosk.ui.widgets import clear_layout

if TYPE_CHECKING:
    from kiosk.models.reply import Amounts
    from kiosk.payment import Bill


class BillCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(24, 20, 24, 20)
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(10)
        self.values: dict[str, QLabel] = {}

    def set_sizes(self, pad: int, gap: int) -> None:
        self.grid.setContentsMargins(pad + 4, pad, pad + 4, pad)
        self.grid.setHorizontalSpacing(gap * 2)
        self.grid.setVerticalSpacing(max(4, gap // 2))

    def _clear(self) -> None:
        clear_layout(self.grid)
        self.values = {}

    def show_bill(self, bill: Bill, lang: Lang) -> None:
        self.show_amounts(bill.amounts, bill.shop_fee, lang, nominal=product(bill.product).nominal)

    def show_amounts(self, amounts: Amounts, shop_fee: int, lang: Lang, *, nominal: bool) -> None:
        """The money lines of ``amounts`` (a result shows what was charged, not the
        inquiry's figures) plus the shop's own fee, and the total to collect. A nominal
        product (E-Money, Kirim Uang) has no bill: Nominal, Biaya admin, Total."""
        self._clear()
        if nominal:
            lines = [
                ("tagihan", self.tr("Nominal"), amounts.tagihan),
                ("admin", self.tr("Biaya admin"), amounts.admin),
            ]
        else:
            lines = [("tagihan", self.tr("Tagihan"), amounts.tagihan)]
            if amounts.denda:  # "Denda Rp 0" is noise to a customer
                lines.append(("denda", self.tr("Denda"), amounts.denda))
            lines.append(("admin", self.tr("Admin Bank"), amounts.admin))
        if shop_fee > 0:
            lines.append(("shop_fee", self.tr("Adm Loket"), shop_fee))
        row = 0
        for key, label, value in lines:
            name = QLabel(label)
            name.setObjectName("moneyLabel")
            money = QLabel(format_rupiah(value, lang))
            money.setObjectName("money")
            set_enum(money, "alignment", "AlignRight|AlignVCenter")
            money.setAccessibleName(f"{label} {money.text()}")
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(money, row, 1)
            self.values[key] = money
            row += 1
        rule = QFrame()
        rule.setObjectName("rule")
        self.grid.addWidget(rule, row, 0, 1, 2)
        total_label = QLabel(self.tr("Total") if nominal else self.tr("Total Bayar"))
        total_label.setObjectName("totalLabel")
        total = QLabel(format_rupiah(amounts.total + shop_fee, lang))
        total.setObjectName("total")
        set_enum(total, "alignment", "AlignRight|AlignVCenter")
        total.setAccessibleName(f"{total_label.text()} {total.text()}")
        self.grid.addWidget(total_label, row + 1, 0)
        self.grid.addWidget(total, row + 1, 1)
        self.values["total"] = total
        self.grid.setColumnStretch(1, 1)
