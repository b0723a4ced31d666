"""``python -m kiosk`` reads the usual starts (``--demo``, ``--kiosk``, ``--cash``) without
building its argument parser; the app must get exactly what the parser would give it."""

from __future__ import annotations

import itertools

import pytest

from kiosk.__main__ import ENDPOINT_ENV, PLAIN_FLAGS, _parser, parsed_start, plain_start


@pytest.mark.parametrize("endpoint", [None, "https://api.example.test"])
def test_the_plain_starts_give_what_the_parser_gives(
    monkeypatch: pytest.MonkeyPatch, endpoint: str | None
) -> None:
    if endpoint is None:
        monkeypatch.delenv(ENDPOINT_ENV, raising=False)
    else:
        monkeypatch.setenv(ENDPOINT_ENV, endpoint)
    flags = sorted(PLAIN_FLAGS)
    for count in range(len(flags) + 1):
        for chosen in itertools.permutations(flags, count):
            args = list(chosen)
            assert plain_start(args) == parsed_start(_parser().parse_args(args)), args


@pytest.mark.parametrize(
    "args",
    [
        ["--demo", "--lang", "en"],
        ["--self-test"],
        ["--endpoint", "x"],
        ["--demo", "--data-dir", "/tmp/x"],
        ["--help"],
    ],
)
def test_anything_else_goes_to_the_parser(args: list[str]) -> None:
    assert plain_start(args) is None
