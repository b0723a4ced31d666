"""Where the ``resources/`` folder is: inside a frozen build, the source tree (also an
editable install), or ``<prefix>/share/loket`` for a wheel installed with pip."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    source = Path(__file__).resolve().parent.parent / "resources"
    if source.is_dir():
        return source
    return Path(sys.prefix) / "share" / "loket"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
