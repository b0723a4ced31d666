"""Loket: a bill-payment kiosk (loket PPOB) on the Digiswitch buyer API.

Everything directly in this package and in ``api``, ``models``, ``journal``
and ``sim`` is the domain: it never imports Qt. The Qt front-end lives in
``kiosk.ui``.
"""

__version__ = "0.1.0"
"""The one place the version is written: pyproject.toml reads it (``attr``), so a
source tree, a wheel and a frozen build all say the same without reading any
installed metadata (``importlib.metadata`` costs ~20 ms and ~1 MiB of modules)."""
