"""The owner's database: idempotent init, and what a kiosk role may and may not do."""

from __future__ import annotations

import psycopg
import pytest

from kiosk.fleet.admin import acknowledge, init
from kiosk.fleet.schema import MIGRATIONS, VIEWS
from tests.fleet.conftest import FleetDb

EVENT = (
    "INSERT INTO fleet.kiosk_events (kiosk_id, source, event_id, at, kind, ref_id, state,"
    " amount) VALUES (%s, 'events', %s, now(), 'payment', %s, 'success', 1000)"
)
ALERT = (
    "INSERT INTO fleet.alerts (kiosk_id, kind, message_id, message_en) VALUES (%s, 'x', 'a', 'b')"
)


def test_init_twice_changes_nothing_and_keeps_data(fleet_db: FleetDb) -> None:
    fleet_db.add_kiosk("toko1")
    with fleet_db.connect_kiosk("toko1") as kiosk:
        kiosk.execute(EVENT, ("toko1", 1, "r1"))
    with fleet_db.owner() as conn:
        assert init(conn) == (len(MIGRATIONS), len(MIGRATIONS))
        assert init(conn) == (len(MIGRATIONS), len(MIGRATIONS))
        views = {
            r[0]
            for r in conn.execute(
                "SELECT table_name FROM information_schema.views WHERE table_schema = 'fleet'"
            )
        }
    assert set(VIEWS) <= views
    assert fleet_db.scalar("SELECT count(*) FROM fleet.kiosk_events") == 1
    assert fleet_db.scalar("SELECT count(*) FROM fleet.migrations") == len(MIGRATIONS)
    # The kiosk still works after the policies were re-applied.
    with fleet_db.connect_kiosk("toko1") as kiosk:
        kiosk.execute(EVENT, ("toko1", 2, "r2"))


def test_a_kiosk_cannot_write_or_read_another_kiosks_rows(fleet_db: FleetDb) -> None:
    fleet_db.add_kiosk("toko1")
    fleet_db.add_kiosk("toko2")
    with fleet_db.connect_kiosk("toko2") as other:
        other.execute(EVENT, ("toko2", 1, "theirs"))
        other.execute(ALERT, ("toko2",))
    with fleet_db.connect_kiosk("toko1") as kiosk:
        kiosk.execute(EVENT, ("toko1", 1, "mine"))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            kiosk.execute(EVENT, ("toko2", 2, "forged"))
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            kiosk.execute(ALERT, ("toko2",))
        seen = kiosk.execute("SELECT kiosk_id, ref_id FROM fleet.kiosk_events").fetchall()
        assert seen == [("toko1", "mine")]
        assert kiosk.execute("SELECT kiosk_id FROM fleet.kiosks").fetchall() == [("toko1",)]
        assert kiosk.execute("SELECT count(*) FROM fleet.alerts").fetchone() == (0,)
        # Nor can it resolve the other kiosk's alert, read the views or acknowledge.
        assert kiosk.execute("UPDATE fleet.alerts SET resolved_at = now()").rowcount == 0
        for sql in (
            "SELECT * FROM fleet.fleet_status",
            "SELECT * FROM fleet.open_alerts",
            "SELECT * FROM fleet.payment_latest",
            "UPDATE fleet.alerts SET acknowledged_at = now()",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                kiosk.execute(sql)
    assert fleet_db.scalar("SELECT count(*) FROM fleet.alerts WHERE resolved_at IS NULL") == 1
    assert fleet_db.scalar("SELECT count(*) FROM fleet.kiosk_events") == 2


def test_an_unknown_kiosk_role_cannot_log_in_and_a_re_added_kiosk_gets_a_new_password(
    fleet_db: FleetDb,
) -> None:
    old = fleet_db.add_kiosk("toko1")
    new = fleet_db.add_kiosk("toko1")
    assert old != new
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(fleet_db.kiosk_dsn("toko1"), password=old)
    fleet_db.connect_kiosk("toko1").close()
    assert fleet_db.scalar("SELECT count(*) FROM fleet.kiosks") == 1


def test_an_owner_login_reads_every_kiosk_and_acknowledges(fleet_db: FleetDb) -> None:
    for kiosk_id in ("toko1", "toko2"):
        fleet_db.add_kiosk(kiosk_id)
        with fleet_db.connect_kiosk(kiosk_id) as kiosk:
            kiosk.execute(EVENT, (kiosk_id, 1, f"r-{kiosk_id}"))
            kiosk.execute(ALERT, (kiosk_id,))
    with fleet_db.owner() as conn:
        conn.execute("DROP ROLE IF EXISTS metabase")
        conn.execute("CREATE ROLE metabase LOGIN PASSWORD 'mb-secret' IN ROLE loket_owner")
    dsn = fleet_db.server.tcp_dsn("metabase", fleet_db.dbname)
    with psycopg.connect(dsn, password="mb-secret", autocommit=True) as owner:
        assert owner.execute("SELECT count(*) FROM fleet.kiosk_events").fetchone() == (2,)
        rows = owner.execute(
            "SELECT kiosk_id, successes FROM fleet.daily_summary ORDER BY kiosk_id"
        ).fetchall()
        assert rows == [("toko1", 1), ("toko2", 1)]
        alert_id = owner.execute("SELECT min(id) FROM fleet.alerts").fetchone()[0]
        assert acknowledge(owner, alert_id, "owner")
        assert not acknowledge(owner, alert_id, "owner")  # already acknowledged
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            owner.execute(EVENT, ("toko1", 9, "owner-forged"))


def test_prune_keeps_recent_heartbeats_and_the_latest(fleet_db: FleetDb) -> None:
    from datetime import datetime, timedelta

    from kiosk.fleet.admin import prune_heartbeats
    from kiosk.fleet.heartbeat import Heartbeat, send

    fleet_db.add_kiosk("toko1")
    now = datetime.now().astimezone()
    with fleet_db.connect_kiosk("toko1") as kiosk:
        for days in (100, 40, 0):
            send(kiosk, "toko1", Heartbeat(), [], now - timedelta(days=days))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            prune_heartbeats(kiosk, 1)  # a kiosk cannot delete history
    with fleet_db.owner() as conn:
        assert prune_heartbeats(conn, 90) == 1
        assert prune_heartbeats(conn, 30) == 1
    assert fleet_db.scalar("SELECT count(*) FROM fleet.heartbeats") == 1
    assert fleet_db.scalar("SELECT count(*) FROM fleet.heartbeat_latest") == 1


def test_init_upgrades_an_older_database_and_backfills(
    fleet_db: FleetDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.fleet import schema

    with fleet_db.owner() as conn:  # a database left at version 2 by an older Loket
        conn.execute("DROP SCHEMA fleet CASCADE")
        monkeypatch.setattr(schema, "MIGRATIONS", MIGRATIONS[:2])
        assert init(conn) == (0, 2)
    fleet_db.add_kiosk("toko1")
    with fleet_db.connect_kiosk("toko1") as kiosk:
        kiosk.execute(
            "INSERT INTO fleet.kiosk_events (kiosk_id, source, event_id, at, kind, ref_id, state,"
            " payload) VALUES ('toko1', 'events', 1, now(), 'payment', 'r1', 'sending',"
            ' \'{"customer_no": "5300"}\')'
        )
    monkeypatch.setattr(schema, "MIGRATIONS", MIGRATIONS)
    with fleet_db.owner() as conn:
        assert init(conn) == (2, len(MIGRATIONS))
    assert fleet_db.scalar("SELECT customer_no FROM fleet.payment_latest") == "5300"
