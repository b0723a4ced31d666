"""Cetak Struk: the receipt PDF and the thermal printer, written in the worker."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from kiosk.i18n import Text
from kiosk.settings import Settings

log = logging.getLogger("kiosk.ui")

VOUCHER_PRINTED = Text("Voucher dicetak. Ambil kertasnya.", "Voucher printed. Please take it.")
VOUCHER_SAVED = Text("Voucher disimpan (PDF).", "Voucher saved (PDF).")
VOUCHER_NOT_SAVED = Text(
    "Voucher tidak tercetak. Catat kodenya dan hubungi petugas toko.",
    "The voucher was not printed. Note its code and ask the shop staff.",
)

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
        from kiosk.business_day import now
        from kiosk.receipt import build_receipt

        controller = self.window.controller
        if reprint is None:  # printed before, or reopened from History: CETAK ULANG
            reprint = controller.payment.reopened or result.ref_id in self.printed
        self.printed.add(result.ref_id)
        receipt = build_receipt(
            result,
            shop_name=self.settings.shop_name,
            printed_at=now(),  # WIB, as the payment's own time on it
            lang=controller.nav.lang,
            reprint=reprint,
        )
        card = getattr(self.window, "voucher_card", None)  # cash: the session with this result
        if card is not None and card.session is not None and card.session.ref_id == result.ref_id:
            from kiosk.cash.slip import slip_lines
            from kiosk.receipt.model import with_voucher

            receipt = with_voucher(receipt, slip_lines(card.session, controller.nav.lang))
        suffix = "-pending" if receipt.pending else ""
        ref_id = result.ref_id
        self._write(
            receipt,
            f"struk-{ref_id}{suffix}",
            pdf_done=lambda done: self._on_pdf_done(ref_id, done),
            pdf_error=lambda exc: self._on_pdf_error(ref_id, exc),
            printed=lambda _: self._on_printed(ref_id),
            printer_error=self._on_printer_error,
        )

    def print_voucher(self, session: Any) -> None:
        """Cetak Voucher on the collect screen: a voucher issued without a payment (Batal,
        or a pay not sent) on the same PDF and printer path as a receipt's change voucher."""
        from kiosk.business_day import now
        from kiosk.cash.slip import voucher_slip

        slip = voucher_slip(
            session,
            shop_name=self.settings.shop_name,
            printed_at=now(),  # WIB, as the payment's own time on it
            lang=self.window.controller.nav.lang,
        )
        thermal, ref_id = bool(self.settings.thermal_printer), session.ref_id
        self._write(
            slip,
            f"voucher-{ref_id}",
            pdf_done=lambda done: self._on_voucher_pdf_done(ref_id, done, thermal=thermal),
            pdf_error=lambda exc: self._on_voucher_pdf_error(ref_id, exc, thermal=thermal),
            printed=lambda _: self._tell_collect(ref_id, VOUCHER_PRINTED, ok=True),
            printer_error=lambda exc: self._on_voucher_printer_error(ref_id, exc),
        )

    def _write(
        self,
        receipt: Any,
        name: str,
        *,
        pdf_done: Callable[[Path], None],
        pdf_error: Callable[[BaseException], None],
        printed: Callable[[Any], None],
        printer_error: Callable[[BaseException], None],
    ) -> None:
        """The PDF in the receipts folder and, with a thermal printer, the paper: both in
        the worker (a disk or a printer may be slow or full)."""
        import tempfile

        folder = self.folder or Path(tempfile.gettempdir()) / "loket-receipts"  # demo, tests
        path, paper = folder / f"{name}.pdf", self.settings.paper
        runner = self.window.controller.runner

        def write() -> Path:
            from kiosk.ui.receipt_print import save_pdf  # QPdfWriter paints in any thread

            folder.mkdir(parents=True, exist_ok=True)
            return save_pdf(receipt, path, paper)

        runner.submit(write, on_done=pdf_done, on_error=pdf_error)
        if self.settings.thermal_printer:
            from kiosk.receipt.escpos import send_to_printer
            from kiosk.receipt.text import width_for

            target, width = self.settings.thermal_printer, width_for(self.settings.paper)
            runner.submit(
                lambda: send_to_printer(receipt, target, width),
                on_done=printed,
                on_error=printer_error,
            )

    # -- a voucher from the collect screen ----------------------------------------------------

    def _tell_collect(self, ref_id: str, words: Text, *, ok: bool = False) -> None:
        """Words on the collect screen, while it still shows this voucher (a slow printer
        must not speak on the next customer's screen)."""
        from kiosk.ui.navigation import Screen

        screen: Any = self.window.screens.get(Screen.COLLECT)
        ended = getattr(screen, "ended", None)
        if ended is not None and ended.session.ref_id == ref_id:
            screen.show_printed(words, ok=ok)

    def _on_voucher_pdf_done(self, ref_id: str, path: Path, *, thermal: bool) -> None:
        self.last_pdf = path
        if not thermal:  # the demo's printer is the PDF
            self._tell_collect(ref_id, VOUCHER_SAVED, ok=True)
        self.pdf_saved.emit(path)

    def _on_voucher_pdf_error(self, ref_id: str, exc: BaseException, *, thermal: bool) -> None:
        log.error("voucher PDF not written: %s", type(exc).__name__)
        if not thermal:
            self._tell_collect(ref_id, VOUCHER_NOT_SAVED)

    def _on_voucher_printer_error(self, ref_id: str, exc: BaseException) -> None:
        message = getattr(exc, "message", None)
        self._tell_collect(ref_id, message if isinstance(message, Text) else VOUCHER_NOT_SAVED)
        if isinstance(message, Text):
            self.window.controller.nav.set_blocked(message)

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
            self.window.result.show_printed(
                QCoreApplication.translate(
                    "ReceiptDesk", "gagal disimpan (disk penuh atau folder tidak dapat ditulis)"
                )
            )

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
        controller.runner.submit(
            lambda: check_printer(target),
            on_done=lambda _: controller.nav.set_blocked(None),
            on_error=self._on_printer_check_error,
        )

    def _on_printer_check_error(self, exc: BaseException) -> None:
        message = getattr(exc, "message", None)
        if message is not None:
            self.window.controller.nav.set_blocked(message)
