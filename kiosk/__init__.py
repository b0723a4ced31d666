"""Loket: a bill-payment kiosk (loket PPOB) on the Digiswitch buyer API.

Everything directly in this package and in ``api``, ``models``, ``journal``
and ``sim`` is the domain: it never imports Qt. The Qt front-end lives in
``kiosk.ui``.
"""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("loket-kiosk")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
