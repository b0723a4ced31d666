"""Collect: the customer inserts notes until the total is covered (``collection = cash``).

It says which notes are taken, that there is no change and that any excess becomes a
voucher; then the total, the credit the journal holds, what is still due, a line kept
for what the acceptor says, Batal, and "Pakai voucher". A note going in or being
refused changes words and amounts, never where a button is: the finger may already be
on its way. When the collection ends here (Batal, or a pay that could not be sent) it
shows the voucher and Selesai.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Text
from kiosk.money import format_rupiah
from kiosk.ui.screens.base import ScreenWidget
from kiosk.ui.theme import Scale
from kiosk.ui.widgets.voucher_card import VoucherCard
from kiosk.ui.widgets.voucher_keys import COLUMNS, WIDE_COLUMNS, VoucherKeys, type_code

if TYPE_CHECKING:
    from kiosk.ui.cash_flow import CashOutcome, CollectView

DEMO_NOTES = (2_000, 5_000, 10_000, 20_000, 50_000, 100_000)

# Core-style text pairs (not tr()): the cash words stay with the cash feature.
T_INSERT = Text("Masukkan uang kertas", "Insert banknotes")
T_CANCELLED = Text("Pembayaran dibatalkan", "Payment cancelled")
T_TOTAL = Text("Total Bayar", "Total to pay")
T_CREDIT = Text("Uang masuk", "Inserted")
T_DUE = Text("Kurang", "Still due")
T_CODE = Text("Kode voucher, mis. ABCDE-FGHJK", "Voucher code, e.g. ABCDE-FGHJK")
T_USE = Text("Pakai voucher", "Use voucher")
T_FAKE = Text("Uang palsu", "Counterfeit")
T_CANCEL = Text("Batal", "Cancel")
T_CANCEL_LONG = Text("Batal, uang yang sudah masuk menjadi voucher",
                     "Cancel, the money inserted becomes a voucher")  # fmt: skip
T_DONE = Text("Selesai", "Done")
T_PRINT = Text("Cetak Voucher", "Print voucher")
T_DEMO = Text("Demo:", "Demo:")


class CollectScreen(ScreenWidget):
    """Signals: ``cancel_requested()``, ``voucher_entered(str)``, ``done_requested()``,
    ``print_requested(CashSession)`` (the voucher of the collection that ended here),
    ``note_inserted(int)`` and ``counterfeit_inserted()`` (the demo panel only)."""

    cancel_requested = Signal()
    voucher_entered = Signal(str)
    done_requested = Signal()
    print_requested = Signal(object)
    note_inserted = Signal(int)
    counterfeit_inserted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: CollectView | None = None
        self.accepted: tuple[int, ...] = ()
        self.note: Text | None = None
        self.ended: CashOutcome | None = None
        self.typing = False
        """The voucher keys are up (the customer tapped Pakai voucher with no code)."""
        self.room: tuple[int, int, Scale] | None = None
        self.short = False
        """Too little height for the title, the notes words and the money card beside the
        voucher keys (800×480): while the keys are up, they give way."""
        self.grid = QGridLayout(self)
        self.title = QLabel()
        self.title.setObjectName("title")
        self.intro = QLabel()
        self.intro.setObjectName("notice")
        self.intro.setWordWrap(True)
        self.money = QFrame()
        self.money.setObjectName("card")
        money = QGridLayout(self.money)
        self.money_grid = money
        self.labels = [QLabel() for _ in range(3)]
        self.values = [QLabel() for _ in range(3)]
        for line, (label, shown) in enumerate(zip(self.labels, self.values, strict=True)):
            label.setObjectName("totalLabel" if line == 2 else "moneyLabel")
            shown.setObjectName("total" if line == 2 else "money")
            shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            money.addWidget(label, line, 0)
            money.addWidget(shown, line, 1)
        self.said = QLabel()
        self.said.setObjectName("error")
        self.said.setWordWrap(True)
        self.voucher_row = QWidget()
        vrow = QHBoxLayout(self.voucher_row)
        vrow.setContentsMargins(0, 0, 0, 0)
        self.code = QLineEdit()
        self.code.setMaxLength(11)
        self.code.returnPressed.connect(self._on_use_clicked)
        self.use = QPushButton()
        self.use.clicked.connect(self._on_use_clicked)
        vrow.addWidget(self.code, 1)
        vrow.addWidget(self.use)
        self.keys = VoucherKeys()  # no keyboard at a kiosk: the code's symbols on screen
        self.keys.key_pressed.connect(lambda key: type_code(self.code, key))
        self.keys.hide()
        self.demo = QWidget()
        demo = QHBoxLayout(self.demo)
        demo.setContentsMargins(0, 0, 0, 0)
        self.demo_buttons: list[QPushButton] = []
        self.demo_label = QLabel()
        self.demo_label.setObjectName("muted")
        demo.addWidget(self.demo_label)
        for value in DEMO_NOTES:
            button = QPushButton(format_rupiah(value, "id"))
            button.clicked.connect(lambda _=False, v=value: self.note_inserted.emit(v))
            demo.addWidget(button)
            self.demo_buttons.append(button)
        self.fake = QPushButton()
        self.fake.clicked.connect(self.counterfeit_inserted)
        demo.addWidget(self.fake)
        self.demo.hide()
        self.card = VoucherCard()
        self.buttons = QWidget()
        actions = QHBoxLayout(self.buttons)
        actions.setContentsMargins(0, 0, 0, 0)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.cancel_requested)
        self.done = QPushButton()
        self.done.setObjectName("primary")
        self.done.clicked.connect(self.done_requested)
        self.print = QPushButton()  # where Batal was: the voucher, on paper
        self.print.clicked.connect(self._on_print_clicked)
        actions.addWidget(self.cancel)
        actions.addWidget(self.print)
        actions.addStretch(1)
        actions.addWidget(self.done, 1)
        column = QVBoxLayout()
        for widget in (self.title, self.intro, self.money, self.said, self.card,
                       self.voucher_row, self.keys, self.demo):  # fmt: skip
            column.addWidget(widget)
        column.addStretch(1)
        self.grid.addLayout(column, 0, 0)
        self.grid.addWidget(self.buttons, 1, 0)
        self.clear()

    def arrange(self, width: int, height: int, scale: Scale) -> None:
        self.room = (width, height, scale)
        margin = round(scale.pad * 1.5)
        self.grid.setContentsMargins(margin, scale.pad, margin, scale.pad)
        self.grid.setVerticalSpacing(scale.gap)
        self.card.qr_side = max(96, min(220, height // 4))
        self.money_grid.setContentsMargins(scale.pad, scale.pad, scale.pad, scale.pad)
        self.money_grid.setVerticalSpacing(scale.gap)
        for button in (*self.demo_buttons, self.fake, self.cancel, self.print, self.done,
                       self.use):  # fmt: skip
            button.setMinimumHeight(scale.touch)
        self.cancel.setMinimumWidth(scale.touch * 3)  # "Batal" and "Cancel" both fit
        self.print.setMinimumWidth(scale.touch * 3)
        self.said.ensurePolished()  # the stylesheet's font for this scale
        lines = 1 if height < 520 else 2  # an 800×480 panel: one line, the messages are short
        self.said.setMinimumHeight(lines * self.said.fontMetrics().lineSpacing() + 4)
        key = max(48, min(scale.touch, height // 9))
        self.title.ensurePolished()
        self.money.ensurePolished()
        self.intro.ensurePolished()
        intro = self.intro.heightForWidth(width - 2 * margin) + scale.gap if self.accepted else 0
        around = (2 * scale.pad + 5 * scale.gap + 2 * scale.touch + self.title.sizeHint().height()
                  + self.money.sizeHint().height() + intro + self.said.minimumHeight())  # fmt: skip
        columns, across = COLUMNS, scale.key
        if height < around + self.keys.rows_for(COLUMNS) * (key + scale.gap):
            # A short panel: eleven keys a row (three rows) while each stays a finger's target.
            eleven = (width - 2 * margin - (WIDE_COLUMNS - 1) * scale.gap) // WIDE_COLUMNS
            if eleven >= 48:
                columns, across = WIDE_COLUMNS, min(eleven, scale.key)
        self.keys.set_sizes(key, scale.gap, across)
        self.keys.set_columns(columns)
        short = height < around + self.keys.rows * (key + scale.gap)
        if short != self.short:
            self.short = short  # the title and the money card give way to the keys
            self.retranslate()

    # -- what the flow says ------------------------------------------------------------------

    def set_demo(self, on: bool) -> None:
        self.demo.setVisible(on and self.ended is None)

    def set_accepted(self, values: tuple[int, ...]) -> None:
        self.accepted = values
        self.retranslate()
        if self.room is not None:
            self.arrange(*self.room)  # the notes words take room beside the keys

    def show_progress(self, view: CollectView) -> None:
        if self.view is not None and view.credit != self.view.credit:
            self.note = None  # a note went in: the last refusal no longer applies
            self._set_tone("")
        self.view = view
        self.retranslate()

    def show_message(self, words: Text, *, good: bool = False) -> None:
        self.note = words
        self._set_tone("ok" if good else "")
        self.retranslate()

    def _set_tone(self, tone: str) -> None:
        """Good news (the voucher printed) is not in the colour of a refusal."""
        if self.said.property("tone") != tone:
            from kiosk.ui.widgets import repolish

            self.said.setProperty("tone", tone)
            repolish(self.said)

    def show_outcome(self, outcome: CashOutcome) -> None:
        self.ended = outcome
        self.note = outcome.words
        self._set_tone("")
        self.card.show_session(outcome.session, self.lang)
        self.retranslate()

    def show_printed(self, words: Text, *, ok: bool) -> None:
        """What became of Cetak Voucher: printed, or why not."""
        self.show_message(words, good=ok)

    def _on_print_clicked(self) -> None:
        if self.ended is not None:
            self.print_requested.emit(self.ended.session)

    def clear(self) -> None:
        self.view, self.note, self.ended = None, None, None
        self._set_tone("")
        self.code.clear()
        self.typing = False
        self.card.show_session(None, self.lang)
        self.retranslate()

    def w(self, text: Text) -> str:
        return text.get(self.lang)

    def retranslate(self) -> None:
        ended = self.ended is not None
        self.title.setText(self.w(T_CANCELLED) if ended
                           else self.w(T_INSERT))  # fmt: skip
        if self.accepted and not ended:  # still true after the first note: it stays
            from kiosk.cash.words import before_first_note

            self.intro.setText(before_first_note(self.accepted).get(self.lang))
        typing = self.typing and not ended
        # The keys come up below Pakai voucher without moving it, unless the panel is short.
        self.intro.setVisible(bool(self.accepted) and not ended and not (typing and self.short))
        names = (self.w(T_TOTAL), self.w(T_CREDIT), self.w(T_DUE))
        view = self.view
        amounts = (view.total, view.credit, view.due) if view is not None else (0, 0, 0)
        for label, value, name, amount in zip(self.labels, self.values, names, amounts,
                                              strict=True):  # fmt: skip
            label.setText(name)  # already in the screen's language
            value.setText(format_rupiah(amount, self.lang))
        self.money.setVisible(not ended and not (typing and self.short))
        self.title.setVisible(not (typing and self.short))
        # In place with room kept for it, so words coming and going move nothing; only on
        # a short panel with the voucher keys up (the customer asked for them) is it theirs.
        self.said.setText(self.note.get(self.lang) if self.note is not None else "")
        self.said.setVisible(self.note is not None or not (typing and self.short))
        self.keys.setVisible(typing)  # after the hides: the window never grows past the panel
        self.voucher_row.setVisible(not ended)
        self.code.setPlaceholderText(self.w(T_CODE))
        self.use.setText(self.w(T_USE))
        self.fake.setText(self.w(T_FAKE))
        self.demo_label.setText(self.w(T_DEMO))
        self.cancel.setText(self.w(T_CANCEL))
        self.cancel.setAccessibleName(self.w(T_CANCEL_LONG))
        self.cancel.setVisible(not ended)
        self.done.setText(self.w(T_DONE))
        self.done.setVisible(ended)
        self.print.setText(self.w(T_PRINT))
        self.print.setVisible(self.ended is not None and self.ended.session.voucher is not None)
        if ended:
            self.demo.hide()
        self.card.set_language(self.lang)

    def _on_use_clicked(self) -> None:
        """Empty field: the keys come up to type the code; with a code: use it."""
        typed = self.code.text().strip()
        if not typed:
            self.typing = True
            self.retranslate()
            return
        self.code.clear()
        self.typing = False
        self.voucher_entered.emit(typed)
        self.retranslate()
