"""Heartbeats and urgent alerts, through the agent the app starts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from kiosk.fleet import start_fleet_agent
from kiosk.fleet.agent import FleetAgent
from kiosk.fleet.alerts import Thresholds, alerts_for
from kiosk.fleet.heartbeat import Heartbeat
from kiosk.fleet.link import KEYCHAIN_SERVICE, LinkState, connector
from kiosk.journal import Journal, PaymentState
from kiosk.keychain import set_secret
from kiosk.settings import Settings
from tests.fleet.conftest import FleetDb, pay
from tests.fleet.test_replicator import wait_until


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    journal = Journal(tmp_path / "journal.sqlite3")
    yield journal
    journal.close()


def open_alerts(db: FleetDb) -> dict[str, str]:
    with db.owner() as conn:
        rows = conn.execute(
            "SELECT kind, message_en FROM fleet.open_alerts WHERE kind <> 'offline'"
        ).fetchall()
    return dict(rows)


def agent(db: FleetDb, journal: Journal, state: dict[str, Heartbeat]) -> FleetAgent:
    password = db.passwords["toko1"]
    return FleetAgent(
        journal_path=journal.path,
        kiosk_id="toko1",
        target="toko1@test",
        connect=connector(db.kiosk_dsn("toko1"), lambda: password),
        snapshot=lambda: state["now"],
        thresholds=Thresholds(deposit_below=500_000),
        poll_s=0.1,
        interval_s=60,
        check_s=0.1,
    )


def test_alerts_open_at_once_and_resolve_when_the_kiosk_recovers(
    fleet_db: FleetDb, journal: Journal
) -> None:
    fleet_db.add_kiosk("toko1")
    pay(journal, 1)
    pay(journal, 2, final=None, at=datetime.now() - timedelta(minutes=40))  # stuck in sending
    healthy = Heartbeat(deposit=Decimal("2500000"), online=True, printer="ok", paper="ok")
    state = {"now": healthy}
    fleet = agent(fleet_db, journal, state).start()
    try:
        wait_until(lambda: fleet.heartbeat.sent >= 1)
        assert set(open_alerts(fleet_db)) == {"payment_unresolved"}
        # The printer runs out of paper and the deposit drops: known well before the next minute.
        state["now"] = Heartbeat(
            deposit=Decimal("120000"), online=True, printer="ok", paper="out", config_rc="41"
        )
        fleet.notify()
        wait_until(lambda: len(open_alerts(fleet_db)) == 4)
        alerts = open_alerts(fleet_db)
        assert alerts["paper_out"] == "The printer is out of paper."
        assert alerts["deposit_low"] == "The deposit is down to Rp 120,000."
        assert "rc 41" in alerts["config_error"]
        assert alerts["payment_unresolved"].startswith("1 payment(s) unresolved; the oldest for 40")
        state["now"] = healthy
        fleet.notify()
        wait_until(lambda: set(open_alerts(fleet_db)) == {"payment_unresolved"})
    finally:
        fleet.stop()
    with fleet_db.owner() as conn:
        latest = conn.execute(
            "SELECT deposit, paper, today_count, today_amount, unresolved_count,"
            " app_version FROM fleet.heartbeat_latest"
        ).fetchone()
        status = conn.execute(
            "SELECT online, unresolved_count, today_count FROM fleet.fleet_status"
        ).fetchone()
        resolved = conn.execute(
            "SELECT count(*) FROM fleet.alerts WHERE resolved_at IS NOT NULL"
        ).fetchone()
    assert latest[:5] == (Decimal("2500000"), "ok", 1, 51_000, 1)
    assert latest[5]
    assert status == (True, 1, 1)
    assert resolved == (3,)


def test_alert_rules() -> None:
    now = datetime.now().astimezone()
    limits = Thresholds(unresolved_after_min=15, deposit_below=100_000, cash_box_full_pct=90)
    assert alerts_for(Heartbeat(deposit=Decimal(100_000)), limits, now) == []
    beat = Heartbeat(
        deposit=Decimal(99_999),
        printer="fault",
        acceptor="fault",
        cash_box_notes=900,
        cash_box_capacity=1000,
        config_rc="45",
        unresolved_count=2,
        oldest_unresolved_at=now - timedelta(minutes=15),
    )
    kinds = [a.key for a in alerts_for(beat, limits, now)]
    assert kinds == [
        "payment_unresolved/",
        "deposit_low/",
        "printer_fault/",
        "acceptor_fault/",
        "cash_box_full/",
        "config_error/45",
    ]
    young = Heartbeat(
        unresolved_count=1,
        oldest_unresolved_at=now - timedelta(minutes=14),
        cash_box_notes=899,
        cash_box_capacity=1000,
        config_rc="44",
    )
    assert alerts_for(young, limits, now) == []


def test_start_fleet_agent_is_none_until_configured(journal: Journal) -> None:
    assert start_fleet_agent(Settings(), journal.path, Heartbeat) is None
    assert start_fleet_agent(Settings(kiosk_id="toko1"), journal.path, Heartbeat) is None


def test_start_fleet_agent_uses_the_keychain_and_says_what_is_missing(
    fleet_db: FleetDb, journal: Journal
) -> None:
    fleet_db.add_kiosk("toko1")
    pay(journal, 1)
    settings = Settings(kiosk_id="toko1", fleet_dsn=fleet_db.kiosk_dsn("toko1"))
    seen: list[LinkState] = []
    fleet = start_fleet_agent(
        settings, journal.path, Heartbeat, on_status=lambda s: seen.append(s.state)
    )
    assert fleet is not None
    try:
        wait_until(lambda: fleet.status.state is LinkState.NO_PASSWORD)
        assert "set-fleet-password" in fleet.status.text.en
        set_secret(KEYCHAIN_SERVICE, "toko1", fleet_db.passwords["toko1"])
        fleet.notify()  # cuts the slow retry (60 s) short
        wait_until(lambda: fleet.status.state is LinkState.OK)
        wait_until(lambda: fleet_db.scalar("SELECT count(*) FROM fleet.kiosk_events") == 3)
    finally:
        fleet.stop()
    assert seen[-1] is LinkState.OK and LinkState.NO_PASSWORD in seen


def test_a_bad_dsn_is_a_status_not_an_exception(journal: Journal) -> None:
    settings = Settings(
        kiosk_id="toko1", fleet_dsn="postgresql://k@db.example.com/x?sslmode=disable"
    )
    fleet = start_fleet_agent(settings, journal.path, Heartbeat)
    assert fleet is not None
    try:
        wait_until(lambda: fleet.status.state is LinkState.CONFIG)
    finally:
        fleet.stop()
    assert "sslmode=verify-full" in fleet.status.text.en
    assert journal.get(pay(journal, 1)).state is PaymentState.SUCCESS


def test_a_dsn_with_another_kiosks_role_is_named_as_such(
    fleet_db: FleetDb, journal: Journal
) -> None:
    fleet_db.add_kiosk("toko1")
    fleet_db.add_kiosk("toko2")
    set_secret(KEYCHAIN_SERVICE, "toko2", fleet_db.passwords["toko1"])
    settings = Settings(kiosk_id="toko2", fleet_dsn=fleet_db.kiosk_dsn("toko1"))
    fleet = start_fleet_agent(settings, journal.path, Heartbeat)
    assert fleet is not None
    try:
        wait_until(lambda: fleet.status.state is LinkState.CONFIG)
    finally:
        fleet.stop()
    assert "another kiosk's role" in fleet.status.text.en
    # Without a user in the DSN, the kiosk's own role is used.
    pay(journal, 1)
    set_secret(KEYCHAIN_SERVICE, "toko2", fleet_db.passwords["toko2"])
    anonymous = fleet_db.kiosk_dsn("toko1").replace("loket_kiosk_toko1@", "")
    fleet = start_fleet_agent(settings.with_changes(fleet_dsn=anonymous), journal.path, Heartbeat)
    assert fleet is not None
    try:
        wait_until(lambda: fleet.replicator.shipped == 3)
    finally:
        fleet.stop()
    assert fleet_db.scalar("SELECT DISTINCT kiosk_id FROM fleet.kiosk_events") == "toko2"
