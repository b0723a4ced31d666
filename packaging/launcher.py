"""PyInstaller entry point: the same ``main`` as ``python -m kiosk``.

A frozen app cannot run ``python -c``: ``--self-test`` starts its simulator child
as ``loket --self-test-simulator``, answered here.
"""

import sys


def _run() -> int:
    if sys.argv[1:2] == ["--self-test-simulator"]:
        from kiosk.selftest import serve_simulator

        return serve_simulator()
    from kiosk.__main__ import main

    return main()


if __name__ == "__main__":
    sys.exit(_run())
