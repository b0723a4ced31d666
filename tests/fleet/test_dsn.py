"""The fleet DSN rules and the kiosk's ``config`` commands for the fleet (no database needed)."""

from __future__ import annotations

import io

import pytest

from kiosk import settings as store
from kiosk.cli import main as cli
from kiosk.fleet.admin import kiosk_dsn
from kiosk.fleet.dsn import DsnError, connect_options, kiosk_role, parse
from kiosk.paths import AppPaths
from tests.support.memory_keyring import MemoryKeyring


def test_a_remote_database_gets_verify_full_and_nothing_weaker() -> None:
    options = connect_options("postgresql://loket_kiosk_a@db.example.com:6432/loket")
    assert options["sslmode"] == "verify-full"
    assert (options["host"], options["port"], options["dbname"]) == (
        "db.example.com",
        "6432",
        "loket",
    )
    for weak in ("disable", "prefer", "require", "verify-ca"):
        with pytest.raises(DsnError, match="verify-full"):
            connect_options(f"host=db.example.com dbname=loket sslmode={weak}")


def test_loopback_and_unix_sockets_may_go_without_tls() -> None:
    for dsn in (
        "postgresql://u@127.0.0.1/x",
        "postgresql://u@localhost/x",
        "host=/run/postgresql dbname=x",
        "dbname=x",
        "postgresql://u@[::1]:5433/x",
    ):
        assert "sslmode" not in connect_options(dsn), dsn


def test_a_password_in_the_dsn_is_refused() -> None:
    for dsn in (
        "postgresql://u:secret@db.example.com/x",
        "host=127.0.0.1 password='s e'",
        "postgresql://u@127.0.0.1/x?passfile=/tmp/p",
    ):
        with pytest.raises(DsnError) as caught:
            connect_options(dsn)
        assert "set-fleet-password" in caught.value.text.en
        assert "secret" not in str(caught.value)


def test_key_value_words_with_quotes() -> None:
    assert parse("host=h  dbname='my db' user=u") == {"host": "h", "dbname": "my db", "user": "u"}
    for bad in ("", "nonsense", "host=h junk"):
        with pytest.raises(DsnError):
            parse(bad)


def test_kiosk_ids_and_roles() -> None:
    assert kiosk_role("toko_1") == "loket_kiosk_toko_1"
    for bad in ("Toko", "-x", "a b", "x" * 41, "", "a;drop"):
        with pytest.raises(DsnError):
            kiosk_role(bad)


def test_the_dsn_handed_to_a_kiosk() -> None:
    owner = "host=/tmp/pg port=5433 user=owner dbname=loket"
    assert kiosk_dsn(owner, "toko1", "db.example.com") == (
        "postgresql://loket_kiosk_toko1@db.example.com:5433/loket?sslmode=verify-full"
    )
    assert kiosk_dsn(owner, "toko1", "127.0.0.1:6000") == (
        "postgresql://loket_kiosk_toko1@127.0.0.1:6000/loket"
    )
    assert kiosk_dsn(owner, "toko1") == (
        "postgresql://loket_kiosk_toko1@/loket?host=%2Ftmp%2Fpg&port=5433"
    )
    remote = "postgresql://owner@db.example.com/loket?sslrootcert=/etc/ca.pem"
    handed = kiosk_dsn(remote, "toko2")
    assert handed.startswith("postgresql://loket_kiosk_toko2@db.example.com/loket?")
    assert connect_options(handed)["sslrootcert"] == "/etc/ca.pem"


def test_config_set_checks_the_fleet_settings(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["set", "kiosk_id", "Toko 1"]) == 2
    assert "lower-case" in capsys.readouterr().err
    assert cli(["set", "fleet_dsn", "postgresql://k:pw@db.example.com/x"]) == 2
    assert "set-fleet-password" in capsys.readouterr().err
    assert cli(["set", "fleet_dsn", "postgresql://k@db.example.com/x?sslmode=require"]) == 2
    assert cli(["set", "kiosk_id", "toko1"]) == 0
    assert cli(["set", "fleet_dsn", "postgresql://loket_kiosk_toko1@db.example.com/x"]) == 0
    saved = store.load(AppPaths.default().settings_file)
    assert (saved.kiosk_id, saved.fleet_dsn) == (
        "toko1",
        "postgresql://loket_kiosk_toko1@db.example.com/x",
    )


def test_set_fleet_password_goes_to_the_keychain_only(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring: MemoryKeyring,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-armada\n"))
    assert cli(["set-fleet-password"]) == 2  # no kiosk_id yet
    assert "kiosk_id" in capsys.readouterr().err
    assert cli(["set", "kiosk_id", "toko1"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-armada\n"))
    assert cli(["set-fleet-password"]) == 0
    assert memory_keyring.store[("loket-fleet", "toko1")] == "rahasia-armada"
    assert "rahasia-armada" not in capsys.readouterr().out
    assert "rahasia-armada" not in AppPaths.default().settings_file.read_text()
    assert cli(["show"]) == 0
    assert '"fleet_password": "**** (stored in keychain)"' in capsys.readouterr().out


def test_the_fleet_core_imports_neither_qt_nor_psycopg_until_used() -> None:
    import subprocess
    import sys

    code = (
        "import sys, kiosk.fleet, kiosk.fleet.cli, kiosk.fleet.agent, kiosk.fleet.status; "
        "print(sorted(m for m in ('PySide6', 'psycopg') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
