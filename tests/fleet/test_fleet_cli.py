"""``python -m kiosk fleet ...`` as the owner runs it (subprocesses), with a kiosk set up from
the commands ``add-kiosk`` prints."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from kiosk import settings as store
from kiosk.cli import main as config
from kiosk.fleet import start_fleet_agent
from kiosk.fleet.heartbeat import Heartbeat
from kiosk.journal import Journal, PaymentState
from kiosk.paths import AppPaths
from tests.fleet.conftest import FleetDb, pay
from tests.fleet.test_replicator import wait_until


def fleet(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "fleet", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def set_up_kiosk_as_printed(printed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the three commands ``add-kiosk`` printed, typing the password it showed."""
    commands = re.findall(r"^  python -m kiosk config (.+)$", printed, re.M)
    password = printed.strip().splitlines()[-1].strip()
    assert len(commands) == 3 and commands[2] == "set-fleet-password"
    for command in commands[:2]:
        name, value = command.split(" ", 2)[1:]
        assert config(["set", name, value.strip("'")]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert config(["set-fleet-password"]) == 0


def test_owner_sets_up_a_kiosk_and_watches_it(
    fleet_db: FleetDb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dsn = fleet_db.owner_dsn
    again = fleet("init", "--dsn", dsn)
    assert again.returncode == 0 and "(up to date)" in again.stdout
    added = fleet(
        "add-kiosk",
        "toko1",
        "--dsn",
        dsn,
        "--name",
        "Warung Bu Sri",
        "--kiosk-host",
        f"127.0.0.1:{fleet_db.server.port}",
    )
    assert added.returncode == 0, added.stdout + added.stderr
    set_up_kiosk_as_printed(added.stdout, monkeypatch)

    # The kiosk pays; one payment stays pending for 40 minutes.
    journal = Journal(tmp_path / "journal.sqlite3")
    for n in range(3):
        pay(journal, n, total=100_000)
    pay(journal, 7, final=PaymentState.PENDING, at=datetime.now() - timedelta(minutes=40))
    settings = store.load(AppPaths.default().settings_file)
    agent = start_fleet_agent(
        settings,
        journal.path,
        lambda: Heartbeat(deposit=Decimal(3_000_000), printer="ok", paper="ok"),
    )
    assert agent is not None
    try:
        wait_until(lambda: agent.heartbeat.sent >= 1 and agent.replicator.shipped == 12)
    finally:
        agent.stop()
        journal.close()

    shown = fleet("status", "--dsn", dsn)
    assert shown.returncode == 1, shown.stdout + shown.stderr  # an alert is open
    row = next(line for line in shown.stdout.splitlines() if line.startswith("toko1"))
    assert re.search(
        r"toko1\s+yes \(\d+s\)\s+Rp 3,000,000\s+ok/ok\s+-\s+\S+ ago\s+1 \(oldest 40m\)"
        r"\s+3 / Rp 303,000",
        row,
    ), row
    assert re.search(
        r"OPEN\s+#\d+ toko1\s+payment_unresolved .*1 payment\(s\) unresolved", shown.stdout
    ), shown.stdout

    as_json = fleet("status", "--dsn", dsn, "--json")
    data = json.loads(as_json.stdout)
    assert as_json.returncode == 1
    assert [
        (k["kiosk_id"], k["name"], k["today_count"], k["unresolved_count"]) for k in data["kiosks"]
    ] == [("toko1", "Warung Bu Sri", 3, 1)]
    alert_id = data["alerts"][0]["id"]

    acked = fleet("ack", str(alert_id), "--dsn", dsn)
    assert acked.returncode == 0, acked.stdout
    calm = fleet("status", "--dsn", dsn)
    assert calm.returncode == 0, calm.stdout  # acknowledged: nothing needs the owner now
    assert re.search(rf"ack\s+#{alert_id} toko1", calm.stdout)
    assert fleet("ack", str(alert_id), "--dsn", dsn).returncode == 1

    # A kiosk that never reported is offline, and that needs the owner.
    assert fleet("add-kiosk", "toko2", "--dsn", dsn).returncode == 0
    silent = fleet("status", "--dsn", dsn)
    assert silent.returncode == 1
    assert re.search(r"^toko2\s+NO \(-\)", silent.stdout, re.M), silent.stdout
    assert re.search(r"OPEN\s+- toko2\s+offline", silent.stdout), silent.stdout


def test_fleet_usage_errors_and_an_unreachable_database() -> None:
    assert fleet("status").returncode == 2
    window = fleet()  # the owner window needs a database too
    assert window.returncode == 2 and "--dsn" in window.stderr
    assert fleet("--dsn", "postgresql://u@db.example.com/x?sslmode=disable").returncode == 2
    refused = fleet("status", "--dsn", "postgresql://u:pw@127.0.0.1:1/x")
    assert refused.returncode == 2 and "set-fleet-password" in refused.stderr
    down = fleet("status", "--dsn", "postgresql://u@127.0.0.1:1/x")
    assert down.returncode == 1 and down.stdout.startswith("FAILED: OperationalError")
