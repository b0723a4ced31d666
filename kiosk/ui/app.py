"""The composition root: build settings, client, journal, service, controller
and window, wire them, and run. Nothing else creates these objects."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from kiosk.i18n import Lang, Text
from kiosk.resources import resource
from kiosk.settings import Settings
from kiosk.ui.controller import KioskController
from kiosk.ui.main_window import MainWindow
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import DESKTOP, KIOSK, stylesheet

if TYPE_CHECKING:
    from kiosk.composition import Core
    from kiosk.paths import AppPaths
    from kiosk.pin import PinGuard

log = logging.getLogger("kiosk")


class AppOptions(NamedTuple):
    demo: bool = False
    kiosk: bool = False
    endpoint: str | None = None
    data_dir: Path | None = None
    lang: str | None = None
    cash: bool = False
    """``--cash``: collection=cash for this run (the demo uses the acceptor simulator)."""


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


def _paths() -> AppPaths:
    from kiosk.paths import AppPaths  # platformdirs and friends: not in demo's first frame

    return AppPaths.default()


def _demo_settings() -> Settings:
    from kiosk.demo import DEMO_USERNAME

    return Settings(
        shop_name="Loket Demo", api_username=DEMO_USERNAME, testing=True, status_poll_min_s=2.0
    )


def _production_settings() -> Settings:
    from kiosk import settings as settings_store

    paths = _paths()
    paths.ensure()
    return settings_store.load(paths.settings_file)


def _journal_file(options: AppOptions) -> Path:
    if options.demo:
        import tempfile

        folder = options.data_dir or Path(tempfile.mkdtemp(prefix="loket-demo-"))
        return folder / "journal.sqlite3"
    return _paths().journal_file


def _lock_folder(options: AppOptions) -> Path | None:
    """The folder whose journal this process owns (a fresh demo folder needs no lock)."""
    if options.demo:
        return options.data_dir
    return _paths().data


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


def _demo_settings_file(folder: Path) -> Path:
    """--demo --data-dir DIR keeps its settings where a real kiosk would (DIR/config), so
    ``LOKET_HOME=DIR python -m kiosk config set …`` sets up a demo kiosk too."""
    from kiosk.paths import AppPaths

    return AppPaths.under(folder).settings_file


def _demo_settings_from(folder: Path | None) -> Settings:
    """The demo's settings; with --data-dir, what was saved there (a demo kiosk in a fleet
    keeps its kiosk_id), always on the demo's public credentials."""
    base = _demo_settings()
    path = _demo_settings_file(folder) if folder is not None else None
    if path is None or not path.is_file():
        return base
    from kiosk import settings as settings_store

    saved = settings_store.load(path)
    return saved.with_changes(
        api_username=base.api_username, testing=True, status_poll_min_s=base.status_poll_min_s
    )


def _settings_file(options: AppOptions) -> Path:
    if not options.demo:
        return _paths().settings_file
    if options.data_dir:
        return _demo_settings_file(options.data_dir)
    import tempfile

    return Path(tempfile.gettempdir()) / "loket-demo-settings.json"


def _pin_lockout_file(options: AppOptions) -> Path | None:
    """The demo keeps its PIN lock-out beside its journal, not in the real config folder
    (the guard itself is made on first use, off the first frame)."""
    if not options.demo:
        return None  # the window's own: <config>/pin-lockout.json
    import tempfile

    folder = options.data_dir or Path(tempfile.gettempdir())
    return folder / "loket-demo-pin-lockout.json"


def run(options: AppOptions) -> int:
    folder = _lock_folder(options)
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
    settings = _demo_settings_from(options.data_dir) if options.demo else _production_settings()
    if options.cash or (options.demo and options.kiosk):  # a self-service demo takes cash
        settings = settings.with_changes(collection="cash")
    if options.demo and settings.collection == "cash":
        settings = settings.with_changes(cash_device="sim")  # never a real port in the demo
    kiosk = options.kiosk or settings.kiosk_mode
    app.setStyleSheet(stylesheet(KIOSK if kiosk else DESKTOP))
    lang: Lang = "en" if (options.lang or settings.language) == "en" else "id"
    runner = TaskRunner()
    receipts = None if options.demo else _paths().receipts
    window = build_window(
        core=None,
        settings=settings,
        runner=runner,
        lang=lang,
        receipts_dir=receipts,
        kiosk=kiosk,
        desks=False,
    )
    window.pin_lockout_file = _pin_lockout_file(options)
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

                configure_logging(_paths().logs)
            core = build_core(
                settings,
                journal_file=_journal_file(options),
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
            window, settings, _settings_file(options), on_saved, demo=options.demo
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
