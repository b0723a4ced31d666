"""Loket: a bill-payment kiosk (loket PPOB) on the Digiswitch buyer API.

Everything directly in this package and in ``api``, ``models``, ``journal``
and ``sim`` is the domain: it never imports Qt. The Qt front-end lives in
``kiosk.ui``.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # ``__version__`` comes from the installed metadata (pyproject.toml), read on
    # first use: importlib.metadata costs ~20 ms that the first frame should not pay.
    if name != "__version__":
        raise AttributeError(name)
    from importlib import metadata

    try:
        version = metadata.version("loket-kiosk")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        version = "0.0.0+source"
    globals()["__version__"] = version
    return version
