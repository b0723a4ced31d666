"""The PIN lock-out on disk: it survives restarts, grows, fails closed and keeps
its own file owner-only. Real files in a temp folder; time moves by an injected clock."""

from __future__ import annotations

import json
import stat
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.paths import AppPaths
from kiosk.pin import PinGuard, hash_pin
from kiosk.pin_lockout import (
    FILE_NAME,
    MAX_LOCK_S,
    MAX_TRIES,
    WORST_FAILURES,
    LockoutFile,
    LockoutState,
    lock_seconds,
)
from tests.core.test_pin import FakeClock

PIN = "1357"
HASH = hash_pin(PIN)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "config" / FILE_NAME


def test_the_file_lives_in_the_config_folder(loket_home: Path) -> None:
    assert AppPaths.default().pin_lockout_file == loket_home / "config" / FILE_NAME


def test_one_minute_then_doubling_up_to_an_hour() -> None:
    assert [lock_seconds(f) for f in range(1, 13)] == [
        0,
        0,
        0,
        0,
        60,
        120,
        240,
        480,
        960,
        1920,
        3600,
        3600,
    ]
    assert lock_seconds(WORST_FAILURES) == lock_seconds(10**6) == MAX_LOCK_S == 3600


def test_tries_survive_a_restart_and_a_second_guard(path: Path) -> None:
    clock = FakeClock()
    first = PinGuard(path, clock=clock)
    for _ in range(3):
        assert not first.check("0000", HASH)
    restarted = PinGuard(path, clock=clock)  # what the app builds after a restart
    assert restarted.tries_left() == MAX_TRIES  # nothing read yet ...
    assert restarted.load().failures == 3
    assert restarted.tries_left() == 2  # ... and the count is back
    assert not restarted.check("0000", HASH)
    assert not first.check("0000", HASH)  # the first guard reads the file before each try
    assert first.locked_for() == 60
    again = PinGuard(path, clock=clock)
    again.load()
    assert again.locked_for() == 60
    assert not again.check(PIN, HASH)  # locked: even the right PIN waits
    assert again.locked_for() == 60  # and a try while locked adds nothing


def test_each_failure_after_a_lock_doubles_it_even_across_restarts(path: Path) -> None:
    clock = FakeClock()
    guard = PinGuard(path, clock=clock)
    for _ in range(MAX_TRIES):
        assert not guard.check("0000", HASH)
    seen = [guard.locked_for()]
    for _ in range(7):
        clock.now += guard.locked_for()
        guard = PinGuard(path, clock=clock)  # a restart between every try
        guard.load()
        assert guard.locked_for() == 0 and guard.tries_left() == 1
        expected = guard.next_lock_seconds()
        assert not guard.check("0000", HASH)
        assert guard.locked_for() == expected
        seen.append(guard.locked_for())
    assert seen == [60, 120, 240, 480, 960, 1920, 3600, 3600]
    clock.now += 3599
    assert not guard.check(PIN, HASH)
    clock.now += 1
    assert guard.check(PIN, HASH)  # the right PIN clears everything
    assert guard.state == LockoutState()
    for _ in range(MAX_TRIES - 1):
        assert not guard.check("0000", HASH)
    assert guard.locked_for() == 0  # the count starts again from five


def test_the_file_is_owner_only_and_holds_no_pin(path: Path) -> None:
    clock = FakeClock()
    guard = PinGuard(path, clock=clock)
    for _ in range(MAX_TRIES):
        guard.check("2468", HASH)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert "2468" not in text and HASH not in text and PIN not in text
    assert json.loads(text) == {"version": 1, "failures": 5, "locked_until": "2026-12-03T09:27:40Z"}
    assert datetime(2026, 12, 3, 9, 27, 40, tzinfo=UTC).timestamp() == clock.now + 60
    assert sorted(p.name for p in path.parent.iterdir()) == [FILE_NAME]  # no temp files left


@pytest.mark.parametrize(
    "content",
    [
        b"garbage",
        b"",
        b"[]",
        b"\xff\xfe\x00",
        b'{"failures": 0}',
        b'{"version": 2, "failures": 0, "locked_until": null}',
        b'{"version": 1, "failures": -1, "locked_until": null}',
        b'{"version": 1, "failures": true, "locked_until": null}',
        b'{"version": 1, "failures": 2.0, "locked_until": null}',
        b'{"version": 1, "failures": 2, "locked_until": "yesterday"}',
        b'{"version": 1, "failures": 2, "locked_until": 1796290000}',
        b'{"version": 1, "failures": 2, "locked_until": "2026-12-03T09:00:00"}',  # no zone
    ],
)
def test_a_damaged_file_fails_closed(path: Path, content: bytes) -> None:
    """Anything this app did not write counts as the worst state: locked for an hour,
    and every wrong try after that another hour, until the right PIN."""
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    clock = FakeClock()
    guard = PinGuard(path, clock=clock)
    assert guard.load().failures == WORST_FAILURES
    assert guard.locked_for() == MAX_LOCK_S
    assert not guard.check(PIN, HASH)
    assert LockoutFile(path).read() == LockoutState(WORST_FAILURES, clock.now + MAX_LOCK_S)
    clock.now += 600  # the lock runs from when the damage was found, not from every read
    assert PinGuard(path, clock=clock).load().locked_for(clock.now) == MAX_LOCK_S - 600
    clock.now += MAX_LOCK_S - 600
    assert not guard.check("0000", HASH)
    assert guard.locked_for() == MAX_LOCK_S
    clock.now += MAX_LOCK_S
    assert guard.check(PIN, HASH)
    assert LockoutFile(path).read() == LockoutState()


def test_a_clock_set_back_never_locks_longer_than_an_hour(path: Path) -> None:
    clock = FakeClock()
    LockoutFile(path).write(LockoutState(MAX_TRIES, clock.now + 365 * 86400))
    guard = PinGuard(path, clock=clock)
    guard.load()
    assert guard.locked_for() == MAX_LOCK_S  # not a year
    assert LockoutFile(path).read() == LockoutState(MAX_TRIES, clock.now + MAX_LOCK_S)
    clock.now += MAX_LOCK_S
    assert guard.check(PIN, HASH)


def test_a_clock_set_back_a_little_keeps_the_lock(path: Path) -> None:
    clock = FakeClock()
    guard = PinGuard(path, clock=clock)
    for _ in range(MAX_TRIES):
        guard.check("0000", HASH)
    clock.now -= 600  # ten minutes back: the lock now ends 11 minutes ahead
    assert guard.locked_for() == 660
    assert not guard.check(PIN, HASH)


def test_a_lockout_file_that_cannot_be_read_fails_closed(tmp_path: Path) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where the config folder should be")
    guard = PinGuard(blocker / FILE_NAME, clock=FakeClock())
    assert not guard.check(PIN, HASH)
    assert guard.locked_for() == MAX_LOCK_S


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE as on Linux")
def test_when_the_count_cannot_be_saved_no_pin_opens(path: Path) -> None:
    """A disk that takes no more bytes (the file-size limit makes every write fail with
    EFBIG, for real): the try cannot be counted, so the PIN is not checked at all."""
    import resource
    import signal

    clock = FakeClock()
    guard = PinGuard(path, clock=clock)
    assert not guard.check("0000", HASH)
    before = path.read_bytes()
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8, limits[1]))
    try:
        with pytest.raises(OSError):
            guard.check(PIN, HASH)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
        signal.signal(signal.SIGXFSZ, handler)
    assert path.read_bytes() == before  # the old count is intact, no temp file left
    assert sorted(p.name for p in path.parent.iterdir()) == [FILE_NAME]
    assert guard.check(PIN, HASH)  # room again: the right PIN opens
