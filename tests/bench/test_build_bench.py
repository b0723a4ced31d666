"""The one-folder build against a minimal PySide6 window built the same way, same run:
folder size and cold start to the first painted frame."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench.procs import paired

pytestmark = pytest.mark.bench
ROOT = Path(__file__).resolve().parents[2]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def test_build_size_and_start_against_hello_world(tmp_path: Path) -> None:
    work = ROOT / "build"
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist),
                    "--work", str(work)], check=True)  # fmt: skip
    python = work / "venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--onedir", "--distpath", str(dist), "--workpath", str(tmp_path / "w"),
                    "--specpath", str(tmp_path), "--name", "hello",
                    str(ROOT / "tests" / "bench" / "bare_window.py")], check=True)  # fmt: skip
    app, hello = dist / "loket", dist / "hello"
    size_ratio = folder_size(app) / folder_size(hello)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LOKET_HOME=str(tmp_path / "home"),
               LOKET_QUIT_AFTER_FIRST_PAINT="1")  # fmt: skip
    start = paired([str(app / "loket"), "--demo"], [str(hello / "hello")], env, runs=15)
    print(f"\none-folder build: {folder_size(app) / 2**20:.0f} MiB vs hello-world "
          f"{folder_size(hello) / 2**20:.0f} MiB, ratio {size_ratio:.2f} (target <= 1.25); "
          f"cold start {start['a_s'] * 1000:.0f} ms vs {start['b_s'] * 1000:.0f} ms, "
          f"ratio {start['time_ratio']:.2f} (target <= 1.5)")  # fmt: skip
