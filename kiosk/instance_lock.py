"""One Loket per data folder: a second process on the same journal is refused.

Two processes on one journal would each reconcile the other's payment in flight
as a crash. The lock is an OS file lock (``flock`` on POSIX, ``msvcrt`` on
Windows) on ``loket.lock`` in the data folder: the OS releases it when the
process dies, however it dies, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from kiosk.i18n import Text

ALREADY_RUNNING = Text(
    "Loket sudah berjalan untuk folder data ini. Tutup Loket yang lain terlebih dahulu.",
    "Loket is already running for this data folder. Close the other Loket first.",
)


class AlreadyRunning(Exception):
    message = ALREADY_RUNNING

    def __init__(self, folder: Path) -> None:
        super().__init__(f"Loket sudah berjalan / already running: {folder}")
        self.folder = folder


class InstanceLock:
    """Held for the life of the process (or until :meth:`release`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "loket.lock"
        self._handle: IO[str] | None = None

    def acquire(self) -> InstanceLock:
        self.folder.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="ascii")  # noqa: SIM115 - held for the process
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise AlreadyRunning(self.folder) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file releases the lock
            self._handle = None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def _lock(handle: IO[str]) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
