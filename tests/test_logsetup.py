"""The log file: rotating, and nothing secret or personal ever written to it."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from kiosk.logsetup import (
    RedactingFilter,
    configure_logging,
    name_field,
    redact,
    redact_name,
    register_secret,
)

KEY = "kunci-rahasia-log-5e1d"
SIGN = hashlib.md5(b"demo" + KEY.encode() + b"depo").hexdigest()


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    path = configure_logging(tmp_path / "logs")
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def read(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_a_rotating_file_of_1_mb_times_5(log_file: Path) -> None:
    assert log_file.name == "loket.log"
    handlers = [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, RotatingFileHandler) and h.baseFilename == str(log_file)
    ]
    assert len(handlers) == 1
    assert (handlers[0].maxBytes, handlers[0].backupCount) == (1_000_000, 5)
    assert any(isinstance(f, RedactingFilter) for f in handlers[0].filters)
    configure_logging(log_file.parent)  # a second call adds no second handler
    assert (
        sum(getattr(h, "baseFilename", "") == str(log_file) for h in logging.getLogger().handlers)
        == 1
    )
    logging.getLogger("kiosk.test").info("inquiry ref=%s rc=%s", "26010112345678", "00")
    line = read(log_file).strip().splitlines()[-1]
    assert " INFO kiosk.test: inquiry ref=26010112345678 rc=00" in line
    assert line[:4].isdigit()  # starts with the time


def test_signs_secrets_and_names_never_reach_the_file(log_file: Path) -> None:
    register_secret(KEY)
    log = logging.getLogger("kiosk.test")
    log.warning("key %s sign=%s", KEY, SIGN)
    log.warning("body %s", f'{{"username": "demo", "sign": "{SIGN}", "name": "BUDI SANTOSO"}}')
    log.warning("bare %s and upper %s", SIGN, SIGN.upper())
    log.warning("pay ref=%s %s rc=00", "26010112345678", name_field("SITI NUR AMINAH"))
    log.warning("paid name=BUDI SANTOSO rc=00")
    try:
        raise ValueError(f"boom with {KEY}")
    except ValueError:
        log.exception("failed")
    text = read(log_file)
    for secret in (KEY, SIGN, SIGN.upper(), "BUDI", "SANTOSO", "SITI", "AMINAH"):
        assert secret not in text, secret
    assert "sign=[sign]" in text and '"sign": "[sign]"' in text
    assert "B*** S***" in text and "S*** N*** A***" in text
    assert "ref=26010112345678" in text  # ids stay: support needs them
    assert "ValueError: boom with [secret]" in text


def test_redact_helpers() -> None:
    assert redact_name("BUDI SANTOSO") == "B*** S***"
    assert redact_name("  ani  ") == "a***"
    assert redact_name(None) == redact_name("") == ""
    assert name_field("BUDI SANTOSO") == "name=B*** S***"
    assert redact("x " + "0" * 32) == "x [sign]"
    assert redact("ref 26010112345678") == "ref 26010112345678"
    long_hex = "ab" * 32  # a sha256 is not an md5 sign
    assert redact(long_hex) == long_hex
    register_secret("abc")  # too short to redact safely: ignored
    assert redact("abc") == "abc"


def test_a_bad_format_string_does_not_leak_raw(log_file: Path) -> None:
    register_secret(KEY)
    logging.getLogger("kiosk.test").warning("two %s %s", KEY)
    assert KEY not in read(log_file)
