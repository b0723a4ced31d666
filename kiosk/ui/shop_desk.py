"""The shopkeeper's History and Tutup Kasir windows, opened from the Toko menu; their
reads and re-checks run through the controller's worker."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from kiosk.ui.window_fit import show_fitted

log = logging.getLogger("kiosk.ui")

if TYPE_CHECKING:
    from kiosk.journal import DailySummary
    from kiosk.pin import PinGuard
    from kiosk.ui.closing_view import ClosingView
    from kiosk.ui.history_view import HistoryView
    from kiosk.ui.main_window import MainWindow


def delete_on_close() -> Any:
    """The flag that frees a shop window when it is closed (every desk's windows)."""
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
        view = HistoryView(
            controller.payment.service.journal, controller.nav.lang, runner=controller.runner
        )
        view.setAttribute(delete_on_close())
        view.open_requested.connect(controller.payment.open_ref)
        view.recheck_requested.connect(controller.payment.recheck)
        view.resolve_requested.connect(self._on_view_resolve_requested)
        view.export_requested.connect(self._on_view_export_requested)
        controller.payment.status_updated.connect(view.apply_filter)
        self.history = view
        show_fitted(view)

    def _on_view_resolve_requested(self, ref_id: str) -> None:
        """A person decides an unresolved payment: admin PIN, then the decision and why."""
        desk = self.window.settings_desk
        if desk is None:
            return
        desk.ask_pin(
            QCoreApplication.translate("ShopWindows", "PIN admin untuk memutuskan status"),
            lambda: self._ask_decision(ref_id),
        )

    def _ask_decision(self, ref_id: str) -> None:
        from kiosk.ui.manual_resolution import ManualResolutionDialog

        dialog = ManualResolutionDialog(ref_id, self.history or self.window)
        dialog.setAttribute(delete_on_close())
        dialog.decided.connect(
            lambda succeeded, reason: self.window.controller.payment.resolve_manually(
                ref_id, succeeded=succeeded, actor="admin", reason=reason
            )
        )
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
        self.pin_dialog = PinDialog(
            guard,
            view.tr("PIN admin untuk ekspor"),
            view,
            stored_hash=pin_hash,
            runner=self.window.controller.runner,
        )
        self.pin_dialog.pin_accepted.connect(view.ask_export)
        self.pin_dialog.open()

    def open_closing(self) -> None:
        from kiosk.business_day import business_day, now

        controller = self.window.controller
        journal, lang = controller.payment.service.journal, controller.nav.lang
        cash_mode = controller.settings.collection == "cash"

        def work() -> tuple[DailySummary, list[tuple[str, str]]]:
            from kiosk.cash.closing import cash_summary, summary_lines

            day = business_day(now())
            cash = cash_summary(journal.cash_ledger(), day)
            seen = cash_mode or cash.cash_in or cash.issued or cash.outstanding or cash.uncertain
            return journal.daily_summary(day), summary_lines(cash, lang) if seen else []

        controller.runner.submit(
            work, on_done=self._on_summary_done, on_error=controller.payment.on_background_error
        )

    def _on_summary_done(self, done: tuple[DailySummary, list[tuple[str, str]]]) -> None:
        from kiosk.ui.closing_view import ClosingView

        summary, machine_cash = done
        view = ClosingView(
            summary,
            self.window.controller.nav.lang,
            shop_name=self.window.home.shop.text(),
            machine_cash=machine_cash,
        )
        view.setAttribute(delete_on_close())
        self.closing = view
        show_fitted(view)
