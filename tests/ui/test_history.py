"""The shopkeeper's history and daily closing, over a real journal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.journal import HistoryFilter, Journal, PaymentState
from kiosk.ui.history_model import HistoryModel
from kiosk.ui.history_view import HistoryView
from kiosk.ui.navigation import Screen
from tests.ui.conftest import Kiosk
from tests.ui.customer import pay_some


def test_model_passes_the_model_tester_and_fetches_lazily(
    qtbot, qtmodeltester, kiosk: Kiosk
) -> None:
    pay_some(qtbot, kiosk)
    model = HistoryModel(kiosk.controller.payment.service.journal)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.data(model.index(0, 1)) == "BPJS Kesehatan"
    assert model.data(model.index(0, 5)) == "Sukses"


def test_history_search_filter_open_and_export(
    qtbot, kiosk: Kiosk, tmp_path: Path, screenshots_dir: Path
) -> None:
    refs = pay_some(qtbot, kiosk)
    kiosk.window.history_requested.emit()  # the menu's Riwayat Transaksi
    view = kiosk.window.shop_windows.history
    assert isinstance(view, HistoryView)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.count.text() == "4 transaksi")
    view.search.setText("1013226")
    qtbot.waitUntil(lambda: not view.pending_filter)
    assert view.model.total == 1 and view.model.ref_id(0) == refs[1]
    view.search.setText("")
    view.state.setCurrentIndex(view.state.findData(PaymentState.FAILED))
    qtbot.waitUntil(lambda: not view.pending_filter)
    assert view.model.total == 1 and view.model.ref_id(0) == refs[2]
    view.state.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not view.pending_filter)
    view.grab().save(str(screenshots_dir / "history.png"))
    assert view.export_to(tmp_path / "out.csv") == 4
    assert refs[0] in (tmp_path / "out.csv").read_text()
    view.table.selectRow(view.model.rowCount() - 1)  # the oldest: the PLN payment
    with qtbot.waitSignal(kiosk.controller.payment.payment_finished, timeout=5000):
        view.open.click()
    assert kiosk.controller.nav.screen is Screen.RESULT
    assert kiosk.controller.payment.shown_result.ref_id == refs[0]


def test_pages_read_from_either_end_keep_the_order(qtbot, kiosk: Kiosk, monkeypatch) -> None:
    import kiosk.ui.history_model as history_model

    pay_some(qtbot, kiosk)
    monkeypatch.setattr(history_model, "PAGE", 3)  # 4 rows: one page from each end
    model = HistoryModel(kiosk.controller.payment.service.journal)
    expected = [
        row[7] for row in kiosk.controller.payment.service.journal.page(HistoryFilter(), 0, 100)
    ]
    assert [model.ref_id(i) for i in reversed(range(4))] == expected[::-1]
    assert [model.ref_id(i) for i in range(4)] == expected


def test_export_needs_the_admin_pin(qtbot, kiosk: Kiosk, tmp_path: Path) -> None:
    from kiosk.pin import hash_pin
    from kiosk.settings import Settings
    from kiosk.ui.desks import SettingsDesk

    kiosk.window.settings_desk = SettingsDesk(
        kiosk.window, Settings(admin_pin_hash=hash_pin("2468")), tmp_path / "s.json", lambda s: None
    )
    kiosk.window.history_requested.emit()
    view = kiosk.window.shop_windows.history
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.pending_filter)
    asked: list[bool] = []
    view.ask_export = lambda: asked.append(True)  # the file dialog is not under test here
    view.export.click()
    dialog = kiosk.window.shop_windows.pin_dialog
    assert dialog is not None and dialog.isVisible() and asked == []
    qtbot.keyClicks(dialog.field, "2468")
    with qtbot.waitSignal(dialog.accepted_pin, timeout=3000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert asked == [True]


def test_history_shows_whole_ref_ids_coloured_states_in_words_and_totals(
    qtbot, kiosk: Kiosk, screenshots_dir: Path
) -> None:
    from kiosk.money import format_rupiah
    from kiosk.ui.history_model import STATUS_COLOURS
    from kiosk.ui.theme import contrast

    refs = pay_some(qtbot, kiosk)
    kiosk.window.history_requested.emit()
    view = kiosk.window.shop_windows.history
    qtbot.addWidget(view)
    view.resize(1280, 720)
    qtbot.waitUntil(lambda: view.count.text() == "4 transaksi")
    table, model = view.table, view.model
    # every ref_id whole, and no sideways scrolling at 1280 wide
    assert not table.horizontalScrollBar().isVisible()
    metrics = table.fontMetrics()
    for ref in refs:  # drawn whole, not elided (a few pixels of cell margin to spare)
        assert (
            metrics.elidedText(ref, Qt.TextElideMode.ElideMiddle, table.columnWidth(7) - 8) == ref
        )
    assert table.visualRect(model.index(0, 7)).right() <= table.viewport().width()
    # status: a word in every cell, a colour behind it that reads (WCAG AA)
    words = {model.data(model.index(r, 5)) for r in range(4)}
    assert words == {"Sukses", "Gagal"}
    for fg, bg in STATUS_COLOURS.values():
        assert contrast(fg, bg) >= 4.5
    failed_row = [model.ref_id(r) for r in range(4)].index(refs[2])
    background = model.data(model.index(failed_row, 5), Qt.ItemDataRole.BackgroundRole)
    assert background.color().name().upper() == STATUS_COLOURS["failed"][1]
    # the totals row: count and sum of the filtered rows, and of the successful ones
    service = kiosk.controller.payment.service
    totals = [service.journal.get(r) for r in refs]
    everything = sum(e.total + e.shop_fee for e in totals)
    paid = sum(e.total + e.shop_fee for e in totals if e.state is PaymentState.SUCCESS)
    qtbot.waitUntil(lambda: view.totals is not None)  # summed in the worker
    assert view.sum.text() == format_rupiah(everything)
    assert view.success_sum.text() == f"Sukses: 3 transaksi, {format_rupiah(paid)}"
    view.state.setCurrentIndex(view.state.findData(PaymentState.FAILED))
    qtbot.waitUntil(lambda: view.count.text() == "1 transaksi" and view.totals is not None)
    assert view.sum.text() == format_rupiah(totals[2].total + totals[2].shop_fee)
    view.state.setCurrentIndex(0)
    qtbot.waitUntil(lambda: view.count.text() == "4 transaksi" and view.totals is not None)
    view.grab().save(str(screenshots_dir / "history-look.png"))


def test_on_a_small_panel_the_search_box_gets_its_own_row(qtbot, tmp_path: Path) -> None:
    view = HistoryView(Journal(tmp_path / "journal.sqlite3"))
    qtbot.addWidget(view)
    view.show()
    view.resize(784, 440)  # an 800×480 panel
    search = view.search
    qtbot.waitUntil(lambda: search.width() > 600)  # a box to type in, not "C…"
    assert search.geometry().bottom() < view.day_from.geometry().top()
    view.resize(1280, 720)
    # One row on a desktop: the dates sit beside the search box.
    qtbot.waitUntil(lambda: search.geometry().bottom() > view.day_from.geometry().center().y())


def test_on_a_small_panel_the_successes_total_is_read_whole(
    qtbot, kiosk: Kiosk, screenshots_dir: Path
) -> None:
    """At 800×480 the Total column ends near the right edge: the successes' sum, which
    sat to its right, was cut to "Sukses: 3 tra…". It takes a line of its own there."""
    pay_some(qtbot, kiosk)
    kiosk.window.history_requested.emit()
    view = kiosk.window.shop_windows.history
    qtbot.addWidget(view)
    view.resize(784, 440)
    qtbot.waitUntil(lambda: view.count.text() == "4 transaksi" and view.totals is not None)
    row, words = view.totals_row, view.success_sum
    qtbot.waitUntil(lambda: words.width() >= words.sizeHint().width())
    assert words.geometry().right() <= row.width()
    assert not words.geometry().intersects(view.sum.geometry())
    assert not words.geometry().intersects(view.count.geometry())
    view.grab().save(str(screenshots_dir / "history-800x480.png"))
    view.resize(1280, 720)  # room to spare: one line again, beside the Total column
    qtbot.waitUntil(lambda: words.geometry().top() == view.sum.geometry().top())
