"""The cash views wired to the payment flow's cash flow: the collect screen, and the voucher
(or the money held) on the result screen. Kept here so the main window only composes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.i18n import Lang
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.screens.collect import CollectScreen


def build_collect(window: MainWindow) -> CollectScreen:
    """The collect screen, wired: Batal, Pakai voucher, Selesai and the demo note panel."""
    from kiosk.ui.navigation import Screen
    from kiosk.ui.screens.collect import CollectScreen  # a cash kiosk's screen only

    c = window.controller
    payment, flow = c.payment, c.payment.cash
    screen = CollectScreen()
    screen.cancel_requested.connect(payment.cancel)
    screen.done_requested.connect(payment.new_transaction)
    screen.voucher_entered.connect(flow.redeem)
    screen.print_requested.connect(lambda session: _print_voucher(window, session))
    flow.progress.connect(screen.show_progress)
    flow.message.connect(screen.show_message)
    flow.outcome.connect(screen.show_outcome)

    def insert(value: int) -> None:
        device = flow.sim_device
        if device is not None:
            device.insert(value)

    def insert_fake() -> None:
        device = flow.sim_device
        if device is not None:
            device.insert_counterfeit()

    def on_screen(kind: object) -> None:
        if kind is Screen.COLLECT:
            demo = c.core is not None and c.core.demo and flow.sim_device is not None
            screen.set_accepted(flow.allowed)
            screen.set_demo(bool(demo))
            if flow.view is not None and flow.collecting:
                screen.show_progress(flow.view)
        elif kind is Screen.HOME:
            screen.clear()

    screen.note_inserted.connect(insert)
    screen.counterfeit_inserted.connect(insert_fake)
    c.nav.screen_changed.connect(on_screen)
    on_screen(Screen.COLLECT)  # built while the flow enters it
    return screen


def _print_voucher(window: MainWindow, session: Any) -> None:
    if window.receipts is not None:
        window.receipts.print_voucher(session)


def attach_result_voucher(window: MainWindow) -> None:
    """A voucher card on the result screen's money side, shown for the result's
    cash session (a change or refund voucher, or the money held while pending). Made on
    the first such session: a kiosk without a bill acceptor never builds it (seven
    widgets on every result screen, issue 16). It is ``window.voucher_card`` once made."""
    nav, flow = window.controller.nav, window.controller.payment
    result = window.result

    def on_session(session: Any) -> None:
        shown = result.result
        if shown is not None and shown.ref_id == session.ref_id:
            if window.voucher_card is None:
                from kiosk.ui.widgets.voucher_card import VoucherCard

                window.voucher_card = VoucherCard()
                result.set_voucher(window.voucher_card)
            result.show_voucher(session, nav.lang)

    def on_result(_result: object) -> None:
        result.show_voucher(None, nav.lang)

    def on_cleared() -> None:
        if window.voucher_card is not None:
            window.voucher_card.show_session(None, nav.lang)

    def on_language(lang: Lang) -> None:
        if window.voucher_card is not None:
            window.voucher_card.set_language(lang)

    flow.cash.session_shown.connect(on_session)
    flow.payment_finished.connect(on_result)
    nav.session_cleared.connect(on_cleared)
    nav.language_changed.connect(on_language)
