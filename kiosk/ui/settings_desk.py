"""Pengaturan behind the admin PIN, and the first-run setup; the connection test and the
keychain run in the worker."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from kiosk.settings import Settings
from kiosk.ui.shop_desk import delete_on_close
from kiosk.ui.window_fit import show_fitted

log = logging.getLogger("kiosk.ui")

if TYPE_CHECKING:
    from kiosk.pin import PinGuard
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.settings_view import SettingsView
    from kiosk.ui.setup_view import ConnectionRequest, SetupResult


class SettingsDesk:
    """Pengaturan (behind the admin PIN) and the first-run setup.

    Tes koneksi and Simpan run in the worker: the balance call is network I/O and
    the keychain may be a D-Bus round trip.
    """

    def __init__(
        self,
        window: MainWindow,
        settings: Settings,
        settings_file: Path,
        on_saved: Callable[[Settings], None],
        *,
        demo: bool = False,
        pin_guard: PinGuard | None = None,
    ) -> None:
        self.window, self.settings, self.file, self.on_saved = (
            window,
            settings,
            settings_file,
            on_saved,
        )
        self.demo = demo
        """The demo uses the simulator's public credentials: no keychain involved."""
        self.view: SettingsView | None = None
        self.dialog: Any = None
        self._pin_guard = pin_guard  # None: the window's one guard, looked up when asked
        window.settings_requested.connect(self.open_guarded)

    def open_guarded(self) -> None:
        if not self.settings.admin_pin_hash:
            self.open()  # first set-up: no PIN exists yet
            return
        self.ask_pin(
            QCoreApplication.translate("SettingsDesk", "PIN admin untuk Pengaturan"), self.open
        )

    def ask_pin(self, purpose: str, then: Callable[[], object]) -> None:
        """Run ``then`` after the right admin PIN; without a PIN set, say how to set one."""
        if not self.settings.admin_pin_hash:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                self.window,
                purpose,
                QCoreApplication.translate(
                    "SettingsDesk",
                    "PIN admin belum diatur. Atur di Pengaturan atau 'python -m kiosk config set-pin'.",
                ),
            )
            return
        from kiosk.ui.pin_dialog import PinDialog

        guard = self._pin_guard or self.window.pin_guard()
        self.dialog = PinDialog(
            guard,
            purpose,
            self.window,
            stored_hash=self.settings.admin_pin_hash,
            runner=self.window.controller.runner,
        )
        self.dialog.pin_accepted.connect(then)
        self.dialog.open()

    def open(self) -> None:
        """Asks the keychain whether a key is stored (a D-Bus round trip) in the
        worker, then shows the form."""
        username = self.settings.api_username
        if self.demo:
            self._show_view(True)
            return

        def stored() -> bool:
            from kiosk.keychain import KeychainError, has_key

            try:
                return bool(username) and has_key(username)
            except KeychainError:
                return False

        self.window.controller.runner.submit(
            stored, on_done=self._show_view, on_error=lambda _exc: self._show_view(False)
        )

    def _show_view(self, has_key: bool) -> None:
        from kiosk.ui.settings_view import SettingsView

        view = SettingsView(self.settings, has_key=has_key)
        view.setAttribute(delete_on_close())
        view.test_requested.connect(self._on_view_test_requested)
        view.saved.connect(self._on_view_saved)
        self.view = view
        show_fitted(view)

    def _on_view_test_requested(self, request: ConnectionRequest) -> None:
        def check() -> str:
            from kiosk.api.client import DigiswitchClient
            from kiosk.keychain import key_provider

            provider = (lambda: request.key) if request.key else key_provider(request.username)
            client = DigiswitchClient(
                base_url=request.endpoint,
                username=request.username,
                key_provider=provider,
                testing=request.testing,
            )
            try:
                return str(client.balance())
            finally:
                client.close()

        self.window.controller.runner.submit(
            check, on_done=self._on_test_done, on_error=self._on_test_error
        )

    def _on_test_done(self, balance: str) -> None:
        from kiosk.money import format_rupiah

        if self.view is not None:
            from decimal import Decimal

            amount = format_rupiah(int(Decimal(balance)), self.window.controller.nav.lang)
            self.view.show_test_result(
                True,
                QCoreApplication.translate("SettingsDesk", "Terhubung. Saldo %1").replace(
                    "%1", amount
                ),
            )

    def _on_test_error(self, exc: BaseException) -> None:
        from kiosk.ui.error_words import explain

        if self.view is not None:
            self.view.show_test_result(
                False, self._words(exc) or explain(exc).get(self.window.controller.nav.lang)
            )

    def _words(self, exc: BaseException) -> str:
        user_message = getattr(exc, "user_message", None)
        return str(user_message(self.window.controller.nav.lang)) if callable(user_message) else ""

    def _on_view_saved(self, result: SetupResult) -> None:
        def store() -> Settings:
            from kiosk import keychain
            from kiosk import settings as settings_store

            if result.key and not self.demo:
                keychain.set_key(result.settings.api_username, result.key)
            settings_store.save(self.file, result.settings)
            return result.settings

        self.window.controller.runner.submit(
            store, on_done=self._on_saved_done, on_error=self._on_saved_error
        )

    def _on_saved_done(self, settings: Settings) -> None:
        self.settings = settings
        if self.view is not None:
            self.view.close()
        self.on_saved(settings)

    def _on_saved_error(self, exc: BaseException) -> None:
        if self.view is not None:
            self.view.show_error(self._words(exc) or str(exc))
