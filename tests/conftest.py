"""Shared fixtures. Qt must run offscreen: set before anything imports Qt."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.support.memory_keyring import MemoryKeyring

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets a fresh in-memory keychain through the keyring API."""
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def collector_on_the_main_thread() -> Iterator[None]:
    """As in the app (``kiosk.ui.gui_gc``): no automatic collection, which could start in a
    worker or simulator thread and free a Qt object there; garbage is collected on the
    main thread after each test (and by a window's own collector during it)."""
    gc.disable()
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def loket_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, journal and logs of each test live in its own temporary folder."""
    home = tmp_path / "loket-home"
    monkeypatch.setenv("LOKET_HOME", str(home))
    return home


@pytest.fixture
def sim() -> Iterator[object]:
    """A fresh built-in simulator on 127.0.0.1 and a free port."""
    from kiosk.sim import Simulator

    with Simulator(port=0) as server:
        yield server


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
