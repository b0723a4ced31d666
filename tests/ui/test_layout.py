"""Every screen fits every screen size: nothing off-screen, clipped or cut, in kiosk and
desktop mode; kiosk targets are touchable and the public never sees the deposit.

Bills and results are real: inquired and paid once against the real simulator on
loopback. Each screen is then shown in a real window at each size and saved as a PNG
under artifacts/layout/ (look at them).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QToolButton, QWidget
from pytestqt.exceptions import TimeoutError

from kiosk.bill_request import BillRequest
from kiosk.composition import Core, assemble_core
from kiosk.journal import PaymentState
from kiosk.models.pricelist import parse_price_list
from kiosk.payment import Bill, PaymentResult
from kiosk.price_list import Choice, PriceChoices
from kiosk.products import product
from kiosk.settings import Settings
from kiosk.sim import Simulator
from kiosk.sim.pricelist import entries as price_list_entries
from kiosk.ui.app import build_window
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.main_window import MainWindow
from kiosk.ui.navigation import Screen
from kiosk.ui.screens.home import BalanceInfo
from kiosk.ui.tasks import TaskRunner
from tests.conftest import ARTIFACTS
from tests.support.demo_client import demo_client

PRICE_CHOICES = PriceChoices.from_items(parse_price_list(price_list_entries()))
"""The simulator's banks and wallets, as the form gets them from the price list."""
SIZES = [(800, 480), (1024, 600), (1366, 768), (1920, 1080), (1080, 1920), (1280, 800)]
OUT = ARTIFACTS / "layout"
TOUCH = 64
"""DESIGN.md: kiosk touch targets of 64 px at least (the issue asks for 48)."""


class Parts(NamedTuple):
    core: Core
    bill: Bill
    emoney: Bill
    success: PaymentResult
    pending: PaymentResult
    failed: PaymentResult
    declined: PaymentResult
    transfer: Bill
    """Kirim Uang to a bank the price list named (kirimuang-bca)."""


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Parts]:
    """One real bill and three real outcomes, paid against the simulator."""
    folder = tmp_path_factory.mktemp("layout")
    with Simulator(port=0) as sim:
        client = demo_client(sim.url)
        core = assemble_core(
            Settings(status_poll_min_s=0),
            client,
            folder / "journal.sqlite3",
            allow_fast_status=True,
        )
        service = core.service
        bill = service.inquire(BillRequest("pln", "530000000002"))  # two months: a table
        emoney = service.inquire(BillRequest("emoney", "082100000001", 50_000))
        success = service.pay(service.inquire(BillRequest("pln", "530000000001")))
        pending = service.pay(service.inquire(BillRequest("pln", "630000000002")))
        failed = declined = service.pay(service.inquire(BillRequest("pln", "530000000006")))
        assert declined.state is PaymentState.DECLINED  # the bill is not paid: red at once
        if failed.state.unresolved:  # rc 02: the refund is confirmed by a status call
            failed = core.resolver.check(failed.ref_id).result
        assert success.state is PaymentState.SUCCESS and success.sn
        assert pending.state.unresolved and failed.state is PaymentState.FAILED
        transfer = service.inquire(BillRequest("kirimuang-bca", "5830000001", 2_500_000))
        yield Parts(core, bill, emoney, success, pending, failed, declined, transfer)


def settled(window: QWidget) -> object:
    """A fingerprint of every widget's geometry: equal twice in a row = laid out."""
    return tuple(w.geometry().getRect() for w in window.findChildren(QWidget) if w.isVisible())


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def problems(window: MainWindow, *, kiosk: bool) -> list[str]:
    """What a person would notice: cut-off controls, cut text, tiny targets, the deposit."""
    found: list[str] = []
    whole = window.rect()
    watched: list[QWidget] = [
        *window.findChildren(QPushButton),
        *window.findChildren(QLineEdit),
        *window.findChildren(QToolButton),
    ]
    for label in window.findChildren(QLabel):
        if label.objectName() in ("total", "totalLabel", "sn"):
            watched.append(label)
    watched += [w for w in window.findChildren(QWidget) if w.objectName() == "snBox"]
    for widget in watched:
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r} {widget.accessibleName()!r}"
        rect = rect_in(widget, window)
        if not whole.contains(rect):
            found.append(f"{name} lies outside the window: {rect.getRect()}")
            continue
        parent = widget.parentWidget()
        while parent is not None and parent is not window:
            if not rect_in(parent, window).contains(rect):
                found.append(f"{name} is clipped by {type(parent).__name__}")
                break
            parent = parent.parentWidget()
        if isinstance(widget, QToolButton) and widget.sizeHint().height() > widget.height() + 2:
            found.append(
                f"{name}: icon and name need {widget.sizeHint().height()} px of {widget.height()}"
            )
        if isinstance(widget, QToolButton) and widget.text():  # a name with no letters cut
            lines = widget.text().replace("&&", "&").split("\n")
            wide = max(widget.fontMetrics().horizontalAdvance(line) for line in lines)
            if wide > widget.width() - 2 * window.scale.tile_pad - 4:
                found.append(f"{name}: its name is {wide} px in a {widget.width()} px tile")
        small = widget.width() < TOUCH or widget.height() < TOUCH
        if kiosk and small and isinstance(widget, (QPushButton, QToolButton)):
            found.append(f"{name} is a small target: {widget.width()}×{widget.height()}")
    for label in window.findChildren(QLabel):
        sn_wide = label.fontMetrics().horizontalAdvance(label.text()) > label.contentsRect().width()
        if label.objectName() == "sn" and label.isVisibleTo(window) and sn_wide:
            found.append(f"the SN {label.text()!r} does not fit on one line")
        if not label.isVisibleTo(window) or label.wordWrap() or not label.text():
            continue
        if label.window() is not window or label.textFormat().name == "RichText":
            continue
        room = label.contentsRect().width()
        for line in label.text().split("\n"):
            wide = label.fontMetrics().horizontalAdvance(line)
            if wide > room + 1:
                found.append(f"label {line!r} is {wide} px wide in {room} px")
        if kiosk and any(word in label.text().lower() for word in ("saldo", "deposit")):
            found.append(f"kiosk shows the deposit: {label.text()!r}")
    return found


class Shown:
    """One window at one size in one mode, showing the screens in turn."""

    def __init__(
        self,
        qtbot,
        parts: Parts,
        size: tuple[int, int],
        *,
        kiosk: bool,
        shop: str = "Toko Sumber Rejeki",
    ) -> None:
        self.qtbot, self.parts, self.kiosk = qtbot, parts, kiosk
        self.runner = TaskRunner()
        settings = Settings(shop_name=shop)
        window = build_window(core=parts.core, settings=settings, runner=self.runner)
        qtbot.addWidget(window)
        window.set_screen_size(*size)
        window.set_kiosk_mode(kiosk)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        self.window = window
        self.size = size
        self.tag = f"{'kiosk' if kiosk else 'desktop'}-{size[0]}x{size[1]}"

    def show(self, kind: Screen) -> None:
        self.window.show_screen(kind)
        self.window.resize(*self.size)  # a kiosk stays full screen; a window keeps its size

    def check(self, name: str) -> list[str]:
        window = self.window
        last: list[object] = [None]

        def stable() -> bool:
            now = settled(window)
            same, last[0] = now == last[0], now
            return same and window.size().toTuple() == self.size

        found = []
        try:
            self.qtbot.waitUntil(stable, timeout=3000)
        except TimeoutError:  # a screen that will not shrink to the window: say so, and look
            found.append(f"the window is {window.size().toTuple()}, not {self.size}")
        OUT.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(OUT / f"{self.tag}-{name}.png"), "PNG", 80)  # fast, ~as small
        if found:
            debug_minimums(window)
        found += problems(window, kiosk=self.kiosk)
        return [f"{self.tag} {name}: {p}" for p in found]


def walk(shown: Shown) -> list[str]:
    """Every screen in turn, each checked; returns what is wrong."""
    p, w = shown.parts, shown.window
    found = shown.check("home")
    w.home.set_balance(BalanceInfo(online=False, balance=None, low=False))  # a notice, "Coba lagi"
    found += shown.check("home-offline")
    w.home.set_balance(BalanceInfo(online=True, balance=None, low=False))
    shown.show(Screen.FORM)
    w.form.show_product(product("pln"))
    w.form.field1.setText("530000000002")
    w.form.show_error("Nomor pelanggan tidak ditemukan. Periksa kembali nomor pada tagihan Anda.")
    found += shown.check("form")
    w.form.show_product(product("emoney"))
    found += shown.check("form-emoney")
    w.form.show_product(product("kirimuang"))  # account number, amount, quick amounts
    found += shown.check("form-kirimuang")
    banks = PRICE_CHOICES.for_product("kirimuang")  # the price list names banks: a picker
    w.form.show_product(product("kirimuang"), banks)
    w.form.field1.setText("5830000001")
    w.form.field1.returnPressed.emit()  # Enter before a bank: the picker's label turns red
    found += shown.check("form-kirimuang-banks")
    w.form.picker.group.buttons()[0].click()
    found += shown.check("form-kirimuang-bank-chosen")
    many = tuple(Choice(f"kirimuang-b{i}", f"Bank Pembangunan Daerah {i}") for i in range(30))
    w.form.show_product(product("kirimuang"), many)  # a long list: pages in the same grid
    w.form.picker.grid.itemAt(w.form.picker.grid.count() - 1).widget().click()  # Lainnya ›
    found += shown.check("form-kirimuang-many-banks")
    w.form.show_product(product("emoney"), PRICE_CHOICES.for_product("emoney"))
    found += shown.check("form-emoney-wallets")
    w.confirm.show_bill(p.transfer)
    shown.show(Screen.CONFIRM)
    found += shown.check("confirm-kirimuang-bank")  # "Konfirmasi Kirim Uang · BCA"
    w.confirm.show_bill(p.bill)
    found += shown.check("confirm")
    bar = w.confirm.details_area.verticalScrollBar()
    if shown.size[1] > shown.size[0] and bar.maximum() > 0:  # a totem has room for it all
        found.append(f"{shown.tag} confirm: the bill's details scroll ({bar.maximum()} px)")
    across = w.confirm.details_area.horizontalScrollBar()
    if across.maximum() > 0:  # lines break and the period table turns instead
        found.append(f"{shown.tag} confirm: the details scroll sideways ({across.maximum()} px)")
    from decimal import Decimal

    from kiosk.ui.deposit_guard import shortfall

    w.confirm.set_blocked_reason(shortfall(p.bill, Decimal(1000), public=shown.kiosk))
    found += shown.check("confirm-deposit-short")  # the words above Bayar, Bayar disabled
    w.confirm.set_blocked_reason(None)
    shown.show(Screen.PROCESSING)
    found += shown.check("processing")
    for name, result in (
        ("success", p.success),
        ("pending", p.pending),
        ("failed", p.failed),
        ("declined", p.declined),
    ):
        w.result.show_result(result)
        shown.show(Screen.RESULT)
        found += shown.check(f"result-{name}")
    found += walk_collect(shown)
    w.status.show_results([p.success, p.pending, p.failed])
    shown.show(Screen.STATUS)
    found += shown.check("status")
    w.confirm.show_bill(p.bill)
    shown.show(Screen.CONFIRM)
    idle = IdleWatcher(w, w.controller, idle_ms=3_600_000)
    idle.prompt.show_seconds(10)
    found += shown.check("idle")
    idle.poke()
    return found


def walk_collect(shown: Shown) -> list[str]:
    """The cash screen with the demo's note panel: before the first note, with credit, and
    with the voucher keys up."""
    from kiosk.ui.cash_flow import CollectView
    from kiosk.ui.screens.collect import DEMO_NOTES, CollectScreen

    collect = shown.window.screen_for(Screen.COLLECT)
    assert isinstance(collect, CollectScreen)
    total = shown.parts.bill.amounts.total
    collect.set_accepted(DEMO_NOTES)
    collect.set_demo(True)
    collect.show_progress(CollectView(total=total, credit=0))
    shown.show(Screen.COLLECT)
    found = shown.check("collect")
    collect.show_progress(CollectView(total=total, credit=100_000))
    found += shown.check("collect-credit")
    collect.use.click()  # no code typed: the voucher keys come up
    found += shown.check("collect-voucher-keys")
    collect.clear()
    collect.set_demo(False)
    return found + walk_result_voucher(shown)


def walk_result_voucher(shown: Shown) -> list[str]:
    """A paid result with its change voucher (code, amount, QR) beside the details."""
    from datetime import UTC, datetime, timedelta

    from kiosk.cash.ledger import CashSession, SessionState
    from kiosk.cash.vouchers import Voucher
    from kiosk.ui.widgets.voucher_card import VoucherCard

    window, paid = shown.window, shown.parts.success
    result = window.result
    card = result.voucher or VoucherCard()
    if result.voucher is None:
        result.set_voucher(card)
    at = datetime(2026, 12, 3, 5, 0, tzinfo=UTC)
    change = Voucher("PAGY7QN7NQ", 39_024, at, at + timedelta(days=30), paid.ref_id, "change")
    session = CashSession(paid.ref_id, 260_976, SessionState.PAID, 300_000, 0, (), change)
    result.show_result(paid)
    card.show_session(session, "id")
    result.fit_money()
    shown.show(Screen.RESULT)
    found = shown.check("result-voucher")
    if found == [] and shown.kiosk:  # the code and the amount in view, not behind a scroll
        whole = window.rect()
        for label in (card.code, card.amount):
            corner = label.mapTo(window, label.rect().bottomRight())
            if not label.isVisible() or not whole.contains(corner):
                found.append(f"{shown.tag} result-voucher: {label.text()!r} is not in view")
    card.show_session(None, "id")
    result.fit_money()
    return found


@pytest.mark.parametrize("kiosk", [True, False], ids=["kiosk", "desktop"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_fits(qtbot, parts: Parts, size: tuple[int, int], kiosk: bool) -> None:
    shown = Shown(qtbot, parts, size, kiosk=kiosk)
    try:
        found = walk(shown)
        assert not found, "\n".join(found)
    finally:
        shown.runner.wait_idle(5000)


def test_on_a_totem_the_keys_grow_into_the_room_and_give_it_back(qtbot, parts: Parts) -> None:
    """The portrait totem's form left its lower 40 % empty: the keys now take that room
    (up to square), and give it back when a bank picker needs it, the window unchanged."""
    shown = Shown(qtbot, parts, (1080, 1920), kiosk=True)
    try:
        w = shown.window
        shown.show(Screen.FORM)
        w.form.show_product(product("pln"))
        assert not shown.check("keys-pln")
        key = w.form.keypad.buttons["5"]
        least, tall = key.minimumHeight(), key.height()
        assert tall > 1.5 * least and tall >= key.width() - 2 * w.scale.gap  # about square
        many = tuple(Choice(f"kirimuang-b{i}", f"Bank {i}") for i in range(30))
        w.form.show_product(product("kirimuang"), many)
        assert not shown.check("keys-kirimuang")  # nothing cut, the window still 1080×1920
        assert least <= key.height() < tall
    finally:
        shown.runner.wait_idle(5000)


def test_english_fits_the_small_panel(qtbot, parts: Parts) -> None:
    """English words are longer in places ("New Transaction"): the smallest panel, in English,
    for a shop with a long name."""
    shown = Shown(qtbot, parts, (800, 480), kiosk=True, shop="Toko Sumber Rejeki Makmur Abadi")
    shown.window.controller.nav.set_language("en")
    shown.tag += "-en"
    try:
        found = walk(shown)
        assert not found, "\n".join(found)
        assert shown.window.result.new.text() == "New Transaction"
    finally:
        shown.window.controller.nav.set_language("id")
        shown.runner.wait_idle(5000)


def test_the_window_can_shrink_to_a_small_panel(qtbot, parts: Parts) -> None:
    shown = Shown(qtbot, parts, (800, 480), kiosk=True)
    for kind in Screen:
        shown.show(kind)  # every screen built: the stack's minimum is the largest of them
    hint = shown.window.minimumSizeHint()
    assert hint.width() <= 800 and hint.height() <= 480, hint


def test_the_desktop_window_opens_inside_the_available_screen(qtbot, parts: Parts) -> None:
    shown = Shown(qtbot, parts, (1366, 768), kiosk=False)
    shown.window.fit_to_screen(QRect(0, 0, 1366, 728))  # a 1366×768 laptop with a task bar
    frame = shown.window.geometry()
    assert frame.width() <= 1366 and frame.height() <= 728 - 30, frame
    assert frame.top() >= 0 and frame.bottom() <= 728


def test_public_header_says_ready_or_out_of_order_not_online(qtbot, parts: Parts) -> None:
    shown = Shown(qtbot, parts, (1280, 800), kiosk=True)
    home = shown.window.home
    home.set_balance(BalanceInfo(online=True, balance=None, low=True))
    assert home.network.text() == "Siap" and not home.balance.isVisible()
    assert not home.notice.isVisible()  # "saldo hampir habis" is for the shopkeeper
    home.show_problem("Printer struk tidak terhubung.")
    assert home.network.text() == "Sedang gangguan"
    home.set_balance(BalanceInfo(online=False, balance=None, low=False))
    assert home.network.text() == "Sedang gangguan"
    shown.window.set_kiosk_mode(False)
    assert home.network.text() == "Offline" and home.balance.isVisible()


def debug_minimums(window: QWidget) -> None:  # pragma: no cover - a tool for a failing size
    for child in window.findChildren(QWidget):
        if child.isVisibleTo(window) and child.minimumSizeHint().height() > 300:
            print(
                type(child).__name__,
                child.objectName(),
                child.minimumSizeHint().toTuple(),
                child.minimumSize().toTuple(),
            )
