"""Cash collection at the kiosk: the real window, the real ID-003 driver over a pty against
the acceptor simulator, the payment simulator and a real SQLite journal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from kiosk.business_day import business_day, now
from kiosk.cash.closing import cash_summary
from kiosk.cash.ledger import SessionState
from kiosk.composition import assemble_core
from kiosk.journal import PaymentState
from kiosk.money import format_rupiah
from kiosk.settings import Settings
from kiosk.sim import Simulator
from kiosk.ui.app import build_window
from kiosk.ui.navigation import Screen
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import KIOSK, stylesheet
from kiosk.ui.widgets.keypad import DELETE
from kiosk.ui.widgets.voucher_keys import CLEAR_ALL
from tests.support.demo_client import demo_client
from tests.ui.conftest import Kiosk

WAIT = 15_000  # ms; the driver polls every 150 ms and a note takes a few polls


def texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def build_cash_kiosk(
    qtbot,
    sim: Simulator,
    tmp_path: Path,
    *,
    demo: bool = False,
    device: str = "sim",
    printer: str = "",
) -> Kiosk:
    from PySide6.QtWidgets import QApplication

    QApplication.instance().setStyleSheet(stylesheet(KIOSK))  # type: ignore[union-attr]
    client = demo_client(sim.url)
    settings = Settings(
        shop_name="Toko Sumber Rejeki",
        status_poll_min_s=0.2,
        collection="cash",
        cash_device=device,
        thermal_printer=printer,
    )
    core = assemble_core(
        settings, client, tmp_path / "journal.sqlite3", allow_fast_status=True, demo=demo
    )
    runner = TaskRunner()
    window = build_window(core=core, settings=settings, runner=runner)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    k = Kiosk(window, sim, runner)
    k.core = core  # type: ignore[attr-defined]
    return k


@pytest.fixture(params=[False])
def cash_kiosk(qtbot, sim: Simulator, tmp_path: Path, request) -> Iterator[Kiosk]:
    k = build_cash_kiosk(qtbot, sim, tmp_path, demo=request.param)
    flow = k.controller.payment.cash
    qtbot.waitUntil(lambda: flow.problem is None and flow.collector is not None, timeout=WAIT)
    yield k
    k.controller.shutdown()
    k.runner.wait_idle(10_000)
    k.core.close()  # type: ignore[attr-defined]


def to_collect(qtbot, k: Kiosk, number: str = "530000000001") -> int:
    """Tile → form → bill → Bayar: the collect screen; returns the total to collect."""
    qtbot.mouseClick(k.window.home.tiles["pln"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(k.window.form.field1, number)
    with qtbot.waitSignal(k.controller.payment.bill_received, timeout=5000):
        qtbot.mouseClick(k.window.form.submit, Qt.MouseButton.LeftButton)
    bill = k.controller.payment.bill
    assert bill is not None
    qtbot.mouseClick(k.window.confirm.pay, Qt.MouseButton.LeftButton)
    assert k.controller.nav.screen is Screen.COLLECT
    qtbot.waitUntil(
        lambda: (
            k.controller.payment.cash.ledger is not None
            and k.controller.payment.cash.ledger.session(bill.ref_id) is not None
        )
    )
    return bill.total_to_collect


def notes_for(total: int) -> list[int]:
    """100.000 notes up to the last one, which overpays."""
    return [100_000] * (total // 100_000 + 1)


def journal_matches_device(k: Kiosk) -> None:
    ledger, device = k.controller.payment.cash.ledger, k.controller.payment.cash.sim_device
    assert ledger is not None and device is not None
    stacked = sum(v * n for v, n in device.stacked.items())
    assert sum(v * n for v, n in ledger.box().items()) == stacked
    summary = cash_summary(ledger, business_day(now()))  # Tutup Kasir agrees
    assert summary.cash_in == stacked and summary.difference == 0


def test_happy_path_overpaying_note_gives_receipt_and_change_voucher(
    qtbot, cash_kiosk: Kiosk, screenshots_dir: Path
) -> None:
    k = cash_kiosk
    total = to_collect(qtbot, k)
    screen = k.window.screens[Screen.COLLECT]
    shown = " ".join(texts(screen))
    assert "tidak memberi uang kembalian" in shown and "voucher" in shown
    assert format_rupiah(total) in texts(screen)
    screen.grab().save(str(screenshots_dir / "cash-collect-id.png"))
    notes = notes_for(total)
    with qtbot.waitSignal(k.controller.payment.payment_finished, timeout=WAIT * 2):
        for value in notes:
            k.controller.payment.cash.sim_device.insert(value)
    result = k.window.result

    def voucher_shown() -> bool:
        card = k.window.voucher_card  # made on the first cash session
        return card is not None and card.isVisibleTo(result)

    qtbot.waitUntil(voucher_shown, timeout=WAIT)
    assert k.controller.payment.shown_result.state is PaymentState.SUCCESS
    excess = sum(notes) - total
    assert "Voucher kembalian" in texts(result)
    assert format_rupiah(excess) in texts(result)
    session = k.controller.payment.cash.ledger.session(k.controller.payment.shown_result.ref_id)
    assert session.state is SessionState.PAID and session.voucher.amount == excess
    k.window.grab().save(str(screenshots_dir / "cash-voucher.png"))
    journal_matches_device(k)
    with qtbot.waitSignal(k.window.receipts.pdf_saved, timeout=WAIT) as saved:
        qtbot.mouseClick(result.print, Qt.MouseButton.LeftButton)  # the voucher goes with it
    assert saved.args[0].stat().st_size > 0
    shop = k.window.shop_windows  # Tutup Kasir shows the machine's cash beside the day
    shop.open_closing()
    qtbot.waitUntil(lambda: shop.closing is not None, timeout=WAIT)
    qtbot.addWidget(shop.closing)
    printed = shop.closing.as_text()
    assert f"Uang masuk (mesin): {format_rupiah(sum(notes))}" in printed


@pytest.mark.parametrize("cash_kiosk", [True], indirect=True)
def test_demo_note_panel_takes_a_customer_to_a_receipt_and_a_change_voucher(
    qtbot, cash_kiosk: Kiosk, screenshots_dir: Path
) -> None:
    k = cash_kiosk
    total = to_collect(qtbot, k)
    screen = k.window.screens[Screen.COLLECT]
    assert screen.demo.isVisible()
    hundred = screen.demo_buttons[-1]
    assert hundred.text() == "100.000" and hundred.accessibleName() == "Rp 100.000"
    qtbot.mouseClick(screen.fake, Qt.MouseButton.LeftButton)  # a counterfeit is refused
    qtbot.waitUntil(lambda: "uang tidak dikenali (palsu atau rusak)" in texts(screen), timeout=WAIT)
    assert screen.values[1].text() == "Rp 0"
    notes = notes_for(total)
    qtbot.mouseClick(hundred, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.values[1].text() == "Rp 100.000", timeout=WAIT)
    k.window.grab().save(str(screenshots_dir / "cash-collect.png"))
    with qtbot.waitSignal(k.controller.payment.payment_finished, timeout=WAIT * 2):
        for _ in notes[1:]:
            qtbot.mouseClick(hundred, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Voucher kembalian" in texts(k.window.result), timeout=WAIT)
    assert format_rupiah(sum(notes) - total) in texts(k.window.result)
    journal_matches_device(k)


def tapped_places(k: Kiosk, screen) -> dict[str, tuple[int, int, int, int]]:
    """Where each button a finger may be over sits in the window: Batal, Pakai voucher,
    and the demo notes."""
    buttons = {"Batal": screen.cancel, "Pakai voucher": screen.use, "Palsu": screen.fake}
    buttons |= {b.text(): b for b in screen.demo_buttons}
    places = {}
    for name, button in buttons.items():
        assert button.isVisible(), name
        corner = button.mapTo(k.window, QPoint(0, 0))
        places[name] = (corner.x(), corner.y(), button.width(), button.height())
    return places


@pytest.mark.parametrize("cash_kiosk", [True], indirect=True)
@pytest.mark.parametrize("size", [(1280, 800), (800, 480)])
def test_buttons_stay_put_when_a_note_goes_in_or_is_refused(
    qtbot, cash_kiosk: Kiosk, size: tuple[int, int], screenshots_dir: Path
) -> None:
    k = cash_kiosk
    k.window.set_screen_size(*size)
    k.window.resize(*size)
    qtbot.waitUntil(lambda: k.window.width() == size[0])
    to_collect(qtbot, k)
    screen = k.window.screens[Screen.COLLECT]
    qtbot.waitUntil(lambda: screen.demo.isVisible(), timeout=WAIT)
    name = f"cash-collect-{size[0]}x{size[1]}"
    before = tapped_places(k, screen)
    k.window.grab().save(str(screenshots_dir / f"{name}-before-first-note.png"))
    qtbot.mouseClick(screen.fake, Qt.MouseButton.LeftButton)  # refused: words appear
    qtbot.waitUntil(lambda: "uang tidak dikenali (palsu atau rusak)" in texts(screen), timeout=WAIT)
    assert tapped_places(k, screen) == before
    k.window.grab().save(str(screenshots_dir / f"{name}-note-refused.png"))
    qtbot.mouseClick(screen.demo_buttons[0], Qt.MouseButton.LeftButton)  # the first note
    qtbot.waitUntil(lambda: screen.values[1].text() == "Rp 2.000", timeout=WAIT)
    assert tapped_places(k, screen) == before
    k.window.grab().save(str(screenshots_dir / f"{name}-after-first-note.png"))


def test_pay_failure_gives_a_refund_voucher(qtbot, cash_kiosk: Kiosk) -> None:
    k = cash_kiosk
    total = to_collect(qtbot, k, "530000000006")
    notes = notes_for(total)
    with qtbot.waitSignal(k.controller.payment.payment_finished, timeout=WAIT * 2):
        for value in notes:
            k.controller.payment.cash.sim_device.insert(value)
    result = k.window.result
    qtbot.waitUntil(lambda: "Voucher pengembalian uang" in texts(result), timeout=WAIT)
    # The customer at a cash kiosk is told where the money went, not the shopkeeper's rule.
    assert "sebagai voucher di bawah ini" in result.banner.message.text()
    assert "harus dikembalikan" not in result.banner.message.text()
    assert k.controller.payment.shown_result.state is PaymentState.FAILED
    assert format_rupiah(sum(notes)) in texts(result)  # the whole credit back
    journal_matches_device(k)


def test_cancel_with_one_stacked_note_gives_a_refund_voucher(qtbot, cash_kiosk: Kiosk) -> None:
    k = cash_kiosk
    to_collect(qtbot, k)
    screen = k.window.screens[Screen.COLLECT]
    k.controller.payment.cash.sim_device.insert(20_000)
    qtbot.waitUntil(lambda: format_rupiah(20_000) in texts(screen), timeout=WAIT)
    qtbot.mouseClick(screen.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.done.isVisible(), timeout=WAIT)
    assert "Voucher pengembalian uang" in texts(screen)
    assert format_rupiah(20_000) in texts(screen)
    journal_matches_device(k)
    qtbot.mouseClick(screen.done, Qt.MouseButton.LeftButton)
    assert k.controller.nav.screen is Screen.HOME


def test_a_refund_voucher_from_batal_is_printed_like_a_change_voucher(
    qtbot, sim: Simulator, tmp_path: Path, screenshots_dir: Path
) -> None:
    from tests.test_receipt_escpos import FakePrinter  # skips without python-escpos

    printer = FakePrinter()
    k = build_cash_kiosk(qtbot, sim, tmp_path, printer=printer.target)
    try:
        flow = k.controller.payment.cash
        qtbot.waitUntil(lambda: flow.problem is None and flow.collector is not None, timeout=WAIT)
        total = to_collect(qtbot, k)
        screen = k.window.screens[Screen.COLLECT]
        assert not screen.print.isVisible()  # nothing to print while collecting
        flow.sim_device.insert(20_000)
        qtbot.waitUntil(lambda: format_rupiah(20_000) in texts(screen), timeout=WAIT)
        qtbot.mouseClick(screen.cancel, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: screen.done.isVisible(), timeout=WAIT)
        code = screen.card.code.text()
        assert screen.print.isVisible() and screen.print.text() == "Cetak Voucher"
        with qtbot.waitSignal(k.window.receipts.pdf_saved, timeout=WAIT) as saved:
            qtbot.mouseClick(screen.print, Qt.MouseButton.LeftButton)
        assert saved.args[0].name.startswith("voucher-") and saved.args[0].stat().st_size > 0
        qtbot.waitUntil(lambda: "Voucher dicetak. Ambil kertasnya." in texts(screen), timeout=WAIT)
        k.window.grab().save(str(screenshots_dir / "cash-refund-voucher-printed.png"))
    finally:
        k.controller.shutdown()
        k.runner.wait_idle(10_000)
        k.core.close()  # type: ignore[attr-defined]
        printer.close()
    paper = bytes(printer.received)
    assert b"VOUCHER PENGEMBALIAN UANG" in paper and code.encode() in paper
    assert b"TAGIHAN TIDAK DIBAYAR" in paper and b"Rp 20.000" in paper
    assert format_rupiah(total).encode() in paper


def test_a_refund_voucher_the_printer_cannot_print_says_why_and_blocks_new_payments(
    qtbot, sim: Simulator, tmp_path: Path
) -> None:
    from tests.test_receipt_escpos import PAPER_OUT, FakePrinter  # skips without python-escpos

    printer = FakePrinter(paper=PAPER_OUT)
    k = build_cash_kiosk(qtbot, sim, tmp_path, printer=printer.target)
    try:
        flow = k.controller.payment.cash
        qtbot.waitUntil(lambda: flow.problem is None and flow.collector is not None, timeout=WAIT)
        to_collect(qtbot, k)
        screen = k.window.screens[Screen.COLLECT]
        flow.sim_device.insert(5_000)
        qtbot.waitUntil(lambda: format_rupiah(5_000) in texts(screen), timeout=WAIT)
        qtbot.mouseClick(screen.cancel, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: screen.print.isVisible(), timeout=WAIT)
        qtbot.mouseClick(screen.print, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: "Kertas printer struk habis. Ganti kertas dulu." in texts(screen), timeout=WAIT
        )
        assert screen.card.code.text()  # the code stays on screen to note down
        blocked = k.controller.nav.blocked
        assert blocked is not None and "Kertas printer struk habis" in blocked.id
    finally:
        k.controller.shutdown()
        k.runner.wait_idle(10_000)
        k.core.close()  # type: ignore[attr-defined]
        printer.close()
    assert b"VOUCHER PENGEMBALIAN UANG" not in bytes(printer.received)


def test_idle_reset_while_collecting_keeps_the_credit(qtbot, cash_kiosk: Kiosk) -> None:
    k = cash_kiosk
    to_collect(qtbot, k)
    screen = k.window.screens[Screen.COLLECT]
    k.controller.payment.cash.sim_device.insert(10_000)
    qtbot.waitUntil(lambda: format_rupiah(10_000) in texts(screen), timeout=WAIT)
    k.controller.payment.new_transaction()  # what the idle reset calls
    qtbot.waitUntil(lambda: screen.done.isVisible(), timeout=WAIT)
    assert format_rupiah(10_000) in texts(screen)
    assert k.controller.nav.screen is Screen.COLLECT  # the voucher first, home after
    journal_matches_device(k)


def test_a_voucher_is_credit_once(qtbot, cash_kiosk: Kiosk, screenshots_dir: Path) -> None:
    k = cash_kiosk
    to_collect(qtbot, k)
    screen = k.window.screens[Screen.COLLECT]
    k.controller.payment.cash.sim_device.insert(5_000)
    qtbot.waitUntil(lambda: format_rupiah(5_000) in texts(screen), timeout=WAIT)
    qtbot.mouseClick(screen.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.done.isVisible(), timeout=WAIT)
    code = screen.card.code.text()
    qtbot.mouseClick(screen.done, Qt.MouseButton.LeftButton)
    to_collect(qtbot, k)
    place = screen.use.mapTo(k.window, QPoint(0, 0))
    qtbot.mouseClick(screen.use, Qt.MouseButton.LeftButton)  # no keyboard: the keys come up
    assert screen.keys.isVisible()
    assert screen.use.mapTo(k.window, QPoint(0, 0)) == place  # below it, not under the finger
    for char in "C" + code.replace("-", ""):  # C is a letter of the code, not "clear"
        qtbot.mouseClick(screen.keys.buttons[char], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.keys.buttons[DELETE], Qt.MouseButton.LeftButton)
    assert screen.code.text() == "C" + code.replace("-", "")[:-1]
    qtbot.mouseClick(screen.keys.buttons[CLEAR_ALL], Qt.MouseButton.LeftButton)
    for char in code.replace("-", ""):
        qtbot.mouseClick(screen.keys.buttons[char], Qt.MouseButton.LeftButton)
    k.window.set_screen_size(800, 480)
    k.window.resize(800, 480)
    qtbot.waitUntil(lambda: k.window.width() == 800)
    k.window.grab().save(str(screenshots_dir / "cash-voucher-keys-800x480.png"))
    qtbot.mouseClick(screen.use, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.values[1].text() == format_rupiah(5_000), timeout=WAIT)
    assert not screen.keys.isVisible()
    qtbot.keyClicks(screen.code, code)
    qtbot.mouseClick(screen.use, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Voucher ini sudah dipakai." in texts(screen), timeout=WAIT)
    assert screen.values[1].text() == format_rupiah(5_000)


@pytest.mark.parametrize("kiosk_mode", [False, True], ids=["desktop", "kiosk"])
def test_the_voucher_keys_fit_a_small_panel(
    qtbot, cash_kiosk: Kiosk, kiosk_mode: bool, screenshots_dir: Path
) -> None:
    """800×480: the keys in three rows; title and money card give way while they are up."""
    k = cash_kiosk
    k.window.set_kiosk_mode(kiosk_mode)
    k.window.set_screen_size(800, 480)
    k.window.resize(800, 480)
    qtbot.waitUntil(lambda: k.window.size().toTuple() == (800, 480))
    to_collect(qtbot, k)
    screen = k.window.screens[Screen.COLLECT]
    qtbot.mouseClick(screen.use, Qt.MouseButton.LeftButton)  # no keyboard: the keys come up
    qtbot.waitUntil(lambda: screen.keys.isVisible())
    assert k.window.size().toTuple() == (800, 480)
    tappable = [screen.use, screen.cancel, *screen.keys.buttons.values()]
    for button in tappable:
        corner = button.mapTo(k.window, button.rect().bottomRight())
        assert corner.x() < 800 and corner.y() < 480, button.text()
        assert button.height() >= 40 and button.width() >= 48
    mode = "kiosk" if kiosk_mode else "desktop"
    k.window.grab().save(str(screenshots_dir / f"cash-voucher-keys-800x480-{mode}.png"))
    qtbot.mouseClick(screen.keys.buttons["A"], Qt.MouseButton.LeftButton)
    assert screen.code.text() == "A"


def test_collect_screen_in_english_and_at_kiosk_sizes(
    qtbot, cash_kiosk: Kiosk, screenshots_dir: Path
) -> None:
    k = cash_kiosk
    to_collect(qtbot, k)
    screen = k.window.screens[Screen.COLLECT]
    k.controller.nav.set_language("en")
    shown = " ".join(texts(screen))
    assert "This machine gives no change" in shown
    screen.grab().save(str(screenshots_dir / "cash-collect-en.png"))
    for width, height in ((800, 480), (1080, 1920)):
        k.window.set_screen_size(width, height)
        k.window.resize(width, height)
        qtbot.waitUntil(lambda w=width: k.window.width() == w)
        k.window.grab().save(str(screenshots_dir / f"cash-collect-{width}x{height}.png"))
        assert screen.cancel.isVisible()


def test_counter_pays_a_voucher_out_once_and_the_box_is_collected(
    qtbot, cash_kiosk: Kiosk, screenshots_dir: Path
) -> None:
    k = cash_kiosk
    to_collect(qtbot, k)
    screen = k.window.screens[Screen.COLLECT]
    k.controller.payment.cash.sim_device.insert(20_000)
    qtbot.waitUntil(lambda: format_rupiah(20_000) in texts(screen), timeout=WAIT)
    qtbot.mouseClick(screen.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.done.isVisible(), timeout=WAIT)
    code = screen.card.code.text()
    qtbot.mouseClick(screen.done, Qt.MouseButton.LeftButton)
    desk = k.window.cash_desk
    desk.action_pay_out.trigger()
    dialog = desk.dialog
    for expected in ("Berikan Rp 20.000 tunai", "Voucher ini sudah dipakai."):
        qtbot.keyClicks(dialog.code, code)
        qtbot.mouseClick(dialog.pay, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda e=expected: e in dialog.answer.text(), timeout=WAIT)
    dialog.accept()
    desk.action_collect.trigger()
    qtbot.waitUntil(lambda: desk.dialog is not dialog and desk.dialog.isVisible(), timeout=WAIT)
    report = desk.dialog
    assert report.counts[20_000].value() == 1  # the journal's count, to check by hand
    qtbot.mouseClick(report.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Disimpan:" in report.report.text(), timeout=WAIT)
    assert "Rp 20.000 x 1 = Rp 20.000" in report.report.text()
    report.grab().save(str(screenshots_dir / "cash-box-report.png"))
    assert k.controller.payment.cash.ledger.box() == {}  # the count restarts after the collection


def test_pending_holds_the_money_then_the_outcome_settles_it(qtbot, cash_kiosk: Kiosk) -> None:
    k = cash_kiosk
    total = to_collect(qtbot, k, "630000000001")
    notes = notes_for(total)
    with qtbot.waitSignal(k.controller.payment.payment_finished, timeout=WAIT * 2):
        for value in notes:
            k.controller.payment.cash.sim_device.insert(value)
    result = k.window.result
    qtbot.waitUntil(lambda: "Uang Anda disimpan" in texts(result), timeout=WAIT)
    assert format_rupiah(sum(notes)) in texts(result)  # held under the ref_id
    qtbot.waitUntil(lambda: "Voucher kembalian" in texts(result), timeout=WAIT)
    assert k.controller.payment.shown_result.state is PaymentState.SUCCESS
    assert format_rupiah(sum(notes) - total) in texts(result)
    journal_matches_device(k)


def test_a_cash_box_removed_mid_collection_says_so_and_blocks_new_payments(
    qtbot, cash_kiosk: Kiosk
) -> None:
    k = cash_kiosk
    to_collect(qtbot, k)
    screen = k.window.screens[Screen.COLLECT]
    k.controller.payment.cash.sim_device.insert(50_000)
    qtbot.waitUntil(lambda: format_rupiah(50_000) in texts(screen), timeout=WAIT)
    k.controller.payment.cash.sim_device.remove_box()
    qtbot.waitUntil(lambda: "Kotak uang dilepas." in texts(screen), timeout=WAIT)
    qtbot.mouseClick(screen.cancel, Qt.MouseButton.LeftButton)  # the 50.000 is not lost
    qtbot.waitUntil(lambda: screen.done.isVisible(), timeout=WAIT)
    assert "Voucher pengembalian uang" in texts(screen)
    qtbot.mouseClick(screen.done, Qt.MouseButton.LeftButton)
    assert (
        k.controller.nav.blocked is not None
        and "Kotak uang dilepas." in k.controller.nav.blocked.id
    )
    qtbot.mouseClick(k.window.home.tiles["pln"], Qt.MouseButton.LeftButton)
    assert k.controller.nav.screen is Screen.HOME  # no new payment without a working acceptor
    k.controller.payment.cash.sim_device.replace_box(emptied=False)
    qtbot.waitUntil(lambda: k.controller.nav.blocked is None, timeout=WAIT)


def test_cash_mode_without_a_working_acceptor_refuses_payments_in_words(
    qtbot, sim: Simulator, tmp_path: Path
) -> None:
    k = build_cash_kiosk(qtbot, sim, tmp_path, device="id003:/dev/loket-no-such-port")
    try:
        qtbot.waitUntil(lambda: k.controller.nav.blocked is not None, timeout=WAIT)
        assert "Mesin penerima uang" in k.controller.nav.blocked.id
        qtbot.mouseClick(k.window.home.tiles["pln"], Qt.MouseButton.LeftButton)
        assert k.controller.nav.screen is Screen.HOME
    finally:
        k.controller.shutdown()
        k.runner.wait_idle(10_000)
        k.core.close()  # type: ignore[attr-defined]


def test_a_restart_turns_what_the_last_run_held_into_vouchers(
    qtbot, sim: Simulator, tmp_path: Path
) -> None:
    from kiosk.journal import Journal

    journal = Journal(tmp_path / "journal.sqlite3")  # the last run, stopped mid-way
    ledger = journal.cash_ledger()
    ledger.open_session("COLLECTING", 50_000)
    ledger.note_credited("COLLECTING", 20_000)
    ledger.open_session("NEVER-SENT", 10_000)
    ledger.note_credited("NEVER-SENT", 10_000)
    ledger.start_paying("NEVER-SENT")  # stopped before the pay was journaled as sent
    journal.close()
    k = build_cash_kiosk(qtbot, sim, tmp_path)
    try:
        flow = k.controller.payment.cash
        qtbot.waitUntil(lambda: flow.ledger is not None, timeout=WAIT)
        for ref, amount in (("COLLECTING", 20_000), ("NEVER-SENT", 10_000)):
            session = flow.ledger.session(ref)
            assert session.voucher is not None and session.voucher.amount == amount
            assert session.voucher.reason == "refund"
        assert flow.ledger.unfinished() == []
    finally:
        k.controller.shutdown()
        k.runner.wait_idle(10_000)
        k.core.close()  # type: ignore[attr-defined]
