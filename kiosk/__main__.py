"""``python -m kiosk``: the kiosk app, its ``config`` and ``fleet`` commands and ``--self-test``.

Kept light: nothing heavy is imported before the arguments are read, and the usual
starts (:data:`PLAIN_FLAGS`) import no ``argparse`` at all: once PySide6 is loaded each
new ``import`` statement can cost a read of that module's source (``kiosk.ui.feature_scan``).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import Any

ENDPOINT_ENV = "LOKET_ENDPOINT"
PLAIN_FLAGS = frozenset({"--demo", "--kiosk", "--cash"})
"""Arguments of the usual starts, read without building the parser (the first frame waits)."""


def _parser() -> argparse.ArgumentParser:
    import argparse
    from pathlib import Path

    class _VersionAction(argparse.Action):
        """``--version``, reading the installed metadata only when asked."""

        def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
            super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

        def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
            from kiosk import __version__

            print(f"Loket {__version__}")
            parser.exit()

    parser = argparse.ArgumentParser(
        prog="python -m kiosk",
        description="Loket: kiosk pembayaran tagihan (PPOB) / bill-payment kiosk.",
        epilog="Deployment without the GUI: python -m kiosk config {set-key,show,check,set}; "
        "bill acceptor: python -m kiosk cash {probe,test}; "
        "owner of many kiosks: python -m kiosk fleet {init,add-kiosk,status,ack}",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run on the built-in simulator (loopback, no API key needed)",
    )
    parser.add_argument("--kiosk", action="store_true", help="fullscreen kiosk mode")
    parser.add_argument(
        "--cash",
        action="store_true",
        help="collect the customer's money through the bill acceptor for this run "
        "(collection=cash; with --demo the built-in acceptor simulator and a note panel)",
    )
    parser.add_argument(
        "--endpoint",
        help=f"API base URL (default: settings, env {ENDPOINT_ENV}, else production); "
        "https only, http for loopback",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="keep settings, journal and logs under this folder (env LOKET_HOME)",
    )
    parser.add_argument("--lang", choices=("id", "en"), help="language (default: settings, id)")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="run one inquiry and payment on the built-in simulator, render the window "
        "offscreen and exit 0 on success",
    )
    parser.add_argument("--version", action=_VersionAction)
    return parser


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["config"]:
        from kiosk.cli import main as config_main

        return config_main(args_list[1:])
    if args_list[:1] == ["cash"]:
        from kiosk.cash.cli import main as cash_main

        return cash_main(args_list[1:])
    if args_list[:1] == ["fleet"]:
        from kiosk.fleet.cli import main as fleet_main

        return fleet_main(args_list[1:])
    if args_list == ["--self-test"]:  # as the bundle and the benchmarks run it: no parser
        from kiosk.selftest import run_self_test

        return run_self_test()
    plain = plain_start(args_list)
    if plain is not None:
        _no_collector_until_first_frame()
        from kiosk.ui.app import run
        from kiosk.ui.app_files import AppOptions

        return run(AppOptions(**plain))
    args = _parser().parse_args(args_list)
    if args.data_dir is not None:
        os.environ["LOKET_HOME"] = str(args.data_dir.resolve())
    if args.self_test:
        from kiosk.selftest import run_self_test

        return run_self_test()
    _no_collector_until_first_frame()
    from kiosk.ui.app import run
    from kiosk.ui.app_files import AppOptions

    return run(AppOptions(**parsed_start(args)))


def _no_collector_until_first_frame() -> None:
    """Start-up makes a few hundred thousand long-lived objects (modules, classes, Qt
    wrappers) and no garbage worth a cycle collection: ~35 collections, several ms,
    before the first frame. After the first paint ``kiosk.ui.app.run`` freezes what
    start-up made, and the window's ``GuiThreadCollector`` collects on the GUI thread."""
    import gc

    gc.disable()


def plain_start(args_list: list[str]) -> dict[str, Any] | None:
    """The app's options when only :data:`PLAIN_FLAGS` are given, else None (the parser's job)."""
    if not set(args_list) <= PLAIN_FLAGS:
        return None
    return {
        "demo": "--demo" in args_list,
        "kiosk": "--kiosk" in args_list,
        "cash": "--cash" in args_list,
        "endpoint": os.environ.get(ENDPOINT_ENV) or None,
        "data_dir": None,
        "lang": None,
    }


def parsed_start(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "demo": args.demo,
        "kiosk": args.kiosk,
        "cash": args.cash,
        "endpoint": args.endpoint or os.environ.get(ENDPOINT_ENV) or None,
        "data_dir": args.data_dir,
        "lang": args.lang,
    }


if __name__ == "__main__":
    sys.exit(main())
