"""The serial line to an ID-003 device: one request, one answer, with retries.

9600 baud, 8 data bits, even parity, 1 stop bit. Only the driver thread
uses a :class:`Link`; nothing here is thread-safe.
"""

from __future__ import annotations

import contextlib
import logging
import time

import serial

from kiosk.cash.id003.codes import Status
from kiosk.cash.id003.frame import Frame, FrameReader, encode
from kiosk.cash.polling import LinkError

log = logging.getLogger(__name__)

BAUD = 9600
PTY_PREFIX = "/dev/pts/"

try:
    from termios import error as TermiosError
except ImportError:  # Windows: no termios

    class TermiosError(Exception):  # type: ignore[no-redef]
        pass


_PORT_ERRORS = (serial.SerialException, OSError, TermiosError)


def _open(port: str, parity: str) -> serial.Serial:
    return serial.Serial(
        port=port,
        baudrate=BAUD,
        bytesize=serial.EIGHTBITS,
        parity=parity,
        stopbits=serial.STOPBITS_ONE,
        timeout=0.02,
        write_timeout=1.0,
    )


class Link:
    def __init__(self, port: str, *, reply_timeout: float = 0.25, retries: int = 2) -> None:
        self.port = port
        self.reply_timeout = reply_timeout
        self.retries = retries
        self._reader = FrameReader()
        try:
            self._serial = _open(port, serial.PARITY_EVEN)
        except TermiosError as exc:
            if not port.startswith(PTY_PREFIX):
                raise LinkError(f"cannot set up {port}: {exc}") from None
            # A pseudo-terminal (the simulator) has no parity; some kernels refuse it.
            log.info("%s is a pseudo-terminal that refuses parity; opening it without", port)
            try:
                self._serial = _open(port, serial.PARITY_NONE)
            except (*_PORT_ERRORS, ValueError) as retry:
                raise LinkError(f"cannot open {port}: {retry}") from None
        except (serial.SerialException, OSError, ValueError) as exc:
            raise LinkError(f"cannot open {port}: {exc}") from None

    def send(self, cmd: int, data: bytes = b"") -> None:
        """A frame the device does not answer (the ACK of VEND VALID)."""
        try:
            self._serial.write(encode(cmd, data))
            self._serial.flush()
        except _PORT_ERRORS as exc:
            raise LinkError(f"write to {self.port} failed: {exc}") from None

    def request(self, cmd: int, data: bytes = b"") -> Frame | None:
        """Send and wait for the answer; resend on silence, a bad CRC or a
        COMMUNICATION ERROR answer. ``None`` when the device stayed silent."""
        for attempt in range(1 + self.retries):
            try:
                self._serial.reset_input_buffer()
            except _PORT_ERRORS as exc:
                raise LinkError(f"{self.port}: {exc}") from None
            self._reader.clear()
            self.send(cmd, data)
            answer = self._read_frame()
            if answer is not None and answer.cmd != Status.COMMUNICATION_ERROR:
                return answer
            log.debug(
                "id003 %02X: %s (attempt %d)",
                cmd,
                "communication error" if answer else "no answer",
                attempt + 1,
            )
        return None

    def _read_frame(self) -> Frame | None:
        deadline = time.monotonic() + self.reply_timeout
        while time.monotonic() < deadline:
            try:
                waiting = self._serial.in_waiting
                chunk = self._serial.read(waiting or 1)
            except _PORT_ERRORS as exc:
                raise LinkError(f"read from {self.port} failed: {exc}") from None
            if chunk:
                frames = self._reader.feed(chunk)
                if frames:
                    return frames[0]
        return None

    def close(self) -> None:
        with contextlib.suppress(*_PORT_ERRORS):
            self._serial.close()
