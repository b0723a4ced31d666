"""The shopkeeper's cash tools in the Toko menu, both behind the admin PIN:
"Ambil uang" (empty the cash box: the collection report journaled, shown and saved) and
"Tukar voucher" (pay a voucher out in cash at the counter, once)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Lang, Text

if TYPE_CHECKING:
    from kiosk.cash.ledger import CashLedger
    from kiosk.ui.main_window import MainWindow

log = logging.getLogger("kiosk.ui.cash")

COLLECT = Text("Ambil uang (setoran)", "Collect cash (empty the box)")
PAY_OUT = Text("Tukar voucher", "Pay out a voucher")
NO_JOURNAL = Text("Jurnal belum siap.", "The journal is not ready.")


class CashDesk(QObject):
    """Adds "Ambil uang" and "Tukar voucher" to the window's Toko menu."""

    def __init__(self, window: MainWindow, folder: Path | None) -> None:
        super().__init__(window)
        self.window, self.folder = window, folder
        self.dialog: QDialog | None = None
        self.action_collect = QAction(window)
        self.action_pay_out = QAction(window)
        self.action_collect.triggered.connect(self._on_collect_triggered)
        self.action_pay_out.triggered.connect(self._on_pay_out_triggered)
        window.menu_shop.insertAction(window.action_settings, self.action_collect)
        window.menu_shop.insertAction(window.action_settings, self.action_pay_out)
        window.controller.nav.language_changed.connect(self._retranslate)
        self._retranslate()

    def _w(self, text: Text) -> str:
        return text.get(self.window.controller.nav.lang)

    def _retranslate(self, _lang: object = None) -> None:
        self.action_collect.setText(self._w(COLLECT))
        self.action_pay_out.setText(self._w(PAY_OUT))

    def _ledger(self) -> CashLedger | None:
        core = self.window.controller.core
        return core.journal.cash_ledger() if core is not None else None

    def _behind_pin(self, purpose: Text, then: Callable[[], object]) -> None:
        desk = self.window.settings_desk
        if desk is None:
            then()  # tests that build the window without the settings desk
        else:
            desk.ask_pin(self._w(purpose), then)

    def _on_collect_triggered(self) -> None:
        self._behind_pin(COLLECT, self.open_collect)

    def _on_pay_out_triggered(self) -> None:
        self._behind_pin(PAY_OUT, self.open_pay_out)

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None],
             failed: Callable[[BaseException], None]) -> None:  # fmt: skip
        self.window.controller.runner.submit(work, on_done=done, on_error=failed)

    # -- Ambil uang ---------------------------------------------------------------------------

    def open_collect(self) -> None:
        ledger = self._ledger()
        if ledger is None:
            return
        self._run(lambda: (ledger.box(), ledger.uncertain()),
                  lambda found: self._show_collect(ledger, *found), log.warning)  # fmt: skip

    def _show_collect(self, ledger: CashLedger, box: Any, uncertain: Any) -> None:
        lang = self.window.controller.nav.lang
        dialog = CollectDialog(box, len(uncertain), lang, self.window)
        dialog.setWindowTitle(self._w(COLLECT))

        def confirm() -> None:
            physical = dialog.physical()
            dialog.confirm.setEnabled(False)
            self._run(lambda: self._collect(ledger, physical), dialog.show_report,
                      lambda exc: dialog.show_lines([str(exc)]))  # fmt: skip

        dialog.confirm.clicked.connect(confirm)
        self.dialog = dialog
        dialog.open()

    def _collect(self, ledger: CashLedger, physical: dict[int, int]) -> tuple[list[str], Path]:
        """Worker side: journal the report, then save it beside the receipts."""
        import tempfile

        from kiosk.cash.cashbox import report_lines

        report = ledger.collect(physical)
        lines = report_lines(report, self.window.controller.nav.lang)
        folder = self.folder or Path(tempfile.gettempdir()) / "loket-receipts"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"setoran-{report.at:%Y%m%d-%H%M%S}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return lines, path

    # -- Tukar voucher ------------------------------------------------------------------------

    def open_pay_out(self) -> None:
        ledger = self._ledger()
        if ledger is None:
            return
        dialog = PayOutDialog(self.window.controller.nav.lang, self.window)
        dialog.setWindowTitle(self._w(PAY_OUT))

        def pay() -> None:
            typed = dialog.code.text().strip()
            if typed:
                dialog.pay.setEnabled(False)
                self._run(lambda: ledger.pay_out(typed), dialog.show_paid, dialog.show_refusal)

        dialog.pay.clicked.connect(pay)
        dialog.code.returnPressed.connect(pay)
        self.dialog = dialog
        dialog.open()


class CollectDialog(QDialog):
    """The journal's count per note, the staff's own count beside it, then the report."""

    def __init__(self, box: Any, uncertain: int, lang: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.lang: Lang = "en" if lang == "en" else "id"
        column = QVBoxLayout(self)
        grid = QGridLayout()
        heads = (Text("Pecahan", "Note"), Text("Catatan", "Journal"), Text("Dihitung", "Counted"))
        for col, head in enumerate(heads):
            grid.addWidget(QLabel(f"<b>{head.get(self.lang)}</b>"), 0, col)
        self.counts: dict[int, QSpinBox] = {}
        for row, value in enumerate(sorted(box), start=1):
            grid.addWidget(QLabel(format_rupiah(value, self.lang)), row, 0)
            grid.addWidget(QLabel(str(box[value])), row, 1)
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            spin.setValue(box[value])
            grid.addWidget(spin, row, 2)
            self.counts[value] = spin
        column.addLayout(grid)
        total = sum(v * n for v, n in box.items())
        summary = Text(f"Total catatan: {format_rupiah(total, 'id')}; uang belum pasti: {uncertain}",
                       f"Journal total: {format_rupiah(total, 'en')}; uncertain notes: {uncertain}")  # fmt: skip
        self.summary = QLabel(summary.get(self.lang))
        self.summary.setWordWrap(True)
        column.addWidget(self.summary)
        self.report = QLabel()
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        from PySide6.QtCore import Qt  # late: the Qt namespace is slow to build

        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report.hide()
        column.addWidget(self.report)
        row_box = QHBoxLayout()
        self.confirm = QPushButton(Text("Simpan dan cetak laporan", "Save and print the report")
                                   .get(self.lang))  # fmt: skip
        self.confirm.setObjectName("primary")
        close = QPushButton(Text("Tutup", "Close").get(self.lang))
        close.clicked.connect(self.accept)
        row_box.addWidget(close)
        row_box.addWidget(self.confirm, 1)
        column.addLayout(row_box)

    def physical(self) -> dict[int, int]:
        return {value: spin.value() for value, spin in self.counts.items()}

    def show_report(self, done: tuple[list[str], Path]) -> None:
        lines, path = done
        saved = Text(f"Disimpan: {path}", f"Saved: {path}").get(self.lang)
        self.show_lines([*lines, "", saved])

    def show_lines(self, lines: list[str]) -> None:
        self.report.setText("\n".join(lines))
        self.report.show()


class PayOutDialog(QDialog):
    """Type the voucher's code; the ledger pays it out once and says why it refuses."""

    def __init__(self, lang: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.lang: Lang = "en" if lang == "en" else "id"
        column = QVBoxLayout(self)
        column.addWidget(QLabel(Text("Kode voucher", "Voucher code").get(self.lang)))
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCDE-FGHJK")
        column.addWidget(self.code)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        column.addWidget(self.answer)
        self.pay = QPushButton(Text("Bayar tunai", "Pay out in cash").get(self.lang))
        self.pay.setObjectName("primary")
        column.addWidget(self.pay)

    def show_paid(self, voucher: Any) -> None:
        amount = format_rupiah(voucher.amount, self.lang)
        self.answer.setText(Text(f"Berikan {amount} tunai kepada pelanggan. Voucher "
                                 f"{voucher.display_code} sudah ditukar.",
                                 f"Give the customer {amount} in cash. Voucher "
                                 f"{voucher.display_code} is paid out.").get(self.lang))  # fmt: skip
        self.code.clear()
        self.pay.setEnabled(True)

    def show_refusal(self, exc: BaseException) -> None:
        words = getattr(exc, "words", None)
        self.answer.setText(words.get(self.lang) if isinstance(words, Text) else str(exc))
        self.pay.setEnabled(True)


def format_rupiah(amount: int, lang: str = "id") -> str:
    """``kiosk.money.format_rupiah``, imported when a dialog needs it (decimal is not
    on the first frame's path)."""
    from kiosk.money import format_rupiah as fmt

    return fmt(amount, "en" if lang == "en" else "id")
