"""Pengaturan: the first-run form plus the shop's everyday settings.

Adds Adm Loket per product, kiosk mode, the idle timeout, the start-up language,
the low-balance warning, the receipt paper and the thermal printer. Like
:class:`~kiosk.ui.setup_view.SetupView` it only checks and emits; the
composition root saves the settings file and puts a new key in the keychain.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from kiosk.products import PRODUCTS
from kiosk.settings import IDLE_TIMEOUT_RANGE, PAPERS, Settings
from kiosk.ui.setup_view import SetupView

PRINTER_KINDS = ("usb", "serial", "network")
MAX_SHOP_FEE = 100_000


@dataclass(frozen=True, slots=True)
class KeyChange:
    """A new API key for ``username``, for the keychain only (``repr`` hides it)."""

    username: str
    key: str = field(repr=False)


class SettingsView(SetupView):
    """The Settings window (behind the admin PIN).

    Signals (besides ``test_requested`` and ``saved`` of :class:`SetupView`, which
    carries everything at once):
        settings_changed(Settings): "Simpan" with every field valid.
        key_changed(KeyChange): emitted just before ``settings_changed`` when a new
            key was typed. Connect either ``saved`` or these two, not both.
    """

    settings_changed = Signal(object)
    key_changed = Signal(object)

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        has_key: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(settings, has_key=has_key, parent=parent)
        self.resize(900, 760)  # the fees sit two to a row

    def build_sections(self) -> None:
        base = self.base
        self.kiosk_box, form = self._group()
        form.setFieldGrowthPolicy(form.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.kiosk = QCheckBox()
        self.kiosk.setChecked(base.kiosk_mode)
        form.addRow(self.kiosk)
        self.idle = self._spin(*IDLE_TIMEOUT_RANGE, step=15, value=base.idle_timeout_s)
        self.idle.setSuffix(" s")
        self.language = QComboBox()
        self.language.setMinimumWidth(200)
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(base.language)))
        self.low_balance = self._spin(0, 100_000_000, step=50_000, value=base.low_balance_warning)
        self.low_balance.setPrefix("Rp ")
        self.kiosk_labels = [QLabel() for _ in range(3)]
        for label, control in zip(
            self.kiosk_labels, (self.idle, self.language, self.low_balance), strict=True
        ):
            label.setBuddy(control)
            form.addRow(label, control)

        self.receipt_box, form = self._group()
        self.paper = QComboBox()
        for paper in PAPERS:
            self.paper.addItem(paper.upper() if paper == "a4" else paper, paper)
        self.paper.setCurrentIndex(max(0, self.paper.findData(base.paper)))
        self.paper_label = QLabel()
        self.paper_label.setBuddy(self.paper)
        form.addRow(self.paper_label, self.paper)
        self.thermal = self._line("thermal", form, base.thermal_printer)
        self.thermal.setPlaceholderText("usb:04b8:0202 · serial:/dev/ttyUSB0 · network:192.0.2.10")

        self.fees_box = QGroupBox()
        grid = QGridLayout(self.fees_box)
        self.fees: dict[str, QSpinBox] = {}
        for index, product in enumerate(PRODUCTS):
            box = self._spin(0, MAX_SHOP_FEE, step=500, value=base.shop_fee(product.code))
            box.setMinimumWidth(150)
            box.setPrefix("Rp ")
            label = QLabel(product.name.id.replace("&", "&&"))  # "&" is no shortcut here
            label.setBuddy(box)
            row, col = divmod(index, 2)
            grid.addWidget(label, row, col * 2)
            grid.addWidget(box, row, col * 2 + 1)
            self.fees[product.code] = box
        self.column.addWidget(self.fees_box)

    @staticmethod
    def _spin(low: int, high: int, *, step: int, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(low, high)
        box.setSingleStep(step)
        box.setValue(value)
        box.setGroupSeparatorShown(True)
        box.setMinimumWidth(200)
        box.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return box

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Pengaturan Loket"))
        self.heading.setText(self.tr("Pengaturan"))
        self.intro.setText(
            self.tr(
                "Perubahan berlaku setelah Simpan. Kunci API hanya disimpan di keychain sistem "
                "operasi; kosongkan kolom kunci untuk memakai kunci yang tersimpan."
            )
        )
        self.kiosk_box.setTitle(self.tr("Layar dan saldo"))
        self.receipt_box.setTitle(self.tr("Struk"))
        self.fees_box.setTitle(self.tr("Adm Loket per produk (biaya toko, Rp)"))
        self.kiosk.setText(self.tr("Mode kiosk (layar penuh untuk pelanggan)"))
        self.kiosk.setAccessibleName(self.kiosk.text())
        texts = (
            self.tr("Kembali ke menu jika diam"),
            self.tr("Bahasa saat mulai"),
            self.tr("Peringatan saldo di bawah"),
        )
        for label, text in zip(self.kiosk_labels, texts, strict=True):
            label.setText(text)
            label.buddy().setAccessibleName(text)
        self.paper_label.setText(self.tr("Kertas struk"))
        self.paper.setAccessibleName(self.paper_label.text())
        self.rows["thermal"].label.setText(self.tr("Printer thermal (kosong = tanpa)"))
        self.thermal.setAccessibleName(self.tr("Printer thermal"))
        for code, box in self.fees.items():
            name = next(p.name.id for p in PRODUCTS if p.code == code)
            box.setAccessibleName(self.tr("Adm Loket %1").replace("%1", name))

    def problems(self, names: tuple[str, ...]) -> dict[str, str]:
        found = super().problems(names)
        target = self.thermal.text().strip()
        if "thermal" in names and target and target.partition(":")[0] not in PRINTER_KINDS:
            found["thermal"] = self.tr(
                "Tulis usb:VID:PID, serial:/dev/ttyUSB0 atau network:ALAMAT[:PORT], "
                "atau kosongkan jika tanpa printer thermal."
            )
        return found

    def settings(self) -> Settings:
        return (
            super()
            .settings()
            .with_changes(
                kiosk_mode=self.kiosk.isChecked(),
                idle_timeout_s=self.idle.value(),
                language=self.language.currentData(),
                low_balance_warning=self.low_balance.value(),
                paper=self.paper.currentData(),
                thermal_printer=self.thermal.text().strip(),
                shop_fees={code: box.value() for code, box in self.fees.items() if box.value()},
            )
        )

    def emit_saved(self, settings: Settings, key: str | None) -> None:
        if key:
            self.key_changed.emit(KeyChange(settings.api_username, key))
        self.settings_changed.emit(settings)
        super().emit_saved(settings, key)
