"""ESC/POS bytes and the thermal printer: a fake network printer on 127.0.0.1."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

import pytest

from kiosk.receipt.escpos import (
    NO_PAPER,
    NOT_CONFIGURED,
    OFFLINE,
    PrinterProblem,
    check_printer,
    escpos_bytes,
    parse_target,
    problem,
    send_to_printer,
)
from tests.test_receipts import receipt_for

pytest.importorskip("escpos", reason="python-escpos (the 'thermal' extra) is not installed")

ONLINE_QUERY, PAPER_QUERY = b"\x10\x04\x01", b"\x10\x04\x04"
PAPER_OK, PAPER_OUT, OFFLINE_BYTE = 0x12, 0x72, 0x1A


class FakePrinter:
    """A network printer on a free loopback port that answers DLE EOT status queries."""

    def __init__(self, paper: int = PAPER_OK, online: int = PAPER_OK) -> None:
        self.paper, self.online = paper, online
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received = bytearray()
        self.connections = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:  # closed
                return
            self.connections += 1
            with conn:
                data, answered = bytearray(), 0
                while chunk := conn.recv(65536):
                    data += chunk
                    for query in queries(data)[answered:]:  # the client waits for each answer
                        conn.sendall(bytes([self.online if query == ONLINE_QUERY else self.paper]))
                        answered += 1
                self.received += data

    @property
    def target(self) -> str:
        return f"network:127.0.0.1:{self.port}"

    def close(self) -> None:
        """Stop after the last connection is read to its end."""
        with contextlib.suppress(OSError):  # already closed
            self.server.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self.server.close()
        self.thread.join(timeout=10)
        assert not self.thread.is_alive()


def queries(data: bytes | bytearray) -> list[bytes]:
    """The status queries in ``data``, in the order they were sent."""
    found = []
    for query in (ONLINE_QUERY, PAPER_QUERY):
        start = 0
        while (at := data.find(query, start)) >= 0:
            found.append((at, query))
            start = at + 1
    return [query for _, query in sorted(found)]


@pytest.fixture
def printer() -> Iterator[FakePrinter]:
    fake = FakePrinter()
    yield fake
    fake.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_escpos_bytes_hold_the_receipt() -> None:
    receipt = receipt_for("pln")
    data = escpos_bytes(receipt)
    assert data.startswith(b"\x1b@")  # ESC @: initialise
    assert receipt.sn is not None and receipt.sn.encode() in data
    assert b"TOTAL BAYAR" in data and b"IDPEL" in data
    assert b"\x1d(k" in data and receipt.qr_payload.encode() in data  # the printer's own QR
    assert b"\x1dV" in data  # cut


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("usb:0416:5011", ("usb", (0x0416, 0x5011))),
        ("serial:/dev/ttyUSB0", ("serial", ("/dev/ttyUSB0", 9600))),
        ("serial:/dev/ttyUSB0:19200", ("serial", ("/dev/ttyUSB0", 19200))),
        ("serial:COM3", ("serial", ("COM3", 9600))),
        ("network:192.168.1.50", ("network", ("192.168.1.50", 9100))),
        ("network:printer.local:9101", ("network", ("printer.local", 9101))),
    ],
)
def test_parse_target(target: str, expected: tuple[str, tuple[object, ...]]) -> None:
    assert parse_target(target) == expected


@pytest.mark.parametrize("target", ["", "usb:zz:11", "usb:0416", "lpt:1", "network:", "serial:"])
def test_a_bad_target_is_not_configured(target: str) -> None:
    with pytest.raises(PrinterProblem) as info:
        check_printer(target)
    assert info.value.message is NOT_CONFIGURED


def test_send_to_printer_over_the_network(printer: FakePrinter) -> None:
    receipt = receipt_for("pdam")
    send_to_printer(receipt, printer.target)
    printer.close()
    assert receipt.sn is not None and receipt.sn.encode() in printer.received
    assert bytes(printer.received).startswith(ONLINE_QUERY)  # asked before printing


def test_no_paper_stops_the_receipt() -> None:
    fake = FakePrinter(paper=PAPER_OUT)
    try:
        with pytest.raises(PrinterProblem) as info:
            send_to_printer(receipt_for("pln"), fake.target)
        assert info.value.message is NO_PAPER
        assert "habis" in info.value.message.id and "paper" in info.value.message.en
        with pytest.raises(PrinterProblem):
            check_printer(fake.target)
    finally:
        fake.close()
    assert b"TOTAL BAYAR" not in fake.received


def test_check_printer_passes_when_all_is_well(printer: FakePrinter) -> None:
    check_printer(printer.target)
    printer.close()
    assert printer.connections == 1


def test_a_printer_that_is_not_there_is_offline() -> None:
    with pytest.raises(PrinterProblem) as info:
        send_to_printer(receipt_for("pln"), f"network:127.0.0.1:{free_port()}")
    assert info.value.message is OFFLINE


class Answers:
    """A python-escpos printer reduced to its status queries."""

    def __init__(self, online: bytes | Exception, paper: bytes | Exception) -> None:
        self.answers = {ONLINE_QUERY: online, PAPER_QUERY: paper}

    def query_status(self, mode: bytes) -> bytes:
        answer = self.answers[mode]
        if isinstance(answer, Exception):
            raise answer
        return answer


def test_problem_reads_the_status_bytes() -> None:
    assert problem(Answers(bytes([PAPER_OK]), bytes([PAPER_OK]))) is None
    offline = problem(Answers(bytes([OFFLINE_BYTE]), bytes([PAPER_OK])))
    assert offline is not None and offline.message is OFFLINE
    no_paper = problem(Answers(bytes([PAPER_OK]), bytes([PAPER_OUT])))
    assert no_paper is not None and no_paper.message is NO_PAPER


def test_a_printer_that_never_answers_is_not_a_problem() -> None:
    """Many serial printers cannot report status: that must not block payments."""
    assert problem(Answers(b"", b"")) is None
    assert problem(Answers(TimeoutError("no answer"), NotImplementedError())) is None
