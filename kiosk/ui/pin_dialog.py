"""The admin PIN prompt: masked digits, a big keypad, and the lock-out in words.

Non-blocking: open it with :meth:`PinDialog.ask` (or ``open()``) and listen for
``accepted_pin``; ``rejected`` comes from Batal or Esc. The :class:`PinGuard`
counts wrong tries and locks for five minutes after five; while locked the
dialog shows the time left and ignores the keypad.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.pin import LOCK_SECONDS, PinGuard
from kiosk.ui.widgets.keypad import Keypad, type_into

TOUCH_PX = 64
"""The smallest side of any button a finger presses here."""
KEY_PX = 72


class PinDialog(QDialog):
    """Signals:
    accepted_pin(): the right PIN was entered (then the dialog closes).
    rejected(): Batal or Esc (QDialog's own signal).
    """

    accepted_pin = Signal()
    pin_accepted = accepted_pin  # the older name, still used by the desks and kiosk mode

    def __init__(self, guard: PinGuard, purpose: str = "", parent: QWidget | None = None,
                 *, beside: bool | None = None) -> None:  # fmt: skip
        """``beside``: the keypad beside the field, not under it (default: on a screen
        under 620 px tall, like an 800×480 panel, where the stacked dialog is ~590 px)."""
        super().__init__(parent)
        self.guard = guard
        self.purpose = purpose
        self.setModal(True)
        font = self.font()
        font.setPointSize(max(14, font.pointSize()))
        self.setFont(font)
        if beside is None:
            screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
            beside = screen is not None and screen.availableGeometry().height() < 620
        outer = QHBoxLayout(self)
        outer.setSpacing(24)
        outer.setSizeConstraint(QVBoxLayout.SizeConstraint.SetFixedSize)  # grows with messages
        layout = QVBoxLayout()
        layout.setSpacing(12)
        outer.addLayout(layout)
        self.setMinimumWidth(KEY_PX * 3 + 120)
        self.title = QLabel()
        self.title.setObjectName("subtitle")
        self.title.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(8)
        self.field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}")))
        self.field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setMinimumHeight(TOUCH_PX)
        big = self.field.font()
        big.setPointSize(max(24, big.pointSize()))
        self.field.setFont(big)
        self.field.returnPressed.connect(self._on_ok_clicked)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.tries = QLabel()
        self.tries.setObjectName("hint")
        self.tries.setWordWrap(True)
        self.keypad = Keypad()
        for button in self.keypad.buttons.values():
            button.setMinimumSize(KEY_PX, KEY_PX)
        self.keypad.key_pressed.connect(self._on_keypad_key_pressed)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        self.cancel = QPushButton()
        self.ok = QPushButton()
        self.ok.setObjectName("primary")
        self.ok.setDefault(True)
        for button in (self.cancel, self.ok):
            button.setMinimumHeight(TOUCH_PX)
        self.cancel.clicked.connect(self.reject)
        self.ok.clicked.connect(self._on_ok_clicked)
        buttons.addWidget(self.cancel, 1)
        buttons.addWidget(self.ok, 2)
        for widget in (self.title, self.field, self.message, self.tries):
            layout.addWidget(widget)
        if beside:
            layout.addStretch(1)
            outer.addWidget(self.keypad)
        else:
            layout.addWidget(self.keypad)
        layout.addLayout(buttons)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self.refresh)
        self.retranslate_ui()

    @classmethod
    def ask(cls, guard: PinGuard, purpose: str, parent: QWidget | None,
            on_accepted: Callable[[], object]) -> PinDialog:  # fmt: skip
        """Open a non-blocking PIN prompt that calls ``on_accepted`` after the right PIN."""
        dialog = cls(guard, purpose, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted_pin.connect(on_accepted)
        dialog.open()
        return dialog

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("PIN Admin"))
        self.title.setText(self.purpose or self.tr("Masukkan PIN admin"))
        self.field.setAccessibleName(self.tr("PIN admin"))
        self.field.setPlaceholderText(self.tr("4–8 angka"))
        self.cancel.setText(self.tr("Batal"))
        self.cancel.setAccessibleName(self.cancel.text())
        self.ok.setText(self.tr("OK"))
        self.ok.setAccessibleName(self.tr("OK, periksa PIN"))
        self.message.setAccessibleName(self.tr("Pesan PIN"))
        self.tries.setAccessibleName(self.tr("Sisa percobaan"))
        self.keypad.retranslate()
        self.refresh()

    def refresh(self) -> None:
        """Show the lock-out time left, or unlock the keypad when it is over."""
        wait = self.guard.locked_for()
        locked = wait > 0
        for widget in (self.field, self.keypad, self.ok):
            widget.setEnabled(not locked)
        if locked:
            minutes, seconds = divmod(int(wait + 0.999), 60)
            self.message.setText(self.tr("Terlalu banyak PIN salah. Coba lagi dalam %1.")
                                 .replace("%1", f"{minutes}:{seconds:02d}"))  # fmt: skip
            self.tries.clear()
            if not self.countdown.isActive():
                self.countdown.start()
        elif self.countdown.isActive():
            self.countdown.stop()
            self.message.clear()
            self.field.setFocus()

    def _on_keypad_key_pressed(self, key: str) -> None:
        type_into(self.field, key)

    def _on_ok_clicked(self) -> None:
        if self.guard.locked_for() > 0:
            self.refresh()
            return
        if self.guard.check(self.field.text()):
            self.countdown.stop()
            self.accepted_pin.emit()
            self.accept()
            return
        self.field.clear()
        if self.guard.locked_for() > 0:
            self.refresh()
            return
        self.message.setText(self.tr("PIN salah."))
        left = self.guard.tries_left()
        self.tries.setText(self.tr("Sisa %1 kali percobaan sebelum PIN dikunci %2 menit.")
                           .replace("%1", str(left))
                           .replace("%2", str(int(LOCK_SECONDS // 60))))  # fmt: skip
