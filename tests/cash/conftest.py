"""The real ID-003 driver talking to the simulator over a real pseudo-terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from kiosk.cash.acceptor import AcceptorEvent, EventQueue, Ready
from kiosk.cash.id003.driver import Id003Acceptor
from kiosk.cash.sim.device import SimDevice
from kiosk.cash.sim.pty import PtySimulator

WAIT = 5.0  # seconds for any one expected event; a passing run needs a fraction of it
POLL = 0.02  # faster than a real device is polled, so the suite stays short


class Rig:
    """A simulator, the driver on its pty, and the events the driver reported."""

    def __init__(
        self,
        sim: PtySimulator,
        journal: Callable[[AcceptorEvent], None] | None = None,
        **driver_options: object,
    ) -> None:
        self.sim = sim
        self.device = sim.device
        self.events = EventQueue()
        self._journal = journal
        options: dict[str, object] = {"poll_interval": POLL, "reply_timeout": 0.2}
        options.update(driver_options)
        self.acceptor = Id003Acceptor(sim.port, self._deliver, **options)

    def _deliver(self, event: AcceptorEvent) -> None:
        if self._journal is not None:  # the app journals before anything is shown
            self._journal(event)
        self.events(event)

    def start(self) -> Ready:
        self.acceptor.start()
        event = self.wait(Ready)
        assert isinstance(event, Ready)
        return event

    def wait(
        self,
        kind: type,
        check: Callable[[AcceptorEvent], bool] = lambda e: True,
        timeout: float = WAIT,
    ) -> AcceptorEvent:
        return self.events.wait_for(lambda e: isinstance(e, kind) and check(e), timeout)

    def seen(self, kind: type) -> list[AcceptorEvent]:
        return [e for e in self.events.snapshot() if isinstance(e, kind)]


@pytest.fixture
def make_rig() -> Iterator[Callable[..., Rig]]:
    rigs: list[Rig] = []

    def make(
        device: SimDevice | None = None,
        journal: Callable[[AcceptorEvent], None] | None = None,
        **driver_options: object,
    ) -> Rig:
        sim = PtySimulator(device or SimDevice()).start()
        rig = Rig(sim, journal, **driver_options)
        rigs.append(rig)
        return rig

    yield make
    for rig in rigs:
        rig.acceptor.close(settle_timeout=1.0)
        rig.sim.close()


@pytest.fixture
def rig(make_rig: Callable[..., Rig]) -> Rig:
    return make_rig()
