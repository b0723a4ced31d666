"""What every polled serial acceptor driver shares (ID-003 now, eSSP and ICT later).

One thread per device: it polls, and between polls it sleeps ``poll_interval``
or until :meth:`enable`/:meth:`disable`/:meth:`close` wake it. A protocol
driver subclasses :class:`PollingAcceptor` and implements :meth:`_poll` (one
status exchange, and whatever the status calls for) and :meth:`_release`.
"""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Collection

from kiosk.cash.acceptor import (
    AcceptorEvent,
    DeviceInfo,
    EscrowGate,
    EventSink,
    Fault,
    FaultKind,
    Recovered,
)

log = logging.getLogger(__name__)


class LinkError(Exception):
    """The port cannot be opened or used (unplugged, no permission, gone)."""


class PollingAcceptor(ABC):
    """Thread, wanted state, communication-lost detection and event delivery."""

    def __init__(
        self,
        port: str,
        on_event: EventSink,
        *,
        poll_interval: float,
        lost_after: int,
        escrow_gate: EscrowGate | None,
    ) -> None:
        self.port = port
        self.poll_interval = poll_interval
        self.lost_after = lost_after
        self._on_event = on_event
        self._gate = escrow_gate
        self._lock = threading.Lock()
        self._want_enabled = False
        self._allowed: frozenset[int] = frozenset()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._settled = threading.Event()  # idle and inhibited: no note in the head
        self._thread: threading.Thread | None = None
        # below: the driver thread's own state
        self._info: DeviceInfo | None = None
        self._ready_sent = False
        self._fault: FaultKind | None = None
        self._misses = 0

    # -- the interface, for any thread --------------------------------------------------------

    @property
    def info(self) -> DeviceInfo | None:
        return self._info

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name=f"acceptor {self.port}", daemon=True
            )
            self._thread.start()

    def enable(self, allowed: Collection[int]) -> None:
        with self._lock:
            self._want_enabled, self._allowed = True, frozenset(int(v) for v in allowed)
        self._wake.set()

    def disable(self) -> None:
        """Take no more notes; a note held in escrow now is returned."""
        with self._lock:
            self._want_enabled = False
        self._wake.set()

    def wait_settled(self, timeout: float) -> bool:
        """After :meth:`disable`: block until the device is idle and inhibited, no note in
        its head (a held note given back, a stacking one reported). Not on the GUI thread."""
        return self._settled.wait(timeout)

    def close(self, settle_timeout: float = 3.0) -> None:
        """Disable, let a note in the head be settled (given back), then stop."""
        self.disable()
        if self._thread is not None and self._ready_sent and self._fault is None:
            self.wait_settled(settle_timeout)
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    # -- for the protocol driver --------------------------------------------------------------

    @abstractmethod
    def _poll(self) -> bool:
        """One status exchange and its follow-up; False when the device was silent.

        Calls :meth:`_answered` as soon as the device answered, before acting on
        the answer. May raise :class:`LinkError` when the port itself failed."""

    @abstractmethod
    def _release(self) -> None:
        """Inhibit the device if it still answers, and close the port."""

    @abstractmethod
    def _reconnected(self) -> None:
        """The device answers again after silence: set it up again."""

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    answered = self._poll()
                    why = "no answer to a status request"
                except LinkError as exc:
                    answered, why = False, str(exc)
                except Exception as exc:  # a driver bug must not end the thread silently
                    log.exception("acceptor %s: poll failed", self.port)
                    answered, why = False, f"driver error: {exc!r}"
                if not answered:
                    self._missed(why)
                self._wake.wait(self.poll_interval)
                self._wake.clear()
        finally:
            self._release()

    def _emit(self, event: AcceptorEvent) -> None:
        log.info("acceptor %s: %s", self.port, event)
        try:
            self._on_event(event)
        except Exception:
            log.exception("acceptor event handler failed on %s", event)

    def _missed(self, why: str) -> None:
        self._misses += 1
        if self._misses >= self.lost_after and self._fault is not FaultKind.COMM_LOST:
            self._fault = FaultKind.COMM_LOST
            self._emit(Fault(FaultKind.COMM_LOST, why))

    def _answered(self) -> None:
        self._misses = 0
        if self._fault is FaultKind.COMM_LOST:
            self._fault = None
            self._reconnected()
            self._emit(Recovered(FaultKind.COMM_LOST))

    def _wanted(self) -> tuple[bool, frozenset[int]]:
        with self._lock:
            return self._want_enabled, self._allowed

    def _keep(self, value: int) -> bool:
        """Stack this note? Only while enabled, allowed, and the gate agrees."""
        want, allowed = self._wanted()
        if not want or value not in allowed:
            return False
        if self._gate is None:
            return True
        try:
            keep = bool(self._gate(value))
        except Exception:
            log.exception("escrow gate failed for %d; the note is given back", value)
            return False
        return keep and self._wanted()[0]  # disabled meanwhile (cancel): give it back
