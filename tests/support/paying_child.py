"""A child process that inquires and pays against a simulator, for the SIGKILL test.

Usage: python -m tests.support.paying_child SIM_URL JOURNAL_PATH CUSTOMER_NO
Prints the ref_id once the bill is journaled, then pays (the parent kills it).
"""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.api import DigiswitchClient, Timeouts
from kiosk.journal import Journal
from kiosk.payment import BillRequest, PaymentService


def main() -> None:
    url, journal_path, number = sys.argv[1:4]
    client = DigiswitchClient(
        base_url=url,
        username="demo",
        key_provider=lambda: "demo-key",
        testing=True,
        timeouts=Timeouts(connect=2, read=60),
    )
    service = PaymentService(client=client, journal=Journal(Path(journal_path)))
    bill = service.inquire(BillRequest("pln", number))
    print(bill.ref_id, flush=True)
    service.pay(bill)
    print("finished", flush=True)


if __name__ == "__main__":
    main()
