"""1,000 consecutive payments through the payment service against the simulator."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.api import DigiswitchClient, Timeouts
from kiosk.journal import Journal
from kiosk.payment import BillRequest, PaymentService
from kiosk.sim import Simulator

pytestmark = pytest.mark.bench


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def test_thousand_payments(tmp_path: Path) -> None:
    with Simulator(port=0, balance=10**12) as sim:
        client = DigiswitchClient(base_url=sim.url, username="demo", key_provider=lambda: "demo-key",
                                  testing=True, timeouts=Timeouts(connect=2, read=5))  # fmt: skip
        journal = Journal(tmp_path / "journal.sqlite3")
        service = PaymentService(client=client, journal=journal, status_interval=0)
        at_100 = 0
        for i in range(1000):
            number = f"54{i:010d}"
            result = service.pay(service.inquire(BillRequest("pln", number)))
            assert result.state.final
            if i == 99:
                at_100 = rss_kib()
        growth = (rss_kib() - at_100) / at_100 * 100
        unresolved = len(journal.unresolved())
        print(f"\nsoak: RSS growth from payment 100 to 1,000: {growth:.1f} % (target < 10 %); "
              f"journal rows not final: {unresolved} (target 0); payments at the simulator: "
              f"{sum(sim.payments().values())}")  # fmt: skip
