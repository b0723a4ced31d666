"""First-run setup and Settings: connection, key, shop, fees, kiosk and the admin PIN.

The key typed here goes into the OS keychain on Simpan and nowhere else; the
field is masked and cleared once saved. "Tes koneksi" checks the balance with
the typed values in the worker, before anything is stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.endpoints import PRODUCTION_URL
from kiosk.pin import hash_pin, valid_pin
from kiosk.products import PRODUCTS
from kiosk.settings import Settings
from kiosk.ui.theme import DESKTOP, stylesheet
from kiosk.ui.widgets import repolish


@dataclass(frozen=True, slots=True)
class ConnectionRequest:
    username: str
    key: str
    endpoint: str
    testing: bool

    def __repr__(self) -> str:  # never print the key, even in a traceback
        return f"ConnectionRequest(username={self.username!r}, endpoint={self.endpoint!r})"


@dataclass(frozen=True, slots=True)
class SetupResult:
    settings: Settings
    key: str | None
    """A new key to store in the keychain, or None to keep the stored one."""

    def __repr__(self) -> str:
        return f"SetupResult(settings=..., key={'<new>' if self.key else None})"


class SetupView(QWidget):
    """Signals: ``test_requested(ConnectionRequest)``, ``saved(SetupResult)``."""

    test_requested = Signal(object)
    saved = Signal(object)

    def __init__(self, settings: Settings, *, has_key: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base = settings
        self.has_key = has_key
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        column = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        api = QGroupBox(self.tr("Koneksi Digiswitch"))
        form = QFormLayout(api)
        self.username = QLineEdit(settings.api_username)
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(self.tr("(tersimpan di keychain)") if has_key else "")
        self.endpoint = QLineEdit(settings.endpoint or PRODUCTION_URL)
        self.testing = QCheckBox(self.tr("Mode testing (hanya untuk uji coba)"))
        self.testing.setChecked(settings.testing)
        self.test = QPushButton(self.tr("Tes koneksi"))
        self.test.clicked.connect(self._on_test_clicked)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        for label, widget in ((self.tr("Username API"), self.username), (self.tr("Kunci API"), self.key),
                              (self.tr("Endpoint"), self.endpoint), ("", self.testing),
                              ("", self.test), ("", self.test_result)):  # fmt: skip
            widget.setAccessibleName(label or widget.objectName())
            form.addRow(label, widget)
        column.addWidget(api)

        shop = QGroupBox(self.tr("Toko"))
        form = QFormLayout(shop)
        self.shop_name = QLineEdit(settings.shop_name)
        self.kiosk = QCheckBox(self.tr("Mode kiosk (layar penuh, untuk pelanggan)"))
        self.kiosk.setChecked(settings.kiosk_mode)
        self.idle = QSpinBox()
        self.idle.setRange(15, 600)
        self.idle.setValue(settings.idle_timeout_s)
        self.idle.setSuffix(" s")
        self.paper = QComboBox()
        for paper in ("58mm", "80mm", "a4"):
            self.paper.addItem(paper, paper)
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.paper)))
        self.thermal = QLineEdit(settings.thermal_printer)
        self.thermal.setPlaceholderText("usb:04b8:0202 · serial:/dev/ttyUSB0 · network:192.0.2.10")
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setPlaceholderText(self.tr("(tidak berubah)") if settings.admin_pin_hash else "")
        shop_rows: tuple[tuple[str, QWidget], ...] = ((self.tr("Nama toko"), self.shop_name), ("", self.kiosk),
                              (self.tr("Kembali ke menu jika diam"), self.idle),
                              (self.tr("Kertas struk"), self.paper),
                              (self.tr("Printer thermal"), self.thermal),
                              (self.tr("PIN admin baru (4–8 angka)"), self.pin))  # fmt: skip
        for label, field in shop_rows:
            field.setAccessibleName(label or self.kiosk.text())
            form.addRow(label, field)
        column.addWidget(shop)

        fees = QGroupBox(self.tr("Adm Loket per produk (Rp)"))
        grid = QGridLayout(fees)
        self.fees: dict[str, QSpinBox] = {}
        for index, prod in enumerate(PRODUCTS):
            box = QSpinBox()
            box.setRange(0, 100_000)
            box.setSingleStep(500)
            box.setValue(settings.shop_fee(prod.code))
            box.setAccessibleName(f"Adm Loket {prod.name.id}")
            grid.addWidget(QLabel(prod.name.id), index // 2, (index % 2) * 2)
            grid.addWidget(box, index // 2, (index % 2) * 2 + 1)
            self.fees[prod.code] = box
        column.addWidget(fees)

        bottom = QHBoxLayout()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.save = QPushButton(self.tr("Simpan"))
        self.save.setObjectName("primary")
        self.save.clicked.connect(self._on_save_clicked)
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.save)
        outer.addLayout(bottom)
        self.setWindowTitle(self.tr("Pengaturan Loket"))
        self.setStyleSheet(stylesheet(DESKTOP))  # a shopkeeper's form, even beside a kiosk
        self.resize(900, 760)

    def connection(self) -> ConnectionRequest:
        return ConnectionRequest(self.username.text().strip(), self.key.text().strip(),
                                 self.endpoint.text().strip(), self.testing.isChecked())  # fmt: skip

    def _on_test_clicked(self) -> None:
        self.test.setEnabled(False)
        self.test_result.setText(self.tr("Mengecek…"))
        self.test_requested.emit(self.connection())

    def show_test_result(self, ok: bool, message: str) -> None:
        self.test.setEnabled(True)
        self.test_result.setObjectName("" if ok else "error")
        repolish(self.test_result)
        self.test_result.setText(message)

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def _on_save_clicked(self) -> None:
        request = self.connection()
        if not request.username:
            self.show_error(self.tr("Isi username API."))
            return
        if not request.key and not self.has_key:
            self.show_error(self.tr("Isi kunci API."))
            return
        pin = self.pin.text()
        if pin and not valid_pin(pin):
            self.show_error(self.tr("PIN admin harus 4–8 angka."))
            return
        if not pin and not self.base.admin_pin_hash:
            self.show_error(self.tr("Buat PIN admin (4–8 angka) untuk Pengaturan dan mode kiosk."))
            return
        settings = self.base.with_changes(
            api_username=request.username, endpoint=request.endpoint, testing=request.testing,
            shop_name=self.shop_name.text().strip() or self.base.shop_name,
            kiosk_mode=self.kiosk.isChecked(), idle_timeout_s=self.idle.value(),
            paper=self.paper.currentData(), thermal_printer=self.thermal.text().strip(),
            admin_pin_hash=hash_pin(pin) if pin else self.base.admin_pin_hash,
            shop_fees={code: box.value() for code, box in self.fees.items() if box.value()},
        )  # fmt: skip
        self.show_error("")
        self.saved.emit(SetupResult(settings, request.key or None))
        self.key.clear()
        self.pin.clear()
