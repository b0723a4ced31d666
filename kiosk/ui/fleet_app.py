"""``python -m kiosk fleet [--dsn DSN]``: the owner window's composition root."""

from __future__ import annotations

import sys

from kiosk.i18n import Lang


def run_owner_window(dsn: str, lang: Lang = "id") -> int:
    if not dsn:
        print("error: give --dsn DSN (or set LOKET_FLEET_DSN)", file=sys.stderr)
        return 2
    from kiosk.fleet.dsn import DsnError, connect_options

    try:
        connect_options(dsn)
    except DsnError as exc:
        print(f"error: {exc.text.en}", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from kiosk.fleet.owner import OwnerDb
    from kiosk.ui.app import LanguageSwitcher
    from kiosk.ui.fleet_window import FleetWindow
    from kiosk.ui.tasks import TaskRunner
    from kiosk.ui.theme import DESKTOP, stylesheet

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Loket Armada")
    app.setStyleSheet(stylesheet(DESKTOP))
    LanguageSwitcher(app).apply(lang)
    runner = TaskRunner()
    db = OwnerDb(dsn)
    window = FleetWindow(db, runner, lang=lang)
    runner.setParent(window)
    window.show()
    window.refresh()
    code = app.exec()
    runner.wait_idle(5000)
    db.close()
    return int(code)
