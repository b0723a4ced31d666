"""Guards against Qt binding releases that would crash a long-running kiosk."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextDocument


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_the_reference_count_of_none(qapp) -> None:
    # PySide6 6.12.0 decremented None's count on every void call; after enough calls
    # None is freed and the process dies ("none_dealloc") — hours into a kiosk's day.
    holder, timer, doc = QObject(), QTimer(), QTextDocument()
    before = sys.getrefcount(None)
    for _ in range(500):
        holder.setObjectName("x")
        timer.setInterval(5)
        doc.setTextWidth(100.0)
    assert sys.getrefcount(None) >= before - 10
