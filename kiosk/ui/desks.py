"""The shopkeeper's desks around the kiosk window: History and Tutup Kasir, receipts,
and Settings. Each is opened from the menu and does its work through the
controller's worker; none of them holds money logic."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from kiosk.settings import Settings

log = logging.getLogger("kiosk.ui")

if TYPE_CHECKING:
    from kiosk.journal import DailySummary
    from kiosk.pin import PinGuard
    from kiosk.ui.history_view import ClosingView, HistoryView
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.settings_view import SettingsView
    from kiosk.ui.setup_view import ConnectionRequest, SetupResult


def _delete_on_close() -> Any:
    from PySide6.QtCore import Qt  # imported late: the Qt namespace is slow to build

    return Qt.WidgetAttribute.WA_DeleteOnClose


class ShopWindows:
    """The shopkeeper's desktop windows (History, Tutup Kasir), opened from the menu."""

    def __init__(self, window: MainWindow, *, pin_guard: PinGuard | None = None) -> None:
        self.window = window
        self._pin_guard = pin_guard  # None: the window's one guard, looked up when asked
        self.history: HistoryView | None = None
        self.pin_dialog: Any = None
        self.decision_dialog: Any = None
        self.closing: ClosingView | None = None
        window.history_requested.connect(self.open_history)
        window.closing_requested.connect(self.open_closing)

    def open_history(self) -> None:
        from kiosk.ui.history_view import HistoryView

        controller = self.window.controller
        view = HistoryView(controller.service.journal, controller.lang, runner=controller.runner)
        view.setAttribute(_delete_on_close())
        view.open_requested.connect(controller.open_ref)
        view.recheck_requested.connect(controller.recheck)
        view.resolve_requested.connect(self._on_view_resolve_requested)
        view.export_requested.connect(self._on_view_export_requested)
        controller.status_updated.connect(view.apply_filter)
        self.history = view
        view.show()

    def _on_view_resolve_requested(self, ref_id: str) -> None:
        """A person decides an unresolved payment: admin PIN, then the decision and why."""
        desk = self.window.settings_desk
        if desk is None:
            return
        desk.ask_pin(QCoreApplication.translate("ShopWindows", "PIN admin untuk memutuskan status"),
                     lambda: self._ask_decision(ref_id))  # fmt: skip

    def _ask_decision(self, ref_id: str) -> None:
        from kiosk.ui.manual_resolution import ManualResolutionDialog

        dialog = ManualResolutionDialog(ref_id, self.history or self.window)
        dialog.setAttribute(_delete_on_close())
        dialog.decided.connect(
            lambda succeeded, reason: self.window.controller.resolve_manually(
                ref_id, succeeded=succeeded, actor="admin", reason=reason)
        )  # fmt: skip
        self.decision_dialog = dialog
        dialog.open()

    def _on_view_export_requested(self) -> None:
        """Exporting customer data needs the admin PIN when one is set."""
        view = self.history
        desk = self.window.settings_desk
        pin_hash = desk.settings.admin_pin_hash if desk is not None else ""
        if view is None:
            return
        if not pin_hash:
            view.ask_export()
            return
        from kiosk.ui.pin_dialog import PinDialog

        guard = self._pin_guard or self.window.pin_guard()
        self.pin_dialog = PinDialog(guard, view.tr("PIN admin untuk ekspor"), view,
                                    stored_hash=pin_hash,
                                    runner=self.window.controller.runner)  # fmt: skip
        self.pin_dialog.pin_accepted.connect(view.ask_export)
        self.pin_dialog.open()

    def open_closing(self) -> None:
        from kiosk.business_day import business_day, now

        controller = self.window.controller
        controller.runner.submit(
            lambda: self.window.controller.service.journal.daily_summary(business_day(now())),
            on_done=self._on_summary_done, on_error=controller._on_background_error,
        )  # fmt: skip

    def _on_summary_done(self, summary: DailySummary) -> None:
        from kiosk.ui.history_view import ClosingView

        view = ClosingView(summary, self.window.controller.lang)
        view.setAttribute(_delete_on_close())
        self.closing = view
        view.show()


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
        from kiosk.ui.controller import Screen

        if kind is Screen.RESULT:
            self.window.result.print_requested.connect(self.print_result)

    def print_result(self, result: Any, *, reprint: bool | None = None) -> None:
        import tempfile
        from datetime import datetime

        from kiosk.receipt import build_receipt

        controller = self.window.controller
        if reprint is None:  # printed before, or reopened from History: CETAK ULANG
            reprint = controller.reopened or result.ref_id in self.printed
        self.printed.add(result.ref_id)
        receipt = build_receipt(result, shop_name=self.settings.shop_name, printed_at=datetime.now(),
                                lang=controller.lang, reprint=reprint)  # fmt: skip
        card = self.window.voucher_card  # cash: the session shown with this result
        if card is not None and card.session is not None and card.session.ref_id == result.ref_id:
            from kiosk.cash.slip import slip_lines
            from kiosk.receipt.model import with_voucher

            receipt = with_voucher(receipt, slip_lines(card.session, controller.lang))
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
        text = message.get(self.window.controller.lang) if message is not None else str(exc)
        self.window.result.show_printed(text)
        if message is not None:
            self.window.controller.set_blocked(message)

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
                                 on_done=lambda _: controller.set_blocked(None),
                                 on_error=self._on_printer_check_error)  # fmt: skip

    def _on_printer_check_error(self, exc: BaseException) -> None:
        message = getattr(exc, "message", None)
        if message is not None:
            self.window.controller.set_blocked(message)


class SettingsDesk:
    """Pengaturan (behind the admin PIN) and the first-run setup.

    Tes koneksi and Simpan run in the worker: the balance call is network I/O and
    the keychain may be a D-Bus round trip.
    """

    def __init__(self, window: MainWindow, settings: Settings, settings_file: Path,
                 on_saved: Callable[[Settings], None], *, demo: bool = False,
                 pin_guard: PinGuard | None = None) -> None:  # fmt: skip
        self.window, self.settings, self.file, self.on_saved = (
            window,
            settings,
            settings_file,
            on_saved,
        )
        self.demo = demo
        """The demo uses the simulator's public credentials: no keychain involved."""
        self.view: SettingsView | None = None
        self.dialog: Any = None
        self._pin_guard = pin_guard  # None: the window's one guard, looked up when asked
        window.settings_requested.connect(self.open_guarded)

    def open_guarded(self) -> None:
        if not self.settings.admin_pin_hash:
            self.open()  # first set-up: no PIN exists yet
            return
        self.ask_pin(
            QCoreApplication.translate("SettingsDesk", "PIN admin untuk Pengaturan"), self.open
        )

    def ask_pin(self, purpose: str, then: Callable[[], object]) -> None:
        """Run ``then`` after the right admin PIN; without a PIN set, say how to set one."""
        if not self.settings.admin_pin_hash:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self.window, purpose, QCoreApplication.translate(
                "SettingsDesk",
                "PIN admin belum diatur. Atur di Pengaturan atau 'python -m kiosk config set-pin'."))  # fmt: skip
            return
        from kiosk.ui.pin_dialog import PinDialog

        guard = self._pin_guard or self.window.pin_guard()
        self.dialog = PinDialog(guard, purpose, self.window,
                                stored_hash=self.settings.admin_pin_hash,
                                runner=self.window.controller.runner)  # fmt: skip
        self.dialog.pin_accepted.connect(then)
        self.dialog.open()

    def open(self) -> None:
        """Asks the keychain whether a key is stored (a D-Bus round trip) in the
        worker, then shows the form."""
        username = self.settings.api_username
        if self.demo:
            self._show_view(True)
            return

        def stored() -> bool:
            from kiosk.keychain import KeychainError, has_key

            try:
                return bool(username) and has_key(username)
            except KeychainError:
                return False

        self.window.controller.runner.submit(stored, on_done=self._show_view,
                                             on_error=lambda _exc: self._show_view(False))  # fmt: skip

    def _show_view(self, has_key: bool) -> None:
        from kiosk.ui.settings_view import SettingsView

        view = SettingsView(self.settings, has_key=has_key)
        view.setAttribute(_delete_on_close())
        view.test_requested.connect(self._on_view_test_requested)
        view.saved.connect(self._on_view_saved)
        self.view = view
        view.show()

    def _on_view_test_requested(self, request: ConnectionRequest) -> None:
        def check() -> str:
            from kiosk.api.client import DigiswitchClient
            from kiosk.keychain import key_provider

            provider = (lambda: request.key) if request.key else key_provider(request.username)
            client = DigiswitchClient(base_url=request.endpoint, username=request.username,
                                      key_provider=provider, testing=request.testing)  # fmt: skip
            try:
                return str(client.balance())
            finally:
                client.close()

        self.window.controller.runner.submit(check, on_done=self._on_test_done,
                                             on_error=self._on_test_error)  # fmt: skip

    def _on_test_done(self, balance: str) -> None:
        from kiosk.money import format_rupiah

        if self.view is not None:
            from decimal import Decimal

            amount = format_rupiah(int(Decimal(balance)), self.window.controller.lang)
            self.view.show_test_result(
                True,
                QCoreApplication.translate("SettingsDesk", "Terhubung. Saldo %1").replace(
                    "%1", amount
                ),
            )

    def _on_test_error(self, exc: BaseException) -> None:
        from kiosk.ui.controller import explain

        if self.view is not None:
            self.view.show_test_result(
                False, self._words(exc) or explain(exc).get(self.window.controller.lang)
            )

    def _words(self, exc: BaseException) -> str:
        user_message = getattr(exc, "user_message", None)
        return str(user_message(self.window.controller.lang)) if callable(user_message) else ""

    def _on_view_saved(self, result: SetupResult) -> None:
        def store() -> Settings:
            from kiosk import keychain
            from kiosk import settings as settings_store

            if result.key and not self.demo:
                keychain.set_key(result.settings.api_username, result.key)
            settings_store.save(self.file, result.settings)
            return result.settings

        self.window.controller.runner.submit(store, on_done=self._on_saved_done,
                                             on_error=self._on_saved_error)  # fmt: skip

    def _on_saved_done(self, settings: Settings) -> None:
        self.settings = settings
        if self.view is not None:
            self.view.close()
        self.on_saved(settings)

    def _on_saved_error(self, exc: BaseException) -> None:
        if self.view is not None:
            self.view.show_error(self._words(exc) or str(exc))
