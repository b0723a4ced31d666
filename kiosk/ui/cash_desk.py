"""The shopkeeper's cash tools in the Toko menu, both behind the admin PIN:
"Ambil uang" (empty the cash box: the collection report journaled, shown and saved) and
"Tukar voucher" (pay a voucher out in cash at the counter, once)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from kiosk.i18n import Text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

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

    def _run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        self.window.controller.runner.submit(work, on_done=done, on_error=failed)

    # -- Ambil uang ---------------------------------------------------------------------------

    def open_collect(self) -> None:
        ledger = self._ledger()
        if ledger is None:
            return
        self._run(
            lambda: (ledger.box(), ledger.uncertain()),
            lambda found: self._show_collect(ledger, *found),
            log.warning,
        )

    def _show_collect(self, ledger: CashLedger, box: Any, uncertain: Any) -> None:
        from kiosk.ui.cash_dialogs import CollectDialog

        lang = self.window.controller.nav.lang
        dialog = CollectDialog(box, len(uncertain), lang, self.window)
        dialog.setWindowTitle(self._w(COLLECT))

        def confirm() -> None:
            physical = dialog.physical()
            dialog.confirm.setEnabled(False)
            self._run(
                lambda: self._collect(ledger, physical),
                dialog.show_report,
                lambda exc: dialog.show_lines([str(exc)]),
            )

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
        from kiosk.ui.cash_dialogs import PayOutDialog

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
