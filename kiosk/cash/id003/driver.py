"""A JCM ID-003 bill acceptor, driven from a thread of its own.

The thread polls STATUS REQUEST every ``poll_interval`` (the protocol's pace
is 100-200 ms), answers what the device reports and turns it into events:

* power-up → RESET, then version, currency assignment (the denomination
  table; the setting's table when the device does not answer), denomination
  enable mask, security, polling mode and inhibit;
* ESCROW → STACK-1 for an allowed note, RETURN for any other;
* VEND VALID → ACK, and :class:`Stacked` (the note is credited here);
* REJECTING → :class:`Rejected` with the reason in words;
* STACKER FULL/OPEN, JAM IN ACCEPTOR/STACKER, FAILURE, CHEATED, power-up
  with a bill inside, silence → :class:`Fault`, and :class:`Uncertain` for
  a note whose fate the fault hid.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import Enum

from kiosk.cash.acceptor import (
    Denomination,
    Disabled,
    Enabled,
    Escrow,
    EscrowGate,
    EventSink,
    Fault,
    FaultKind,
    Ready,
    Recovered,
    Rejected,
    RejectReason,
    Returned,
    Stacked,
    Uncertain,
)
from kiosk.cash.id003.codes import (
    ACK,
    FAILURE_WORDS,
    FAULTS,
    IDLE,
    POWER_UPS,
    REJECT_CODES,
    Cmd,
    Status,
    denomination_mask,
)
from kiosk.cash.id003.frame import Frame
from kiosk.cash.id003.link import Link
from kiosk.cash.id003.setup import configure, confirm, disabled_mask, identify
from kiosk.cash.polling import LinkError, PollingAcceptor

log = logging.getLogger(__name__)


class _Phase(Enum):
    ESCROW = "escrow"
    STACKING = "stacking"
    CREDITED = "credited"
    RETURNING = "returning"


@dataclass
class _Note:
    code: int
    value: int
    phase: _Phase
    stack: bool = False
    known: bool = True


class Id003Acceptor(PollingAcceptor):
    """The :class:`~kiosk.cash.acceptor.Acceptor` for JCM ID-003 devices."""

    def __init__(
        self,
        port: str,
        on_event: EventSink,
        *,
        table: Sequence[Denomination] = (),
        poll_interval: float = 0.15,
        reply_timeout: float = 0.25,
        lost_after: int = 2,
        inhibit_at_device: bool = False,
        escrow_gate: EscrowGate | None = None,
        high_security: Collection[int] = (),
    ) -> None:
        super().__init__(
            port,
            on_event,
            poll_interval=poll_interval,
            lost_after=lost_after,
            escrow_gate=escrow_gate,
        )
        self.reply_timeout = reply_timeout
        self.inhibit_at_device = inhibit_at_device
        self._setting_table = tuple(table)
        self._high_security = frozenset(high_security)
        self._link: Link | None = None
        self._table: dict[int, Denomination] = {}
        self._first_contact = True
        self._in_power_up = False
        self._needs_setup = True
        self._note: _Note | None = None
        self._return_after_reset: int | None = None
        self._rejecting = False
        self._applied_mask: bytes | None = None
        self._reported: tuple[int, ...] | None = None

    def _poll(self) -> bool:
        try:
            if self._link is None:
                self._link = Link(self.port, reply_timeout=self.reply_timeout)
            answer = self._link.request(Cmd.STATUS_REQUEST)
            if answer is None:
                return False
            self._answered()
            self._on_status(answer)
            return True
        except LinkError:
            if self._link is not None:
                self._link.close()
                self._link = None
            raise

    def _release(self) -> None:
        if self._link is not None:
            with contextlib.suppress(LinkError):
                self._link.request(Cmd.SET_INHIBIT, b"\x01")
            self._link.close()
            self._link = None

    def _reconnected(self) -> None:
        self._needs_setup = True

    def _request(self, cmd: int, data: bytes = b"") -> Frame | None:
        assert self._link is not None
        return self._link.request(cmd, data)

    def _on_status(self, frame: Frame) -> None:
        status = frame.cmd
        if status not in IDLE:
            self._settled.clear()
        if self._first_contact and status not in POWER_UPS:
            # The app (re)started while the device ran: start from a known state.
            self._first_contact = False
            if status in (Status.STACKING, Status.VEND_VALID, Status.STACKED):
                self._emit(Uncertain(None, FaultKind.POWER_UP))
            self._reset()
            return
        self._first_contact = False
        if status in POWER_UPS:
            self._on_power_up(status)
        elif status in IDLE:
            self._on_idle(status == Status.ENABLE)
        elif status == Status.ACCEPTING:
            self._on_accepting()
        elif status == Status.ESCROW:
            self._on_escrow(frame.data)
        elif status in (Status.STACKING, Status.RETURNING):
            if self._note is not None and self._note.phase is _Phase.ESCROW:
                stacking = status == Status.STACKING
                self._note.phase = _Phase.STACKING if stacking else _Phase.RETURNING
        elif status == Status.VEND_VALID:
            self._on_vend_valid()
        elif status == Status.STACKED:
            self._on_stacked()
        elif status == Status.REJECTING:
            self._on_rejecting(frame.data)
        elif status in FAULTS:
            self._on_fault(FAULTS[status], frame.data)
        elif status not in (Status.INITIALIZE, Status.HOLDING, Status.PAUSE):
            log.debug("acceptor %s: status %s", self.port, frame)

    def _reset(self) -> None:
        answer = self._request(Cmd.RESET)
        if answer is None or answer.cmd != ACK:
            log.warning("acceptor %s: RESET not acknowledged (%s)", self.port, answer)
        self._needs_setup = True

    def _on_power_up(self, status: int) -> None:
        if not self._in_power_up:
            self._in_power_up = True
            note, self._note = self._note, None
            in_flight = note is not None and note.known and note.phase is not _Phase.CREDITED
            value = note.value if note is not None and in_flight else None
            detail = ""
            if status == Status.POWER_UP_BILL_IN_ACCEPTOR:
                detail = "a note was in the acceptor; it is given back"
                self._return_after_reset = value
            elif in_flight or (status == Status.POWER_UP_BILL_IN_STACKER and note is None):
                detail = "a note was in the stacker" if value is None else ""
                self._emit(Uncertain(value, FaultKind.POWER_UP))
            if self._info is not None or status != Status.POWER_UP:
                self._fault = FaultKind.POWER_UP
                self._emit(Fault(FaultKind.POWER_UP, detail))
        self._reset()

    def _on_idle(self, device_enabled: bool) -> None:
        self._in_power_up = False
        self._rejecting = False
        note, self._note = self._note, None
        if note is not None and note.known:
            if note.phase in (_Phase.ESCROW, _Phase.RETURNING):
                self._emit(Returned(note.value))
            elif note.phase is _Phase.STACKING:
                self._emit(Uncertain(note.value, FaultKind.FAILURE))
        if self._return_after_reset is not None:
            self._emit(Returned(self._return_after_reset))
            self._return_after_reset = None
        set_up_now = self._needs_setup
        if set_up_now and not self._setup():
            return
        if self._fault is not None and self._fault is not FaultKind.COMM_LOST:
            fault, self._fault = self._fault, None
            self._emit(Recovered(fault))
        # setting up inhibits it; only a reported DISABLE proves the head is empty
        self._reconcile(device_enabled and not set_up_now, settled=not device_enabled)

    def _setup(self) -> bool:
        assert self._link is not None
        if self._info is None:
            self._info = identify(self._link, self._setting_table)
            if self._info is None:
                if self._fault is not FaultKind.NO_TABLE:
                    self._fault = FaultKind.NO_TABLE
                    self._emit(Fault(FaultKind.NO_TABLE))
                return False
            self._table = {note.code: note for note in self._info.denominations}
        if self._fault is FaultKind.NO_TABLE:
            self._fault = None
        mask = self._mask()
        security = denomination_mask(
            {d.code for d in self._table.values() if d.value in self._high_security}
        )
        if not configure(self._link, mask, security):
            return False
        self._applied_mask, self._needs_setup = mask, False
        if self._reported is not None:
            self._reported = None
            self._emit(Disabled())
        if not self._ready_sent:
            self._ready_sent = True
            self._emit(Ready(self._info))
        return True

    def _setting(self, cmd: int, data: bytes) -> bool:
        assert self._link is not None
        return confirm(self._link, cmd, data)

    def _mask(self) -> bytes:
        want, allowed = self._wanted()
        refused: set[int] = set()
        if self.inhibit_at_device and want:
            refused = {d.value for d in self._table.values() if d.value not in allowed}
        return disabled_mask(self._table.values(), refused)

    def _reconcile(self, device_enabled: bool, *, settled: bool) -> None:
        want, allowed = self._wanted()
        if want:
            self._settled.clear()
            mask = self._mask()
            if mask != self._applied_mask:
                if not self._setting(Cmd.SET_DENOMINATIONS, mask):
                    return
                self._applied_mask = mask
            if not device_enabled and not self._setting(Cmd.SET_INHIBIT, b"\x00"):
                return
            values = tuple(sorted({d.value for d in self._table.values() if d.value in allowed}))
            if values != self._reported:
                self._reported = values
                self._emit(Enabled(values))
        else:
            if device_enabled and not self._setting(Cmd.SET_INHIBIT, b"\x01"):
                return
            if self._reported is not None:
                self._reported = None
                self._emit(Disabled())
            if settled:
                self._settled.set()

    def _on_accepting(self) -> None:
        """A new note is being read: whatever came before it is over, even if the
        idle status in between fell between two polls."""
        self._rejecting = False
        note = self._note
        if note is not None and note.known and note.phase is _Phase.RETURNING:
            self._note = None
            self._emit(Returned(note.value))

    def _on_escrow(self, data: bytes) -> None:
        code = data[0] if data else -1
        note = self._note
        left = note is not None and note.phase is _Phase.RETURNING
        if note is None or note.code != code or note.phase is _Phase.CREDITED or left:
            if note is not None and note.known and note.phase in (_Phase.ESCROW, _Phase.RETURNING):
                self._emit(Returned(note.value))  # a new note is held: the last one went back
            denomination = self._table.get(code)
            if denomination is None:
                note = _Note(code, 0, _Phase.ESCROW, stack=False, known=False)
                self._emit(Rejected(RejectReason.UNKNOWN_NOTE, code))
            else:
                note = _Note(code, denomination.value, _Phase.ESCROW)
                self._emit(Escrow(note.value))
                note.stack = self._keep(note.value)
            self._note = note
        answer = self._request(Cmd.STACK_1 if note.stack else Cmd.RETURN)
        if answer is not None and answer.cmd == ACK:
            note.phase = _Phase.STACKING if note.stack else _Phase.RETURNING

    def _on_vend_valid(self) -> None:
        assert self._link is not None
        self._link.send(ACK)
        note = self._note
        if note is None or not note.known:
            if note is None:
                self._note = _Note(-1, 0, _Phase.CREDITED, known=False)
                self._emit(Uncertain(None, FaultKind.COMM_LOST))
            return
        if note.phase is not _Phase.CREDITED:
            note.phase = _Phase.CREDITED
            self._emit(Stacked(note.value))

    def _on_stacked(self) -> None:
        note, self._note = self._note, None
        if note is not None and note.known and note.phase in (_Phase.ESCROW, _Phase.STACKING):
            self._emit(Stacked(note.value))

    def _on_rejecting(self, data: bytes) -> None:
        if not self._rejecting:
            self._rejecting = True
            code = data[0] if data else 0
            self._emit(Rejected(REJECT_CODES.get(code, RejectReason.OTHER), code))

    def _on_fault(self, fault: FaultKind, data: bytes) -> None:
        note, self._note = self._note, None
        if note is not None and note.known and note.phase is not _Phase.CREDITED:
            self._emit(Uncertain(note.value, fault))  # first, so a consumer that stops
        if self._fault is not fault:  # at the fault has journaled the note already
            self._fault = fault
            detail = ""
            if fault is FaultKind.FAILURE and data:
                detail = FAILURE_WORDS.get(data[0], f"failure code {data[0]:02X}")
            self._emit(Fault(fault, detail))
        self._needs_setup = True
