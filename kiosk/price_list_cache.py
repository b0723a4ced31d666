"""The price list, fetched at most once per 5 minutes, kept across restarts (no Qt).

The provider allows one full price-list fetch per 5 minutes and answers rc 83 otherwise
(REFERENCE.md). This cache asks at most that often, counting failed attempts too, and
remembers the time of the last attempt in a small JSON file beside the journal, so a
restart does not ask again within the 5 minutes. The file holds the list's entries and two
times, nothing secret (the key only ever goes into the request's sign). When a refresh
fails, the last good list stays in use, however old.

Every method that may touch the disk or the network runs in a worker thread
(``kiosk/ui/price_list_watch.py``); :meth:`PriceListCache.choices` only reads memory.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.models.parse import ReplyParseError
from kiosk.models.pricelist import PriceListItem, parse_item
from kiosk.price_list import PriceChoices

log = logging.getLogger("kiosk.price_list")

TTL_S = 300.0
"""The provider's limit: one full price-list fetch per 5 minutes (rc 83)."""
FILE_NAME = "price-list.json"
_VERSION = 1


class PriceListCache:
    """Thread-safe. ``fetch`` is the API call (``client.price_list``); ``file`` None
    keeps the cache in memory only."""

    def __init__(
        self,
        fetch: Callable[[], list[PriceListItem]],
        *,
        file: Path | None,
        clock: Callable[[], float] = time.time,
        ttl: float = TTL_S,
    ) -> None:
        self._fetch, self.file, self._clock, self.ttl = fetch, file, clock, ttl
        self._lock = threading.Lock()
        self._refreshing = threading.Lock()
        self._loaded = file is None
        self.items: list[PriceListItem] | None = None
        """The last good list (from the provider or the file); None before any."""
        self.fetched_at: float | None = None
        """Wall-clock time of the last good fetch."""
        self.attempted_at: float | None = None
        """Wall-clock time of the last attempt, good or not (the 5-minute rule counts it)."""
        self._choices = PriceChoices()

    def choices(self) -> PriceChoices:
        """The banks and wallets of the last good list; empty before any. No I/O."""
        with self._lock:
            return self._choices

    def due(self) -> bool:
        """Whether the 5 minutes since the last attempt are over (memory only)."""
        with self._lock:
            return self._due(self._clock())

    def _due(self, now: float) -> bool:
        if self.attempted_at is None:
            return True
        age = now - self.attempted_at
        return age >= self.ttl or age < 0  # a clock set back: the age is unknown

    def refresh(self) -> PriceChoices:
        """Worker thread only. Reads the file once, then fetches when due. A failed fetch
        keeps the last good list; it raises only when no list is known at all. The GUI's
        :meth:`choices` never waits for the network: only refreshes queue on each other."""
        with self._refreshing:
            if not self._loaded:
                self._loaded = True
                self._load()
            now = self._clock()
            with self._lock:
                if not self._due(now):
                    return self._choices
                self.attempted_at = now
            try:
                items = self._fetch()
            except Exception as exc:
                self._save()
                if self.items is None:
                    raise
                log.warning(
                    "price list not refreshed (%s); the list of %s is kept",
                    type(exc).__name__,
                    _when(self.fetched_at),
                )
                return self.choices()
            choices = PriceChoices.from_items(items)
            with self._lock:
                self.items, self.fetched_at, self._choices = items, now, choices
            self._save()
            return choices

    # -- the file ------------------------------------------------------------------------

    def _load(self) -> None:
        if self.file is None:
            return
        try:
            raw = json.loads(self.file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("price list file unreadable (%s); fetching anew", type(exc).__name__)
            return
        if not isinstance(raw, dict) or raw.get("version") != _VERSION:
            return
        with self._lock:
            self.attempted_at = _stamp(raw.get("attempted_at"))
            self.fetched_at = _stamp(raw.get("fetched_at"))
        entries = raw.get("items")
        if self.fetched_at is None or not isinstance(entries, list):
            return
        items = []
        for i, entry in enumerate(entries):
            try:
                items.append(parse_item(entry, f"items[{i}]"))
            except ReplyParseError:
                continue
        choices = PriceChoices.from_items(items)
        with self._lock:
            self.items, self._choices = items, choices

    def _save(self) -> None:
        """Atomically (temp file, fsync, rename); a failure is logged, never raised."""
        if self.file is None:
            return
        data = {
            "version": _VERSION,
            "attempted_at": self.attempted_at,
            "fetched_at": self.fetched_at,
            "items": [i.to_json() for i in self.items] if self.items is not None else None,
        }
        folder = self.file.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".price-list-", dir=folder)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(data, handle, ensure_ascii=False)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.file)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            log.warning("price list file not written (%s)", type(exc).__name__)


def _stamp(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _when(at: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(at)) if at is not None else "never"
