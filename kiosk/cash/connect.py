"""From the device setting to a running acceptor: ``id003:PORT`` or the built-in ``sim``.

The one place that knows which driver a setting means; the CLI uses it, and
so can the app's composition root (``--demo`` takes ``sim`` and gets the
simulator's device for its note panel through :attr:`AcceptorHandle.sim`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

from kiosk.cash.acceptor import Acceptor, Denomination, EscrowGate, EventSink
from kiosk.cash.id003.driver import Id003Acceptor
from kiosk.cash.spec import DeviceSpec, parse_device

if TYPE_CHECKING:  # the simulator needs a POSIX pty: imported only when asked for
    from kiosk.cash.sim.device import SimDevice
    from kiosk.cash.sim.pty import PtySimulator


@dataclass
class AcceptorHandle:
    acceptor: Id003Acceptor
    sim: PtySimulator | None = None

    @property
    def sim_device(self) -> SimDevice | None:
        return self.sim.device if self.sim is not None else None

    def close(self) -> None:
        """Stop the driver (letting a note in the head be given back), then the simulator."""
        try:
            self.acceptor.close()
        finally:
            if self.sim is not None:
                self.sim.close()

    def __enter__(self) -> AcceptorHandle:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_acceptor(
    device: str | DeviceSpec,
    on_event: EventSink,
    *,
    table: Sequence[Denomination] = (),
    escrow_gate: EscrowGate | None = None,
    poll_interval: float = 0.15,
    sim_device: SimDevice | None = None,
) -> AcceptorHandle:
    """Start the driver the setting names; ``DeviceSpecError`` (with words) if it names none."""
    spec = parse_device(device) if isinstance(device, str) else device
    sim = None
    port = spec.port
    if spec.kind == "sim":
        from kiosk.cash.sim.pty import PtySimulator

        sim = PtySimulator(sim_device).start()
        port = sim.port
    acceptor = Id003Acceptor(
        port, on_event, table=table, escrow_gate=escrow_gate, poll_interval=poll_interval
    )
    handle = AcceptorHandle(acceptor, sim)
    try:
        acceptor.start()
    except BaseException:
        handle.close()
        raise
    return handle


def _is_an_acceptor(driver: Id003Acceptor) -> Acceptor:
    return driver  # mypy checks here that the driver implements the interface
