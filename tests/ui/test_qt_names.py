"""kiosk/ui/qt_names.py: Qt enum settings by name stay what ``Qt.`` would have set."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.ui import qt_names


def test_set_enum_sets_flags_by_name(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    qt_names.set_enum(label, "alignment", "AlignRight|AlignVCenter")
    assert label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    qt_names.set_enum(label, "textInteractionFlags", "TextSelectableByMouse")
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.TextSelectableByMouse


@pytest.mark.parametrize(("prop", "keys"), [("alignment", "AlignRigth"), ("alignmnet", "AlignTop")])
def test_a_misspelt_name_fails_loudly(qtbot, prop: str, keys: str) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match="cannot be set"):
        qt_names.set_enum(label, prop, keys)
