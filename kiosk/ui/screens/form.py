"""Form: the product, where its number is printed, the field(s) and a keypad."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.bill_request import BillRequest
from kiosk.i18n import Text
from kiosk.money import format_rupiah
from kiosk.price_list import Choice
from kiosk.products import (
    EMONEY_AMOUNT,
    InputKind,
    Product,
    samsat_customer_no,
    validate_amount,
    validate_customer_no,
)
from kiosk.ui.icons import icon
from kiosk.ui.qt_names import set_enum
from kiosk.ui.screens.base import ScreenWidget
from kiosk.ui.theme import Scale
from kiosk.ui.widgets import repolish
from kiosk.ui.widgets.choice_picker import ChoicePicker
from kiosk.ui.widgets.keypad import EntryLayout, type_into


def _digits_field(max_len: int) -> QLineEdit:
    field = QLineEdit()
    field.setValidator(QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{max_len}}}")))
    set_enum(field, "inputMethodHints", "ImhDigitsOnly")
    return field


class FormScreen(ScreenWidget):
    """Signals: ``submitted(BillRequest)``, ``back_requested()``."""

    submitted = Signal(object)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.product: Product | None = None
        self._busy = False
        self._error: Text | str | None = None
        fields = QWidget()
        left = QVBoxLayout(fields)
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(8)
        self.column = left
        head = QHBoxLayout()
        self.icon = QLabel()
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        head.addWidget(self.icon)
        head.addWidget(self.title, 1)
        left.addLayout(head)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        left.addWidget(self.hint)
        self.picker = ChoicePicker()  # the bank or wallet, when the price list names them
        self.picker.chosen.connect(self._on_picker_chosen)
        left.addWidget(self.picker)
        self.choice_note = QLabel()  # Kirim Uang without a bank to choose: say so honestly
        self.choice_note.setObjectName("hint")
        self.choice_note.setWordWrap(True)
        left.addWidget(self.choice_note)
        self.label1, self.field1 = QLabel(), _digits_field(20)
        self.label2, self.field2 = QLabel(), _digits_field(20)
        self.amount_label, self.amount = QLabel(), _digits_field(8)
        self.inputs = QGridLayout()
        self.inputs.setVerticalSpacing(4)
        pairs: tuple[tuple[QLabel, QLineEdit], ...] = (
            (self.label1, self.field1),
            (self.label2, self.field2),
            (self.amount_label, self.amount),
        )
        for index, (label, field) in enumerate(pairs):
            label.setBuddy(field)
            field.returnPressed.connect(self._on_submit_clicked)
            field.textEdited.connect(self._on_field_edited)
            self.inputs.addWidget(label, 0, index)
            self.inputs.addWidget(field, 1, index)
        left.addLayout(self.inputs)
        self.quick = QGridLayout()
        self.quick_group = QButtonGroup(self)
        self.quick_values = list(EMONEY_AMOUNT.quick)  # the product's own, in show_product
        left.addLayout(self.quick)  # its buttons made for the first product with amounts
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        left.addWidget(self.error)
        self.entry = EntryLayout(self, fields)
        self.back, self.submit, self.keypad = self.entry.back, self.entry.submit, self.entry.keypad
        self.back.clicked.connect(self.back_requested)
        self.submit.clicked.connect(self._on_submit_clicked)
        self.keypad.key_pressed.connect(self._on_keypad_key_pressed)
        self._active = self.field1
        self.icon_side = 48
        self.short = False  # a short landscape screen (800×480): fewer extras shown
        self.quick_shown = len(self.quick_values)
        self._show_extras()  # hidden until a product needs them: the window's minimum stays small
        for field in (self.field1, self.field2, self.amount):
            field.installEventFilter(self)
        self.retranslate()

    def arrange(self, width: int, height: int, scale: Scale) -> None:
        """Keypad beside the fields in landscape, below them in portrait; the fields
        side by side when there are two and the screen is landscape."""
        self.entry.arrange(width, height, scale)
        self.column.setSpacing(scale.gap)
        self.quick.setSpacing(scale.gap)
        self.inputs.setHorizontalSpacing(scale.gap)
        self.icon_side = round(scale.h1 * 1.6)
        short = height < 560 and width > height
        self.quick_shown = 3 if short else len(self.quick_values)
        portrait = height > width  # a long list pages: 2 rows of buttons (3 on a totem)
        self.picker.set_grid(3 if short or width < 1000 else 4, 3 if portrait else 2)
        self.picker.set_spacing(scale.gap)
        self.short = short
        self._show_extras()
        if self.product is not None:
            self.icon.setPixmap(icon(self.product.icon).pixmap(self.icon_side, self.icon_side))

    # -- showing -----------------------------------------------------------------------

    def show_product(self, product: Product, choices: tuple[Choice, ...] = ()) -> None:
        """``choices``: the banks or wallets the price list names (none: no picker)."""
        self.product = product
        self.picker.set_choices(choices if product.nominal else (), self._picker_words())
        self.clear()
        self.icon.setPixmap(icon(product.icon).pixmap(self.icon_side, self.icon_side))
        self.field1.setMaxLength(product.rule.max_len)
        if product.amount is not None:  # this product's quick amounts and largest amount
            self.amount.setMaxLength(len(str(product.amount.max)))
            self.quick_values = list(product.amount.quick)
            self._make_quick_buttons()
            for index, button in enumerate(self.quick_group.buttons()):
                button.setText(format_rupiah(self.quick_values[index], self.lang))
        self._show_extras()
        self.retranslate()
        self.field1.setFocus()
        self._active = self.field1

    def _make_quick_buttons(self) -> None:
        """The quick amounts' buttons, made for the first product that has them: at a
        bill-paying counter they are never shown, and hidden buttons cost the memory of
        shown ones under the stylesheet (issue 16)."""
        for index in range(len(self.quick_group.buttons()), len(self.quick_values)):
            button = QPushButton()
            button.setObjectName("amount")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, i=index: self._on_quick_amount(i))
            self.quick_group.addButton(button, index)
            self.quick.addWidget(button, index // 3, index % 3)

    def _show_extras(self) -> None:
        """SAMSAT's second field; a nominal product's amount and quick amounts (one row
        of them on a short screen: the keypad types any other amount)."""
        kind = self.product.kind if self.product is not None else None
        samsat, emoney = kind is InputKind.SAMSAT, kind is InputKind.NOMINAL
        self.label2.setVisible(samsat)
        self.field2.setVisible(samsat)
        self.amount_label.setVisible(emoney)
        self.amount.setVisible(emoney)
        picking = emoney and bool(self.picker.choices)
        no_bank = self.product is not None and self.product.code == "kirimuang" and not picking
        # A short screen with a picker: the keypad types the amount; the hint and the title
        # row give their room, the picker's label names the product instead. Without one,
        # Kirim Uang's note takes the hint's place.
        compact = picking and self.short
        quick = 0 if compact else self.quick_shown
        for index, button in enumerate(self.quick_group.buttons()):
            button.setVisible(emoney and index < quick)
        self.icon.setVisible(not compact)
        self.title.setVisible(not compact)
        self.hint.setVisible(not compact and not (no_bank and self.short))
        self.picker.label.setText(self._picker_words())
        self.choice_note.setVisible(no_bank)
        self.picker.setVisible(picking)  # last: what makes room for it is hidden first

    def clear(self) -> None:
        for field in (self.field1, self.field2, self.amount):
            field.clear()
            field.setProperty("invalid", False)
            repolish(field)
        for button in self.quick_group.buttons():
            button.setChecked(False)
        self.picker.clear()
        self.set_busy(False)
        self.show_error(None)

    def show_error(self, message: Text | str | None) -> None:
        """A reason in words under the field (a Text follows the language)."""
        self._error = message
        text = message.get(self.lang) if isinstance(message, Text) else (message or "")
        self.error.setText(text)
        self.error.setAccessibleName(text)
        self.error.setVisible(bool(text))  # no empty line taking room on a short screen
        self.field1.setProperty("invalid", bool(text))
        repolish(self.field1)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.submit.setEnabled(not busy and not self._choice_missing())
        self.back.setEnabled(not busy)
        self.submit.setText(self.tr("Memeriksa…") if busy else self.submit_words())

    def _choice_missing(self) -> bool:
        """Choices exist and none is made yet: Lanjut waits for one."""
        return bool(self.picker.choices) and self.picker.chosen_code() is None

    def _picker_words(self) -> str:
        """ "Pilih bank tujuan"; "Kirim Uang · Pilih bank tujuan" when the title is hidden."""
        if self.product is not None and self.product.code == "emoney":
            words = self.tr("Pilih dompet digital")
        else:
            words = self.tr("Pilih bank tujuan")
        if self.product is not None and self.short and self.picker.choices:
            return f"{self.product.name.get(self.lang)} · {words}"
        return words

    def submit_words(self) -> str:
        """A bill is checked ("Cek Tagihan"); a nominal product has none: "Lanjut"."""
        if self.product is not None and self.product.nominal:
            return self.tr("Lanjut")
        return self.tr("Cek Tagihan")

    def retranslate(self) -> None:
        self.back.setText(self.tr("Kembali"))
        self.back.setAccessibleName(self.tr("Kembali ke menu"))
        if not self._busy:
            self.submit.setText(self.submit_words())
        self.submit.setAccessibleName(self.submit_words())
        rule = self.product.amount if self.product is not None else None
        self.amount_label.setText((rule or EMONEY_AMOUNT).label.get(self.lang))
        self.amount.setAccessibleName(self.amount_label.text())
        for index, button in enumerate(self.quick_group.buttons()):
            button.setText(format_rupiah(self.quick_values[index], self.lang))
        self.keypad.retranslate()
        self.picker.label.setText(self._picker_words())
        self.picker.retranslate()  # "Lainnya ›" in the language shown
        self.choice_note.setText(
            self.tr(
                "Bank penerima tidak dipilih di sini. Periksa nama pemilik rekening sebelum membayar."
            )
        )
        if self.product is not None:
            p = self.product
            self.title.setText(p.name.get(self.lang))
            self.hint.setText(p.hint.get(self.lang))
            self.label1.setText(p.field_label.get(self.lang))
            self.field1.setAccessibleName(p.field_label.get(self.lang))
            if p.second_label is not None:
                self.label2.setText(p.second_label.get(self.lang))
                self.field2.setAccessibleName(p.second_label.get(self.lang))
        self.show_error(self._error)

    # -- input -------------------------------------------------------------------------

    def eventFilter(self, watched: object, event: object) -> bool:
        from PySide6.QtCore import QEvent

        if (
            isinstance(watched, QLineEdit)
            and getattr(event, "type", lambda: None)() == QEvent.Type.FocusIn
        ):
            self._active = watched
        return False

    def _on_keypad_key_pressed(self, key: str) -> None:
        type_into(self._active, key)
        self._on_field_edited()

    def _on_picker_chosen(self, _code: str) -> None:
        self.picker.set_wanted(False)
        self.set_busy(self._busy)  # Lanjut may go now
        if self._error is not None:
            self.show_error(None)

    def _on_quick_amount(self, index: int) -> None:
        self.amount.setText(str(self.quick_values[index]))

    def _on_field_edited(self, *_: object) -> None:
        if self._error is not None:
            self.show_error(None)
        if self.sender() is self.amount:
            for button in self.quick_group.buttons():
                button.setChecked(False)

    def _on_submit_clicked(self) -> None:
        if self.product is None or self._busy:
            return
        if self._choice_missing():  # Enter in a field: Lanjut is disabled, point at the picker
            self.picker.set_wanted(True)
            return
        request = self.request()
        problem = validate_customer_no(self.product, request.customer_no)
        if problem is None:
            problem = validate_amount(self.product, request.amount)
        if problem is not None:
            self.show_error(problem)
            return
        self.submitted.emit(request)

    def request(self) -> BillRequest:
        assert self.product is not None
        number = self.field1.text()
        if self.product.kind is InputKind.SAMSAT:
            number = samsat_customer_no(number, self.field2.text())
        amount = int(self.amount.text()) if self.amount.text() else None
        if not self.product.nominal:
            amount = None
        code = self.picker.chosen_code() if self.product.nominal else None
        return BillRequest(code or self.product.code, number, amount)  # kiosk/price_list.py

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # a keyboard's key, not the customer's tap: qt_names

        if event.key() == Qt.Key.Key_Escape and self.back.isEnabled():
            self.back_requested.emit()
            return
        if event.text().isdigit() and not isinstance(self.focusWidget(), QLineEdit):
            self._on_keypad_key_pressed(event.text())
            return
        super().keyPressEvent(event)
