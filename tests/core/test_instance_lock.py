"""One Loket per data folder: a second process is refused with words and a non-zero exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.instance_lock import AlreadyRunning, InstanceLock

ROOT = Path(__file__).resolve().parent.parent.parent


def test_a_second_lock_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    with InstanceLock(tmp_path):
        with pytest.raises(AlreadyRunning) as caught:
            InstanceLock(tmp_path).acquire()
        assert "sudah berjalan" in caught.value.message.id
        InstanceLock(tmp_path / "other").acquire().release()  # another folder is fine
    InstanceLock(tmp_path).acquire().release()  # released: the next start may run


@pytest.mark.slow
def test_a_second_app_process_exits_non_zero_with_words(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LOKET_HOME": str(tmp_path)}
    with InstanceLock(tmp_path / "data"):  # the running kiosk holds its data folder
        second = subprocess.run(
            [sys.executable, "-m", "kiosk"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert second.returncode == 3
    assert "Loket sudah berjalan" in second.stderr and "already running" in second.stderr


@pytest.mark.slow
def test_a_lock_dies_with_its_process(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from kiosk.instance_lock import InstanceLock;"
        f"lock = InstanceLock(Path({str(tmp_path)!r})).acquire(); print('locked', flush=True);"
        "sys.stdin.readline()"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "locked"
    with pytest.raises(AlreadyRunning):
        InstanceLock(tmp_path).acquire()
    child.kill()
    child.wait(10)
    InstanceLock(tmp_path).acquire().release()  # the OS released it with the process
