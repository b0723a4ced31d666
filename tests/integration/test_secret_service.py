"""The real Secret Service (GNOME Keyring) through keyring, in a private D-Bus session.

Run by ``tests/test_secret_service_session.py``, which starts the session and
sets ``LOKET_SECRET_SERVICE_TEST=1``; skipped anywhere else so the user's own
keychain is never touched.
"""

from __future__ import annotations

import os

import keyring
import pytest

from kiosk import keychain

pytestmark = [
    pytest.mark.secret_service,
    pytest.mark.skipif(os.environ.get("LOKET_SECRET_SERVICE_TEST") != "1",
                       reason="needs the private D-Bus session of test_secret_service_session"),
]  # fmt: skip


@pytest.fixture(autouse=True)
def memory_keyring():  # override the in-memory default: this test wants the real thing
    from keyring.backends.SecretService import Keyring

    previous = keyring.get_keyring()
    keyring.set_keyring(Keyring())
    yield
    keyring.set_keyring(previous)


def test_key_roundtrip_in_the_real_secret_service() -> None:
    keychain.set_key("toko-integrasi", "kunci-integrasi-123")
    assert keychain.get_key("toko-integrasi") == "kunci-integrasi-123"
    assert keychain.key_provider("toko-integrasi")() == "kunci-integrasi-123"
    keychain.delete_key("toko-integrasi")
    with pytest.raises(keychain.KeyMissingError):
        keychain.get_key("toko-integrasi")
