"""First-run setup: the Digiswitch connection, the shop's name and the admin PIN.

A thin form that checks what was typed and emits intent. The key field is masked (paste
works); the key leaves only inside a :class:`ConnectionRequest`/:class:`SetupResult`
(whose ``repr`` hides it) for the composition root to store in the keychain."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.endpoints import PRODUCTION_URL
from kiosk.pin import hash_pin, valid_pin
from kiosk.settings import Settings, endpoint_ok
from kiosk.ui.theme import COLOURS, DESKTOP, stylesheet
from kiosk.ui.widgets import repolish

EXTRA_STYLE = f"""QLabel#ok {{ color: {COLOURS["success"]}; font-weight: bold; }} QLabel#fieldError {{
  color: {COLOURS["danger"]}; font-weight: bold; }} QGroupBox {{ font-weight: bold; border: 1px solid {COLOURS["border"]}; border-radius: 8px;
  margin-top: 14px; padding: 18px 12px 10px 12px; background: {COLOURS["surface"]}; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; }}
QLineEdit {{ font-size: {DESKTOP.base + 2}px; min-height: 40px; }} QPushButton {{ min-height: 44px; }}
QSpinBox, QComboBox {{ min-height: 36px; padding: 0 8px; }} QCheckBox::indicator {{ width: 22px; height: 22px; }}"""


@dataclass(frozen=True, slots=True)
class ConnectionRequest:
    """What "Tes koneksi" should try. ``key`` is empty to use the stored key."""

    username: str
    key: str = field(repr=False)
    endpoint: str
    testing: bool


@dataclass(frozen=True, slots=True)
class SetupResult:
    """The settings to save, and a new key for the keychain (None: keep the stored one)."""

    settings: Settings
    key: str | None = field(default=None, repr=False)


class _Row:
    """A form row: its label, the control and the message in words under it."""

    def __init__(self, form: QFormLayout, control: QWidget) -> None:
        self.label, self.control, self.error = QLabel(), control, _hint("fieldError")
        self.label.setBuddy(control)
        self.error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (control, self.error):
            column.addWidget(widget)
        form.addRow(self.label, box)

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.control.setProperty("invalid", bool(text))
        repolish(self.control)


class SetupView(QWidget):
    """First-run setup form.

    Signals:
        test_requested(ConnectionRequest): "Tes koneksi" with valid connection fields.
        saved(SetupResult): "Simpan" with every field valid.
    """

    test_requested = Signal(object)
    saved = Signal(object)

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        has_key: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.base = settings or Settings()
        self.has_key = has_key
        self.rows: dict[str, _Row] = {}
        self._checked: tuple[str, ...] = ()
        outer = QVBoxLayout(self)
        self.heading, self.intro = _hint("subtitle"), _hint()
        outer.addWidget(self.heading)
        outer.addWidget(self.intro)
        scroll, body = QScrollArea(), QWidget()
        scroll.setWidgetResizable(True)
        self.column = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.connection_box, form = self._group()
        self.username = self._line("username", form, self.base.api_username)
        self.key = self._line("key", form, "")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)  # masked; paste still works
        self.key.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData)
        self.endpoint = self._line("endpoint", form, self.base.endpoint or PRODUCTION_URL)
        self.testing = QCheckBox()
        self.testing.setChecked(self.base.testing)
        form.addRow(self.testing)
        self.test = QPushButton()
        self.test.clicked.connect(self._on_test_clicked)
        self.test_result = _hint("")
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test)
        test_row.addWidget(self.test_result, 1)
        form.addRow(test_row)
        for control in (self.username, self.key, self.endpoint):
            control.textEdited.connect(self._on_connection_edited)
        self.testing.toggled.connect(self._on_connection_edited)

        self.shop_box, self.shop_form = self._group()
        self.shop_name = self._line("shop_name", self.shop_form, self.base.shop_name)
        self.shop_name.setMaxLength(40)
        self.build_sections()

        self.pin_box, form = self._group()
        self.pin_hint = _hint()
        form.addRow(self.pin_hint)
        self.pin = self._line("pin", form, "")
        self.pin_repeat = self._line("pin_repeat", form, "")
        for pin in (self.pin, self.pin_repeat):
            pin.setEchoMode(QLineEdit.EchoMode.Password)
            pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}")))
            pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)

        bottom = QHBoxLayout()
        self.error = _hint("error")
        self.save = QPushButton()
        self.save.setObjectName("primary")
        self.save.setDefault(True)
        self.save.clicked.connect(self._on_save_clicked)
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.save)
        outer.addLayout(bottom)
        self.column.addStretch(1)
        from kiosk.ui.widgets.wheel_guard import guard_wheel

        self.wheel_guard = guard_wheel(self)  # the wheel scrolls the form, not its values
        self.setStyleSheet(stylesheet(DESKTOP) + EXTRA_STYLE)  # a shopkeeper's form
        self.resize(760, 720)
        self.retranslate_ui()

    def build_sections(self) -> None:
        """Hook: sections between the shop and the PIN (``SettingsView`` adds its own)."""

    def _group(self) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox()
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.column.addWidget(box)
        return box, form

    def _line(self, name: str, form: QFormLayout, text: str) -> QLineEdit:
        line = QLineEdit(text)
        self.rows[name] = _Row(form, line)
        return line

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every ``tr()`` text again (called on ``QEvent.LanguageChange``)."""
        self.setWindowTitle(self.tr("Penyiapan Loket"))
        self.heading.setText(self.tr("Selamat datang di Loket"))
        self.intro.setText(
            self.tr(
                "Isi akun Digiswitch Anda, nama toko dan PIN admin. Kunci API disimpan di keychain "
                "sistem operasi, tidak di file."
            )
        )
        self.connection_box.setTitle(self.tr("Koneksi Digiswitch"))
        self.shop_box.setTitle(self.tr("Toko"))
        self.pin_box.setTitle(self.tr("PIN admin"))
        labels = {
            "username": self.tr("Username API"),
            "key": self.tr("Kunci API"),
            "endpoint": self.tr("Alamat server (endpoint)"),
            "shop_name": self.tr("Nama toko"),
            "pin": self.tr("PIN admin baru (4–8 angka)"),
            "pin_repeat": self.tr("Ulangi PIN"),
        }
        for name, text in labels.items():
            self.rows[name].label.setText(text)
            self.rows[name].control.setAccessibleName(text)
        self.key.setPlaceholderText(
            self.tr("(tersimpan di keychain; isi hanya untuk mengganti)") if self.has_key else ""
        )
        self.endpoint.setPlaceholderText(PRODUCTION_URL)
        for control, text in (
            (self.testing, self.tr("Mode testing (uji coba, bukan transaksi nyata)")),
            (self.test, self.tr("Tes koneksi")),
            (self.save, self.tr("Simpan")),
        ):
            control.setText(text)
            control.setAccessibleName(text)
        self.test_result.setAccessibleName(self.tr("Hasil tes koneksi"))
        keep = self.tr("Kosongkan untuk tidak mengubah PIN.") if self.base.admin_pin_hash else ""
        self.pin_hint.setText(
            self.tr("PIN admin membuka Pengaturan, ekspor Riwayat dan keluar dari mode kiosk.")
            + " "
            + keep
        )
        self.error.setAccessibleName(self.tr("Pesan kesalahan"))
        if self._checked:
            self._validate(self._checked)

    def problems(self, names: tuple[str, ...]) -> dict[str, str]:
        """What is wrong with the named fields, in words (empty when all is well)."""
        username, key, pin = self.username.text().strip(), self.key.text().strip(), self.pin.text()
        rules = (
            ("username", not username, self.tr("Isi username API dari akun Digiswitch Anda.")),
            (
                "username",
                len(username.split()) > 1,
                self.tr("Username API tidak boleh berisi spasi."),
            ),
            (
                "key",
                not (key or (self.has_key and username == self.base.api_username)),
                self.tr("Isi kunci API (salin dari halaman akun Digiswitch)."),
            ),
            (
                "key",
                len(key.split()) > 1,
                self.tr("Kunci API tidak boleh berisi spasi. Salin ulang kuncinya."),
            ),
            (
                "endpoint",
                not endpoint_ok(self.endpoint.text().strip() or PRODUCTION_URL),
                self.tr("Alamat harus diawali https:// (http:// hanya untuk 127.0.0.1)."),
            ),
            (
                "shop_name",
                not self.shop_name.text().strip(),
                self.tr("Isi nama toko; nama ini tampil di layar dan struk."),
            ),
            (
                "pin",
                not (pin or self.base.admin_pin_hash),
                self.tr("Buat PIN admin (4–8 angka) untuk Pengaturan dan mode kiosk."),
            ),
            ("pin", bool(pin) and not valid_pin(pin), self.tr("PIN admin harus 4–8 angka.")),
            (
                "pin_repeat",
                valid_pin(pin) and self.pin_repeat.text() != pin,
                self.tr("Ulangan PIN tidak sama. Ketik PIN yang sama dua kali."),
            ),
        )
        found: dict[str, str] = {}
        for name, bad, text in rules:
            if bad and name in names:
                found.setdefault(name, text)
        return found

    def _validate(self, names: tuple[str, ...]) -> bool:
        self._checked = names
        found = self.problems(names)
        for name in set(names) & set(self.rows):
            self.rows[name].set_error(found.get(name, ""))
        self.show_error(next(iter(found.values()), ""))
        return not found

    def connection(self) -> ConnectionRequest:
        return ConnectionRequest(
            self.username.text().strip(),
            self.key.text().strip(),
            self.endpoint.text().strip() or PRODUCTION_URL,
            self.testing.isChecked(),
        )

    def settings(self) -> Settings:
        """The form's values over the settings it was opened with."""
        request, pin = self.connection(), self.pin.text()
        return self.base.with_changes(
            api_username=request.username,
            endpoint=request.endpoint,
            testing=request.testing,
            shop_name=self.shop_name.text().strip() or self.base.shop_name,
            admin_pin_hash=hash_pin(pin) if pin else self.base.admin_pin_hash,
        )

    def show_test_result(self, ok: bool, message: str) -> None:
        """The answer to ``test_requested``: ``message`` is already in words."""
        self.test.setEnabled(True)
        self.test_result.setObjectName("ok" if ok else "fieldError")
        repolish(self.test_result)
        self.test_result.setText(("✔ " if ok else "✖ ") + message)

    def show_error(self, message: str) -> None:
        """A message near Simpan (e.g. the keychain refused the key)."""
        self.error.setText(message)

    def _on_connection_edited(self) -> None:
        self.test_result.clear()  # an old answer no longer describes these values

    def _on_test_clicked(self) -> None:
        if not self._validate(("username", "key", "endpoint")):
            return
        self.test.setEnabled(False)
        self.test_result.setObjectName("")
        repolish(self.test_result)
        self.test_result.setText(self.tr("Mengecek koneksi…"))
        self.test_requested.emit(self.connection())

    def _on_save_clicked(self) -> None:
        if not self._validate(tuple(self.rows)):
            return
        self._checked = ()
        self.emit_saved(self.settings(), self.connection().key or None)
        for secret in (self.key, self.pin, self.pin_repeat):
            secret.clear()

    def emit_saved(self, settings: Settings, key: str | None) -> None:
        self.saved.emit(SetupResult(settings, key))


def _hint(name: str = "hint") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    return label
