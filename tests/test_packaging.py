"""The PyInstaller one-folder build starts and passes its own self-test offscreen;
a wheel carries the resources a pip-installed app needs."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_one_folder_build_runs_its_self_test(tmp_path: Path) -> None:
    work = Path(os.environ.get("LOKET_BUILD_WORK", ROOT / "build"))  # reuses build/venv
    dist = tmp_path / "dist"
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
        timeout=1100,
    )
    exe = dist / "loket" / ("loket.exe" if os.name == "nt" else "loket")
    assert exe.exists()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LOKET_HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [str(exe), "--self-test"], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test OK" in done.stdout
    version = subprocess.run(
        [str(exe), "--version"], capture_output=True, text=True, env=env, timeout=60, check=True
    ).stdout
    assert "Loket 0.1.0" in version


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_a_wheel_carries_icons_styles_and_translations(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        timeout=500,
    )
    (wheel,) = tmp_path.glob("loket_kiosk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {n.split("/data/share/loket/", 1)[1] for n in names if "/data/share/loket/" in n}
    resources = ROOT / "resources"
    wanted = {
        p.relative_to(resources).as_posix()
        for pattern in ("icons/*.svg", "styles/*.qss", "translations/*.qm")
        for p in resources.glob(pattern)
    }
    assert wanted and wanted <= shipped
