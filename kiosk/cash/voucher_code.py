"""Voucher codes a customer can type: 10 characters, unambiguous, with a check character.

The alphabet has no 0/O, 1/I/L or U (30 symbols: ``2-9`` and 22 letters).
Nine random symbols carry about 44 bits; the tenth is a Luhn mod 30 check
character, so one mistyped character or two swapped neighbours are caught
before the journal is asked. Shown as ``ABCDE-FGHJK``; typed with or
without the dash, spaces, in any case.
"""

from __future__ import annotations

from random import SystemRandom

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 10
_INDEX = {char: i for i, char in enumerate(ALPHABET)}
_N = len(ALPHABET)
_RANDOM = SystemRandom()
"""The OS's CSPRNG, as ``secrets`` uses; ``secrets`` itself would import ``hmac`` and
with it OpenSSL's digest table (~1 MiB resident, issue 16) for no hash at all."""


def check_char(body: str) -> str:
    """Luhn mod N over ``body`` (symbols of :data:`ALPHABET`)."""
    total = 0
    factor = 2
    for char in reversed(body):
        addend = factor * _INDEX[char]
        total += addend // _N + addend % _N
        factor = 1 if factor == 2 else 2
    return ALPHABET[(_N - total % _N) % _N]


def new_code() -> str:
    body = "".join(_RANDOM.choice(ALPHABET) for _ in range(LENGTH - 1))
    return body + check_char(body)


def normalise(typed: str) -> str | None:
    """The code in canonical form, or ``None`` when it cannot be a voucher code."""
    code = "".join(typed.split()).replace("-", "").upper()
    if len(code) != LENGTH or any(char not in _INDEX for char in code):
        return None
    if check_char(code[:-1]) != code[-1]:
        return None
    return code


def display(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"
