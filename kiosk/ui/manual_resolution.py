"""A person decides an unresolved payment (desktop History, behind the admin PIN).

The decision is journaled with who and why (for example the provider's CS
ticket); only after it can the same customer number be paid again. Nothing
is paid under a new ref_id while the old outcome is unknown.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

MIN_REASON = 5


class ManualResolutionDialog(QDialog):
    """Signals: ``decided(bool succeeded, str reason)``."""

    decided = Signal(bool, str)

    def __init__(self, ref_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ref_id = ref_id
        self.setWindowTitle(self.tr("Putuskan status pembayaran"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Status pembayaran %1 belum pasti. Putuskan hanya setelah memastikan ke penyedia "
                "(misalnya tiket CS). Keputusan ini dicatat di jurnal bersama alasannya."
            ).replace("%1", ref_id)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.failed = QRadioButton(self.tr("Gagal — tagihan tidak terbayar, uang dikembalikan"))
        self.succeeded = QRadioButton(self.tr("Sukses — tagihan sudah terbayar"))
        layout.addWidget(self.failed)
        layout.addWidget(self.succeeded)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Alasan, mis. tiket CS penyedia"))
        self.reason.setAccessibleName(self.tr("Alasan keputusan"))
        layout.addWidget(self.reason)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_buttons_accepted(self) -> None:
        reason = self.reason.text().strip()
        if not (self.failed.isChecked() or self.succeeded.isChecked()):
            self.error.setText(self.tr("Pilih Gagal atau Sukses."))
            return
        if len(reason) < MIN_REASON:
            self.error.setText(
                self.tr("Tulis alasannya (minimal %1 huruf).").replace("%1", str(MIN_REASON))
            )
            return
        self.decided.emit(self.succeeded.isChecked(), reason)
        self.accept()
