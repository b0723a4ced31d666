"""``python -m kiosk.sim --port N``: run the simulator in the foreground."""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
from decimal import Decimal

from kiosk.sim import DEMO_KEY, DEMO_USERNAME, Simulator
from kiosk.sim.numbers import demo_numbers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.sim", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="loopback address only")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--username", default=DEMO_USERNAME)
    parser.add_argument("--key", default=DEMO_KEY)
    parser.add_argument("--balance", default="5000000")
    parser.add_argument("--pending-checks", type=int, default=2)
    parser.add_argument("--slow-seconds", type=float, default=5.0)
    parser.add_argument("--list-numbers", action="store_true", help="print the demo numbers")
    args = parser.parse_args(argv)
    if args.list_numbers:
        for code, number, what in demo_numbers():
            print(f"{code:13} {number:40} {what}")
        return 0
    try:
        sim = Simulator(
            username=args.username,
            key=args.key,
            balance=Decimal(args.balance),
            pending_checks=args.pending_checks,
            slow_seconds=args.slow_seconds,
            host=args.host,
            port=args.port,
        )
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with sim:
        print(f"Simulator listening on {sim.url} (username {args.username!r})", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
