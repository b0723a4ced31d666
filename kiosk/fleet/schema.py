"""The fleet database: versioned migrations, row-level security, one view per concern.

Everything lives in the schema ``fleet``. ``fleet.migrations`` records each
applied version; :func:`migrate` applies the missing ones in order, each in its
own transaction, under an advisory lock (two owners running ``fleet init`` at
once cannot interleave). Grants and policies are re-applied on every run, so
``fleet init`` is idempotent and repairs a hand-edited database.

Roles (cluster-wide, NOLOGIN groups): ``loket_kiosk`` — every kiosk role is a
member; row-level security lets it see and write only rows whose ``kiosk_id``
is its own (its role name is ``loket_kiosk_<kiosk_id>``). ``loket_owner`` —
reads everything, acknowledges alerts; grant it to the owner's login roles
(Metabase, Grafana, a person). The views run with their owner's rights, so only
``loket_owner`` may read them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psycopg

KIOSK_GROUP = "loket_kiosk"
OWNER_GROUP = "loket_owner"
LOCK_KEY = 0x10CE7F1EE7  # pg_advisory_xact_lock key of the migrations
OFFLINE_AFTER_S = 180
"""A kiosk whose last heartbeat is older than this is offline (three missed beats)."""

_COMMON = """
    sent_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    app_version text, uptime_s bigint, deposit numeric, online boolean,
    printer text, paper text, acceptor text, cash_box text,
    last_tx_at timestamptz, unresolved_count integer NOT NULL DEFAULT 0,
    oldest_unresolved_at timestamptz,
    today_count integer NOT NULL DEFAULT 0, today_amount bigint NOT NULL DEFAULT 0,
    payload jsonb NOT NULL DEFAULT '{}'
"""

MIGRATIONS: tuple[str, ...] = (
    # v1: kiosks, heartbeats (history + latest), replicated journal rows, alerts.
    f"""
    CREATE TABLE fleet.kiosks (
        kiosk_id text PRIMARY KEY CHECK (kiosk_id ~ '^[a-z0-9][a-z0-9_]{{0,39}}$'),
        role_name text NOT NULL UNIQUE,
        name text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE fleet.heartbeats (
        kiosk_id text NOT NULL REFERENCES fleet.kiosks, {_COMMON},
        PRIMARY KEY (kiosk_id, sent_at)
    );
    CREATE TABLE fleet.heartbeat_latest (
        kiosk_id text PRIMARY KEY REFERENCES fleet.kiosks, {_COMMON}
    );
    CREATE TABLE fleet.kiosk_events (
        kiosk_id text NOT NULL REFERENCES fleet.kiosks,
        source text NOT NULL,
        event_id bigint NOT NULL,
        at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL,
        ref_id text, state text, rc text, sn text, product text,
        amount bigint,
        payload jsonb NOT NULL DEFAULT '{{}}',
        PRIMARY KEY (kiosk_id, source, event_id)
    );
    CREATE INDEX kiosk_events_ref ON fleet.kiosk_events (kiosk_id, ref_id, event_id);
    CREATE INDEX kiosk_events_at ON fleet.kiosk_events (at);
    CREATE TABLE fleet.payment_latest (
        kiosk_id text NOT NULL REFERENCES fleet.kiosks,
        ref_id text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        state text NOT NULL, rc text, sn text, product text, amount bigint,
        last_event_id bigint NOT NULL,
        PRIMARY KEY (kiosk_id, ref_id)
    );
    CREATE INDEX payment_latest_state ON fleet.payment_latest (state, created_at);
    CREATE INDEX payment_latest_unresolved ON fleet.payment_latest (kiosk_id, created_at)
        WHERE state IN ('sending', 'pending', 'unknown');
    CREATE INDEX payment_latest_created ON fleet.payment_latest (kiosk_id, created_at);
    CREATE FUNCTION fleet.track_payment() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, fleet AS $$
    BEGIN
        INSERT INTO fleet.payment_latest AS p (kiosk_id, ref_id, created_at, updated_at, state,
                                               rc, sn, product, amount, last_event_id)
        VALUES (NEW.kiosk_id, NEW.ref_id, NEW.at, NEW.at, NEW.state, NEW.rc, NEW.sn,
                NEW.product, NEW.amount, NEW.event_id)
        ON CONFLICT (kiosk_id, ref_id) DO UPDATE SET
            created_at = least(p.created_at, EXCLUDED.created_at),
            updated_at = CASE WHEN EXCLUDED.last_event_id > p.last_event_id
                              THEN EXCLUDED.updated_at ELSE p.updated_at END,
            state = CASE WHEN EXCLUDED.last_event_id > p.last_event_id
                         THEN EXCLUDED.state ELSE p.state END,
            rc = CASE WHEN EXCLUDED.last_event_id > p.last_event_id
                      THEN EXCLUDED.rc ELSE p.rc END,
            sn = coalesce(CASE WHEN EXCLUDED.last_event_id > p.last_event_id
                               THEN EXCLUDED.sn END, p.sn),
            last_event_id = greatest(p.last_event_id, EXCLUDED.last_event_id);
        RETURN NULL;
    END $$;
    CREATE TRIGGER kiosk_events_payment AFTER INSERT ON fleet.kiosk_events
        FOR EACH ROW WHEN (NEW.kind = 'payment' AND NEW.ref_id IS NOT NULL)
        EXECUTE FUNCTION fleet.track_payment();
    CREATE TABLE fleet.alerts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kiosk_id text NOT NULL REFERENCES fleet.kiosks,
        kind text NOT NULL,
        subject text NOT NULL DEFAULT '',
        message_id text NOT NULL,
        message_en text NOT NULL,
        details jsonb NOT NULL DEFAULT '{{}}',
        opened_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        acknowledged_at timestamptz,
        acknowledged_by text
    );
    CREATE UNIQUE INDEX alerts_one_open ON fleet.alerts (kiosk_id, kind, subject)
        WHERE resolved_at IS NULL;
    """,
    # v2: one view per concern, for `fleet status`, the owner window, Metabase and Grafana.
    # fleet_status reads "today" from the kiosk's last heartbeat (its own calendar day; one
    # row per kiosk, however busy the day) and unresolved payments from the replicated
    # journal (a partial index); daily_summary has the replicated totals per day.
    f"""
    CREATE VIEW fleet.stuck_payments AS
    SELECT kiosk_id, ref_id, state, product, amount, created_at, updated_at,
           now() - created_at AS age
    FROM fleet.payment_latest WHERE state IN ('sending', 'pending', 'unknown');

    CREATE VIEW fleet.daily_summary AS
    SELECT kiosk_id, (created_at AT TIME ZONE current_setting('TimeZone'))::date AS day,
           count(*) FILTER (WHERE state <> 'inquired') AS payments,
           count(*) FILTER (WHERE state = 'success') AS successes,
           count(*) FILTER (WHERE state = 'failed') AS failures,
           count(*) FILTER (WHERE state IN ('sending', 'pending', 'unknown')) AS unresolved,
           coalesce(sum(amount) FILTER (WHERE state = 'success'), 0)::bigint AS amount
    FROM fleet.payment_latest GROUP BY 1, 2;

    CREATE VIEW fleet.fleet_status AS
    SELECT k.kiosk_id, k.name,
           h.received_at AS last_heartbeat_at,
           extract(epoch FROM now() - h.received_at)::bigint AS heartbeat_age_s,
           coalesce(now() - h.received_at < interval '{OFFLINE_AFTER_S} seconds', false) AS online,
           h.online AS provider_online, h.app_version, h.uptime_s, h.deposit,
           h.printer, h.paper, h.acceptor, h.cash_box,
           greatest(h.last_tx_at, p.last_tx_at) AS last_tx_at,
           coalesce(p.unresolved, 0) AS unresolved_count, p.oldest_unresolved_at,
           coalesce(h.today_count, 0) AS today_count, coalesce(h.today_amount, 0) AS today_amount
    FROM fleet.kiosks k
    LEFT JOIN fleet.heartbeat_latest h ON h.kiosk_id = k.kiosk_id
    LEFT JOIN LATERAL (
        SELECT (SELECT max(created_at) FROM fleet.payment_latest l
                WHERE l.kiosk_id = k.kiosk_id AND l.state <> 'inquired') AS last_tx_at,
               count(*) AS unresolved, min(created_at) AS oldest_unresolved_at
        FROM fleet.payment_latest l WHERE l.kiosk_id = k.kiosk_id
        AND l.state IN ('sending', 'pending', 'unknown')
    ) p ON true;

    CREATE VIEW fleet.open_alerts AS
    SELECT a.id, a.kiosk_id, a.kind, a.subject, a.message_id, a.message_en, a.details,
           a.opened_at, a.last_seen_at, a.acknowledged_at, a.acknowledged_by,
           a.acknowledged_at IS NOT NULL AS acknowledged
    FROM fleet.alerts a WHERE a.resolved_at IS NULL
    UNION ALL
    SELECT NULL, s.kiosk_id, 'offline', '',
           'Kiosk tidak mengirim kabar ' || coalesce('sejak ' || to_char(s.last_heartbeat_at,
               'YYYY-MM-DD HH24:MI TZ'), 'sama sekali') || '.',
           'No heartbeat from the kiosk ' || coalesce('since ' || to_char(s.last_heartbeat_at,
               'YYYY-MM-DD HH24:MI TZ'), 'yet') || '.',
           '{{}}'::jsonb, s.last_heartbeat_at, s.last_heartbeat_at, NULL, NULL, false
    FROM fleet.fleet_status s WHERE NOT s.online;
    """,
    # v3: the owner finds a payment by customer number, SN or ref_id across kiosks.
    """
    ALTER TABLE fleet.payment_latest ADD COLUMN customer_no text;
    UPDATE fleet.payment_latest p SET customer_no = e.payload->>'customer_no'
    FROM fleet.kiosk_events e
    WHERE e.kiosk_id = p.kiosk_id AND e.ref_id = p.ref_id AND e.kind = 'payment'
      AND e.event_id = p.last_event_id;
    CREATE INDEX payment_latest_customer ON fleet.payment_latest (customer_no);
    CREATE INDEX payment_latest_sn ON fleet.payment_latest (sn);
    CREATE INDEX payment_latest_ref ON fleet.payment_latest (ref_id);
    CREATE OR REPLACE FUNCTION fleet.track_payment() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, fleet AS $$
    BEGIN
        INSERT INTO fleet.payment_latest AS p (kiosk_id, ref_id, created_at, updated_at, state,
                                               rc, sn, product, amount, last_event_id,
                                               customer_no)
        VALUES (NEW.kiosk_id, NEW.ref_id, NEW.at, NEW.at, NEW.state, NEW.rc, NEW.sn,
                NEW.product, NEW.amount, NEW.event_id, NEW.payload->>'customer_no')
        ON CONFLICT (kiosk_id, ref_id) DO UPDATE SET
            created_at = least(p.created_at, EXCLUDED.created_at),
            updated_at = CASE WHEN EXCLUDED.last_event_id > p.last_event_id
                              THEN EXCLUDED.updated_at ELSE p.updated_at END,
            state = CASE WHEN EXCLUDED.last_event_id > p.last_event_id
                         THEN EXCLUDED.state ELSE p.state END,
            rc = CASE WHEN EXCLUDED.last_event_id > p.last_event_id
                      THEN EXCLUDED.rc ELSE p.rc END,
            sn = coalesce(CASE WHEN EXCLUDED.last_event_id > p.last_event_id
                               THEN EXCLUDED.sn END, p.sn),
            last_event_id = greatest(p.last_event_id, EXCLUDED.last_event_id),
            customer_no = coalesce(p.customer_no, EXCLUDED.customer_no);
        RETURN NULL;
    END $$;
    """,
)

_TABLES = ("kiosks", "heartbeats", "heartbeat_latest", "kiosk_events", "alerts", "payment_latest")
_VIEWS = ("fleet_status", "open_alerts", "daily_summary", "stuck_payments")
_OWN = f"'{KIOSK_GROUP}_' || kiosk_id = current_user"

_ROLES = f"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{KIOSK_GROUP}') THEN
        CREATE ROLE {KIOSK_GROUP} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OWNER_GROUP}') THEN
        CREATE ROLE {OWNER_GROUP} NOLOGIN;
    END IF;
END $$;
"""


def _security() -> list[str]:
    """Grants and policies, re-applied on every ``fleet init`` (idempotent)."""
    sql = [
        "REVOKE ALL ON SCHEMA fleet FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA fleet TO {KIOSK_GROUP}, {OWNER_GROUP}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA fleet FROM PUBLIC, {KIOSK_GROUP}, {OWNER_GROUP}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA fleet TO {OWNER_GROUP}",
        f"GRANT UPDATE (acknowledged_at, acknowledged_by) ON fleet.alerts TO {OWNER_GROUP}",
        f"GRANT SELECT ON fleet.kiosks TO {KIOSK_GROUP}",
        f"GRANT SELECT, INSERT ON fleet.kiosk_events, fleet.heartbeats TO {KIOSK_GROUP}",
        f"GRANT SELECT, INSERT, UPDATE ON fleet.heartbeat_latest TO {KIOSK_GROUP}",
        f"GRANT SELECT, INSERT ON fleet.alerts TO {KIOSK_GROUP}",
        "GRANT UPDATE (message_id, message_en, details, last_seen_at, resolved_at)"
        f" ON fleet.alerts TO {KIOSK_GROUP}",
    ]
    for table in _TABLES:
        sql += [
            f"ALTER TABLE fleet.{table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS kiosk_own ON fleet.{table}",
            f"CREATE POLICY kiosk_own ON fleet.{table} TO {KIOSK_GROUP}"
            f" USING ({_OWN}) WITH CHECK ({_OWN})",
            f"DROP POLICY IF EXISTS owner_all ON fleet.{table}",
            f"CREATE POLICY owner_all ON fleet.{table} TO {OWNER_GROUP} USING (true)"
            " WITH CHECK (true)",
        ]
    return sql


def migrate(conn: psycopg.Connection[tuple[object, ...]]) -> tuple[int, int]:
    """Create or upgrade the schema; returns (version before, version after)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
        conn.execute(_ROLES)
        conn.execute("CREATE SCHEMA IF NOT EXISTS fleet")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS fleet.migrations (version integer PRIMARY KEY,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        row = conn.execute("SELECT coalesce(max(version), 0) FROM fleet.migrations").fetchone()
        before = int(row[0]) if row else 0  # type: ignore[call-overload]
        if before > len(MIGRATIONS):
            raise RuntimeError(
                f"the fleet schema is version {before}, newer than this app ({len(MIGRATIONS)})"
            )
        for number in range(before, len(MIGRATIONS)):
            conn.execute(MIGRATIONS[number])
            conn.execute("INSERT INTO fleet.migrations (version) VALUES (%s)", (number + 1,))
        for statement in _security():
            conn.execute(statement)
    return before, len(MIGRATIONS)


VIEWS = _VIEWS
