"""Cetak Struk: the receipt PDF and the thermal printer, written in the worker."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from kiosk.settings import Settings

log = logging.getLogger("kiosk.ui")

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow


class ReceiptDesk(QObject):
    """Cetak Struk: a PDF in the receipts folder, and ESC/POS when a thermal printer is set.

    Both are written in the worker (a disk or a printer may be slow or full); the
    result pane says where the PDF went, or why it could not be written. A second
    print, or one reopened from History, says CETAK ULANG.

    Signals:
        pdf_saved(Path): the PDF is on disk.
    """

    pdf_saved = Signal(object)

    def __init__(self, window: MainWindow, settings: Settings, folder: Path | None) -> None:
        super().__init__(window)
        self.window, self.settings, self.folder = window, settings, folder
        self.last_pdf: Path | None = None
        self.printed: set[str] = set()
        window.screen_built.connect(self._on_window_screen_built)

    def _on_window_screen_built(self, kind: object) -> None:
        from kiosk.ui.navigation import Screen

        if kind is Screen.RESULT:
            self.window.result.print_requested.connect(self.print_result)

    def print_result(self, result: Any, *, reprint: bool | None = None) -> None:
        import tempfile
        from datetime import datetime

        from kiosk.receipt import build_receipt

        controller = self.window.controller
        if reprint is None:  # printed before, or reopened from History: CETAK ULANG
            reprint = controller.payment.reopened or result.ref_id in self.printed
        self.printed.add(result.ref_id)
        receipt = build_receipt(result, shop_name=self.settings.shop_name, printed_at=datetime.now(),
                                lang=controller.nav.lang, reprint=reprint)  # fmt: skip
        card = getattr(self.window, "voucher_card", None)  # cash: the session with this result
        if card is not None and card.session is not None and card.session.ref_id == result.ref_id:
            from kiosk.cash.slip import slip_lines
            from kiosk.receipt.model import with_voucher

            receipt = with_voucher(receipt, slip_lines(card.session, controller.nav.lang))
        folder = self.folder or Path(tempfile.gettempdir()) / "loket-receipts"  # demo, tests
        suffix = "-pending" if receipt.pending else ""
        path, paper = folder / f"struk-{result.ref_id}{suffix}.pdf", self.settings.paper

        def write() -> Path:
            from kiosk.ui.receipt_print import save_pdf  # QPdfWriter paints in any thread

            folder.mkdir(parents=True, exist_ok=True)
            return save_pdf(receipt, path, paper)

        ref_id = result.ref_id
        controller.runner.submit(write, on_done=lambda done: self._on_pdf_done(ref_id, done),
                                 on_error=lambda exc: self._on_pdf_error(ref_id, exc))  # fmt: skip
        if self.settings.thermal_printer:
            from kiosk.receipt.escpos import send_to_printer
            from kiosk.receipt.text import width_for

            target, width = self.settings.thermal_printer, width_for(self.settings.paper)
            controller.runner.submit(lambda: send_to_printer(receipt, target, width),
                                     on_done=lambda _: self._on_printed(ref_id),
                                     on_error=self._on_printer_error)  # fmt: skip

    def _showing(self, ref_id: str) -> bool:
        shown = self.window.result.result
        return shown is not None and shown.ref_id == ref_id

    def _on_pdf_done(self, ref_id: str, path: Path) -> None:
        self.last_pdf = path
        if self._showing(ref_id):  # the customer may have moved on already
            self.window.result.show_printed(str(path))
        self.pdf_saved.emit(path)

    def _on_printed(self, ref_id: str) -> None:
        if self._showing(ref_id):
            self.window.result.show_receipt_printed()  # "Struk dicetak"

    def _on_pdf_error(self, ref_id: str, exc: BaseException) -> None:
        log.error("receipt PDF not written: %s", type(exc).__name__)
        if self._showing(ref_id):
            self.window.result.show_printed(QCoreApplication.translate(
                "ReceiptDesk", "gagal disimpan (disk penuh atau folder tidak dapat ditulis)"))  # fmt: skip

    def _on_printer_error(self, exc: BaseException) -> None:
        message = getattr(exc, "message", None)
        text = message.get(self.window.controller.nav.lang) if message is not None else str(exc)
        self.window.result.show_printed(text)
        if message is not None:
            self.window.controller.nav.set_blocked(message)

    def watch_printer(self, every_ms: int = 30_000) -> None:
        """A configured thermal printer is checked now and then; while it reports no
        paper or no connection, the kiosk refuses new payments and says why."""
        old = getattr(self, "_printer_timer", None)
        if old is not None:
            old.stop()
        if not self.settings.thermal_printer:
            return
        self._printer_timer = QTimer(self.window)
        self._printer_timer.timeout.connect(self.check_printer)
        self._printer_timer.start(every_ms)
        self.check_printer()

    def check_printer(self) -> None:
        """Ask the thermal printer for its state (nothing to ask without one)."""
        from kiosk.receipt.escpos import check_printer

        target = self.settings.thermal_printer
        if not target:
            return
        controller = self.window.controller
        controller.runner.submit(lambda: check_printer(target),
                                 on_done=lambda _: controller.nav.set_blocked(None),
                                 on_error=self._on_printer_check_error)  # fmt: skip

    def _on_printer_check_error(self, exc: BaseException) -> None:
        message = getattr(exc, "message", None)
        if message is not None:
            self.window.controller.nav.set_blocked(message)
