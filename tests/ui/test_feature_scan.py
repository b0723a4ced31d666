"""PySide6 reads the whole source of each module imported after it (looking for
``from __feature__``); the app spares that scan, ~10 ms of its first frame (issue 16)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import linecache
import {first}
import kiosk.journal.reports
from kiosk.ui import history_view
print(sorted(name for name in linecache.cache if "/kiosk/" in name))
"""


def _sources_read(first: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(first=first)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return [name.rsplit("/kiosk/", 1)[-1] for name in eval(out.stdout)]


def test_modules_imported_after_the_ui_package_are_not_read_for_pyside() -> None:
    assert set(_sources_read("kiosk.ui")) <= {"ui/feature_scan.py"}


def test_without_it_pyside_would_read_them() -> None:
    """The check above can fail: with PySide6 imported first, PySide reads the sources."""
    assert {"__init__.py", "journal/states.py"} <= set(_sources_read("PySide6.QtWidgets"))
