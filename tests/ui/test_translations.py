"""English is complete: every string the views show has a finished translation,
the shipped .qm matches the .ts, and the desks' own strings switch too."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from tests.ui.conftest import Kiosk

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "loket_en.ts"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} comes with PySide6"
    return found


def test_every_string_in_the_views_has_a_finished_english_translation(tmp_path: Path) -> None:
    copy = tmp_path / "loket_en.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "kiosk" / "ui").rglob("*.py"))
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *sources,
            "-ts",
            str(copy),
            "-source-language",
            "id",
            "-target-language",
            "en",
            "-no-obsolete",
        ],
        check=True,
        capture_output=True,
    )
    text = copy.read_text(encoding="utf-8")
    missing = [
        re.search(r"<source>(.*?)</source>", block, re.S).group(1)  # type: ignore[union-attr]
        for block in re.findall(r"<message>(.*?)</message>", text, re.S)
        if 'type="unfinished"' in block
    ]
    assert missing == [], "run lupdate and translate these (README, Languages)"


def test_the_shipped_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    built = tmp_path / "loket_en.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(built)], check=True, capture_output=True
    )
    assert built.read_bytes() == TS.with_suffix(".qm").read_bytes(), "run lrelease"


def test_settings_strings_switch_to_english(qtbot, kiosk: Kiosk) -> None:
    text = "Terhubung. Saldo %1"
    assert QCoreApplication.translate("SettingsDesk", text) == text
    kiosk.controller.nav.set_language("en")
    try:
        assert QCoreApplication.translate("SettingsDesk", text) == "Connected. Balance %1"
    finally:
        kiosk.controller.nav.set_language("id")
