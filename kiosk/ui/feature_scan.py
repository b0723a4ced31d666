"""Spare the app PySide6's source scan of every module it imports.

Once ``PySide6.QtCore`` is loaded, PySide6 hooks ``__import__`` and, the first time a
module's name is imported, reads that module's *whole source file* to see whether it
mentions PySide6 (for its opt-in ``from __feature__ import snake_case`` switch). Loket
never uses those features, and the scan of ~50 modules (``typing``, ``logging``,
``pathlib`` and our own) cost ~10 ms of the ~70 ms the first frame takes over a bare
window (issue 16). Marking the modules up front with -1, the value the scan itself stores
for a module without PySide6 ("leave this module's feature set alone"), skips the reads;
with no feature ever selected, every module runs with PySide6's default names either way.

``pyside_feature_dict`` is PySide6's own table, not a documented API: if a release renames
or drops it, this does nothing and the app only starts a few ms slower. A frozen build
has no source files, so the scan is already cheap there.
"""

from __future__ import annotations

import os
import sys

import PySide6.QtCore  # noqa: F401  (installs the import hook and the table)


def spare_source_scan() -> int:
    """Mark the loaded modules and the ``kiosk`` package's modules; how many were marked."""
    table = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return 0
    names = [*sys.modules, *_package_modules("kiosk", os.path.dirname(os.path.dirname(__file__)))]
    before = len(table)
    for name in names:
        table.setdefault(name, -1)
    return len(table) - before


def _package_modules(package: str, folder: str) -> list[str]:
    """``package``'s module names, its sub-packages' included, read from its folder."""
    names: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:  # a frozen build keeps modules in an archive: nothing to scan anyway
        return names
    for entry in entries:
        if entry.name.endswith(".py"):
            stem = entry.name[:-3]
            names.append(package if stem == "__init__" else f"{package}.{stem}")
        elif entry.is_dir() and os.path.exists(os.path.join(entry.path, "__init__.py")):
            names.extend(_package_modules(f"{package}.{entry.name}", entry.path))
    return names
