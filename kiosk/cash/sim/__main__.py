"""``python -m kiosk.cash.sim``: the ID-003 acceptor simulator on a pseudo-terminal.

Prints the pty path (point ``--device id003:PATH`` or a driver at it), then
reads steps from stdin, one line at a time (see :mod:`kiosk.cash.sim.script`):
``20000``, ``fake``, ``jam``, ``box-out``, ``power``, ``count``, ``quit`` …
Stops on ``quit``, Ctrl-C or SIGTERM; with stdin closed it keeps serving.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from kiosk.cash.sim.device import SimDevice
from kiosk.cash.sim.pty import PtySimulator
from kiosk.cash.sim.script import WORDS, ScriptError, apply, parse_script


def _count(device: SimDevice) -> str:
    box = ", ".join(f"{value}x{n}" for value, n in sorted(device.box.items())) or "empty"
    total = sum(value * n for value, n in device.box.items())
    return f"cash box: {box}; total {total}; returned {len(device.returned)}"


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.cash.sim", description=__doc__)
    parser.add_argument(
        "--no-currency",
        action="store_true",
        help="do not answer the currency-assignment request (0x8A)",
    )
    parser.add_argument("--capacity", type=int, help="notes the cash box holds")
    args = parser.parse_args(argv)
    device = SimDevice(answers_currency=not args.no_currency, capacity=args.capacity)
    signal.signal(signal.SIGTERM, _interrupt)
    with PtySimulator(device) as sim:
        print(f"ID-003 simulator on {sim.port}", flush=True)
        print(f"steps: {WORDS}, count, quit", flush=True)
        try:
            for line in sys.stdin:
                word = line.strip().lower()
                if word in ("quit", "exit"):
                    return 0
                if word == "count":
                    print(_count(device), flush=True)
                    continue
                try:
                    for step in parse_script(word):
                        apply(device, step, wait=10.0)
                except ScriptError as exc:
                    print(f"error: {exc}", flush=True)
            threading.Event().wait()  # stdin closed: serve until a signal
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
