"""One lock per ref_id, shared by the payment service and the status resolver.

A pay holds its ref_id's lock for as long as its request is in flight, so no
status call, reconcile or manual resolution can act on a payment whose answer
is still on its way. Background work *tries* the lock and moves on when it is
taken; it never waits behind a slow pay.

Locks are counted while in use and dropped after, so a kiosk that pays all day
keeps no lock per payment it ever made.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class RefLocks:
    def __init__(self) -> None:
        self._locks: dict[str, tuple[threading.Lock, int]] = {}
        self._guard = threading.Lock()

    def _take(self, ref_id: str) -> threading.Lock:
        with self._guard:
            lock, users = self._locks.get(ref_id, (None, 0))
            if lock is None:
                lock = threading.Lock()
            self._locks[ref_id] = (lock, users + 1)
            return lock

    def _leave(self, ref_id: str) -> None:
        with self._guard:
            lock, users = self._locks[ref_id]
            if users <= 1:
                del self._locks[ref_id]
            else:
                self._locks[ref_id] = (lock, users - 1)

    @contextmanager
    def hold(self, ref_id: str) -> Iterator[None]:
        """Wait for the ref_id's lock (a pay, a manual resolution)."""
        lock = self._take(ref_id)
        try:
            with lock:
                yield
        finally:
            self._leave(ref_id)

    @contextmanager
    def try_hold(self, ref_id: str) -> Iterator[bool]:
        """Take the lock if it is free; yields False (and holds nothing) when it is not."""
        lock = self._take(ref_id)
        taken = lock.acquire(blocking=False)
        try:
            yield taken
        finally:
            if taken:
                lock.release()
            self._leave(ref_id)

    def busy(self, ref_id: str) -> bool:
        with self._guard:
            found = self._locks.get(ref_id)
            return found is not None and found[0].locked()

    def __len__(self) -> int:
        with self._guard:
            return len(self._locks)
