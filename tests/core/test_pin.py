"""The admin PIN: a salted scrypt hash, checked by a guard that counts wrong tries
(the lock-out itself: tests/test_pin_lockout.py)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from kiosk.pin import PinGuard, hash_pin, valid_pin, verify_pin
from kiosk.pin_lockout import FILE_NAME, MAX_TRIES

HASH = hash_pin("1357")


class FakeClock:
    """Wall-clock UTC seconds that only move when a test moves them."""

    def __init__(self) -> None:
        self.now = 1_796_290_000.0  # 2026-12-03, the day these tests were written

    def __call__(self) -> float:
        return self.now


def test_hash_format_is_scrypt_with_a_fresh_salt() -> None:
    one, two = hash_pin("2468"), hash_pin("2468")
    assert one != two
    kind, n, r, p, salt, digest = one.split("$")
    assert (kind, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(digest)) == 32
    assert "2468" not in one


def test_verify_right_wrong_and_malformed() -> None:
    stored = hash_pin("24681357")
    assert verify_pin("24681357", stored)
    assert not verify_pin("24681358", stored)
    assert not verify_pin("", stored)
    for bad in (
        "",
        "garbage",
        "scrypt$1$2$3",
        "md5$16384$8$1$AAAA$AAAA",
        stored.replace("scrypt$16384", "scrypt$abc"),
        "scrypt$16384$8$1$!!$!!",
        "scrypt$1099511627776$8$1$AAAA$AAAA",
    ):
        assert not verify_pin("24681357", bad)


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "١٢٣٤", " 1234", ""])
def test_only_4_to_8_ascii_digits(pin: str) -> None:
    assert not valid_pin(pin)
    with pytest.raises(ValueError):
        hash_pin(pin)


def test_a_right_pin_resets_the_count(tmp_path: Path) -> None:
    guard = PinGuard(tmp_path / FILE_NAME, clock=FakeClock())
    for _ in range(MAX_TRIES - 1):
        assert not guard.check("0000", HASH)
    assert guard.tries_left() == 1
    assert guard.check("1357", HASH)
    assert guard.tries_left() == MAX_TRIES
    assert not guard.check("0000", HASH)  # one wrong try does not lock
    assert guard.locked_for() == 0


def test_without_a_stored_pin_nothing_opens(tmp_path: Path) -> None:
    guard = PinGuard(tmp_path / FILE_NAME, clock=FakeClock())
    assert not guard.check("", "")
    assert not guard.check("1234", "")
