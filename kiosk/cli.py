"""``python -m kiosk config ...``: set up a kiosk without the GUI.

* ``set-key [--username U]`` — the key from stdin (piped) or a hidden prompt,
  never from an argument; stored in the OS keychain only.
* ``show`` — the settings, the key shown only as stored/missing.
* ``check [--endpoint URL]`` — a balance call; exit 0 on success, 1 otherwise.
* ``set NAME VALUE`` — one non-secret setting.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import asdict

from kiosk import keychain
from kiosk import settings as store
from kiosk.money import format_rupiah
from kiosk.paths import AppPaths

SETTABLE = {"shop_name": str, "endpoint": str, "testing": bool, "kiosk_mode": bool,
            "idle_timeout_s": int, "language": str, "api_username": str, "paper": str,
            "thermal_printer": str, "low_balance_warning": int, "status_poll_min_s": float}  # fmt: skip


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kiosk config")
    sub = parser.add_subparsers(dest="command", required=True)
    key = sub.add_parser("set-key", help="store the API key in the OS keychain")
    key.add_argument("--username", help="API username (saved to the settings)")
    sub.add_parser("set-pin", help="set the admin PIN (4-8 digits; stdin or a hidden prompt)")
    sub.add_parser("show", help="print the settings (the key is never printed)")
    check = sub.add_parser("check", help="test the connection with a balance call")
    check.add_argument("--endpoint")
    one = sub.add_parser("set", help="change one setting")
    one.add_argument("name", choices=sorted(SETTABLE))
    one.add_argument("value")
    return parser


def _parse_value(name: str, raw: str) -> object:
    kind = SETTABLE[name]
    if kind is bool:
        if raw.lower() not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
            raise ValueError(f"{name} takes true or false")
        return raw.lower() in ("true", "1", "yes", "on")
    return kind(raw)


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and 2
    paths = AppPaths.default()
    settings = store.load(paths.settings_file)
    if args.command == "set-key":
        username = args.username or settings.api_username
        if not username:
            print("error: give --username (the API username)", file=sys.stderr)
            return 2
        key = (
            sys.stdin.readline().strip() if not sys.stdin.isatty() else getpass.getpass("API key: ")
        )
        if not key:
            print("error: no key given", file=sys.stderr)
            return 2
        try:
            keychain.set_key(username, key)
        except keychain.KeychainError as exc:
            print(f"error: {exc.user_message('en')}", file=sys.stderr)
            return 1
        store.save(paths.settings_file, settings.with_changes(api_username=username))
        print(f"The API key for {username!r} is stored in the OS keychain ({keychain.SERVICE}).")
        return 0
    if args.command == "set-pin":
        from kiosk.pin import hash_pin, valid_pin

        pin = (
            sys.stdin.readline().strip()
            if not sys.stdin.isatty()
            else getpass.getpass("Admin PIN: ")
        )
        if not valid_pin(pin):
            print("error: the PIN must be 4 to 8 digits", file=sys.stderr)
            return 2
        store.save(paths.settings_file, settings.with_changes(admin_pin_hash=hash_pin(pin)))
        print("The admin PIN is set (stored as a salted scrypt hash).")
        return 0
    if args.command == "show":
        data = asdict(settings)
        data["admin_pin_hash"] = "(set)" if settings.admin_pin_hash else "(not set)"
        try:
            data["api_key"] = (
                "**** (stored in keychain)"
                if keychain.has_key(settings.api_username)
                else "(missing)"
            )
        except keychain.KeychainError as exc:
            data["api_key"] = f"(unavailable: {exc.user_message('en')})"
        data["settings_file"] = str(paths.settings_file)
        data["journal_file"] = str(paths.journal_file)
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    if args.command == "check":
        return _check(settings, args.endpoint)
    try:
        value = _parse_value(args.name, args.value)
        store.save(paths.settings_file, settings.with_changes(**{args.name: value}))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{args.name} = {value!r}")
    return 0


def _check(settings: store.Settings, endpoint: str | None) -> int:
    import os

    from kiosk.api import ApiError, DigiswitchClient

    try:
        client = DigiswitchClient(
            base_url=endpoint or os.environ.get("LOKET_ENDPOINT") or settings.endpoint,
            username=settings.api_username, key_provider=keychain.key_provider(settings.api_username),
            testing=settings.testing,
        )  # fmt: skip
        balance = client.balance()
    except keychain.KeychainError as exc:
        print(f"FAILED: {exc.user_message('id')}\n        {exc.user_message('en')}")
        return 1
    except ApiError as exc:
        print(f"FAILED: {exc.user_message('id')}\n        {exc.user_message('en')}")
        return 1
    print(f"OK: saldo {format_rupiah(balance)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
