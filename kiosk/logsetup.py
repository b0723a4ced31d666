"""A rotating log file with secrets and names taken out before anything is written.

Redacted, in the message, its arguments, tracebacks and stack info:

* every registered secret (:func:`register_secret`; the API key once read),
  kept in this process's memory only;
* md5 signs: ``sign=<…>``, JSON ``"sign": "<…>"`` and any bare 32-hex token;
* customer names: JSON ``"name": "<…>"`` and ``name=<…>`` become ``B*** S***``.
  Callers logging a name use :func:`name_field` (or :func:`redact_name`).

Request ids (ref_id), rc, states and timings stay: they are what a support
person needs.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE = "loket.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_SIGN_FIELD = re.compile(r"(\bsign\s*[=:]\s*)['\"]?[^\s,;&'\"}]+['\"]?", re.IGNORECASE)
_JSON_SIGN = re.compile(r'("sign"\s*:\s*")[^"]*(")', re.IGNORECASE)
_HEX32 = re.compile(r"(?<![0-9A-Za-z])[0-9a-fA-F]{32}(?![0-9A-Za-z])")
_JSON_NAME = re.compile(r'("(?:customer_)?name"\s*:\s*")([^"]*)(")')
_NAME_FIELD = re.compile(
    r"(\b(?:customer_)?name=)(?:'([^']*)'|\"([^\"]*)\"|(.*?))(?=\s+\w+=|[,;)\n]|$)", re.MULTILINE
)

_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str) -> None:
    """Never write ``value`` to a log. Kept in memory only, never persisted."""
    if value and len(value) >= 4:
        with _lock:
            _secrets.add(value)


def redact_name(name: str | None) -> str:
    """``BUDI SANTOSO`` → ``B*** S***``: enough to tell rows apart, not a person."""
    if not name:
        return ""
    return " ".join(part[0] + "***" for part in name.split())


def name_field(name: str | None) -> str:
    """``name=B*** S***``, for log lines that mention a customer."""
    return f"name={redact_name(name)}"


def _name_sub(match: re.Match[str]) -> str:
    value = next((g for g in match.groups()[1:] if g is not None), "")
    return match.group(1) + redact_name(value)


def redact(text: str) -> str:
    """``text`` with secrets, signs and customer names taken out."""
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, "[secret]")
    text = _JSON_SIGN.sub(r"\1[sign]\2", text)
    text = _SIGN_FIELD.sub(r"\1[sign]", text)
    text = _HEX32.sub("[sign]", text)
    text = _JSON_NAME.sub(lambda m: m.group(1) + redact_name(m.group(2)) + m.group(3), text)
    return _NAME_FIELD.sub(_name_sub, text)


class RedactingFilter(logging.Filter):
    """Rewrites each record in place: message and args merged, then redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not leak its args raw either
            message = f"{record.msg!s} {record.args!r}"
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Log to ``log_dir/loket.log`` (1 MB × 5 files), redacted. Calling it again is harmless."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    root = logging.getLogger()
    root.setLevel(level)
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == os.path.abspath(path):
            return path
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    return path
