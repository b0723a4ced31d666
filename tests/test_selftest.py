"""``--self-test``: one payment against a simulator in its own process, the window
rendered, one line out; the simulator child does not outlive it."""

from __future__ import annotations

import os
import subprocess
import sys

from kiosk.api import DigiswitchClient, new_ref_id
from kiosk.selftest import simulator


def test_self_test_passes_from_the_source_tree(tmp_path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LOKET_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test OK" in done.stdout and "window rendered 1280x800" in done.stdout
    assert "(home, form, confirm, processing, result)" in done.stdout


def test_the_simulator_child_answers_counts_and_stops() -> None:
    with simulator() as sim:
        assert sim.process.pid != os.getpid()
        client = DigiswitchClient(
            base_url=sim.url, username="demo", key_provider=lambda: "demo-key", testing=True
        )
        ref = new_ref_id()
        client.inquiry(code="pln", customer_no="530000000001", ref_id=ref)
        assert sim.pay_count(ref) == 0
        client.pay(code="pln", customer_no="530000000001", ref_id=ref)
        assert sim.pay_count(ref) == 1
        client.close()
    assert sim.process.returncode is not None  # gone with the context


def _self_test_broken_by(breakage: str, tmp_path) -> subprocess.CompletedProcess[str]:
    """The self-test in its own process (its window is not meant to outlive it in pytest's),
    after ``breakage`` (Python lines) broke one part of the app."""
    script = (
        f"{breakage}\nfrom kiosk.selftest import run_self_test\nraise SystemExit(run_self_test())\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LOKET_HOME=str(tmp_path))
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_self_test_fails_when_the_tiles_icons_are_not_drawn(tmp_path) -> None:
    """A build without Qt's svg plugin draws tiles without icons: the self-test says so."""
    done = _self_test_broken_by(
        "import kiosk.ui.theme as theme\n"
        "theme.first_frame_icons = lambda: ''  # the icons' stylesheet rules gone",
        tmp_path,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "SVG icons were not drawn" in done.stderr


def test_self_test_fails_when_the_result_does_not_show_the_sn(tmp_path) -> None:
    """Every payment screen is shown filled with the self-test's own bill and result; a
    result screen that loses the SN fails it."""
    done = _self_test_broken_by(
        "from kiosk.ui.widgets.sn_box import SnBox\n"
        "SnBox.set_sn = lambda self, sn, code='': None  # the SN never reaches the screen",
        tmp_path,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "does not show the payment's SN" in done.stderr


def test_the_self_test_leaves_openssl_digests_and_qts_enum_namespace_unloaded(tmp_path) -> None:
    """Issue 16, what a payment and its screens keep out of memory:
    * OpenSSL's digest table (~0.7 MiB): the sign is CPython's own MD5, and ref_ids and
      voucher codes come from ``random.SystemRandom`` (``secrets`` imports ``hmac``);
    * Qt's enum namespace (93 enum classes, ~1 MiB and ~20 ms of the first tap): the
      payment screens set Qt enums by name (kiosk/ui/qt_names.py). PySide keeps ``Qt`` out
      of its module's namespace until it is built."""
    done = _self_test_broken_by(
        "import atexit, sys\n"
        "def seen():\n"
        "    import PySide6.QtCore\n"
        "    print('digests:', sorted({'hashlib', '_hashlib', 'hmac', 'secrets'} & set(sys.modules)))\n"
        "    print('qt namespace built:', 'Qt' in vars(PySide6.QtCore))\n"
        "atexit.register(seen)",
        tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "digests: []" in done.stdout
    assert "qt namespace built: False" in done.stdout
