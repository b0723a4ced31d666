"""The admin PIN prompt: masked digits, a big keypad, and the lock-out in words.

Non-blocking: open it with :meth:`PinDialog.ask` (or ``open()``) and listen for
``accepted_pin``; ``rejected`` comes from Batal or Esc. Every prompt shares the
app's one :class:`PinGuard`, which keeps the wrong tries on disk: the dialog
shows the tries left, and while locked the time left ("Terkunci, coba lagi
dalam N menit") with a countdown, and ignores the keypad. The guard's file I/O
and the scrypt check run in the worker; the dialog only shows the outcome.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kiosk.ui.widgets.keypad import Keypad, type_into

if TYPE_CHECKING:
    from kiosk.pin import PinGuard
    from kiosk.ui.tasks import TaskRunner

TOUCH_PX = 64
"""The smallest side of any button a finger presses here."""
KEY_PX = 72


class PinDialog(QDialog):
    """Signals:
    accepted_pin(): the right PIN was entered (then the dialog closes).
    pin_refused(): a try was refused (wrong PIN, locked, or the tries could not be saved)
        and the dialog shows why.
    lockout_loaded(): the guard's file was read and the tries/lock-out are on screen.
    rejected(): Batal or Esc (QDialog's own signal).
    """

    accepted_pin = Signal()
    pin_accepted = accepted_pin  # the older name, still used by the desks and kiosk mode
    pin_refused = Signal()
    lockout_loaded = Signal()

    def __init__(
        self,
        guard: PinGuard,
        purpose: str = "",
        parent: QWidget | None = None,
        *,
        stored_hash: str,
        runner: TaskRunner,
        beside: bool | None = None,
    ) -> None:
        """``beside``: the keypad beside the field, not under it (default: on a screen
        under 620 px tall, like an 800×480 panel, where the stacked dialog is ~590 px)."""
        super().__init__(parent)
        self.guard = guard
        self.stored_hash = stored_hash
        self.purpose = purpose
        self.runner = runner  # the app's worker: file I/O and scrypt stay off the GUI thread
        self.checking = False
        self._closed = False
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
        self.runner.submit(
            guard.load, on_done=self._on_guard_loaded, on_error=self._on_guard_failed
        )

    @classmethod
    def ask(
        cls,
        guard: PinGuard,
        purpose: str,
        parent: QWidget | None,
        on_accepted: Callable[[], object],
        *,
        stored_hash: str,
        runner: TaskRunner,
    ) -> PinDialog:
        """Open a non-blocking PIN prompt that calls ``on_accepted`` after the right PIN."""
        dialog = cls(guard, purpose, parent, stored_hash=stored_hash, runner=runner)
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

    def showEvent(self, event: QShowEvent) -> None:
        self._closed = False
        super().showEvent(event)

    def done(self, result: int) -> None:
        self._closed = True  # a check still in the worker must not open anything now
        self.countdown.stop()
        super().done(result)

    def refresh(self) -> None:
        """Show the lock-out time left, or the tries left, from the guard's last state."""
        wait = self.guard.locked_for()
        locked = wait > 0
        for widget in (self.field, self.keypad, self.ok):
            widget.setEnabled(not locked and not self.checking)
        if locked:
            minutes, seconds = divmod(math.ceil(wait), 60)
            self.message.setText(
                self.tr("Terlalu banyak PIN salah. Terkunci, coba lagi dalam %1 menit (%2).")
                .replace("%1", str(math.ceil(wait / 60)))
                .replace("%2", f"{minutes}:{seconds:02d}")
            )
            self.tries.setText(self._tries_text(after_lock=True))
            if not self.countdown.isActive():
                self.countdown.start()
            return
        if self.countdown.isActive():
            self.countdown.stop()
            self.message.clear()
            self.field.setFocus()
        self.tries.setText(self._tries_text() if self.guard.state.failures else "")

    def _tries_text(self, *, after_lock: bool = False) -> str:
        minutes = str(math.ceil(self.guard.next_lock_seconds() / 60))
        if after_lock:
            return self.tr("Setelah itu, satu PIN salah lagi mengunci %1 menit.").replace(
                "%1", minutes
            )
        return (
            self.tr("Sisa %1 kali percobaan sebelum PIN dikunci %2 menit.")
            .replace("%1", str(self.guard.tries_left()))
            .replace("%2", minutes)
        )

    def _on_keypad_key_pressed(self, key: str) -> None:
        type_into(self.field, key)

    def _on_ok_clicked(self) -> None:
        if self.checking or self.guard.locked_for() > 0:
            self.refresh()
            return
        pin = self.field.text()
        self.field.clear()
        self.checking = True
        self.refresh()
        guard, stored = self.guard, self.stored_hash
        self.runner.submit(
            lambda: guard.check(pin, stored),
            on_done=self._on_guard_checked,
            on_error=self._on_guard_failed,
        )

    def _on_guard_loaded(self, _state: object) -> None:
        if not isValid(self):
            return
        self.refresh()
        self.lockout_loaded.emit()

    def _on_guard_checked(self, right: bool) -> None:
        if not isValid(self) or self._closed:
            return
        self.checking = False
        if right:
            self.countdown.stop()
            self.accepted_pin.emit()
            self.accept()
            return
        self.refresh()
        if self.guard.locked_for() <= 0:
            self.message.setText(self.tr("PIN salah."))
            self.field.setFocus()  # disabled while checking: the keyboard types here again
        self.pin_refused.emit()

    def _on_guard_failed(self, exc: BaseException) -> None:
        """The tries could not be read or saved (a full or read-only disk): no PIN opens."""
        if not isValid(self) or self._closed:
            return
        self.checking = False
        self.refresh()
        self.message.setText(
            self.tr(
                "PIN tidak dapat diperiksa: catatan percobaan PIN tidak dapat disimpan. "
                "Periksa ruang disk, lalu coba lagi."
            )
        )
        self.pin_refused.emit()
