"""``python -m kiosk config ...``: set up a kiosk without the GUI.

* ``set-key [--username U]`` — the key from stdin (piped) or a hidden prompt,
  never from an argument; stored in the OS keychain only.
* ``set-pin`` — the admin PIN, the same way; stored as a salted scrypt hash.
* ``show`` — the settings and paths; the key shown only as stored or missing.
* ``check [--endpoint URL]`` — a balance call (endpoint: option, env
  ``LOKET_ENDPOINT``, settings). Exit 0 on success, 1 with the reason in words.
* ``set NAME VALUE`` — one non-secret setting.
* ``set-fleet-password`` — this kiosk's fleet database password (stdin or a
  hidden prompt) into the OS keychain (service ``loket-fleet``, account = kiosk_id).

Exit codes: 0 done, 1 failed (the reason is printed), 2 usage error.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import TextIO

from kiosk import keychain
from kiosk import settings as store
from kiosk.cli_settable import SETTABLE
from kiosk.i18n import Text
from kiosk.paths import AppPaths

ENDPOINT_ENV = "LOKET_ENDPOINT"
OK, FAILED, USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk config", description="Loket set-up without the GUI."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    key = sub.add_parser("set-key", help="store the API key in the OS keychain (stdin or prompt)")
    key.add_argument("--username", help="API username (also saved to the settings)")
    sub.add_parser("set-pin", help="set the admin PIN (4-8 digits; stdin or a hidden prompt)")
    sub.add_parser("show", help="print the settings (the key is never printed)")
    check = sub.add_parser("check", help="test the connection with a balance call")
    check.add_argument("--endpoint", help=f"API base URL (default: env {ENDPOINT_ENV}, settings)")
    sub.add_parser(
        "set-fleet-password",
        help="store this kiosk's fleet database password in the OS keychain (stdin or prompt)",
    )
    one = sub.add_parser("set", help="change one non-secret setting")
    one.add_argument("name", choices=sorted(SETTABLE))
    one.add_argument("value")
    return parser


def _read_secret(prompt: str) -> str:
    """A secret from piped stdin, or typed at a hidden prompt; never an argument."""
    stdin: TextIO | None = sys.stdin
    if stdin is None:
        return ""
    if stdin.isatty():
        return getpass.getpass(prompt).strip()
    return stdin.readline().strip()


def _fail(what: Text | str) -> int:
    if isinstance(what, Text):
        print(f"FAILED: {what.id}\n        {what.en}")
    else:
        print(f"FAILED: {what}")
    return FAILED


def _usage(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return USAGE


def main(argv: list[str]) -> int:
    """Run one ``config`` command; returns the exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed
        return OK if exc.code in (0, None) else USAGE
    paths = AppPaths.default()
    settings = store.load(paths.settings_file)
    if args.command == "set-key":
        return _set_key(paths, settings, args.username)
    if args.command == "set-pin":
        return _set_pin(paths, settings)
    if args.command == "show":
        return _show(paths, settings)
    if args.command == "check":
        return _check(settings, args.endpoint)
    if args.command == "set-fleet-password":
        return _set_fleet_password(settings)
    try:
        value = SETTABLE[args.name](args.value)
    except ValueError as exc:
        return _usage(f"{args.name} {exc}")
    store.save(paths.settings_file, settings.with_changes(**{args.name: value}))
    print(f"{args.name} = {value!r}")
    return OK


def _set_key(paths: AppPaths, settings: store.Settings, username: str | None) -> int:
    username = (username or settings.api_username).strip()
    if not username:
        return _usage("give --username (the API username)")
    key = _read_secret(f"API key for {username} (hidden): ")
    if not key:
        return _usage("no key given (pipe it on stdin or type it at the prompt)")
    try:
        keychain.set_key(username, key)
    except keychain.KeychainError as exc:
        return _fail(exc.message)
    if username != settings.api_username:
        store.save(paths.settings_file, settings.with_changes(api_username=username))
    print(
        f"OK: the API key for {username!r} is stored in the OS keychain "
        f"(service {keychain.SERVICE!r})."
    )
    return OK


def _set_pin(paths: AppPaths, settings: store.Settings) -> int:
    from kiosk.pin import hash_pin, valid_pin

    pin = _read_secret("Admin PIN, 4-8 digits (hidden): ")
    if not valid_pin(pin):
        return _usage("the PIN must be 4 to 8 digits")
    store.save(paths.settings_file, settings.with_changes(admin_pin_hash=hash_pin(pin)))
    print("OK: the admin PIN is set (stored as a salted scrypt hash).")
    return OK


def _show(paths: AppPaths, settings: store.Settings) -> int:
    data: dict[str, object] = settings.as_dict()
    data["admin_pin_hash"] = "(set)" if settings.admin_pin_hash else "(not set)"
    try:
        stored = keychain.has_key(settings.api_username)
        data["api_key"] = "**** (stored in keychain)" if stored else "(missing)"
    except keychain.KeychainError as exc:
        data["api_key"] = f"(unavailable: {exc.message.en})"
    if settings.kiosk_id:
        from kiosk.fleet.link import KEYCHAIN_SERVICE

        try:
            has = keychain.get_secret(KEYCHAIN_SERVICE, settings.kiosk_id) is not None
            data["fleet_password"] = "**** (stored in keychain)" if has else "(missing)"
        except keychain.KeychainError as exc:
            data["fleet_password"] = f"(unavailable: {exc.message.en})"
    data["keychain_backend"] = keychain.backend_name()
    override = os.environ.get(ENDPOINT_ENV)
    if override:
        data["endpoint_in_use"] = f"{override} (from {ENDPOINT_ENV})"
    data["paths"] = {
        "settings": str(paths.settings_file),
        "journal": str(paths.journal_file),
        "logs": str(paths.logs),
        "receipts": str(paths.receipts),
    }
    print(json.dumps(data, indent=2, ensure_ascii=False))
    return OK


def _set_fleet_password(settings: store.Settings) -> int:
    from kiosk.fleet.link import KEYCHAIN_SERVICE

    if not settings.kiosk_id:
        return _usage("set the kiosk ID first: python -m kiosk config set kiosk_id ID")
    password = _read_secret(f"Fleet database password for kiosk {settings.kiosk_id} (hidden): ")
    if not password:
        return _usage("no password given (pipe it on stdin or type it at the prompt)")
    try:
        keychain.set_secret(KEYCHAIN_SERVICE, settings.kiosk_id, password)
    except keychain.KeychainError as exc:
        return _fail(exc.message)
    print(
        f"OK: the fleet password of kiosk {settings.kiosk_id!r} is stored in the OS keychain "
        f"(service {KEYCHAIN_SERVICE!r})."
    )
    return OK


NO_USERNAME = Text(
    "Username API belum diatur. Jalankan 'python -m kiosk config set-key --username NAMA'.",
    "The API username is not set. Run 'python -m kiosk config set-key --username NAME'.",
)


def _check(settings: store.Settings, endpoint: str | None) -> int:
    from kiosk.api import ApiError, DigiswitchClient, Timeouts
    from kiosk.money import format_rupiah

    url = endpoint or os.environ.get(ENDPOINT_ENV) or settings.endpoint
    if not settings.api_username:
        return _fail(NO_USERNAME)
    print(
        f"Checking {url} as {settings.api_username!r}"
        + (" (testing mode)" if settings.testing else "")
        + " ..."
    )
    client = None
    try:
        client = DigiswitchClient(
            base_url=url,
            username=settings.api_username,
            key_provider=keychain.key_provider(settings.api_username),
            testing=settings.testing,
            timeouts=Timeouts(connect=5.0, read=15.0),
        )
        balance = client.balance()
    except (keychain.KeychainError, ApiError) as exc:
        return _fail(Text(exc.user_message("id"), exc.user_message("en")))
    finally:
        if client is not None:
            client.close()
    print(f"OK: saldo {format_rupiah(balance)}")
    return OK


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
