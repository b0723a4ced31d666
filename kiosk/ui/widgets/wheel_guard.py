"""A form that scrolls must not change its values under the wheel.

Over a spin box or combo box that has not been clicked into, the mouse wheel
scrolls the form instead of changing the value (a shopkeeper scrolling
Settings once turned the receipt paper into A4 without noticing).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False  # clicked into: the wheel changes the value, as expected
        parent = watched.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            QCoreApplication.sendEvent(parent.verticalScrollBar(), event)
        return True


def guard_wheel(form: QWidget) -> WheelGuard:
    """Guard every spin box and combo box inside ``form``; keep the returned guard."""
    from PySide6.QtCore import Qt  # late: the Qt namespace is slow to build

    guard = WheelGuard(form)
    for control in (*form.findChildren(QAbstractSpinBox), *form.findChildren(QComboBox)):
        control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        control.installEventFilter(guard)
    return guard
