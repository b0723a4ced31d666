"""The main window only composes: the header, the step bar and a stack of screens,
each made on first use (``screen_factory``) and kept up to date by ``view_updates``;
the menu for the shopkeeper's desks; the scale and the room each screen gets."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QRect, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.i18n import Lang
from kiosk.settings import Settings
from kiosk.ui.controller import KioskController
from kiosk.ui.navigation import Screen
from kiosk.ui.screen_factory import build_screen
from kiosk.ui.screens.base import ScreenWidget
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.theme import Scale, scale_for, stylesheet
from kiosk.ui.view_updates import ViewUpdates
from kiosk.ui.widgets.steps import StepIndicator

if TYPE_CHECKING:
    from kiosk.pin import PinGuard
    from kiosk.ui.screens.confirm import ConfirmScreen
    from kiosk.ui.screens.form import FormScreen
    from kiosk.ui.screens.processing import ProcessingScreen
    from kiosk.ui.screens.result import ResultScreen
    from kiosk.ui.screens.status_check import StatusCheckScreen


STEPS = {
    Screen.FORM: 0,
    Screen.CONFIRM: 1,
    Screen.COLLECT: 2,
    Screen.PROCESSING: 2,
    Screen.RESULT: 3,
}
"""Nomor → Cek → Bayar → Struk: the step each screen marks (home and Cek Status: none)."""


class MainWindow(QMainWindow):
    """Signals: ``history_requested()``, ``closing_requested()``, ``settings_requested()``,
    ``screen_built(Screen)`` when a screen is made on first use."""

    history_requested = Signal()
    closing_requested = Signal()
    settings_requested = Signal()
    screen_built = Signal(object)

    def __init__(
        self,
        controller: KioskController,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        kiosk: bool | None = None,
        pin_guard: PinGuard | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._pin_guard = pin_guard
        self.pin_lockout_file: Path | None = None
        """Where the guard made on first use keeps its count (the demo's own file)."""
        # Helpers the composition root attaches so they live as long as the window.
        self.switcher: Any = None
        self.collector: Any = None  # kiosk.ui.gui_gc: cycles are freed on this thread
        self.shop_windows: Any = None
        self.receipts: Any = None
        self.kiosk_mode: Any = None
        self.settings_desk: Any = None
        self.voucher_card: Any = None
        self.cash_desk: Any = None
        self.allow_close = True
        # Built from the window down: a widget made first and moved under the window later
        # would be styled twice (Qt re-styles a moved widget's whole subtree under an
        # application stylesheet), ~10 ms of the first frame for the home screen.
        central = QWidget()
        self.setCentralWidget(central)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.stack = QStackedWidget(central)
        self.steps = StepIndicator(central)
        self.steps.hide()
        self.home = HomeScreen(settings.shop_name, self.stack)
        # Only the home screen is built for the first frame; the others on first use.
        self.screens: dict[Screen, ScreenWidget] = {Screen.HOME: self.home}
        self.stack.addWidget(self.home)
        column.addWidget(self.home.header)  # the header stays on every screen
        column.addWidget(self.steps)
        column.addWidget(self.stack, 1)
        self._menu()
        self.updates = ViewUpdates(self)
        self.set_language(controller.nav.lang)
        # The scale for the first frame: kiosk sizes when the settings say kiosk (KioskMode
        # confirms it), so the stylesheet is poured once, not again a moment later.
        self.kiosk = settings.kiosk_mode if kiosk is None else kiosk
        screen = QGuiApplication.primaryScreen()
        self.screen_size = (
            (screen.size().width(), screen.size().height()) if screen else (1280, 800)
        )
        self.scale: Scale = scale_for(*self.screen_size, kiosk=self.kiosk)
        self._arranged: tuple[int, int, Scale] | None = None
        # Sized first, then scaled: the home is arranged once, for the size it is shown
        # at, not first for Qt's default 640×480 as well (~1.5 ms of the first frame).
        if screen is not None and self.kiosk:
            self.cover_screen()
        elif screen is not None:
            self.fit_to_screen(screen.availableGeometry())
        else:
            self.resize(1280, 800)
        self.apply_scale(self.scale)

    def pin_guard(self) -> PinGuard:
        """The one admin-PIN guard of every prompt this window opens (Settings, export,
        leaving kiosk mode): the composition root's, else one over the config folder's
        lock-out file, made on first use."""
        if self._pin_guard is None:
            from kiosk.paths import AppPaths
            from kiosk.pin import PinGuard

            path = self.pin_lockout_file or AppPaths.default().pin_lockout_file
            self._pin_guard = PinGuard(path)
        return self._pin_guard

    def _menu(self) -> None:
        bar = self.menuBar()
        self.menu_shop = bar.addMenu("")
        self.action_history = QAction(self)
        self.action_closing = QAction(self)
        self.action_settings = QAction(self)
        self.action_about = QAction(self)
        self.action_history.triggered.connect(self.history_requested)
        self.action_closing.triggered.connect(self.closing_requested)
        self.action_settings.triggered.connect(self.settings_requested)
        self.action_about.triggered.connect(self._on_about_triggered)
        for action in (
            self.action_history,
            self.action_closing,
            self.action_settings,
            self.action_about,
        ):
            self.menu_shop.addAction(action)

    def screen_for(self, kind: Screen) -> ScreenWidget:
        """The screen for ``kind``, built and wired the first time it is needed."""
        found = self.screens.get(kind)
        if found is not None:
            return found
        made = build_screen(kind, self)
        self.stack.addWidget(made)
        self.screens[kind] = made
        made.arrange(*self._room(), self.scale)
        self.screen_built.emit(kind)
        if kind is Screen.RESULT:
            from kiosk.ui.cash_views import attach_result_voucher

            attach_result_voucher(self)  # the card itself on the first cash session
        return made

    @property
    def form(self) -> FormScreen:
        return cast("FormScreen", self.screen_for(Screen.FORM))

    @property
    def confirm(self) -> ConfirmScreen:
        return cast("ConfirmScreen", self.screen_for(Screen.CONFIRM))

    @property
    def processing(self) -> ProcessingScreen:
        return cast("ProcessingScreen", self.screen_for(Screen.PROCESSING))

    @property
    def result(self) -> ResultScreen:
        return cast("ResultScreen", self.screen_for(Screen.RESULT))

    @property
    def status(self) -> StatusCheckScreen:
        return cast("StatusCheckScreen", self.screen_for(Screen.STATUS))

    def set_language(self, lang: Lang) -> None:
        for screen in self.screens.values():
            screen.set_language(lang)
        self.menu_shop.setTitle(self.tr("&Toko"))
        self.action_history.setText(self.tr("&Riwayat Transaksi"))
        self.action_closing.setText(self.tr("&Tutup Kasir"))
        self.action_settings.setText(self.tr("&Pengaturan"))
        self.action_about.setText(self.tr("&Tentang Loket"))
        self.steps.retranslate()
        self.setWindowTitle(self.tr("Loket — Pembayaran Tagihan"))

    def set_kiosk_mode(self, kiosk: bool) -> None:
        """Kiosk mode: no menu (History and Settings sit behind the admin PIN), touch
        sizes, and a public header (no deposit, "Siap" / "Sedang gangguan")."""
        self.menuBar().setVisible(not kiosk)
        self.home.set_public(kiosk)
        self.kiosk = kiosk
        self.apply_scale(scale_for(*self.screen_size, kiosk=kiosk))

    def set_screen_size(self, width: int, height: int) -> None:
        """Scale type and sizes for a screen of this size (tests; a moved window)."""
        self.screen_size = (width, height)
        self.apply_scale(scale_for(width, height, kiosk=self.kiosk))

    def apply_scale(self, scale: Scale) -> None:
        """Pour ``scale`` into the application's stylesheet (only when it changes: a
        stylesheet is parsed again on every set) and lay the screens out again."""
        self.scale = scale
        app = QApplication.instance()
        if isinstance(app, QApplication):
            sheet = stylesheet(scale)
            if app.styleSheet() != sheet:
                app.setStyleSheet(sheet)
        self.home.header.set_sizes(
            logo=max(32, scale.lang - 16),
            height=scale.header,
            margin=round(scale.pad * 1.5),
            chip=round(scale.base * 2),
        )
        self.steps.row.setContentsMargins(scale.pad, scale.gap // 2, scale.pad, scale.gap // 2)
        self._arrange()

    def fit_to_screen(self, available: QRect) -> None:
        """The desktop window opens inside the available screen (a 1366×768 laptop with a
        task bar gets a window that fits, title bar included), centred, at most 1280×800."""
        from kiosk.ui.window_fit import inside

        rect = inside(available, 1280, 800, least=(640, 400))
        self.resize(rect.size())
        self.move(rect.topLeft())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()
        screen = self.screen()
        if self.kiosk and self.isVisible() and screen is not None:
            area = screen.geometry()
            hint = self.minimumSizeHint()
            fits = hint.width() <= area.width() and hint.height() <= area.height()
            larger = self.width() > area.width() or self.height() > area.height()
            if fits and larger:
                # A moment's larger screen (a card shown before another hid) grew the
                # window past the panel; with no window manager nothing brings it back.
                QTimer.singleShot(0, self, self.cover_screen)

    def cover_screen(self) -> None:
        """Kiosk mode: the window takes the whole screen itself. Many kiosks run X with
        no window manager, where fullscreen alone does not cover the panel."""
        screen = self.screen()
        if screen is not None and self.kiosk:
            self.setGeometry(screen.geometry())

    def _room(self, *, steps: bool = True) -> tuple[int, int]:
        """The room a screen has: the window below the menu, the header and the steps."""
        width, height = self.width(), self.height() - self.scale.header
        if self.menuBar().isVisibleTo(self):
            height -= self.menuBar().sizeHint().height()
        if steps:
            height -= self.scale.small + self.scale.gap + 12
        return width, height

    def _arrange(self) -> None:
        """Every built screen gets the room below the header (and the step bar)."""
        width, height = self._room(steps=False)
        key = (width, height, self.scale)
        if key == self._arranged:
            return
        self._arranged = key
        self.home.arrange(width, height, self.scale)
        room = self._room()
        for kind, screen in self.screens.items():
            if kind is not Screen.HOME:
                screen.arrange(*room, self.scale)

    def show_screen(self, screen: Screen) -> None:
        """Bring ``screen`` up with its step marked (Nomor → Cek → Bayar → Struk)."""
        self.stack.setCurrentWidget(self.screen_for(screen))
        step = STEPS.get(screen)
        if step is not None:
            self.steps.set_step(step)
        self.steps.setVisible(step is not None)

    def _on_about_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from kiosk import __version__

        QMessageBox.about(
            self,
            self.tr("Tentang Loket"),
            self.tr("Loket %1 — kiosk pembayaran tagihan (PPOB).").replace("%1", __version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.allow_close:  # kiosk mode: leave it with the admin PIN first
            event.ignore()
            return
        if self.controller.payment.paying:
            event.ignore()
            from PySide6.QtWidgets import QMessageBox  # not at import: off the first frame

            QMessageBox.warning(
                self,
                self.tr("Pembayaran sedang diproses"),
                self.tr("Tunggu sampai pembayaran selesai sebelum menutup Loket."),
            )
            return
        self.controller.shutdown()
        super().closeEvent(event)
