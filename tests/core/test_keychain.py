"""The key only in the OS keychain, chosen through the keyring API (never patched)."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyring.errors import InitError, PasswordSetError
from keyrings.alt.file import PlaintextKeyring as AltPlaintextKeyring

from kiosk import keychain
from kiosk.api import DigiswitchClient, KeyUnavailableError
from kiosk.sim import Simulator
from tests.support.memory_keyring import MemoryKeyring

KEY = "kunci-rahasia-7f3a9c"


class PlaintextKeyring(MemoryKeyring):
    """Stands in for keyrings.alt's file backend: it would write the key to disk."""


class BrokenKeyring(MemoryKeyring):
    """A backend that fails the way a lost D-Bus or a denied ACL does."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error


def assert_no_key(exc: BaseException) -> None:
    for text in (
        str(exc),
        repr(exc),
        *(str(a) for a in exc.args),
        exc.user_message("id"),
        exc.user_message("en"),
    ):  # type: ignore[attr-defined]
        assert KEY not in text
    assert exc.__cause__ is None


def test_roundtrip_under_the_loket_service(memory_keyring: MemoryKeyring) -> None:
    assert not keychain.has_key("toko1")
    keychain.set_key("toko1", f"  {KEY}\n")  # a pasted key keeps no whitespace
    assert memory_keyring.store == {("loket-kiosk", "toko1"): KEY}
    assert keychain.get_key("toko1") == KEY
    assert keychain.has_key("toko1")
    keychain.delete_key("toko1")
    assert not keychain.has_key("toko1")
    keychain.delete_key("toko1")  # deleting nothing is fine


def test_a_missing_key_says_what_to_do() -> None:
    with pytest.raises(keychain.KeyMissingError) as caught:
        keychain.get_key("toko1")
    assert "python -m kiosk config set-key" in caught.value.user_message("id")
    assert "Pengaturan" in caught.value.user_message("id")
    assert "Settings" in caught.value.user_message("en")
    with pytest.raises(keychain.KeyMissingError):
        keychain.get_key("")  # no username configured yet


def test_empty_values_are_refused_before_the_keychain() -> None:
    with pytest.raises(ValueError):
        keychain.set_key("toko1", "   ")
    with pytest.raises(ValueError):
        keychain.set_key("", KEY)


def test_a_locked_keychain(memory_keyring: MemoryKeyring) -> None:
    keychain.set_key("toko1", KEY)
    memory_keyring.locked = True
    for action in (
        lambda: keychain.get_key("toko1"),
        lambda: keychain.set_key("toko1", KEY),
        lambda: keychain.has_key("toko1"),
        lambda: keychain.delete_key("toko1"),
    ):
        with pytest.raises(keychain.KeychainLockedError) as caught:
            action()
        assert "terkunci" in caught.value.user_message("id")
        assert "locked" in caught.value.user_message("en")
        assert_no_key(caught.value)


def test_an_init_error_reads_as_locked() -> None:
    keyring.set_keyring(BrokenKeyring(InitError("Failed to unlock the collection")))
    with pytest.raises(keychain.KeychainLockedError):
        keychain.get_key("toko1")


@pytest.mark.parametrize(
    "backend",
    [keyring.backends.fail.Keyring(), keyring.backends.null.Keyring(), PlaintextKeyring()],
    ids=["fail", "null", "plaintext"],
)
def test_no_secure_backend_explains_what_to_install(backend: KeyringBackend) -> None:
    keyring.set_keyring(backend)
    for action in (lambda: keychain.get_key("toko1"), lambda: keychain.set_key("toko1", KEY)):
        with pytest.raises(keychain.NoBackendError) as caught:
            action()
        english = caught.value.user_message("en")
        for words in (
            "GNOME Keyring",
            "KWallet",
            "Windows Credential Manager",
            "macOS Keychain",
            "python -m kiosk config set-key",
        ):
            assert words in english
        assert "GNOME Keyring" in caught.value.user_message("id")
        assert_no_key(caught.value)
    if isinstance(backend, PlaintextKeyring):
        assert backend.store == {}  # nothing was written


def test_other_backend_failures_are_a_keychain_failure() -> None:
    for error in (PasswordSetError(f"cannot store {KEY}"), RuntimeError(f"dbus says {KEY}")):
        keyring.set_keyring(BrokenKeyring(error))
        with pytest.raises(keychain.KeychainFailure) as caught:
            keychain.set_key("toko1", KEY)
        assert "Coba lagi" in caught.value.user_message("id")
        assert_no_key(caught.value)


def test_every_error_is_one_hierarchy() -> None:
    for kind in (
        keychain.NoBackendError,
        keychain.KeychainLockedError,
        keychain.KeyMissingError,
        keychain.KeychainFailure,
    ):
        assert issubclass(kind, keychain.KeychainError)
        assert kind.message.id != kind.message.en


def test_the_provider_reads_the_key_fresh_each_time(memory_keyring: MemoryKeyring) -> None:
    provide = keychain.key_provider("toko1")
    keychain.set_key("toko1", KEY)
    assert provide() == KEY
    memory_keyring.store[("loket-kiosk", "toko1")] = "kunci-baru-123"  # changed outside
    assert provide() == "kunci-baru-123"
    keychain.delete_key("toko1")
    with pytest.raises(keychain.KeyMissingError) as caught:
        provide()
    assert_no_key(caught.value)


def test_key_deleted_while_running_reaches_the_client_as_words(sim: Simulator) -> None:
    keychain.set_key("demo", "demo-key")
    client = DigiswitchClient(
        base_url=sim.url, username="demo", key_provider=keychain.key_provider("demo")
    )
    assert client.balance() > 0
    keychain.delete_key("demo")
    with pytest.raises(KeyUnavailableError) as caught:
        client.balance()
    assert "belum tersimpan atau sudah dihapus" in caught.value.user_message("id")
    assert len(sim.requests("deposit")) == 1  # the second call sent nothing
    client.close()


def chain(*members: KeyringBackend) -> ChainerBackend:
    """keyring's own chainer over the members chosen for this test (it discovers them in
    production: with keyrings.alt installed beside the Secret Service it holds both)."""
    kind = type("TestChain", (ChainerBackend,), {"backends": list(members)})
    return kind()


@pytest.fixture
def plaintext(tmp_path: Path) -> AltPlaintextKeyring:
    """The real keyrings.alt file backend, writing (if it ever did) into a temp folder."""
    backend = AltPlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring_pass.cfg")
    return backend


def test_a_chain_uses_its_secure_member_alone(plaintext: AltPlaintextKeyring) -> None:
    secure = MemoryKeyring()
    keyring.set_keyring(chain(plaintext, keyring.backends.null.Keyring(), secure))
    keychain.set_key("toko1", KEY)
    assert secure.store == {("loket-kiosk", "toko1"): KEY}
    assert not Path(plaintext.file_path).exists()  # the key never reached a file
    assert keychain.get_key("toko1") == KEY
    assert keychain.backend_name() == "tests.support.memory_keyring.MemoryKeyring"
    keychain.delete_key("toko1")
    assert secure.store == {} and not keychain.has_key("toko1")


def test_a_key_only_in_the_plaintext_member_is_not_read(plaintext: AltPlaintextKeyring) -> None:
    plaintext.set_password("loket-kiosk", "toko1", KEY)  # left there by something else
    keyring.set_keyring(chain(plaintext, MemoryKeyring()))
    with pytest.raises(keychain.KeyMissingError):
        keychain.get_key("toko1")


@pytest.mark.parametrize("members", ["plaintext", "plaintext+null", "empty"])
def test_a_chain_with_nothing_secure_is_refused(
    plaintext: AltPlaintextKeyring, members: str
) -> None:
    chosen = {
        "plaintext": [plaintext],
        "empty": [],
        "plaintext+null": [plaintext, keyring.backends.null.Keyring()],
    }[members]
    keyring.set_keyring(chain(*chosen))
    for action in (lambda: keychain.get_key("toko1"), lambda: keychain.set_key("toko1", KEY)):
        with pytest.raises(keychain.NoBackendError) as caught:
            action()
        assert "GNOME Keyring" in caught.value.user_message("id")
    assert not Path(plaintext.file_path).exists()
