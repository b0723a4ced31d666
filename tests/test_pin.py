from __future__ import annotations

import pytest

from kiosk.pin import LOCK_SECONDS, PinGuard, hash_pin, verify_pin


def test_hash_is_salted_and_verifies() -> None:
    one, two = hash_pin("2468"), hash_pin("2468")
    assert one != two and one.startswith("scrypt$16384$8$1$")
    assert "2468" not in one
    assert verify_pin("2468", one) and not verify_pin("2469", one)
    assert not verify_pin("2468", "garbage")
    with pytest.raises(ValueError):
        hash_pin("12a4")


def test_five_wrong_tries_lock_the_pin_for_a_while() -> None:
    now = [1000.0]
    guard = PinGuard(hash_pin("1357"), clock=lambda: now[0])
    for _ in range(5):
        assert not guard.check("0000")
    assert guard.locked_for() == LOCK_SECONDS
    assert not guard.check("1357")  # even the right PIN waits
    now[0] += LOCK_SECONDS + 1
    assert guard.check("1357")
