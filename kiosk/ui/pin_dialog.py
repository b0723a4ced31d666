"""The admin PIN prompt: masked digits, a big keypad, and the lock-out in words."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.pin import PinGuard
from kiosk.ui.widgets.keypad import Keypad, type_into


class PinDialog(QDialog):
    """Signals: ``pin_accepted()`` after a right PIN (then the dialog closes)."""

    pin_accepted = Signal()

    def __init__(self, guard: PinGuard, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guard = guard
        self.setWindowTitle(self.tr("PIN Admin"))
        layout = QVBoxLayout(self)
        self.title = QLabel(purpose)
        self.title.setObjectName("subtitle")
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(8)
        self.field.setAccessibleName(self.tr("PIN admin"))
        self.field.returnPressed.connect(self._on_ok_clicked)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.keypad = Keypad()
        self.keypad.key_pressed.connect(self._on_keypad_key_pressed)
        buttons = QHBoxLayout()
        self.cancel = QPushButton(self.tr("Batal"))
        self.ok = QPushButton(self.tr("OK"))
        self.ok.setObjectName("primary")
        self.cancel.clicked.connect(self.reject)
        self.ok.clicked.connect(self._on_ok_clicked)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok, 1)
        for widget in (self.title, self.field, self.message, self.keypad):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self._show_lock()

    def _show_lock(self) -> bool:
        wait = self.guard.locked_for()
        if wait > 0:
            minutes = max(1, round(wait / 60))
            self.message.setText(self.tr("Terlalu banyak PIN salah. Coba lagi dalam %1 menit.")
                                 .replace("%1", str(minutes)))  # fmt: skip
        return wait > 0

    def _on_keypad_key_pressed(self, key: str) -> None:
        type_into(self.field, key)

    def _on_ok_clicked(self) -> None:
        if self._show_lock():
            return
        if self.guard.check(self.field.text()):
            self.pin_accepted.emit()
            self.accept()
            return
        self.field.clear()
        if not self._show_lock():
            self.message.setText(self.tr("PIN salah."))
