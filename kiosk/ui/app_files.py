"""Where the app keeps its files and which settings it starts with: the command line's
options, the real kiosk's folders (``kiosk.paths``) or a demo's own. No Qt here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kiosk.settings import Settings

if TYPE_CHECKING:
    from kiosk.paths import AppPaths


class AppOptions(NamedTuple):
    demo: bool = False
    kiosk: bool = False
    endpoint: str | None = None
    data_dir: Path | None = None
    lang: str | None = None
    cash: bool = False
    """``--cash``: collection=cash for this run (the demo uses the acceptor simulator)."""


def app_paths() -> AppPaths:
    from kiosk.paths import AppPaths  # platformdirs and friends: not in demo's first frame

    return AppPaths.default()


def demo_settings() -> Settings:
    from kiosk.demo import DEMO_USERNAME

    return Settings(
        shop_name="Loket Demo", api_username=DEMO_USERNAME, testing=True, status_poll_min_s=2.0
    )


def production_settings() -> Settings:
    from kiosk import settings as settings_store

    folders = app_paths()
    folders.ensure()
    return settings_store.load(folders.settings_file)


def journal_file(options: AppOptions) -> Path:
    if options.demo:
        import tempfile

        folder = options.data_dir or Path(tempfile.mkdtemp(prefix="loket-demo-"))
        return folder / "journal.sqlite3"
    return app_paths().journal_file


def lock_folder(options: AppOptions) -> Path | None:
    """The folder whose journal this process owns (a fresh demo folder needs no lock)."""
    if options.demo:
        return options.data_dir
    return app_paths().data


def demo_settings_file(folder: Path) -> Path:
    """--demo --data-dir DIR keeps its settings where a real kiosk would (DIR/config), so
    ``LOKET_HOME=DIR python -m kiosk config set …`` sets up a demo kiosk too."""
    from kiosk.paths import AppPaths

    return AppPaths.under(folder).settings_file


def demo_settings_from(folder: Path | None) -> Settings:
    """The demo's settings; with --data-dir, what was saved there (a demo kiosk in a fleet
    keeps its kiosk_id), always on the demo's public credentials."""
    base = demo_settings()
    path = demo_settings_file(folder) if folder is not None else None
    if path is None or not path.is_file():
        return base
    from kiosk import settings as settings_store

    saved = settings_store.load(path)
    return saved.with_changes(
        api_username=base.api_username, testing=True, status_poll_min_s=base.status_poll_min_s
    )


def settings_file(options: AppOptions) -> Path:
    if not options.demo:
        return app_paths().settings_file
    if options.data_dir:
        return demo_settings_file(options.data_dir)
    import tempfile

    return Path(tempfile.gettempdir()) / "loket-demo-settings.json"


def pin_lockout_file(options: AppOptions) -> Path | None:
    """The demo keeps its PIN lock-out beside its journal, not in the real config folder
    (the guard itself is made on first use, off the first frame)."""
    if not options.demo:
        return None  # the window's own: <config>/pin-lockout.json
    import tempfile

    folder = options.data_dir or Path(tempfile.gettempdir())
    return folder / "loket-demo-pin-lockout.json"
