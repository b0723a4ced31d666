"""Build Loket with PyInstaller from a clean venv holding only its runtime deps.

    python packaging/build.py             # one-folder app in dist/loket/
    python packaging/build.py --onefile   # one-file app dist/loket(.exe)

A build venv picks up whatever else is installed, so this makes its own
(``build/venv``) with the project and PyInstaller only.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def venv_python(folder: Path) -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return folder / scripts / ("python.exe" if os.name == "nt" else "python")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--onefile", action="store_true")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    args = parser.parse_args(argv)

    env_dir = args.work / "venv"
    python = venv_python(env_dir)
    if not python.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, str(ROOT)], check=True)  # noqa: S603 - our own venv
    subprocess.run([*pip, "pyinstaller>=6.5,<7"], check=True)  # noqa: S603
    env = dict(os.environ, LOKET_ONEFILE="1" if args.onefile else "0")
    command = [
        str(python),
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(args.dist),
        "--workpath",
        str(args.work / "pyinstaller"),
        str(ROOT / "packaging" / "loket.spec"),
    ]
    subprocess.run(command, check=True, env=env)  # noqa: S603
    print(f"built: {args.dist / 'loket'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
