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
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import Text
from kiosk.money import format_rupiah
from kiosk.ui.screens.base import ScreenWidget
from kiosk.ui.theme import Scale
from kiosk.ui.widgets.voucher_card import VoucherCard
from kiosk.ui.widgets.voucher_keys import VoucherKeys, type_code

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
T_CANCEL_LONG = Text(
    "Batal, uang yang sudah masuk menjadi voucher", "Cancel, the money inserted becomes a voucher"
)
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
        # Its columns follow the width (``arrange``), so its width must not hold the
        # window wide: a narrower window gets fewer, taller columns.
        self.keys.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.keys.hide()
        self.typing = False
        """The voucher keys are up: they take the room of the money while a code is typed."""
        self.demo = QWidget()
        self.demo_grid = QGridLayout(self.demo)  # wraps into rows on a narrow screen
        self.demo_grid.setContentsMargins(0, 0, 0, 0)
        self.demo_buttons: list[QPushButton] = []
        self.demo_label = QLabel()
        self.demo_label.setObjectName("muted")
        for value in DEMO_NOTES:
            button = QPushButton(format_rupiah(value, "id").removeprefix("Rp "))  # narrow
            button.setAccessibleName(format_rupiah(value, "id"))
            button.setObjectName("amount")
            button.clicked.connect(lambda _=False, v=value: self.note_inserted.emit(v))
            self.demo_buttons.append(button)
        self.fake = QPushButton()
        self.fake.setObjectName("amount")
        self.fake.clicked.connect(self.counterfeit_inserted)
        self._demo_columns = 0
        self.demo_on = False
        self._place_demo(len(DEMO_NOTES) + 2)
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
        # The money on one side, what the customer does (a voucher, the demo's notes) on
        # the other: side by side on a short landscape panel, one under the other elsewhere.
        self.money_side = QWidget()
        left = QVBoxLayout(self.money_side)
        left.setContentsMargins(0, 0, 0, 0)
        for part in (self.intro, self.money, self.card):
            left.addWidget(part)
        left.addStretch(1)
        self.action_side = QWidget()
        right = QVBoxLayout(self.action_side)
        right.setContentsMargins(0, 0, 0, 0)
        for action in (self.said, self.voucher_row, self.keys, self.demo):
            right.addWidget(action)
        right.addStretch(1)
        self.side_by_side = False
        self._placed: tuple[bool, bool] | None = None
        self.clear()

    def arrange(self, width: int, height: int, scale: Scale) -> None:
        self.room = (width, height, scale)
        margin = round(scale.pad * 1.5)
        self.grid.setContentsMargins(margin, scale.pad, margin, scale.pad)
        self.grid.setVerticalSpacing(scale.gap)
        self.card.qr_side = max(96, min(220, height // 4))
        self.money_grid.setContentsMargins(scale.pad, scale.pad, scale.pad, scale.pad)
        self.money_grid.setVerticalSpacing(scale.gap)
        for button in (*self.demo_buttons, self.fake, self.cancel, self.print, self.done, self.use):
            button.setMinimumHeight(scale.touch)
        self.cancel.setMinimumWidth(scale.touch * 3)  # "Batal" and "Cancel" both fit
        self.print.setMinimumWidth(scale.touch * 3)
        # The acceptor's words keep a line of their own, so that their coming and going
        # moves no button under the customer's finger.
        self.said.ensurePolished()  # the stylesheet's font for this scale
        self.said.setMinimumHeight(self.said.fontMetrics().lineSpacing() + 4)
        self.grid.setHorizontalSpacing(scale.gap)
        room = width - 2 * margin
        self.side_by_side = width > height and height < 560
        if self.side_by_side:  # a short panel: every pixel of height counts
            self.grid.setContentsMargins(margin, scale.pad // 2, margin, scale.pad // 2)
        half = (room - scale.gap) // 2 if self.side_by_side else room
        self._place_demo(max(4, (half + scale.gap) // (scale.touch * 2 + scale.gap)))
        small = f"font-size: {scale.small}px; padding: 0 4px;"  # four to a row on a panel
        for button in (*self.demo_buttons, self.fake):
            button.setStyleSheet(small)
        # The voucher keys take the whole width while a code is typed: as many columns as
        # fit at a touch target's width (close together, like a keyboard's), so that a
        # short panel needs three rows of them, not five.
        gap = max(4, scale.gap // 2)
        columns = max(6, min(16, (room + gap) // (max(48, scale.touch) + gap)))
        self.keys.set_sizes(scale.touch, gap, columns=columns)
        self._place()

    def _place(self) -> None:
        """Put the two sides and the buttons in the grid for the screen's shape; while a
        voucher code is typed the keys' side takes the whole width."""
        typing = self.keys_take_screen
        key = (self.side_by_side, typing)
        if key == self._placed:
            return
        self._placed = key
        for widget in (self.title, self.money_side, self.action_side, self.buttons):
            self.grid.removeWidget(widget)
        if typing:  # the keys' side across the whole width, the money hidden meanwhile
            self.grid.addWidget(self.title, 0, 0, 1, 2)
            self.grid.addWidget(self.action_side, 1, 0, 1, 2)
            self.grid.addWidget(self.buttons, 2, 0, 1, 2)
        elif self.side_by_side:  # the title over the money; the buttons under the actions
            self.grid.addWidget(self.title, 0, 0)
            self.grid.addWidget(self.money_side, 1, 0, 2, 1)
            self.grid.addWidget(self.action_side, 0, 1, 2, 1)
            self.grid.addWidget(self.buttons, 2, 1)
        else:
            self.grid.addWidget(self.title, 0, 0, 1, 2)
            self.grid.addWidget(self.money_side, 1, 0, 1, 2)
            self.grid.addWidget(self.action_side, 2, 0, 1, 2)
            self.grid.addWidget(self.buttons, 3, 0, 1, 2)
        two = self.side_by_side and not typing
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1 if two else 0)
        for row in range(4):
            self.grid.setRowStretch(row, 0)
        # The buttons at the bottom: the customer's side (its own stretch inside) grows.
        self.grid.setRowStretch(1 if two or typing else 2, 1)
        self.money_side.setVisible(not typing)

    def _place_demo(self, columns: int) -> None:
        """The demo's note buttons in rows of ``columns`` (the label first)."""
        if columns == self._demo_columns:
            return
        self._demo_columns = columns
        widgets: list[QWidget] = [self.demo_label, *self.demo_buttons, self.fake]
        for widget in widgets:
            self.demo_grid.removeWidget(widget)
        for index, widget in enumerate(widgets):
            row, column = divmod(index, columns)
            span = columns - column if widget is self.fake else 1  # the last row's rest
            self.demo_grid.addWidget(widget, row, column, 1, span)

    # -- what the flow says ------------------------------------------------------------------

    def set_demo(self, on: bool) -> None:
        self.demo_on = on
        self.demo.setVisible(on and self.ended is None and not self.typing)

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
        if ended:
            self.typing = False
        # Keys away and the money's room made before anything else shows; the keys come
        # up only after the rest is hidden: a moment with both would widen the window.
        if not self.typing:
            self.keys.hide()
            self._place()
        self.title.setText(self.w(T_CANCELLED) if ended else self.w(T_INSERT))
        if self.accepted and not ended:  # still true after the first note: it stays
            from kiosk.cash.words import before_first_note

            self.intro.setText(before_first_note(self.accepted).get(self.lang))
        full = self.keys_take_screen
        # The accepted notes stay said for the whole collection: nothing moves after a note.
        self.intro.setVisible(bool(self.accepted) and not ended and not full)
        self.title.setVisible(not full)
        names = (self.w(T_TOTAL), self.w(T_CREDIT), self.w(T_DUE))
        view = self.view
        amounts = (view.total, view.credit, view.due) if view is not None else (0, 0, 0)
        for label, value, name, amount in zip(
            self.labels, self.values, names, amounts, strict=True
        ):
            label.setText(name)  # already in the screen's language
            value.setText(format_rupiah(amount, self.lang))
        self.money.setVisible(not ended and not full)
        self.demo.setVisible(self.demo_on and not ended and not self.typing)
        self.said.setText(self.note.get(self.lang) if self.note is not None else "")
        self.said.setVisible(self.note is not None or not full)  # its line kept
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
        if self.typing:
            self._place()
            self.keys.show()
        self.card.set_language(self.lang)

    @property
    def keys_take_screen(self) -> bool:
        """The voucher keys are up on a short panel: they take the whole width and the
        money's room. Elsewhere they come up under Pakai voucher and nothing moves."""
        return self.typing and self.side_by_side

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
