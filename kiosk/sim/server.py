"""The simulator's HTTP side: same paths, same JSON, same signs as the provider."""

from __future__ import annotations

import hashlib
import json
import socket
import sys
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from kiosk.rc import lookup
from kiosk.sim.ledger import Ledger
from kiosk.sim.numbers import Fault
from kiosk.sim.pricelist import PriceListLimit, listed

PREFIX = "/v1/user/api/"
MAX_REQUEST = 64 * 1024
TRANSACTION_COMMANDS = ("inq-pasca", "pay-pasca", "status-pasca")
HTML_502 = b"<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"


def md5(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


class SimServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        *,
        username: str,
        key: str,
        ledger: Ledger,
        slow_seconds: float,
        price_list_min_interval: float = 300.0,
    ) -> None:
        super().__init__(address, Handler)
        self.price_limit = PriceListLimit(price_list_min_interval)
        self.username, self.key, self.ledger = username, key, ledger
        self.slow_seconds = slow_seconds
        self.stopping = threading.Event()
        self.log: list[dict[str, Any]] = []
        self.log_lock = threading.Lock()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up mid-reply (a timeout, a closed demo) is normal here:
        no BrokenPipeError traceback on the terminal. Anything else is still printed."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: SimServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, ctype: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, payload: Any) -> None:
        self._send(200, json.dumps(payload).encode())

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST:
            self.close_connection = True
            self._send(413, b'{"error": "request too large"}')
            return
        raw = self.rfile.read(length)
        if not self.path.startswith(PREFIX):
            self._send(404, b'{"error": "not found"}')
            return
        route = self.path[len(PREFIX) :].split("?", 1)[0]
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        if not isinstance(body, dict):
            self._json({"data": {"rc": "40", "status": "Gagal", "message": "Payload Error"}})
            return
        with self.server.log_lock:
            self.server.log.append({k: v for k, v in body.items() if k != "sign"})
        if route == "transaction":
            self._transaction(body)
        elif route == "cek-saldo":
            self._balance(body)
        elif route == "price-list":
            self._price_list(body)
        else:
            self._send(404, b'{"error": "not found"}')

    def _auth(self, body: dict[str, Any], suffix: str) -> str | None:
        """The failing rc, or None when username and sign are right."""
        if body.get("username") != self.server.username:
            return "42"
        if body.get("sign") != md5(self.server.username + self.server.key + suffix):
            return "41"
        return None

    def _transaction(self, body: dict[str, Any]) -> None:
        ledger = self.server.ledger
        required = ("command", "username", "code", "customer_no", "ref_id", "sign")
        if any(not isinstance(body.get(k), str) or not body.get(k) for k in required) or (
            "testing" in body and not isinstance(body["testing"], bool)
        ):
            self._json({"data": ledger.failure(body, "40")})
            return
        rc = self._auth(body, body["ref_id"])
        if rc is None and body["command"] not in TRANSACTION_COMMANDS:
            rc = "40"
        if rc is None and not ledger.known_code(body["code"]):
            rc = "43"
        if rc is not None:
            self._json({"data": ledger.failure(body, rc)})
            return
        fault: Fault | None = None
        if body["command"] == "inq-pasca":
            data, fault = ledger.inquire(body)
        elif body["command"] == "pay-pasca":
            data, fault = ledger.pay(body)
        else:
            data = ledger.status(body)
        self._deliver({"data": data}, fault)

    def _deliver(self, payload: dict[str, Any], fault: Fault | None) -> None:
        if fault is Fault.SLOW:
            self.server.stopping.wait(self.server.slow_seconds)
        if fault is Fault.DROP:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif fault in (Fault.HTML_502, Fault.INQUIRY_502):
            self._send(502, HTML_502, "text/html")
        elif fault is Fault.BAD_JSON:
            self._send(200, b'{"data": {"rc": "00", "status": "Suk')
        elif fault is Fault.NO_DATA:
            self._json({"rc": "00", "message": "Transaksi Sukses", "status": "Sukses"})
        elif fault is Fault.HUGE:
            payload["data"]["padding"] = "x" * (3 * 1024 * 1024)
            self._json(payload)
        else:
            self._json(payload)

    def _balance(self, body: dict[str, Any]) -> None:
        rc = self._auth(body, "depo") or (None if body.get("cmd") == "deposit" else "40")
        if rc is not None:
            self._json({"data": {"rc": rc, "message": "Gagal", "status": "Gagal"}})
            return
        self._json({"data": {"deposit": float(self.server.ledger.balance)}})

    def _price_list(self, body: dict[str, Any]) -> None:
        rc = self._auth(body, "pricelist") or (None if body.get("command") == "pasca" else "40")
        if rc is None and not body.get("code") and not self.server.price_limit.allow():
            rc = "83"  # the full list: once per 5 minutes, like the provider
        if rc is not None:
            self._json({"data": {"rc": rc, "message": lookup(rc).meaning, "status": "Gagal"}})
            return
        self._json({"data": listed(body.get("code"))})


def balance_of(server: SimServer) -> Decimal:
    with server.ledger.lock:
        return server.ledger.balance
