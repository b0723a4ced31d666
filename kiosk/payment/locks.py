"""One lock per ref_id, shared by the payment service and the status resolver.

A pay holds its ref_id's lock for as long as its request is in flight, so no
status call, reconcile or manual resolution can act on a payment whose answer
is still on its way. Background work *tries* the lock and moves on when it is
taken; it never waits behind a slow pay.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class RefLocks:
    def __init__(self) -> None:
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def _lock(self, ref_id: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(ref_id, threading.Lock())

    @contextmanager
    def hold(self, ref_id: str) -> Iterator[None]:
        """Wait for the ref_id's lock (a pay, a manual resolution)."""
        lock = self._lock(ref_id)
        with lock:
            yield

    @contextmanager
    def try_hold(self, ref_id: str) -> Iterator[bool]:
        """Take the lock if it is free; yields False (and holds nothing) when it is not."""
        lock = self._lock(ref_id)
        taken = lock.acquire(blocking=False)
        try:
            yield taken
        finally:
            if taken:
                lock.release()

    def busy(self, ref_id: str) -> bool:
        return self._lock(ref_id).locked()
