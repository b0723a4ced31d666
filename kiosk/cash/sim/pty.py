"""The simulator on a pseudo-terminal: the driver opens :attr:`PtySimulator.port`
with pyserial exactly as it would open ``/dev/ttyUSB0``."""

from __future__ import annotations

import contextlib
import logging
import os
import select
import threading
import tty
from types import TracebackType

from kiosk.cash.id003.frame import FrameReader
from kiosk.cash.sim.device import SimDevice

log = logging.getLogger(__name__)


class PtySimulator:
    """Serves a :class:`SimDevice` on the master side of a new pty."""

    def __init__(self, device: SimDevice | None = None) -> None:
        self.device = device or SimDevice()
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no echo, no line editing, until the driver sets its own
        self.port = os.ttyname(self._slave)
        self._stop_r, self._stop_w = os.pipe()
        self._thread = threading.Thread(target=self._serve, name="id003 simulator", daemon=True)
        self._closed = False

    def start(self) -> PtySimulator:
        self._thread.start()
        return self

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        os.write(self._stop_w, b"x")
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        for fd in (self._master, self._slave, self._stop_r, self._stop_w):
            with contextlib.suppress(OSError):
                os.close(fd)

    def __enter__(self) -> PtySimulator:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _serve(self) -> None:
        reader = FrameReader()
        while True:
            ready, _, _ = select.select([self._master, self._stop_r], [], [])
            if self._stop_r in ready:
                return
            try:
                chunk = os.read(self._master, 512)
            except OSError:  # the other side closed for a moment; the slave fd keeps the pty
                continue
            for frame in reader.feed(chunk):
                answer = self.device.handle(frame)
                if answer is not None:
                    try:
                        os.write(self._master, answer.encode())
                    except OSError as exc:
                        log.warning("simulator: write failed: %s", exc)
