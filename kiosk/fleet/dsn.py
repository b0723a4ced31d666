"""The fleet database address: parsed, checked, and turned into connect options.

No psycopg here (``config set fleet_dsn`` validates without the ``[fleet]``
extra). A DSN is a ``postgresql://`` URI or libpq ``key=value`` words. Two
rules: it never holds a password (the password lives in the OS keychain), and
a host that is not loopback or a unix socket must be reached with TLS and a
verified certificate (``sslmode=verify-full``, added when missing, anything
weaker refused).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

from kiosk.i18n import Text
from kiosk.loopback import is_loopback

KIOSK_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_]{0,39}$")
ROLE_PREFIX = "loket_kiosk_"
_WORD_RE = re.compile(r"\s*(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|[^\s']+)")


class DsnError(ValueError):
    """A DSN the fleet will not use; ``text`` says why in both languages."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


BAD_DSN = Text(
    "Alamat database tidak terbaca. Contoh: postgresql://loket_kiosk_toko1@db.contoh.id/loket",
    "The database address cannot be read. Example: postgresql://loket_kiosk_toko1@db.example.com/loket",
)
HAS_PASSWORD = Text(
    "Alamat database tidak boleh memuat kata sandi. Simpan kata sandi dengan "
    "'python -m kiosk config set-fleet-password'.",
    "The database address must not hold the password. Store the password with "
    "'python -m kiosk config set-fleet-password'.",
)
WEAK_TLS = Text(
    "Database di luar komputer ini harus memakai TLS dengan sertifikat yang diperiksa "
    "(sslmode=verify-full).",
    "A database on another computer must be reached over TLS with a verified certificate "
    "(sslmode=verify-full).",
)
BAD_KIOSK_ID = Text(
    "ID kiosk hanya huruf kecil, angka dan garis bawah (maks. 40), diawali huruf atau angka.",
    "A kiosk ID is lower-case letters, digits and underscores (at most 40), starting with a "
    "letter or digit.",
)


def check_kiosk_id(kiosk_id: str) -> str:
    if not KIOSK_ID_RE.match(kiosk_id):
        raise DsnError(BAD_KIOSK_ID)
    return kiosk_id


def kiosk_role(kiosk_id: str) -> str:
    """The PostgreSQL role of one kiosk: ``loket_kiosk_<id>``."""
    return ROLE_PREFIX + check_kiosk_id(kiosk_id)


def _unquote_word(raw: str) -> str:
    if raw.startswith("'"):
        return re.sub(r"\\(.)", r"\1", raw[1:-1])
    return raw


def parse(dsn: str) -> dict[str, str]:
    """libpq options from a URI or ``key=value`` words (no defaults added)."""
    dsn = dsn.strip()
    if not dsn:
        raise DsnError(BAD_DSN)
    if dsn.startswith(("postgresql://", "postgres://")):
        try:
            url = urlsplit(dsn)
            port = url.port
        except ValueError:
            raise DsnError(BAD_DSN) from None
        options: dict[str, str] = {}
        if url.hostname:
            options["host"] = unquote(url.hostname)
        if port:
            options["port"] = str(port)
        if url.username:
            options["user"] = unquote(url.username)
        if url.password is not None:
            options["password"] = url.password
        if url.path.strip("/"):
            options["dbname"] = unquote(url.path.lstrip("/"))
        options.update(parse_qsl(url.query, keep_blank_values=True))
        return options
    options = {}
    position = 0
    for match in _WORD_RE.finditer(dsn):
        if dsn[position : match.start()].strip():
            raise DsnError(BAD_DSN)
        options[match.group(1)] = _unquote_word(match.group(2))
        position = match.end()
    if dsn[position:].strip() or not options:
        raise DsnError(BAD_DSN)
    return options


def is_local(options: dict[str, str]) -> bool:
    """Loopback or a unix socket (libpq's default when no host is given)."""
    host = options.get("host", "")
    hosts = [h for h in host.split(",") if h] or [""]
    return all(h == "" or h.startswith("/") or is_loopback(h) for h in hosts)


def connect_options(dsn: str) -> dict[str, str]:
    """The checked options to connect with; raises :class:`DsnError`."""
    options = parse(dsn)
    if "password" in options or "passfile" in options:
        raise DsnError(HAS_PASSWORD)
    if not is_local(options):
        mode = options.setdefault("sslmode", "verify-full")
        if mode != "verify-full":
            raise DsnError(WEAK_TLS)
    options.setdefault("connect_timeout", "10")
    options.setdefault("application_name", "loket")
    return options


def describe(dsn: str) -> str:
    """``user@host:port/db``: names the target (the cursor key, log lines) without secrets."""
    options = parse(dsn)
    return (
        f"{options.get('user', '')}@{options.get('host', '')}:{options.get('port', '5432')}"
        f"/{options.get('dbname', '')}"
    )
