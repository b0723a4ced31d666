"""Non-secret settings, declared once, stored as JSON in the config folder.

The API key is *not* here: it lives only in the OS keychain (``kiosk.keychain``).
The admin PIN is here only as a salted scrypt hash (``kiosk.pin``).
Unknown keys in the file are ignored; a bad value falls back to its default
(with a log line) so a hand-edited file cannot stop the kiosk from starting.
"""

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from kiosk.endpoints import PRODUCTION_URL

log = logging.getLogger("kiosk.settings")

LANGUAGES = ("id", "en")
PAPERS = ("58mm", "80mm", "a4")
COLLECTIONS = ("attended", "cash")
"""Who takes the customer's money: the shopkeeper, or a bill acceptor (``kiosk.cash``)."""
VOUCHER_DAYS_RANGE = (1, 3650)
IDLE_TIMEOUT_RANGE = (15, 600)
"""Seconds of no touch before the kiosk returns home (the settings form's bounds)."""


# A NamedTuple, not a frozen dataclass: the first frame reads the settings, and importing
# ``dataclasses`` and generating the class cost ~8 ms of a ~70 ms start-up budget
# (issue 16); a NamedTuple is made in ~0.5 ms and is just as immutable. The default of
# its one mapping, ``shop_fees``, is read-only, so the shared default cannot be changed.
# No ``from __future__ import annotations`` in this module: NamedTuple would compile each
# string annotation into a ForwardRef (~0.15 ms a field).
class Settings(NamedTuple):
    shop_name: str = "Loket PPOB"
    language: str = "id"  # "id" | "en"
    api_username: str = ""
    endpoint: str = PRODUCTION_URL
    testing: bool = False
    """Send ``"testing": true`` on every call (development only, never production)."""
    kiosk_mode: bool = False
    idle_timeout_s: int = 60
    low_balance_warning: int = 100_000
    shop_fees: Mapping[str, int] = MappingProxyType({})
    """Adm Loket per product code, whole Rupiah."""
    status_poll_min_s: float = 60.0
    """The provider allows one status call per transaction per minute (rc 85)."""
    admin_pin_hash: str = ""
    thermal_printer: str = ""
    """python-escpos target: "" (none), "usb:VID:PID", "serial:/dev/ttyUSB0", "network:HOST[:PORT]"."""
    paper: str = "80mm"  # "58mm" | "80mm" | "a4"
    kiosk_id: str = ""
    """This kiosk's name in the fleet database (``loket_kiosk_<id>`` is its role); "" = no fleet."""
    fleet_dsn: str = ""
    """The fleet database (PostgreSQL) without the password, which is in the keychain."""
    unresolved_alert_min: int = 15
    """The fleet is alerted when a payment stays unresolved this many minutes."""
    collection: str = "attended"  # "attended" | "cash"
    cash_device: str = "sim"
    """The bill acceptor: "id003:PORT" or "sim" (the built-in simulator; ``kiosk.cash.spec``)."""
    cash_table: str = ""
    """Escrow code = Rupiah ("61=2000,...") for a device that does not tell its table."""
    voucher_days: int = 30
    """How long a change or refund voucher can be used."""

    def shop_fee(self, code: str) -> int:
        return int(self.shop_fees.get(code, 0))

    def with_changes(self, **changes: Any) -> "Settings":
        unknown = set(changes) - set(self._fields)
        if unknown:
            raise TypeError(f"unknown settings: {sorted(unknown)}")
        return self._replace(**changes)

    def as_dict(self) -> dict[str, Any]:
        """Plain values, ready for JSON (the fees as a plain dict)."""
        data = self._asdict()
        data["shop_fees"] = dict(self.shop_fees)
        return data

    @property
    def configured(self) -> bool:
        return bool(self.api_username)


def endpoint_ok(url: str) -> bool:
    """Whether the API client accepts ``url`` (https, or http to loopback only)."""
    from kiosk.api.errors import ConfigurationError
    from kiosk.api.transport import checked_base_url

    try:
        checked_base_url(url)
    except ConfigurationError:
        return False
    return True


_TYPES: dict[str, type] = {name: type(value) for name, value in Settings().as_dict().items()}


def _coerce(name: str, value: Any) -> Any:
    default = getattr(Settings(), name)
    kind = _TYPES[name]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if kind is dict:
        if not isinstance(value, dict):
            raise TypeError(name)
        # Whole Rupiah only: a fee of 2500.5 (or "abc") is refused, never truncated.
        fees = {str(k): v for k, v in value.items()}
        if not all(
            isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in fees.values()
        ):
            raise ValueError(name)
        return fees
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TypeError(name)
    if (name == "language" and value not in LANGUAGES) or (name == "paper" and value not in PAPERS):
        return default
    if name == "collection" and value not in COLLECTIONS:
        return default
    if (
        name == "voucher_days"
        and not VOUCHER_DAYS_RANGE[0] <= int(str(value)) <= VOUCHER_DAYS_RANGE[1]
    ):
        return default
    if name in ("cash_device", "cash_table") and not _cash_ok(name, str(value)):
        return default
    return value


def _cash_ok(name: str, value: str) -> bool:
    from kiosk.cash.spec import DeviceSpecError, parse_device, parse_table

    try:
        if name == "cash_device":
            parse_device(value)
        elif value:
            parse_table(value)
    except (DeviceSpecError, ValueError):
        return False
    return True


def load(path: Path) -> Settings:
    """The settings in ``path``; defaults when the file is missing or unreadable."""
    try:
        import json  # only when a settings file is read

        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file unreadable (%s); using defaults", type(exc).__name__)
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    values: dict[str, Any] = {}
    for name in _TYPES:
        if name in raw:
            try:
                values[name] = _coerce(name, raw[name])
            except (TypeError, ValueError):
                log.warning("setting %s has a bad value; using the default", name)
    return Settings(**values)


def save(path: Path, settings: Settings) -> None:
    """Write atomically (temp file, fsync, rename) with owner-only permissions."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    import json

    data = json.dumps(settings.as_dict(), indent=2, ensure_ascii=False, sort_keys=True)
    fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
    try:
        os.fchmod(fd, 0o600) if hasattr(os, "fchmod") else None
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
