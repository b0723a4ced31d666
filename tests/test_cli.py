"""``python -m kiosk config``, run in-process so the in-memory keychain is the one used."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kiosk import settings as store
from kiosk.cli import main as cli
from kiosk.paths import AppPaths
from kiosk.pin import verify_pin
from kiosk.sim import Simulator
from tests.support.memory_keyring import MemoryKeyring
from tests.support.stub_server import closed_port


def settings() -> store.Settings:
    return store.load(AppPaths.default().settings_file)


def type_in(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """What a pipe (``echo KEY | python -m kiosk config set-key``) hands over."""
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def shown(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    out = capsys.readouterr().out
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def test_set_key_from_stdin_saves_the_username_too(
    monkeypatch: pytest.MonkeyPatch, capsys, memory_keyring: MemoryKeyring
) -> None:
    type_in(monkeypatch, "demo-key\n")
    assert cli(["set-key", "--username", "demo"]) == 0
    assert memory_keyring.store == {("loket-kiosk", "demo"): "demo-key"}
    assert settings().api_username == "demo"
    out = capsys.readouterr().out
    assert "OK" in out and "demo-key" not in out
    assert "demo-key" not in AppPaths.default().settings_file.read_text()
    type_in(monkeypatch, "kunci-kedua\n")  # the saved username is used next time
    assert cli(["set-key"]) == 0
    assert memory_keyring.store[("loket-kiosk", "demo")] == "kunci-kedua"


def test_set_key_usage_errors(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    type_in(monkeypatch, "demo-key\n")
    assert cli(["set-key"]) == 2  # no username anywhere yet
    assert "--username" in capsys.readouterr().err
    type_in(monkeypatch, "\n")
    assert cli(["set-key", "--username", "demo"]) == 2
    assert cli(["set-key", "--username", "demo", "demo-key"]) == 2  # never as an argument


def test_set_key_into_a_locked_keychain_fails_in_words(
    monkeypatch: pytest.MonkeyPatch, capsys, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.locked = True
    type_in(monkeypatch, "demo-key\n")
    assert cli(["set-key", "--username", "demo"]) == 1
    out = capsys.readouterr().out
    assert "Keychain terkunci" in out and "keychain is locked" in out
    assert "demo-key" not in out


def test_show_masks_the_key(
    monkeypatch: pytest.MonkeyPatch, capsys, memory_keyring: MemoryKeyring, loket_home: Path
) -> None:
    assert cli(["show"]) == 0
    data = shown(capsys)
    assert data["api_key"] == "(missing)" and data["admin_pin_hash"] == "(not set)"
    type_in(monkeypatch, "demo-key\n")
    assert cli(["set-key", "--username", "demo"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("LOKET_ENDPOINT", "http://127.0.0.1:8080/")
    assert cli(["show"]) == 0
    text = capsys.readouterr().out
    assert "demo-key" not in text
    data = json.loads(text)
    assert data["api_key"] == "**** (stored in keychain)"
    assert data["api_username"] == "demo" and data["testing"] is False
    assert data["endpoint_in_use"].startswith("http://127.0.0.1:8080/")
    assert data["paths"]["settings"] == str(loket_home / "config" / "settings.json")
    assert {"shop_fees", "kiosk_mode", "endpoint", "shop_name"} <= set(data)
    memory_keyring.locked = True
    assert cli(["show"]) == 0
    assert "locked" in shown(capsys)["api_key"]


def test_check_against_the_simulator(
    monkeypatch: pytest.MonkeyPatch, capsys, sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    type_in(monkeypatch, "demo-key\n")
    assert cli(["set-key", "--username", "demo"]) == 0
    capsys.readouterr()
    assert cli(["check", "--endpoint", sim.url]) == 0
    assert "OK: saldo Rp 5.000.000" in capsys.readouterr().out
    monkeypatch.setenv("LOKET_ENDPOINT", sim.url)  # the environment works as well
    assert cli(["check"]) == 0
    assert "OK: saldo Rp" in capsys.readouterr().out


def test_check_says_why_it_failed(
    monkeypatch: pytest.MonkeyPatch, capsys, sim: Simulator, memory_keyring: MemoryKeyring
) -> None:
    assert cli(["check", "--endpoint", sim.url]) == 1  # nothing configured yet
    assert "config set-key --username" in capsys.readouterr().out
    type_in(monkeypatch, "wrong-key\n")
    assert cli(["set-key", "--username", "demo"]) == 0
    capsys.readouterr()
    assert cli(["check", "--endpoint", sim.url]) == 1  # rc 41
    out = capsys.readouterr().out
    assert "FAILED: Kunci API tidak cocok" in out and "wrong-key" not in out
    memory_keyring.store[("loket-kiosk", "demo")] = "demo-key"
    assert cli(["check", "--endpoint", f"http://127.0.0.1:{closed_port()}/"]) == 1
    out = capsys.readouterr().out
    assert "Tidak dapat terhubung" in out and "Cannot reach" in out
    assert cli(["check", "--endpoint", "http://example.com/"]) == 1  # plain http off loopback
    assert "Pengaturan koneksi tidak valid" in capsys.readouterr().out
    memory_keyring.store.clear()
    assert cli(["check", "--endpoint", sim.url]) == 1
    assert "config set-key" in capsys.readouterr().out
    memory_keyring.locked = True
    assert cli(["check", "--endpoint", sim.url]) == 1
    assert "terkunci" in capsys.readouterr().out


def test_set_simple_settings(capsys) -> None:
    for name, value in (
        ("shop_name", "Toko Makmur"),
        ("testing", "true"),
        ("kiosk_mode", "ya"),
        ("idle_timeout_s", "90"),
        ("language", "en"),
        ("paper", "58mm"),
        ("low_balance_warning", "250.000"),
        ("api_username", "toko1"),
        ("thermal_printer", "network:192.0.2.10"),
        ("endpoint", "https://example.com/api/"),
    ):
        assert cli(["set", name, value]) == 0, name
    saved = settings()
    assert (saved.shop_name, saved.testing, saved.kiosk_mode) == ("Toko Makmur", True, True)
    assert (saved.idle_timeout_s, saved.language, saved.paper) == (90, "en", "58mm")
    assert saved.low_balance_warning == 250_000 and saved.api_username == "toko1"
    assert saved.thermal_printer == "network:192.0.2.10"
    assert saved.endpoint == "https://example.com/api/"


@pytest.mark.parametrize(
    "args",
    [
        ["set", "testing", "maybe"],
        ["set", "idle_timeout_s", "5"],
        ["set", "language", "fr"],
        ["set", "paper", "a5"],
        ["set", "endpoint", "http://example.com/"],
        ["set", "thermal_printer", "lpt1"],
        ["set", "api_key", "x"],
        ["set", "collection", "coins"],
        ["set", "cash_device", "essp:/dev/ttyUSB0"],
        ["set", "cash_device", "/dev/ttyUSB0"],
        ["set", "cash_table", "61=abc"],
        ["set", "voucher_days", "0"],
        ["nonsense"],
        [],
    ],
)
def test_usage_errors_exit_2(args: list[str], capsys) -> None:
    assert cli(args) == 2
    assert capsys.readouterr().err
    assert settings() == store.Settings()  # nothing was written


def test_set_cash_settings(capsys) -> None:
    for name, value in (
        ("collection", "cash"),
        ("cash_device", "id003:/dev/ttyUSB0"),
        ("cash_table", "61=2000, 62=5.000"),
        ("voucher_days", "14"),
    ):
        assert cli(["set", name, value]) == 0, name
    saved = settings()
    assert (saved.collection, saved.cash_device) == ("cash", "id003:/dev/ttyUSB0")
    assert (saved.cash_table, saved.voucher_days) == ("61=2000,62=5000", 14)


def test_set_pin_stores_only_a_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    type_in(monkeypatch, "2468\n")
    assert cli(["set-pin"]) == 0
    text = AppPaths.default().settings_file.read_text()
    assert "2468" not in text
    assert verify_pin("2468", settings().admin_pin_hash)
    type_in(monkeypatch, "12\n")
    assert cli(["set-pin"]) == 2


def test_help_exits_0(capsys) -> None:
    assert cli(["--help"]) == 0
    assert "set-key" in capsys.readouterr().out
