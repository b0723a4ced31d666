"""The key only in the keychain (through the keyring API), and the config CLI."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from kiosk import keychain
from kiosk.api import DigiswitchClient, KeyUnavailableError
from kiosk.cli import main as cli
from kiosk.logsetup import configure_logging, redact, redact_name, register_secret
from kiosk.sim import Simulator
from tests.support.memory_keyring import MemoryKeyring
from tests.support.stub_server import closed_port

KEY = "kunci-rahasia-7f3a9c"


def test_roundtrip_and_missing(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(keychain.KeyMissingError) as caught:
        keychain.get_key("toko1")
    assert "config set-key" in caught.value.user_message("id")
    keychain.set_key("toko1", KEY)
    assert memory_keyring.store == {("loket-kiosk", "toko1"): KEY}
    assert keychain.get_key("toko1") == KEY


def test_locked_keychain_is_a_clear_message(memory_keyring: MemoryKeyring) -> None:
    keychain.set_key("toko1", KEY)
    memory_keyring.locked = True
    with pytest.raises(keychain.KeychainLockedError) as caught:
        keychain.get_key("toko1")
    assert "terkunci" in caught.value.user_message("id")
    assert KEY not in str(caught.value)


def test_no_backend_explains_what_to_install() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    with pytest.raises(keychain.NoBackendError) as caught:
        keychain.get_key("toko1")
    assert "GNOME Keyring" in caught.value.user_message("en")


def test_key_deleted_while_running_reaches_the_client_as_words(sim: Simulator) -> None:
    keychain.set_key("demo", "demo-key")
    client = DigiswitchClient(base_url=sim.url, username="demo",
                              key_provider=keychain.key_provider("demo"))  # fmt: skip
    assert client.balance() > 0
    keychain.delete_key("demo")
    with pytest.raises(KeyUnavailableError) as caught:
        client.balance()
    assert "belum tersimpan atau sudah dihapus" in caught.value.user_message("id")


def test_cli_set_key_show_check(monkeypatch: pytest.MonkeyPatch, capsys, sim: Simulator,
                                memory_keyring: MemoryKeyring) -> None:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO("demo-key\n"))
    assert cli(["set-key", "--username", "demo"]) == 0
    assert memory_keyring.store[("loket-kiosk", "demo")] == "demo-key"
    assert cli(["show"]) == 0
    shown = capsys.readouterr().out
    assert "demo-key" not in shown
    assert json.loads(shown[shown.index("{") :])["api_key"] == "**** (stored in keychain)"
    assert cli(["check", "--endpoint", sim.url]) == 0
    assert "OK: saldo Rp 5.000.000" in capsys.readouterr().out
    memory_keyring.store[("loket-kiosk", "demo")] = "wrong-key"
    assert cli(["check", "--endpoint", sim.url]) == 1
    assert "Kunci API tidak cocok" in capsys.readouterr().out
    assert cli(["check", "--endpoint", f"http://127.0.0.1:{closed_port()}/"]) == 1
    assert "Tidak dapat terhubung" in capsys.readouterr().out
    memory_keyring.locked = True
    assert cli(["check", "--endpoint", sim.url]) == 1
    assert "terkunci" in capsys.readouterr().out


def test_cli_set_and_usage_errors(capsys) -> None:
    assert cli(["set", "shop_name", "Toko Makmur"]) == 0
    assert cli(["set", "testing", "maybe"]) == 2
    assert cli(["nonsense"]) == 2
    assert cli(["show"]) == 0
    assert '"shop_name": "Toko Makmur"' in capsys.readouterr().out


def test_logs_are_redacted(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    register_secret(KEY)
    log = logging.getLogger("kiosk.test")
    log.warning("key %s sign %s body %s name %s", KEY, "a" * 32, '{"sign": "xyz"}',
                redact_name("BUDI SANTOSO"))  # fmt: skip
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text()
    assert KEY not in text and "a" * 32 not in text and '"xyz"' not in text
    assert "B*** S***" in text and "BUDI" not in text
    assert redact("x " + "0" * 32) == "x [sign]"
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", "") == str(path):
            logging.getLogger().removeHandler(handler)
            handler.close()
