"""A scriptable ID-003 bill acceptor: the device side of the protocol, no I/O.

Time moves with the host's polls: each STATUS REQUEST is answered with the
current status and then the device takes one step (ACCEPTING → ESCROW,
STACKING → VEND VALID, …). Tests are therefore deterministic at any pace.

The simulator keeps its own count of the notes in its cash box
(:attr:`SimDevice.box`, :attr:`SimDevice.stacked`) so a test can hold the
journal against it.
"""

from __future__ import annotations

import threading
from collections import Counter, deque
from dataclasses import dataclass

from kiosk.cash.acceptor import Denomination
from kiosk.cash.id003.codes import ACK, IDLE, Cmd, Status, encode_currency_assign, mask_codes
from kiosk.cash.id003.frame import Frame

IDR_NOTES = (2000, 5000, 10000, 20000, 50000, 100000)
IDR_TABLE = tuple(Denomination(0x61 + i, value) for i, value in enumerate(IDR_NOTES))
COUNTRY_CODE = 0x3E  # the simulator's own tag; the driver does not rely on it
VERSION = "LOKET-SIM(IDR) ID003-SIM V1.00"
COUNTERFEIT = 0  # a queued "note" of value 0 is a counterfeit
REJECT_COUNTERFEIT = 0x77  # photo pattern error
REJECT_INHIBITED = 0x79


@dataclass(frozen=True)
class JamPlan:
    lands_in_box: bool


class SimDevice:
    """The acceptor's state; every method is thread-safe."""

    def __init__(
        self,
        *,
        table: tuple[Denomination, ...] = IDR_TABLE,
        answers_currency: bool = True,
        capacity: int | None = None,
        quick_customer: bool = False,
    ) -> None:
        self.table = table
        self.answers_currency = answers_currency
        self.capacity = capacity
        # the next note goes in the moment the last one is done: no poll sees the idle status
        self.quick_customer = quick_customer
        self._lock = threading.Condition()
        self._by_value = {d.value: d for d in table}
        self._queue: deque[int] = deque()
        self._jam: JamPlan | None = None
        self._cut_power_in_stack = False
        self.box: Counter[int] = Counter()  # notes in the cash box now
        self.stacked: Counter[int] = Counter()  # every note ever stacked
        self.collected: list[Counter[int]] = []  # boxes taken out and emptied
        self.returned: list[int] = []
        self.rejected: list[int] = []  # reject codes
        self.polls = 0
        self.silent = False
        self.box_present = True
        self._status: int = Status.POWER_UP
        self._data = b""
        self._note: int | None = None  # value of the note in the head
        self._inhibited = True
        self._settings: dict[int, bytes] = {}

    # -- scripting (test or console thread) ---------------------------------------------------

    def insert(self, value: int) -> None:
        """Queue a note; it goes in once the acceptor is enabled and idle."""
        with self._lock:
            self._queue.append(value)

    def insert_counterfeit(self) -> None:
        self.insert(COUNTERFEIT)

    def jam_next_stack(self, *, lands_in_box: bool = True) -> None:
        """The next note jams in the stacker; whether it ended in the box is ``lands_in_box``."""
        with self._lock:
            self._jam = JamPlan(lands_in_box)

    def power_cut_next_stack(self) -> None:
        """Power is lost while the next note is stacked (it ends in the box)."""
        with self._lock:
            self._cut_power_in_stack = True

    def clear_jam(self) -> None:
        with self._lock:
            if self._status in (Status.JAM_IN_STACKER, Status.JAM_IN_ACCEPTOR):
                self._set(Status.INITIALIZE)

    def remove_box(self) -> None:
        with self._lock:
            self.box_present = False
            self._error(Status.STACKER_OPEN)

    def replace_box(self, *, emptied: bool = True) -> None:
        with self._lock:
            if emptied:
                self.collected.append(self.box)
                self.box = Counter()
            self.box_present = True
            if self._status in (Status.STACKER_OPEN, Status.STACKER_FULL):
                self._set(Status.INITIALIZE)

    def fill_box(self) -> None:
        """The box is full from now on (until it is emptied)."""
        with self._lock:
            self.capacity = sum(self.box.values())
            self._error(Status.STACKER_FULL)

    def power_cycle(self) -> None:
        """Power lost and back: settings forgotten; a note inside is reported."""
        with self._lock:
            status = Status.POWER_UP
            if self._status in (Status.ACCEPTING, Status.ESCROW, Status.RETURNING):
                status = Status.POWER_UP_BILL_IN_ACCEPTOR
            elif self._status in (Status.STACKING, Status.VEND_VALID):
                status = Status.POWER_UP_BILL_IN_STACKER
                if self._status == Status.STACKING and self._note:
                    self._into_box(self._note)
                self._note = None
            self._inhibited, self._settings = True, {}
            self._set(status)

    def set_silent(self, silent: bool) -> None:
        """A pulled cable: no answers at all while ``silent``."""
        with self._lock:
            self.silent = silent

    @property
    def status(self) -> int:
        with self._lock:
            return self._status

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    def wait_until(self, condition: str, timeout: float) -> bool:
        """Block until ``condition`` ("idle", "enabled") holds; for the console and tests."""
        wanted = {"idle": IDLE, "enabled": {Status.ENABLE}}[condition]
        with self._lock:
            return self._lock.wait_for(
                lambda: self._status in wanted and not self._queue, timeout=timeout
            )

    # -- the protocol (pty thread) ------------------------------------------------------------

    def handle(self, frame: Frame) -> Frame | None:
        with self._lock:
            if self.silent:
                return None
            answer = self._answer(frame)
            self._lock.notify_all()
            return answer

    def _answer(self, frame: Frame) -> Frame | None:
        cmd = frame.cmd
        if cmd == Cmd.STATUS_REQUEST:
            self.polls += 1
            answer = Frame(self._status, self._data)
            self._step()
            return answer
        if cmd == Cmd.ACK:
            if self._status == Status.VEND_VALID:
                self._set(Status.STACKED)
            return None
        if cmd == Cmd.RESET:
            if (
                self._status in (Status.POWER_UP_BILL_IN_ACCEPTOR, Status.ESCROW, Status.ACCEPTING)
                and self._note
            ):
                self.returned.append(self._note)
            self._note, self._inhibited = None, True
            self._set(Status.INITIALIZE)
            return Frame(ACK)
        if cmd in (Cmd.STACK_1, Cmd.STACK_2, Cmd.RETURN, Cmd.HOLD, Cmd.WAIT):
            return self._escrow_command(cmd)
        if 0xC0 <= cmd <= 0xC7:
            self._settings[cmd] = frame.data
            if cmd == Cmd.SET_INHIBIT and frame.data:
                self._inhibited = bool(frame.data[0] & 1)
                if self._status in IDLE:
                    self._set(Status.DISABLE if self._inhibited else Status.ENABLE)
            return Frame(cmd, frame.data)
        if 0x80 <= cmd <= 0x87:
            return Frame(cmd, self._settings.get(cmd + 0x40, b"\x00\x00"))
        if cmd == Cmd.GET_VERSION:
            return Frame(cmd, VERSION.encode("ascii"))
        if cmd == Cmd.GET_BOOT_VERSION:
            return Frame(cmd, b"LOKET-SIM BOOT V1.00")
        if cmd == Cmd.GET_CURRENCY_ASSIGN and self.answers_currency:
            return Frame(cmd, encode_currency_assign(self.table, COUNTRY_CODE))
        return Frame(Status.INVALID_COMMAND)

    def _escrow_command(self, cmd: int) -> Frame:
        if self._status != Status.ESCROW:
            return Frame(Status.INVALID_COMMAND)
        if cmd in (Cmd.STACK_1, Cmd.STACK_2):
            self._set(Status.STACKING)
        elif cmd == Cmd.RETURN:
            self._set(Status.RETURNING)
        return Frame(ACK)

    def _set(self, status: int, data: bytes = b"") -> None:
        self._status, self._data = status, data

    def _idle(self) -> None:
        self._set(Status.DISABLE if self._inhibited else Status.ENABLE)
        if self.quick_customer and self._status == Status.ENABLE and self._queue:
            self._step()

    def _error(self, status: int) -> None:
        if self._status in (Status.ACCEPTING, Status.ESCROW) and self._note:
            self.returned.append(self._note)  # pushed back out of the head
            self._note = None
        self._set(status)

    def _into_box(self, value: int) -> None:
        self.box[value] += 1
        self.stacked[value] += 1

    def _step(self) -> None:
        status = self._status
        if status == Status.ENABLE and self._queue:
            self._note = self._queue.popleft()
            self._set(Status.ACCEPTING)
        elif status == Status.ACCEPTING:
            self._read_note()
        elif status == Status.STACKING:
            self._stack()
        elif status == Status.STACKED:
            self._note = None
            full = self.capacity is not None and sum(self.box.values()) >= self.capacity
            self._set(Status.STACKER_FULL) if full else self._idle()
        elif status in (Status.REJECTING, Status.RETURNING):
            if status == Status.RETURNING and self._note:
                self.returned.append(self._note)
            self._note = None
            self._idle()
        elif status == Status.INITIALIZE:
            if not self.box_present:
                self._set(Status.STACKER_OPEN)
            else:
                self._idle()

    def _read_note(self) -> None:
        value = self._note or COUNTERFEIT
        note = self._by_value.get(value)
        if note is None:
            self.rejected.append(REJECT_COUNTERFEIT)
            self._set(Status.REJECTING, bytes((REJECT_COUNTERFEIT,)))
        elif note.code in mask_codes(self._settings.get(Cmd.SET_DENOMINATIONS, b"\x00\x00")):
            self.rejected.append(REJECT_INHIBITED)
            self._set(Status.REJECTING, bytes((REJECT_INHIBITED,)))
        else:
            self._set(Status.ESCROW, bytes((note.code,)))

    def _stack(self) -> None:
        value = self._note or 0
        if self._cut_power_in_stack:
            self._cut_power_in_stack = False
            self.power_cycle()  # re-entrant lock: STACKING → POWER UP WITH BILL IN STACKER
            return
        if self._jam is not None:
            if self._jam.lands_in_box:
                self._into_box(value)
            self._jam, self._note = None, None
            self._set(Status.JAM_IN_STACKER)
            return
        self._into_box(value)  # past the point of no return
        self._set(Status.VEND_VALID)
