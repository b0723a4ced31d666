"""``python -m kiosk cash ...``: the technician's bill-acceptor commands.

* ``probe --device id003:/dev/ttyUSB0`` — model, version and denomination table.
* ``test --device id003:PORT --amount 50000 [--accept 2000,5000,...] [--timeout 120]``
  — takes allowed notes until the amount is reached; any other note is given
  back at escrow. One line per event (``credited 20000``, ``returned 2000``,
  ``rejected <reason>``, ``uncertain 50000``), then ``total <sum>``.

``--device sim`` runs the built-in ID-003 simulator on a pseudo-terminal, in
this process, through the same driver; ``--sim-notes 20000,2000,50000`` scripts
what is inserted (also ``fake``, ``jam``, ``box-out``, ``power``…; see
:mod:`kiosk.cash.sim.script`).

Exit codes: 0 done (amount reached), 1 device fault (``error: <words>``),
2 usage error, 3 timeout.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from kiosk.cash.acceptor import (
    AcceptorEvent,
    DeviceInfo,
    EventQueue,
    Fault,
    Ready,
    Rejected,
    Returned,
    Stacked,
    Uncertain,
)
from kiosk.cash.id003.driver import Id003Acceptor
from kiosk.cash.spec import DeviceSpecError, parse_device, parse_table
from kiosk.i18n import Lang
from kiosk.money import format_rupiah

OK, FAULT, USAGE, TIMEOUT = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk cash", description="Bill acceptor: probe and test."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    probe = sub.add_parser("probe", help="print model, version and denomination table")
    test = sub.add_parser("test", help="take notes until an amount is reached")
    for command in (probe, test):
        command.add_argument("--device", required=True, help="id003:PORT or sim")
        command.add_argument(
            "--table",
            default="",
            help="escrow code=Rupiah for devices that do not tell, "
            "e.g. 61=2000,62=5000 (hex codes)",
        )
        command.add_argument(
            "--sim-notes",
            default="",
            help="with --device sim: what is inserted, e.g. 20000,2000,fake,50000",
        )
        command.add_argument("--lang", choices=("en", "id"), default="en")
    probe.add_argument("--timeout", type=float, default=10.0, help="seconds (default 10)")
    test.add_argument("--amount", type=int, required=True, help="whole Rupiah to collect")
    test.add_argument(
        "--accept",
        default="",
        help="notes to keep, e.g. 2000,5000,10000 (default: all the device knows)",
    )
    test.add_argument("--timeout", type=float, default=120.0, help="seconds (default 120)")
    return parser


def _values(raw: str) -> frozenset[int]:
    values = set()
    for item in raw.replace(";", ",").split(","):
        if item.strip():
            value = int(item.strip().replace(".", "").replace("_", ""))
            if value <= 0:
                raise ValueError(item)
            values.add(value)
    return frozenset(values)


@contextmanager
def _acceptor(args: argparse.Namespace, events: EventQueue) -> Iterator[Id003Acceptor]:
    """The driver on the named port, or on a simulator started here for ``sim``."""
    from kiosk.cash.connect import open_acceptor
    from kiosk.cash.sim.script import parse_script, run_in_background

    spec = parse_device(args.device)
    table = parse_table(args.table)
    if args.sim_notes and spec.kind != "sim":
        raise ValueError("--sim-notes goes with --device sim only")
    steps = parse_script(args.sim_notes)
    with open_acceptor(spec, events, table=table) as handle:
        if handle.sim_device is not None:
            run_in_background(handle.sim_device, steps)
        yield handle.acceptor


def _wait_ready(events: EventQueue, deadline: float) -> DeviceInfo | Fault:
    event = events.wait_for(lambda e: isinstance(e, Ready | Fault), deadline - time.monotonic())
    if isinstance(event, Ready):
        return event.info
    assert isinstance(event, Fault)
    return event


def _print_info(info: DeviceInfo, device: str, lang: Lang) -> None:
    source = "from the device" if info.table_source == "device" else "from the setting"
    print(f"device:   {device}\nprotocol: {info.protocol}\nmodel:    {info.model}")
    print(f"version:  {info.version or '-'}\ndenominations ({source}):")
    for note in info.denominations:
        print(f"  {note.code:02x} = {note.value:>7}  {format_rupiah(note.value, lang)}")


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return OK if exc.code in (0, None) else USAGE
    try:
        accept = _values(args.accept) if args.command == "test" else frozenset()
        if args.command == "test" and args.amount <= 0:
            raise ValueError("--amount")
    except ValueError as exc:
        print(f"error: {exc} takes whole Rupiah above 0", file=sys.stderr)
        return USAGE
    events = EventQueue()
    deadline = time.monotonic() + args.timeout
    try:
        with _acceptor(args, events) as acceptor:
            try:
                ready = _wait_ready(events, deadline)
            except TimeoutError:
                print("error: the bill acceptor did not get ready in time", flush=True)
                return TIMEOUT
            if isinstance(ready, Fault):
                print(f"error: {ready.describe(args.lang)}", flush=True)
                return FAULT
            if args.command == "probe":
                _print_info(ready, args.device, args.lang)
                return OK
            return _collect(acceptor, events, ready, accept, args, deadline)
    except (DeviceSpecError, ValueError) as exc:
        words = exc.words.get(args.lang) if isinstance(exc, DeviceSpecError) else str(exc)
        print(f"error: {words}", file=sys.stderr)
        return USAGE


def _line(event: AcceptorEvent, lang: Lang) -> str | None:
    if isinstance(event, Stacked):
        return f"credited {event.value}"
    if isinstance(event, Returned):
        return f"returned {event.value}"
    if isinstance(event, Rejected):
        return f"rejected {event.words.get(lang)}"
    if isinstance(event, Uncertain):
        value = "unknown value" if event.value is None else str(event.value)
        return f"uncertain {value} (may be in the cash box; settle it at the next count)"
    return None


def _collect(
    acceptor: Id003Acceptor,
    events: EventQueue,
    info: DeviceInfo,
    accept: frozenset[int],
    args: argparse.Namespace,
    deadline: float,
) -> int:
    known = set(info.values())
    allowed = accept or frozenset(known)
    for value in sorted(allowed - known):
        print(f"note: the device does not know {value}; it cannot be taken", flush=True)
    acceptor.enable(allowed)
    total = 0
    code = OK
    try:
        while total < args.amount:
            event = events.get(deadline - time.monotonic())
            line = _line(event, args.lang)
            if line:
                print(line, flush=True)
            if isinstance(event, Stacked):
                total += event.value
            elif isinstance(event, Fault):
                print(f"error: {event.describe(args.lang)}", flush=True)
                code = FAULT
                break
    except TimeoutError:
        print(f"timeout: {total} of {args.amount} after {args.timeout:g} s", flush=True)
        code = TIMEOUT
    acceptor.disable()
    print(f"total {total}", flush=True)
    return code
