"""``python -m kiosk cash probe|test`` as an installer runs it: a subprocess, real pty."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cash(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "cash", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(params=[[]])
def standalone_sim(request: pytest.FixtureRequest) -> Iterator[str]:
    """``python -m kiosk.cash.sim`` in its own process; yields its pty path."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk.cash.sim", *request.param],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith("ID-003 simulator on /dev/"), line
    try:
        yield line.split(" on ", 1)[1].strip()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_probe_a_device_on_its_serial_port(standalone_sim: str) -> None:
    result = cash("probe", "--device", f"id003:{standalone_sim}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "model:    LOKET-SIM(IDR)" in result.stdout
    assert "version:  ID003-SIM V1.00" in result.stdout
    assert "denominations (from the device):" in result.stdout
    for code, value in (("61", "2000"), ("64", "20000"), ("66", "100000")):
        assert f"  {code} = {value:>7}" in result.stdout


@pytest.mark.parametrize("standalone_sim", [["--no-currency"]], indirect=True)
def test_a_device_that_keeps_its_table_to_itself_needs_the_table_setting(
    standalone_sim: str,
) -> None:
    result = cash("probe", "--device", f"id003:{standalone_sim}")
    assert result.returncode == 1
    assert result.stdout.startswith("error: The denomination table is unknown.")
    result = cash("probe", "--device", f"id003:{standalone_sim}", "--table", "61=1000,62=2000")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "denominations (from the setting):" in result.stdout
    assert "  62 =    2000  Rp 2,000" in result.stdout


def test_probe_the_builtin_simulator_in_indonesian() -> None:
    result = cash("probe", "--device", "sim", "--lang", "id")
    assert result.returncode == 0, result.stderr
    assert "Rp 100.000" in result.stdout


def test_probe_a_port_that_is_not_there_fails_in_words() -> None:
    result = cash("probe", "--device", "id003:/dev/ttyLOKET-NOPE")
    assert result.returncode == 1
    assert result.stdout.startswith("error: The bill acceptor does not answer.")


def test_unsupported_protocol_is_a_usage_error() -> None:
    result = cash("probe", "--device", "essp:/dev/ttyUSB0")
    assert result.returncode == 2
    assert "eSSP protocol is not supported yet" in result.stderr


def test_collects_until_the_amount_returning_a_note_not_allowed() -> None:
    result = cash(
        "test",
        "--device",
        "sim",
        "--amount",
        "50000",
        "--accept",
        "5000,10000,20000,50000,100000",
        "--sim-notes",
        "20000,2000,fake,50000,10000",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "credited 20000",
        "returned 2000",
        "rejected note not recognised (counterfeit or damaged)",
        "credited 50000",  # overpays: 70000 for 50000; the 10000 is never taken
        "total 70000",
    ]


def test_a_jam_is_exit_1_with_the_note_uncertain() -> None:
    result = cash("test", "--device", "sim", "--amount", "50000", "--sim-notes", "20000,jam,50000")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "credited 20000",
        "uncertain 50000 (may be in the cash box; settle it at the next count)",
        "error: A note is jammed in the stacker.",
        "total 20000",
    ]


def test_not_enough_notes_is_exit_3_after_the_timeout() -> None:
    result = cash(
        "test", "--device", "sim", "--amount", "50000", "--timeout", "2", "--sim-notes", "20000"
    )
    assert result.returncode == 3, result.stdout + result.stderr
    assert result.stdout.splitlines()[-2:] == ["timeout: 20000 of 50000 after 2 s", "total 20000"]


def test_bad_amount_is_a_usage_error() -> None:
    result = cash("test", "--device", "sim", "--amount", "0")
    assert result.returncode == 2
    assert "above 0" in result.stderr


def test_the_cash_core_imports_no_qt() -> None:
    code = (
        "import sys, kiosk.cash.cli, kiosk.cash.sim.pty, kiosk.cash.sim.script; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0


def test_simulator_steps_are_checked() -> None:
    result = cash("test", "--device", "sim", "--amount", "1000", "--sim-notes", "20000,banana")
    assert result.returncode == 2
    assert "unknown simulator step 'banana'" in result.stderr
    result = cash("probe", "--device", "id003:/dev/ttyUSB9", "--sim-notes", "20000")
    assert result.returncode == 2
    assert "--device sim only" in result.stderr
