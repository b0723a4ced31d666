"""Where Loket keeps its files: the platform's folders, overridable for tests.

``LOKET_HOME`` (or ``--data-dir``) puts everything under one folder:
``config/`` for settings and the PIN lock-out, ``data/`` for the journal, ``logs/`` for logs and
``receipts/`` for saved receipts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP = "loket"


@dataclass(frozen=True, slots=True)
class AppPaths:
    config: Path
    data: Path
    logs: Path
    receipts: Path

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def pin_lockout_file(self) -> Path:
        """Wrong admin-PIN tries and the lock-out (``kiosk.pin_lockout``)."""
        return self.config / "pin-lockout.json"

    @property
    def journal_file(self) -> Path:
        return self.data / "journal.sqlite3"

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        return cls(root / "config", root / "data", root / "logs", root / "receipts")

    @classmethod
    def default(cls) -> AppPaths:
        home = os.environ.get("LOKET_HOME")
        if home:
            return cls.under(Path(home))
        import platformdirs  # only here: the demo's first frame does not need it

        return cls(
            Path(platformdirs.user_config_dir(APP, appauthor=False)),
            Path(platformdirs.user_data_dir(APP, appauthor=False)),
            Path(platformdirs.user_log_dir(APP, appauthor=False)),
            Path(platformdirs.user_documents_dir()) / "Loket",
        )

    def ensure(self) -> None:
        for folder in (self.config, self.data, self.logs):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
