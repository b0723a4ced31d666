"""The one-folder build against a minimal PySide6 window built the same way (the same
build venv and PyInstaller, its defaults), same run: folder size, and cold start to the
first painted frame (the probe runs as a runtime hook in both). Slow: a few minutes.
The two folders stay in ``build/bench-dist`` for a look at what is inside."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench.procs import BARE_WINDOW, ROOT, paired
from tests.bench.report import report

pytestmark = pytest.mark.bench
PROBE = ROOT / "packaging" / "first_paint_probe.py"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def biggest(path: Path, count: int = 8) -> str:
    sizes = {}
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            top = p.relative_to(path).parts
            key = (
                "/".join(top[:4])
                if top[:3] == ("_internal", "PySide6", "Qt")
                else "/".join(top[:2])
            )
            sizes[key] = sizes.get(key, 0) + p.stat().st_size
    ranked = sorted(sizes.items(), key=lambda kv: -kv[1])[:count]
    return ", ".join(f"{k} {v / 2**20:.1f}" for k, v in ranked)


@pytest.mark.timeout(3600)
def test_build_size_and_start_against_hello_world() -> None:
    work, dist = ROOT / "build", ROOT / "build" / "bench-dist"
    shutil.rmtree(dist, ignore_errors=True)
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--dist",
            str(dist),
            "--work",
            str(work),
        ],
        check=True,
    )
    python = work / "venv" / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--onedir",
            "--distpath",
            str(dist),
            "--workpath",
            str(work / "hello"),
            "--specpath",
            str(work / "hello"),
            "--name",
            "hello",
            "--runtime-hook",
            str(PROBE),
            BARE_WINDOW,
        ],
        check=True,
    )
    app, hello = dist / "loket", dist / "hello"
    size_ratio = folder_size(app) / folder_size(hello)
    home = work / "bench-home"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        LOKET_HOME=str(home),
        LOKET_QUIT_AFTER_FIRST_PAINT="1",
    )
    done = subprocess.run(
        [str(app / "loket"), "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and "self-test OK" in done.stdout, done.stdout + done.stderr
    start = paired([str(app / "loket"), "--demo"], [str(hello / "hello")], env, runs=15)
    assert all(r.paint_s is not None for r in start.a + start.b), "the probe saw no paint"
    report(
        "one-folder build size / hello-world PySide6 built the same way",
        size_ratio,
        1.0,
        detail=f"{folder_size(app) / 2**20:.1f} MiB vs {folder_size(hello) / 2**20:.1f} MiB; "
        f"largest in the app (MiB): {biggest(app)}; in hello-world: {biggest(hello)}",
    )
    ratios = start.time_ratios
    report(
        "one-folder build cold start to first paint / hello-world",
        start.time_ratio,
        1.35,
        spread=(min(ratios), max(ratios)),
        detail=f"medians: app {start.median_s('a') * 1000:.0f} ms, hello-world "
        f"{start.median_s('b') * 1000:.0f} ms, 15 interleaved pairs; the bundle's "
        f"--self-test: {done.stdout.strip()}",
    )
