"""The real Secret Service (GNOME Keyring) through keyring and ``kiosk.keychain``.

Skipped unless ``LOKET_SECRET_SERVICE_TEST=1``, so the user's own keychain is
never touched. CI (and ``tests/test_secret_service_session.py``) runs it in a
private D-Bus session with a throw-away keyring and a temporary HOME::

    HOME=$(mktemp -d) dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon \
        --unlock --components=secrets >/dev/null; LOKET_SECRET_SERVICE_TEST=1 \
        .venv/bin/pytest -m secret_service tests/integration -p no:cacheprovider'
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from kiosk import keychain

pytestmark = [
    pytest.mark.secret_service,
    pytest.mark.skipif(
        os.environ.get("LOKET_SECRET_SERVICE_TEST") != "1",
        reason="needs a private D-Bus session with gnome-keyring (LOKET_SECRET_SERVICE_TEST=1)",
    ),
]


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[None]:
    """Overrides the in-memory default of tests/conftest.py: this test wants the real thing."""
    from keyring.backends.SecretService import Keyring

    backend = Keyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def username() -> Iterator[str]:
    name = f"loket-test-{uuid.uuid4().hex[:8]}"
    yield name
    with contextlib.suppress(keychain.KeychainError):
        keychain.delete_key(name)


def test_the_real_backend_is_accepted() -> None:
    assert keychain.backend_name() == "keyring.backends.SecretService.Keyring"


def test_store_read_back_and_delete(username: str) -> None:
    assert not keychain.has_key(username)
    keychain.set_key(username, "kunci-integrasi-123")
    assert keychain.get_key(username) == "kunci-integrasi-123"
    provide = keychain.key_provider(username)
    assert provide() == "kunci-integrasi-123"
    assert keyring.get_password(keychain.SERVICE, username) == "kunci-integrasi-123"
    keychain.set_key(username, "kunci-kedua-456")  # replacing keeps one entry
    assert provide() == "kunci-kedua-456"
    keychain.delete_key(username)
    assert not keychain.has_key(username)
    with pytest.raises(keychain.KeyMissingError):
        provide()  # deleted while running: the next request says so
    keychain.delete_key(username)  # deleting nothing is fine here too


def test_a_chain_with_keyrings_alt_keeps_the_key_in_the_secret_service(
    username: str, tmp_path: Path
) -> None:
    """keyring picks a chain when keyrings.alt is installed too: the key goes to the
    Secret Service alone, never to the plain-text file."""
    from keyring.backends.SecretService import Keyring
    from keyrings.alt.file import PlaintextKeyring

    from tests.core.test_keychain import chain

    plaintext = PlaintextKeyring()
    plaintext.file_path = str(tmp_path / "keyring_pass.cfg")
    secret_service = Keyring()
    keyring.set_keyring(chain(plaintext, secret_service))
    keychain.set_key(username, "kunci-rantai-789")
    assert secret_service.get_password(keychain.SERVICE, username) == "kunci-rantai-789"
    assert keychain.get_key(username) == "kunci-rantai-789"
    assert keychain.backend_name() == "keyring.backends.SecretService.Keyring"
    assert not (tmp_path / "keyring_pass.cfg").exists()
