"""A rotating log file with secrets and names taken out before anything is written.

Redacted: any registered secret (the API key once read), every 32-hex md5
``sign``, JSON ``"sign": "..."`` values, and customer names passed through
:func:`redact_name`. Request ids (ref_id), states and timings stay.
"""

from __future__ import annotations

import logging
import re
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

_SIGN = re.compile(r"\b[0-9a-f]{32}\b")
_JSON_SIGN = re.compile(r'("sign"\s*:\s*")[^"]*(")')
_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str) -> None:
    """Never write ``value`` to a log (kept in memory only)."""
    if value and len(value) >= 4:
        with _lock:
            _secrets.add(value)


def redact(text: str) -> str:
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, "[secret]")
    text = _JSON_SIGN.sub(r"\1[sign]\2", text)
    return _SIGN.sub("[sign]", text)


def redact_name(name: str | None) -> str:
    """``BUDI SANTOSO`` → ``B*** S***``: enough to tell rows apart, not a person."""
    if not name:
        return ""
    return " ".join(part[0] + "***" for part in name.split())


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg, record.args = redact(message), None
        return True


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "loket.log"
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    return path
