"""The built-in simulator of the Digiswitch buyer API (no Qt).

A real HTTP server on loopback with the provider's paths, signs, rc codes,
test numbers and our own fault numbers (``kiosk.sim.numbers``). Used by
``--demo``, ``--self-test`` and every test.
"""

from __future__ import annotations

import threading
from decimal import Decimal
from types import TracebackType
from typing import Any

from kiosk.demo import DEMO_KEY, DEMO_USERNAME
from kiosk.sim.ledger import Ledger
from kiosk.sim.server import SimServer, balance_of

__all__ = ["DEMO_KEY", "DEMO_USERNAME", "Simulator"]


class Simulator:
    def __init__(
        self,
        *,
        username: str = DEMO_USERNAME,
        key: str = DEMO_KEY,
        balance: Decimal | int = Decimal("5000000"),
        pending_checks: int = 2,
        slow_seconds: float = 5.0,
        status_min_interval: float = 0.0,
        price_list_min_interval: float = 300.0,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        from kiosk.loopback import is_loopback

        if not is_loopback(host):
            raise ValueError("the simulator listens on loopback addresses only")
        self._ledger = Ledger(Decimal(balance), pending_checks, status_min_interval)
        self._server = SimServer(
            (host, port),
            username=username,
            key=key,
            ledger=self._ledger,
            slow_seconds=slow_seconds,
            price_list_min_interval=price_list_min_interval,
        )
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1/user/api/"

    @property
    def balance(self) -> Decimal:
        return balance_of(self._server)

    def start(self) -> Simulator:
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="loket-sim",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.stopping.set()
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def pay_count(self, ref_id: str) -> int:
        with self._ledger.lock:
            return self._ledger.payments.get(ref_id, 0)

    def payments(self) -> dict[str, int]:
        with self._ledger.lock:
            return dict(self._ledger.payments)

    def requests(self, command: str | None = None) -> list[dict[str, Any]]:
        """Every request body received (without its sign), oldest first."""
        with self._server.log_lock:
            bodies = list(self._server.log)
        if command is None:
            return bodies
        return [b for b in bodies if command in (b.get("command"), b.get("cmd"))]

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(
        self, *exc: tuple[type[BaseException] | None, BaseException | None, TracebackType | None]
    ) -> None:
        self.stop()
