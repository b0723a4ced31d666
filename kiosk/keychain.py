"""The API key lives only in the OS keychain, through ``keyring``.

Service name ``loket-kiosk``, account = the API username. The key is read
fresh for every request (``key_provider``) so a key deleted or changed while
the kiosk runs takes effect at once. Nothing here logs or echoes the key.
A plain-text backend (``keyrings.alt``) is refused: it would write the key
to a file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import keyring
import keyring.errors

from kiosk.i18n import Lang, Text
from kiosk.logsetup import register_secret

SERVICE = "loket-kiosk"


class KeychainError(Exception):
    message = Text(
        "Keychain tidak dapat dipakai. Hubungi petugas toko.",
        "The keychain cannot be used. Please ask the shop staff.",
    )

    def user_message(self, lang: Lang) -> str:
        return self.message.get(lang)


class NoBackendError(KeychainError):
    message = Text(
        "Tidak ada keychain yang aman di komputer ini. Pasang dan aktifkan GNOME Keyring atau "
        "KWallet (Linux); di Windows dan macOS keychain bawaan dipakai. Lalu jalankan "
        "'python -m kiosk config set-key'.",
        "No secure keychain is available on this computer. Install and enable GNOME Keyring or "
        "KWallet (Linux); Windows and macOS use their built-in keychain. Then run "
        "'python -m kiosk config set-key'.",
    )


class KeychainLockedError(KeychainError):
    message = Text(
        "Keychain terkunci. Buka kunci keychain (login ke desktop), lalu tekan Coba lagi.",
        "The keychain is locked. Unlock it (log in to the desktop), then press Try again.",
    )


class KeyMissingError(KeychainError):
    message = Text(
        "Kunci API belum tersimpan atau sudah dihapus. Masukkan kunci di Pengaturan atau "
        "jalankan 'python -m kiosk config set-key'.",
        "The API key is not stored or was deleted. Enter it in Settings or run "
        "'python -m kiosk config set-key'.",
    )


class KeychainFailure(KeychainError):
    pass


def _backend() -> keyring.backend.KeyringBackend:
    backend = keyring.get_keyring()
    names = {
        type(b).__module__ + "." + type(b).__name__ for b in getattr(backend, "backends", [backend])
    }
    usable = [n for n in names if not n.startswith(("keyring.backends.fail", "keyrings.alt"))]
    if not usable or any(n.startswith("keyrings.alt") for n in names):
        raise NoBackendError("no secure keyring backend")
    return backend


def _call(action: Callable[[], object]) -> object:
    try:
        return action()
    except keyring.errors.NoKeyringError:
        raise NoBackendError("no keyring backend") from None
    except (keyring.errors.KeyringLocked, keyring.errors.InitError):
        raise KeychainLockedError("keychain locked") from None
    except keyring.errors.KeyringError as exc:
        raise KeychainFailure(f"keychain failed: {type(exc).__name__}") from None


def get_key(username: str) -> str:
    backend = _backend()
    key = _call(lambda: backend.get_password(SERVICE, username))
    if not key:
        raise KeyMissingError("no API key stored")
    return str(key)


def set_key(username: str, key: str) -> None:
    if not key.strip():
        raise ValueError("empty key")
    backend = _backend()
    _call(lambda: backend.set_password(SERVICE, username, key.strip()))


def delete_key(username: str) -> None:
    backend = _backend()
    with contextlib.suppress(KeychainFailure):  # nothing stored is fine
        _call(lambda: backend.delete_password(SERVICE, username))


def has_key(username: str) -> bool:
    try:
        get_key(username)
    except KeyMissingError:
        return False
    return True


def key_provider(username: str) -> Callable[[], str]:
    """For the API client: the key, read at the moment a request is signed.

    Each key read is also registered with the log redactor, so even a stray log
    line could not carry it.
    """

    def provide() -> str:
        key = get_key(username)
        register_secret(key)
        return key

    return provide
