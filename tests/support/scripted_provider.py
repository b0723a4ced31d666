"""A loopback provider whose answers a test scripts, one per call, per command.

Real sockets and real HTTP (the client is the production client); the test
decides what each inquiry, pay and status call answers: an rc, a fault
(``drop``, ``html502``, ``garbage``), or to hold the reply until released.
Every request is recorded with the time it arrived.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

EXAMPLE = Path(__file__).resolve().parent.parent / "data" / "examples" / "pay-pasca-pln.json"
STATUS = {"00": "Sukses", "03": "Pending", "99": "Pending"}


@dataclass
class Call:
    command: str
    ref_id: str
    customer_no: str
    at: float


@dataclass
class Answer:
    rc: str | None = "00"
    fault: str | None = None
    """``drop`` (close without a reply), ``html502``, ``garbage``."""
    hold: threading.Event | None = None
    """Wait for this event before answering (a pay still in flight)."""
    arrived: threading.Event | None = None
    """Set when the request arrives (before any hold)."""
    overrides: dict[str, Any] = field(default_factory=dict)
    """Fields to put into ``data`` (e.g. another customer_no, a different price)."""


class ScriptedProvider:
    def __init__(self) -> None:
        self.script: dict[str, deque[Answer]] = defaultdict(deque)
        self.default: dict[str, Answer] = {"inq-pasca": Answer("00"), "status-pasca": Answer("50")}
        self.calls: list[Call] = []
        self._lock = threading.Lock()
        self._example = json.loads(EXAMPLE.read_text())["data"]
        provider = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                provider._answer(self, body)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=lambda: self._server.serve_forever(poll_interval=0.05), daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1/user/api/"

    def __enter__(self) -> ScriptedProvider:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def then(self, command: str, *answers: Answer | str) -> ScriptedProvider:
        """Queue answers for ``command`` ("pay", "status", "inquiry" or the full name)."""
        name = {"pay": "pay-pasca", "status": "status-pasca", "inquiry": "inq-pasca"}.get(
            command, command
        )
        for answer in answers:
            self.script[name].append(Answer(answer) if isinstance(answer, str) else answer)
        return self

    def count(self, command: str) -> int:
        name = {"pay": "pay-pasca", "status": "status-pasca"}.get(command, command)
        with self._lock:
            return sum(1 for c in self.calls if c.command == name)

    def _next(self, command: str) -> Answer:
        with self._lock:
            queue = self.script[command]
            return queue.popleft() if queue else self.default.get(command, Answer("00"))

    def _answer(self, handler: BaseHTTPRequestHandler, body: dict[str, Any]) -> None:
        command = str(body.get("command"))
        with self._lock:
            self.calls.append(
                Call(
                    command, str(body.get("ref_id")), str(body.get("customer_no")), time.monotonic()
                )
            )
        answer = self._next(command)
        if answer.arrived is not None:
            answer.arrived.set()
        if answer.hold is not None:
            answer.hold.wait(10)
        if answer.fault == "drop":
            handler.close_connection = True
            handler.connection.close()
            return
        if answer.fault == "html502":
            self._send(handler, 502, b"<html><body>Bad Gateway</body></html>")
            return
        if answer.fault == "garbage":
            self._send(handler, 200, b"\x00not json")
            return
        data = dict(self._example)
        rc = answer.rc or "00"
        data.update(
            ref_id=body["ref_id"],
            customer_no=body["customer_no"],
            code=body["code"],
            rc=rc,
            status=STATUS.get(rc, "Gagal"),
            sn="12345678901234567890" if rc == "00" else "",
        )
        data.update(answer.overrides)
        self._send(handler, 200, json.dumps({"data": data}).encode())

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, out: bytes) -> None:
        handler.send_response(status)
        handler.send_header("Content-Length", str(len(out)))
        handler.end_headers()
        handler.wfile.write(out)
