"""The admin PIN: a salted scrypt hash, and five wrong tries lock it for five minutes."""

from __future__ import annotations

import base64

import pytest

from kiosk.pin import LOCK_SECONDS, MAX_TRIES, PinGuard, hash_pin, valid_pin, verify_pin


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

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
    for bad in ("", "garbage", "scrypt$1$2$3", "md5$16384$8$1$AAAA$AAAA",
                stored.replace("scrypt$16384", "scrypt$abc"), "scrypt$16384$8$1$!!$!!",
                "scrypt$1099511627776$8$1$AAAA$AAAA"):  # fmt: skip
        assert not verify_pin("24681357", bad)


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "١٢٣٤", " 1234", ""])
def test_only_4_to_8_ascii_digits(pin: str) -> None:
    assert not valid_pin(pin)
    with pytest.raises(ValueError):
        hash_pin(pin)


def test_a_right_pin_resets_the_count() -> None:
    guard = PinGuard(hash_pin("1357"), clock=FakeClock())
    for _ in range(MAX_TRIES - 1):
        assert not guard.check("0000")
    assert guard.tries_left() == 1
    assert guard.check("1357")
    assert guard.tries_left() == MAX_TRIES
    assert not guard.check("0000")  # one wrong try does not lock
    assert guard.locked_for() == 0


def test_five_wrong_tries_lock_then_time_unlocks() -> None:
    clock = FakeClock()
    guard = PinGuard(hash_pin("1357"), clock=clock)
    for _ in range(MAX_TRIES):
        assert not guard.check("0000")
    assert guard.locked_for() == LOCK_SECONDS == 300
    assert not guard.check("1357")  # even the right PIN waits
    clock.now += 120
    assert guard.locked_for() == LOCK_SECONDS - 120
    assert not guard.check("1357")
    clock.now += LOCK_SECONDS - 120
    assert guard.locked_for() == 0
    assert guard.check("1357")


def test_without_a_stored_pin_nothing_opens() -> None:
    guard = PinGuard("", clock=FakeClock())
    assert not guard.check("")
    assert not guard.check("1234")
