"""The bill-acceptor interface, and the events every driver reports.

A driver owns its serial line on a thread of its own and reports what the
device does through a callback (:data:`EventSink`), called on that thread.
The callback must be quick (a journal write is fine) and must never wait on
the GUI: hand the event to a queue (:class:`EventQueue`) or to the GUI thread
(a queued Qt signal).

Money rule carried by the events: a note counts only once :class:`Stacked`
is reported (ID-003: at VEND VALID, past the point of no return). A note
whose fate a fault hid is reported as :class:`Uncertain`, with its value
when the driver knew it; it is settled at the next cash-box count.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar, Protocol

from kiosk.cash.words import FAULT_WORDS as FAULT_WORDS  # re-exported with the events
from kiosk.cash.words import REJECT_WORDS as REJECT_WORDS
from kiosk.cash.words import FaultKind as FaultKind
from kiosk.cash.words import RejectReason as RejectReason
from kiosk.i18n import Lang, Text


class EventKind(Enum):
    READY = "ready"
    ENABLED = "enabled"
    DISABLED = "disabled"
    ESCROW = "escrow"
    STACKED = "stacked"
    RETURNED = "returned"
    REJECTED = "rejected"
    UNCERTAIN = "uncertain"
    FAULT = "fault"
    RECOVERED = "recovered"


@dataclass(frozen=True)
class Denomination:
    """One note the device knows: its escrow code and its value in whole Rupiah."""

    code: int
    value: int
    currency: str = "IDR"


@dataclass(frozen=True)
class DeviceInfo:
    protocol: str
    model: str
    version: str
    denominations: tuple[Denomination, ...]
    table_source: str  # "device" (learned from it) or "setting"

    def values(self) -> tuple[int, ...]:
        return tuple(sorted({d.value for d in self.denominations}))


@dataclass(frozen=True)
class Ready:
    """The device is set up and answers; ``info`` says what it is."""

    kind: ClassVar[EventKind] = EventKind.READY
    info: DeviceInfo


@dataclass(frozen=True)
class Enabled:
    """The device takes notes; ``values`` are the notes that will be kept."""

    kind: ClassVar[EventKind] = EventKind.ENABLED
    values: tuple[int, ...]


@dataclass(frozen=True)
class Disabled:
    kind: ClassVar[EventKind] = EventKind.DISABLED


@dataclass(frozen=True)
class Escrow:
    """A note was read and is held; the driver stacks or returns it next."""

    kind: ClassVar[EventKind] = EventKind.ESCROW
    value: int


@dataclass(frozen=True)
class Stacked:
    """The note is past the point of no return: credit it."""

    kind: ClassVar[EventKind] = EventKind.STACKED
    value: int


@dataclass(frozen=True)
class Returned:
    """The note went back to the customer."""

    kind: ClassVar[EventKind] = EventKind.RETURNED
    value: int


@dataclass(frozen=True)
class Rejected:
    kind: ClassVar[EventKind] = EventKind.REJECTED
    reason: RejectReason
    code: int = 0

    @property
    def words(self) -> Text:
        return REJECT_WORDS[self.reason]


@dataclass(frozen=True)
class Uncertain:
    """A note whose fate a fault hid: it may be in the cash box or not."""

    kind: ClassVar[EventKind] = EventKind.UNCERTAIN
    value: int | None
    cause: FaultKind


@dataclass(frozen=True)
class Fault:
    kind: ClassVar[EventKind] = EventKind.FAULT
    fault: FaultKind
    detail: str = ""

    @property
    def words(self) -> Text:
        return FAULT_WORDS[self.fault]

    def describe(self, lang: Lang = "en") -> str:
        text = self.words.get(lang)
        return f"{text} ({self.detail})" if self.detail else text


@dataclass(frozen=True)
class Recovered:
    """The fault reported before is gone; the device works again."""

    kind: ClassVar[EventKind] = EventKind.RECOVERED
    fault: FaultKind


AcceptorEvent = (
    Ready
    | Enabled
    | Disabled
    | Escrow
    | Stacked
    | Returned
    | Rejected
    | Uncertain
    | Fault
    | Recovered
)
EventSink = Callable[[AcceptorEvent], None]
EscrowGate = Callable[[int], bool]
"""Asked on the driver thread before a note is stacked; False returns it.

The place to journal "note about to be stacked" so that a crash mid-stack
leaves a trace. Must be quick."""


class Acceptor(Protocol):
    """What the app needs from any bill acceptor (ID-003, later eSSP or ICT)."""

    @property
    def info(self) -> DeviceInfo | None:
        """Known once :class:`Ready` was reported."""

    def start(self) -> None:
        """Start talking to the device on the driver's own thread; returns at once."""

    def enable(self, allowed: Collection[int]) -> None:
        """Take notes; keep those whose value is in ``allowed``, return the others."""

    def disable(self) -> None:
        """Take no more notes; a note held in escrow is given back."""

    def wait_settled(self, timeout: float) -> bool:
        """After :meth:`disable`, True once no note is left in the head: only then may a
        session be closed (a note still travelling would be credited after it)."""

    def close(self) -> None:
        """Disable, stop the thread and release the port."""


class EventQueue:
    """A thread-safe sink that keeps every event, for the CLI and tests."""

    def __init__(self) -> None:
        self._queue: queue.Queue[AcceptorEvent] = queue.Queue()
        self._lock = threading.Lock()
        self.history: list[AcceptorEvent] = []

    def __call__(self, event: AcceptorEvent) -> None:
        with self._lock:
            self.history.append(event)
        self._queue.put(event)

    def get(self, timeout: float) -> AcceptorEvent:
        """The next event; ``TimeoutError`` when none came in ``timeout`` seconds."""
        try:
            return self._queue.get(timeout=max(timeout, 0.0))
        except queue.Empty:
            raise TimeoutError(f"no acceptor event within {timeout:.1f} s") from None

    def wait_for(self, wanted: Callable[[AcceptorEvent], bool], timeout: float) -> AcceptorEvent:
        """Consume events until one is ``wanted``; ``TimeoutError`` otherwise."""
        deadline = time.monotonic() + timeout
        while True:
            event = self.get(deadline - time.monotonic())
            if wanted(event):
                return event

    def snapshot(self) -> list[AcceptorEvent]:
        with self._lock:
            return list(self.history)
