"""What ``python -m kiosk config set NAME VALUE`` accepts: each settable name and the
check that turns the typed value into the setting (``ValueError`` says what it takes)."""

from __future__ import annotations

from collections.abc import Callable

from kiosk import settings as store


def _flag(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("true", "1", "yes", "on", "ya"):
        return True
    if value in ("false", "0", "no", "off", "tidak"):
        return False
    raise ValueError("takes true or false")


def _choice(options: tuple[str, ...]) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        if raw not in options:
            raise ValueError(f"takes one of: {', '.join(options)}")
        return raw

    return parse


def _whole(low: int, high: int | None = None) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        try:
            value = int(raw.replace(".", "").replace("_", ""))
        except ValueError:
            raise ValueError("takes a whole number") from None
        if value < low or (high is not None and value > high):
            raise ValueError(f"takes a number from {low}" + (f" to {high}" if high else " up"))
        return value

    return parse


def _endpoint(raw: str) -> str:
    if not store.endpoint_ok(raw.strip()):
        raise ValueError("takes an https:// URL (http:// only for 127.0.0.1)")
    return raw.strip()


def _text(raw: str) -> str:
    return raw.strip()


def _printer(raw: str) -> str:
    value = raw.strip()
    if value and value.partition(":")[0] not in ("usb", "serial", "network"):
        raise ValueError('takes "" or usb:VID:PID, serial:/dev/ttyUSB0, network:HOST[:PORT]')
    return value


def _seconds(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ValueError("takes a number of seconds") from None
    if value < 60:
        raise ValueError("takes at least 60 seconds (the provider allows one check a minute)")
    return value


def _kiosk_id(raw: str) -> str:
    from kiosk.fleet.dsn import DsnError, check_kiosk_id

    if not raw.strip():
        return ""  # no fleet
    try:
        return check_kiosk_id(raw.strip())
    except DsnError as exc:
        raise ValueError(f"is wrong: {exc.text.en}") from None


def _fleet_dsn(raw: str) -> str:
    from kiosk.fleet.dsn import DsnError, connect_options

    if not raw.strip():
        return ""  # no fleet
    try:
        connect_options(raw)
    except DsnError as exc:
        raise ValueError(f"is wrong: {exc.text.en}") from None
    return raw.strip()


def _cash_device(raw: str) -> str:
    from kiosk.cash.spec import DeviceSpecError, parse_device

    try:
        return str(parse_device(raw))
    except DeviceSpecError as exc:
        raise ValueError(f"is wrong: {exc.words.en}") from None


def _cash_table(raw: str) -> str:
    from kiosk.cash.spec import DeviceSpecError, format_table, parse_table

    if not raw.strip():
        return ""  # the device tells its table
    try:
        return format_table(parse_table(raw))
    except DeviceSpecError as exc:
        raise ValueError(f"is wrong: {exc.words.en}") from None


SETTABLE: dict[str, Callable[[str], object]] = {
    "shop_name": _text,
    "endpoint": _endpoint,
    "testing": _flag,
    "kiosk_mode": _flag,
    "idle_timeout_s": _whole(*store.IDLE_TIMEOUT_RANGE),
    "language": _choice(store.LANGUAGES),
    "api_username": _text,
    "paper": _choice(store.PAPERS),
    "thermal_printer": _printer,
    "low_balance_warning": _whole(0),
    "status_poll_min_s": _seconds,
    "kiosk_id": _kiosk_id,
    "fleet_dsn": _fleet_dsn,
    "unresolved_alert_min": _whole(1, 24 * 60),
    "collection": _choice(store.COLLECTIONS),
    "cash_device": _cash_device,
    "cash_table": _cash_table,
    "voucher_days": _whole(*store.VOUCHER_DAYS_RANGE),
}
