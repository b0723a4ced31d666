"""Each screen made on first use, its intents wired to the navigation and the payment
flow (a view emits what the customer asked for; it never acts on it itself)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.ui.navigation import Screen

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.screens.base import ScreenWidget


def build_screen(kind: Screen, window: MainWindow) -> ScreenWidget:
    """A new screen for ``kind`` (not home: the window makes that one for the first frame)."""
    nav, flow = window.controller.nav, window.controller.payment
    made: ScreenWidget
    if kind is Screen.FORM:
        from kiosk.ui.screens.form import FormScreen

        form = FormScreen()
        form.submitted.connect(flow.submit_request)
        form.back_requested.connect(flow.cancel)
        made = form
    elif kind is Screen.CONFIRM:
        from kiosk.ui.screens.confirm import ConfirmScreen

        confirm = ConfirmScreen()
        confirm.pay_requested.connect(flow.pay)
        confirm.cancel_requested.connect(flow.cancel)
        made = confirm
    elif kind is Screen.PROCESSING:
        from kiosk.ui.screens.processing import ProcessingScreen

        made = ProcessingScreen()
    elif kind is Screen.RESULT:
        from kiosk.ui.screens.result import ResultScreen

        result = ResultScreen()
        result.new_transaction_requested.connect(flow.new_transaction)
        made = result
    elif kind is Screen.COLLECT:
        from kiosk.ui.cash_views import build_collect

        made = build_collect(window)
    elif kind is Screen.STATUS:
        from kiosk.ui.screens.status_check import StatusCheckScreen

        status = StatusCheckScreen()
        status.query_submitted.connect(flow.lookup)
        status.result_chosen.connect(flow.show_result)
        status.back_requested.connect(flow.cancel)
        made = status
    else:
        raise ValueError(f"the window builds {kind} itself")
    made.set_language(nav.lang)
    return made
