"""What the navigation, the payment flow and the balance watch announce, drawn on the
window's screens: the one place their signals meet the views."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from kiosk.ui.navigation import Screen

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow


FILLED_FIRST = (Screen.FORM, Screen.CONFIRM, Screen.RESULT)
"""Screens filled with the customer's product or bill just before they are shown."""


class ViewUpdates(QObject):
    """Connects the controller's parts to ``window`` (made once, by the window)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        c = window.controller
        nav, flow, balance, home = c.nav, c.payment, c.balance, window.home
        nav.screen_changed.connect(self._on_nav_screen_changed)
        nav.language_changed.connect(window.set_language)
        nav.product_opened.connect(self._on_nav_product_opened)
        nav.session_cleared.connect(self._on_nav_session_cleared)
        nav.blocked_changed.connect(self._on_nav_blocked_changed)
        balance.balance_changed.connect(self._on_balance_changed)
        balance.balance_checked.connect(home.retry_finished)
        flow.inquiry_busy.connect(self._on_flow_inquiry_busy)
        flow.inquiry_failed.connect(self._on_flow_inquiry_failed)
        flow.bill_received.connect(self._on_flow_bill_received)
        flow.payment_finished.connect(self._on_flow_payment_finished)
        flow.status_updated.connect(self._on_flow_status_updated)
        flow.lookup_busy.connect(self._on_flow_lookup_busy)
        flow.lookup_finished.connect(self._on_flow_lookup_finished)
        home.product_chosen.connect(nav.open_product)
        home.status_check_requested.connect(nav.open_status_check)
        home.language_requested.connect(nav.set_language)
        home.retry_requested.connect(self._on_home_retry_requested)

    def _on_nav_screen_changed(self, screen: Screen) -> None:
        w = self.window
        if screen is Screen.STATUS:
            w.status.clear()
        if screen in FILLED_FIRST:
            # Filled in this turn, shown in a later one: the layout and paint of the new
            # screen do not add to the filling-in on the same turn (a shorter freeze). A
            # 1 ms timer, not 0: Qt runs a zero timer as a posted event, in the same pass
            # as the fill's own layout requests, so the event loop (a touch, the clock)
            # would get no turn in between.
            QTimer.singleShot(1, w, lambda: self._show_if_current(screen))
        else:
            w.show_screen(screen)
        if screen is Screen.CONFIRM:
            # Built while the customer reads the bill, not after Bayar: the pay path
            # (processing, then the result) stays light on the GUI thread.
            w.screen_for(Screen.PROCESSING)
            w.screen_for(Screen.RESULT)

    def _show_if_current(self, screen: Screen) -> None:
        if self.window.controller.nav.screen is screen:  # not overtaken meanwhile
            self.window.show_screen(screen)

    def _on_nav_product_opened(self, product: Any) -> None:
        choices = self.window.controller.prices.choices_for(product.code)
        self.window.form.show_product(product, choices)

    def _on_nav_session_cleared(self) -> None:
        for kind, screen in self.window.screens.items():
            if kind is not Screen.HOME:
                screen.clear()

    def _on_nav_blocked_changed(self, reason: Any) -> None:
        home = self.window.home
        if reason is None:
            home.set_balance(home.info)  # tiles back, notice per balance state
        else:
            home.show_problem(reason.get(self.window.controller.nav.lang), can_retry=True)

    def _on_balance_changed(self, info: Any) -> None:
        self.window.home.set_balance(info)
        self.check_deposit()
        blocked = self.window.controller.nav.blocked
        if blocked is not None:  # a block outlives a good balance check
            self._on_nav_blocked_changed(blocked)

    def _on_home_retry_requested(self) -> None:
        """ "Coba lagi": ask the provider (and the keychain) and the printer again now."""
        self.window.controller.balance.refresh()
        if self.window.receipts is not None:
            self.window.receipts.check_printer()

    def _on_flow_inquiry_busy(self, busy: bool) -> None:
        self.window.form.set_busy(busy)

    def _on_flow_inquiry_failed(self, message: Any) -> None:
        self.window.form.show_error(message)

    def _on_flow_bill_received(self, bill: Any) -> None:
        self.window.confirm.show_bill(bill)
        self.check_deposit()

    def check_deposit(self) -> None:
        """Bayar only when the last known deposit can pay the bill on the confirm screen
        (words without the amount in kiosk mode)."""
        from kiosk.ui.deposit_guard import shortfall

        w = self.window
        confirm = w.screens.get(Screen.CONFIRM)
        bill = getattr(confirm, "bill", None)
        if confirm is not None and bill is not None:
            reason = shortfall(bill, w.controller.balance.deposit, public=w.kiosk)
            w.confirm.set_blocked_reason(reason)

    def _on_flow_payment_finished(self, result: Any) -> None:
        self.window.result.show_result(result, self.window.controller.payment.next_check)

    def _on_flow_status_updated(self, result: Any) -> None:
        w = self.window
        if Screen.RESULT not in w.screens:
            return
        shown = w.result.result
        if shown is not None and shown.ref_id == getattr(result, "ref_id", None):
            w.result.show_result(result, w.controller.payment.next_check)

    def _on_flow_lookup_busy(self, busy: bool) -> None:
        self.window.status.set_busy(busy)

    def _on_flow_lookup_finished(self, results: Any) -> None:
        self.window.status.show_results(results)
