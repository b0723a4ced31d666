"""What a customer (or a day of customers) does at the kiosk, step by step, for the
screen tests: tap a tile, type a number, Cek Tagihan, Bayar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLabel

from kiosk.journal import PaymentState
from kiosk.payment import BillRequest
from kiosk.ui.navigation import Screen
from tests.ui.conftest import Kiosk


def texts(widget) -> list[str]:
    """The visible labels' texts; a rich-text label (the details, the periods) gives one
    entry per table cell, as the customer reads them."""
    shown: list[str] = []
    for label in widget.findChildren(QLabel):
        if not label.isVisibleTo(widget):
            continue
        if label.text().startswith("<table"):
            cells = QTextDocumentFragment.fromHtml(label.text()).toPlainText().split("\n")
            shown += [cell.strip() for cell in cells if cell.strip()]
        else:
            shown.append(label.text())
    return shown


def open_form(qtbot, k: Kiosk, code: str) -> None:
    qtbot.mouseClick(k.window.home.tiles[code], Qt.MouseButton.LeftButton)
    assert k.controller.nav.screen is Screen.FORM
    # Filled on the tap's turn, shown a turn later (kiosk.ui.view_updates.FILLED_FIRST).
    qtbot.waitUntil(lambda: k.window.stack.currentWidget() is k.window.form, timeout=2000)


def fill_and_inquire(qtbot, k: Kiosk, number: str, *, second: str = "", amount: str = "") -> None:
    form = k.window.form
    qtbot.keyClicks(form.field1, number)
    if second:
        qtbot.keyClicks(form.field2, second)
    if amount:
        qtbot.keyClicks(form.amount, amount)
    with qtbot.waitSignal(k.controller.payment.bill_received, timeout=5000):
        qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)
    # The bill is filled in on one turn and shown on the next (a shorter freeze).
    qtbot.waitUntil(lambda: k.window.stack.currentWidget() is k.window.confirm, timeout=2000)


def pay(qtbot, k: Kiosk) -> None:
    with qtbot.waitSignal(k.controller.payment.payment_finished, timeout=8000):
        qtbot.mouseClick(k.window.confirm.pay, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: k.window.stack.currentWidget() is k.window.result, timeout=2000)


def pay_some(qtbot, k: Kiosk) -> list[str]:
    service = k.controller.payment.service
    refs = []
    for code, number in (
        ("pln", "530000000001"),
        ("pdam", "1013226"),
        ("pln", "530000000006"),
        ("bpjs", "8801234560001"),
    ):
        result = service.pay(service.inquire(BillRequest(code, number)))
        refs.append(result.ref_id)
    resolver = k.controller.core.resolver  # type: ignore[union-attr]
    # One status interval after the pay, the resolver confirms the failure.
    qtbot.waitUntil(
        lambda: resolver.check(refs[2]).result.state is PaymentState.FAILED, timeout=3000
    )
    return refs
