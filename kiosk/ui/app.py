"""The composition root: build settings, client, journal, service, controller
and window, wire them, and run. Nothing else creates these objects."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from kiosk.i18n import Lang, Text
from kiosk.resources import resource
from kiosk.settings import Settings
from kiosk.ui import app_files
from kiosk.ui.app_files import AppOptions
from kiosk.ui.controller import KioskController
from kiosk.ui.main_window import MainWindow
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import DESKTOP, KIOSK, stylesheet

if TYPE_CHECKING:
    from kiosk.composition import Core
    from kiosk.pin import PinGuard

log = logging.getLogger("kiosk")


NOT_CONFIGURED = Text(
    "Loket belum diatur. Petugas toko: isi jendela Pengaturan yang terbuka, atau jalankan "
    "'python -m kiosk config set-key --username NAMA' (coba juga 'python -m kiosk --demo').",
    "Loket is not set up yet. Shop staff: fill in the Settings window that opened, or run "
    "'python -m kiosk config set-key --username NAME' (or try 'python -m kiosk --demo').",
)


class _AfterFirstPaint(QObject):
    """Calls ``then`` once, right after the window's first frame is painted."""

    def __init__(self, window: QObject, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then: Callable[[], object] | None = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self._then)
            self._then = None
        return False


class LanguageSwitcher:
    """Installs the English translation at runtime (source strings are Indonesian)."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        # One translator per application, however many windows come and go.
        found = app.findChild(QTranslator, "loket_en")
        if found is None:
            found = QTranslator(app)
            found.setObjectName("loket_en")
            found.load(str(resource("translations", "loket_en.qm")))
        self.translator = found
        self.loaded = not found.isEmpty()

    def apply(self, lang: str) -> None:
        self.app.removeTranslator(self.translator)
        if lang == "en" and self.loaded:
            self.app.installTranslator(self.translator)
        # By name: ``QLocale.Language`` would build a Python enum of ~350 languages.
        QLocale.setDefault(QLocale("en" if lang == "en" else "id"))


def build_window(
    *,
    core: Core | None,
    settings: Settings,
    runner: TaskRunner,
    lang: str = "id",
    receipts_dir: Path | None = None,
    pin_guard: PinGuard | None = None,
    kiosk: bool | None = None,
    desks: bool = True,
) -> MainWindow:
    """The real window around the given core (tests hand in one on a loopback client).
    ``desks=False``: the shopkeeper's desks are added later with :func:`add_desks` (the
    app does it after the first frame: none of them is drawn on it)."""
    app = QApplication.instance()
    controller = KioskController(
        core=core, settings=settings, runner=runner, lang="en" if lang == "en" else "id"
    )
    switcher = None
    if isinstance(app, QApplication):
        # Connected before the window's own slots: the translator is in place
        # by the time the screens retranslate.
        switcher = LanguageSwitcher(app)
        switcher.apply(controller.nav.lang)
        controller.nav.language_changed.connect(switcher.apply)
    window = MainWindow(controller, settings, pin_guard=pin_guard, kiosk=kiosk)
    from kiosk.ui.gui_gc import GuiThreadCollector

    window.collector = GuiThreadCollector(window)  # garbage is freed on this thread only
    window.switcher = switcher
    controller.setParent(window)  # Qt owns them: they die with the window, in order
    if runner.parent() is None:
        runner.setParent(window)
    if desks:
        add_desks(window, settings, receipts_dir)
    return window


def add_desks(window: MainWindow, settings: Settings, receipts_dir: Path | None) -> None:
    """History and Tutup Kasir, receipts, and the cash tools (Ambil uang, Tukar voucher)."""
    from kiosk.ui.cash_desk import CashDesk
    from kiosk.ui.desks import ReceiptDesk, ShopWindows

    window.shop_windows = ShopWindows(window)
    window.receipts = ReceiptDesk(window, settings, receipts_dir)
    window.cash_desk = CashDesk(window, receipts_dir)


def _start_fleet(window: MainWindow, core: Core, settings: Settings) -> None:
    """Ship the journal and heartbeats to the owner's PostgreSQL, when set up (no-op else)."""
    if not (settings.kiosk_id and settings.fleet_dsn):
        return
    from kiosk.fleet import start_fleet_agent
    from kiosk.ui.fleet_snapshot import FleetSnapshot

    snapshot = FleetSnapshot(window.controller, settings)
    agent = start_fleet_agent(settings, core.journal.path, snapshot.snapshot)
    snapshot.agent = agent
    if agent is not None:
        core.on_close(agent.stop)  # before the journal closes


def run(options: AppOptions) -> int:
    folder = app_files.lock_folder(options)
    lock = None
    if folder is not None:  # a fresh demo folder needs no lock (nor its module)
        from kiosk.instance_lock import AlreadyRunning, InstanceLock

        lock = InstanceLock(folder)
        try:
            lock.acquire()
        except AlreadyRunning as exc:
            words = exc.message
            print(f"{words.id}\n{words.en} ({folder})", file=sys.stderr)
            return 3
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Loket")
    settings = (
        app_files.demo_settings_from(options.data_dir)
        if options.demo
        else app_files.production_settings()
    )
    if options.cash or (options.demo and options.kiosk):  # a self-service demo takes cash
        settings = settings.with_changes(collection="cash")
    if options.demo and settings.collection == "cash":
        settings = settings.with_changes(cash_device="sim")  # never a real port in the demo
    kiosk = options.kiosk or settings.kiosk_mode
    app.setStyleSheet(stylesheet(KIOSK if kiosk else DESKTOP))
    lang: Lang = "en" if (options.lang or settings.language) == "en" else "id"
    runner = TaskRunner()
    receipts = None if options.demo else app_files.app_paths().receipts
    window = build_window(
        core=None,
        settings=settings,
        runner=runner,
        lang=lang,
        receipts_dir=receipts,
        kiosk=kiosk,
        desks=False,
    )
    window.pin_lockout_file = app_files.pin_lockout_file(options)
    if kiosk:
        from kiosk.ui.kiosk_mode import KioskMode

        window.kiosk_mode = KioskMode(window, settings, demo=options.demo)
        window.showFullScreen()
    else:
        window.show()
    cores: list[Core] = []

    def attach() -> None:
        # After the first frame: the HTTP stack, the journal and (demo) the simulator,
        # built once. Later settings are applied to this core, never a second one.
        desk = window.settings_desk
        settings = desk.settings
        if cores:
            window.controller.apply_settings(settings)
            window.receipts.settings = settings
            window.receipts.watch_printer()
            return
        if not options.demo and not settings.configured:
            window.home.show_problem(NOT_CONFIGURED.get(window.controller.nav.lang))
            desk.open()  # first run: the setup form
            return
        try:
            from kiosk.composition import build_core

            if not options.demo:
                from kiosk.logsetup import configure_logging

                configure_logging(app_files.app_paths().logs)
            core = build_core(
                settings,
                journal_file=app_files.journal_file(options),
                demo=options.demo,
                endpoint=options.endpoint,
            )
        except Exception as exc:  # a bad endpoint or an unreadable journal: say so, keep running
            from kiosk.ui.error_words import explain

            log.error("start-up failed: %s", type(exc).__name__)
            window.home.show_problem(explain(exc).get(window.controller.nav.lang))
            return
        cores.append(core)
        window.controller.settings = settings
        window.controller.attach(core)
        _start_fleet(window, core, settings)
        window.controller.start()
        from kiosk.ui.warmup import prebuild_screens

        prebuild_screens(window)
        window.receipts.settings = settings
        window.receipts.watch_printer()

    def on_saved(settings: Settings) -> None:
        window.home.set_shop_name(settings.shop_name)
        attach()

    def first_turn() -> None:
        # Right after the first frame: the desks (none is drawn on it), then the core.
        from kiosk.ui.desks import SettingsDesk
        from kiosk.ui.warmup import collector_back

        collector_back()

        add_desks(window, settings, receipts)
        window.settings_desk = SettingsDesk(
            window, settings, app_files.settings_file(options), on_saved, demo=options.demo
        )
        attach()

    if os.environ.get("LOKET_QUIT_AFTER_FIRST_PAINT"):  # benchmarks: cold start to first frame
        _AfterFirstPaint(window, lambda: app.exit(0))  # quit() is refused in kiosk mode
    else:
        _AfterFirstPaint(window, first_turn)
    code = app.exec()
    runner.wait_idle(5000)
    for core in cores:
        core.close()
    if lock is not None:
        lock.release()
    return int(code)
