"""Loopback servers that misbehave at the transport level, for the client's tests.

* :func:`tls_server` — real TLS on 127.0.0.1 with a certificate made for the test
  (``cryptography``), trusted by the client through a CA bundle file. After the
  handshake it reads the whole request, then breaks the TLS stream: it writes a
  record the client cannot decrypt, either before any reply byte or after the
  headers and part of the body.
* :func:`trickle_server` — plain HTTP that sends the headers at once and then the
  body one byte at a time, slowly, so no single read ever times out.
* :func:`keepalive_server` — plain HTTP/1.1 that keeps connections open and counts
  them; or hangs up after each reply without saying so; or sends less body than
  its Content-Length promised.

Real sockets, no mocks. Each server records the requests it read in full.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import socket
import ssl
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

BREAK_BEFORE_REPLY = "before-reply"
BREAK_MID_BODY = "mid-body"
REPLY = b'{"data": {"rc": "00", "message": "SUKSES"}}'


@dataclass
class Served:
    url: str
    ca_bundle: str
    requests: list[bytes] = field(default_factory=list)
    connections: int = 0
    hung_up: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(0))


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (it is its own CA) and its key."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "loket-test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


def _read_request(conn: socket.socket) -> bytes:
    """The whole request: headers, then Content-Length bytes of body."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def _serve(listener: socket.socket, handle: object, stop: threading.Event) -> None:
    listener.settimeout(0.2)
    while not stop.is_set():
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        except OSError:
            return
        conn.settimeout(10)
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


@contextmanager
def _listening(handle: object) -> Iterator[int]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()
    thread = threading.Thread(target=_serve, args=(listener, handle, stop), daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        stop.set()
        thread.join(2)
        listener.close()


@contextmanager
def tls_server(folder: Path, *, break_at: str) -> Iterator[Served]:
    """HTTPS on loopback that reads the request, then breaks the TLS stream at ``break_at``."""
    cert_file, key_file = make_certificate(folder)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    served = Served(url="", ca_bundle=str(cert_file))

    def handle(raw: socket.socket) -> None:
        try:
            with context.wrap_socket(raw, server_side=True) as conn:
                request = _read_request(conn)
                served.requests.append(request)
                if break_at == BREAK_MID_BODY:
                    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    conn.sendall(head + b"Content-Length: %d\r\n\r\n" % len(REPLY) + REPLY[:10])
                # A record that claims to be application data but is not encrypted with
                # the session's keys: the client's TLS layer fails to decrypt it.
                os.write(conn.fileno(), b"\x17\x03\x03\x00\x20" + os.urandom(32))
        except (OSError, ssl.SSLError):
            pass  # the client hung up, or refused our certificate

    with _listening(handle) as port:
        served.url = f"https://127.0.0.1:{port}/v1/user/api/"
        yield served


@contextmanager
def trickle_server(*, every: float) -> Iterator[Served]:
    """Plain HTTP: headers at once, then the body one byte every ``every`` seconds."""
    served = Served(url="", ca_bundle="")
    stop = threading.Event()

    def handle(conn: socket.socket) -> None:
        with conn:
            served.requests.append(_read_request(conn))
            try:
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\n\r\n" % len(REPLY)
                )
                for byte in REPLY:
                    if stop.wait(every):
                        return
                    conn.sendall(bytes([byte]))
            except OSError:
                return  # the client gave up

    with _listening(handle) as port:
        served.url = f"http://127.0.0.1:{port}/v1/user/api/"
        try:
            yield served
        finally:
            stop.set()


@contextmanager
def keepalive_server(
    *, hang_up: bool = False, missing: int = 0, reset_nth: int = 0
) -> Iterator[Served]:
    """HTTP/1.1 answering every request on a connection with :data:`REPLY`.

    ``hang_up``: close the connection after each reply, as a server whose keep-alive
    timeout ran out does, without a ``Connection: close`` (``hung_up`` is released
    once it is closed). ``missing``: promise that many bytes more than are sent, then
    close. ``reset_nth``: reset each connection (RST, no reply) when its nth request
    arrives, as a server whose keep-alive ran out just as that request came in.
    """
    served = Served(url="", ca_bundle="")

    def handle(conn: socket.socket) -> None:
        served.connections += 1
        on_this = 0
        with conn:
            while request := _read_request(conn):
                served.requests.append(request)
                on_this += 1
                if on_this == reset_nth:
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    break
                head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                length = b"Content-Length: %d\r\n\r\n" % (len(REPLY) + missing)
                try:
                    conn.sendall(head + length + REPLY)
                except OSError:
                    return
                if hang_up or missing:
                    break
        served.hung_up.release()

    with _listening(handle) as port:
        served.url = f"http://127.0.0.1:{port}/v1/user/api/"
        yield served
