"""Opening the history over 100,000 journal rows and scrolling to the end, against a bare
QTableView over an in-memory list of 100,000 tuples, in the same run."""

from __future__ import annotations

import sqlite3
import statistics
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractTableModel, QEventLoop, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

from kiosk.journal import Journal
from kiosk.ui.history_view import HistoryView
from kiosk.ui.tasks import TaskRunner
from tests.bench.report import report

pytestmark = pytest.mark.bench
ROWS = 100_000
PAIRS = 9


def fill(path: Path) -> None:
    Journal(path).close()  # schema
    start = datetime(2026, 11, 24, 8, 0)
    with sqlite3.connect(path) as db:
        tx, ev, st = [], [], []
        for i in range(ROWS):
            at = (start + timedelta(seconds=i % 36000)).isoformat()
            ref = f"2611{i:010d}"
            tx.append(
                (
                    ref,
                    "pln",
                    f"53{i:010d}",
                    None,
                    "BUDI SANTOSO",
                    8000,
                    0,
                    2500,
                    10500,
                    0,
                    9500,
                    at,
                    "{}",
                )
            )
            ev.append((ref, at, "success", "00", None, f"SN{i}", None, "bench", None))
            st.append((ref, "success", "00", f"SN{i}", at, at, "pln", f"53{i:010d}"))
        db.executemany("INSERT INTO transactions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", tx)
        db.executemany(
            "INSERT INTO events (ref_id, at, state, rc, message, sn, balance, reason,"
            " reply) VALUES (?,?,?,?,?,?,?,?,?)",
            ev,
        )
        db.executemany(
            "INSERT INTO tx_state (ref_id, state, rc, sn, updated_at, created_at,"
            " product, customer_no) VALUES (?,?,?,?,?,?,?,?)",
            st,
        )


class TupleModel(QAbstractTableModel):
    def __init__(self, rows: list[tuple[str, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return (
            self.rows[index.row()][index.column()] if role == Qt.ItemDataRole.DisplayRole else None
        )


def scroll_to_end(view: QTableView) -> None:
    model = view.model()
    while model.canFetchMore(QModelIndex()):  # a model that fetches in chunks
        model.fetchMore(QModelIndex())
    view.scrollToBottom()
    QApplication.processEvents()


def test_history_against_a_bare_table(qapp, tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    fill(path)
    journal = Journal(path)
    runner = TaskRunner()  # as the app opens it: the totals row is summed in a worker
    ours, bare, summed = [], [], []
    for n in range(PAIRS + 1):  # interleaved: ours, bare, ours, bare …; pair 0 warms up
        start = time.perf_counter()
        view = HistoryView(journal, runner=runner)
        view.day_from.setDate(view.day_from.date().addYears(-1))
        view.show()
        while view.pending_filter or view.model.total == 0:  # the coalesced filter runs
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        scroll_to_end(view.table)
        ours.append(time.perf_counter() - start)
        assert view.model.rowCount() == ROWS
        while view.totals is None:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        summed.append(time.perf_counter() - start)
        assert view.totals.rows == ROWS
        view.close()
        view.deleteLater()

        start = time.perf_counter()
        rows = [
            (
                f"24-11-2026 {i}",
                "Listrik PLN",
                f"53{i:010d}",
                "BUDI SANTOSO",
                "Rp 10.500",
                "Sukses",
                f"SN{i}",
                f"2611{i:010d}",
            )
            for i in range(ROWS)
        ]
        table = QTableView()
        table.setModel(TupleModel(rows))
        table.show()
        scroll_to_end(table)
        bare.append(time.perf_counter() - start)
        table.close()
        table.deleteLater()
        if n == 0:  # first use of each class and module on both sides: not the open itself
            ours.clear(), bare.clear(), summed.clear()
    ratios = [a / b for a, b in zip(ours, bare, strict=True)]
    report(
        f"history over {ROWS:,} rows, open + scroll to end / bare QTableView over {ROWS:,} tuples",
        statistics.median(ratios),
        0.5,
        spread=(min(ratios), max(ratios)),
        detail=f"medians: history {statistics.median(ours) * 1000:.0f} ms, bare "
        f"{statistics.median(bare) * 1000:.0f} ms (the tuples built inside the timing); "
        f"the totals row (count and sums, read in a worker) filled after "
        f"{statistics.median(summed) * 1000:.0f} ms",
    )
