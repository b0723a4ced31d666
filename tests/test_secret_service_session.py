"""Runs the real Secret Service tests inside a private D-Bus session.

GNOME Keyring is started headless and unlocked with a throw-away password in
a temporary HOME, so the user's own keychain is never touched. The inner
tests (``tests/integration/``, marker ``secret_service``) only run when
``LOKET_SECRET_SERVICE_TEST=1``, which this outer test sets.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_real_secret_service_in_a_private_dbus_session(tmp_path: Path) -> None:
    for tool in ("dbus-run-session", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (apt-get install dbus-daemon gnome-keyring)")
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "XDG_", "LOKET_"))}
    env.update(HOME=str(home), XDG_RUNTIME_DIR=str(tmp_path), LOKET_SECRET_SERVICE_TEST="1")
    inner = (
        "echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
        f'exec "{sys.executable}" -m pytest -q -p no:cacheprovider -m secret_service '
        f'"{ROOT / "tests" / "integration"}"'
    )
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", inner],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert " passed" in output and "skipped" not in output, output
