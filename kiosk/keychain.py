"""The API key lives only in the OS keychain, through ``keyring``.

Service name ``loket-kiosk``, account = the API username. The key is read
fresh for every request (:func:`key_provider`) so a key deleted or changed
while the kiosk runs takes effect at once. Nothing here logs or echoes the
key, and no error message carries it (backend messages are dropped; only
their type name is kept).

A backend that is not a real keychain is refused with :class:`NoBackendError`:
``fail``/``null``/an empty ``chainer`` (nowhere to keep the key), and
``keyrings.alt`` or any ``Plaintext`` keyring (it would write the key to a file).
A ``chainer`` (what keyring picks when several backends are installed, e.g. the
Secret Service and ``keyrings.alt``) is narrowed to its first secure member, so
the key is read from and written to that keychain alone; only a chain with no
secure member is refused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import keyring
import keyring.backend
import keyring.errors
from keyring.backends.chainer import ChainerBackend

from kiosk.i18n import Lang, Text
from kiosk.logsetup import register_secret

SERVICE = "loket-kiosk"
SET_KEY_COMMAND = "python -m kiosk config set-key"

log = logging.getLogger("kiosk.keychain")
_T = TypeVar("_T")


class KeychainError(Exception):
    """Base of every keychain problem; ``message`` says what to do, in both languages."""

    message = Text(
        "Keychain tidak dapat dipakai. Hubungi petugas toko.",
        "The keychain cannot be used. Please ask the shop staff.",
    )

    def user_message(self, lang: Lang) -> str:
        return self.message.get(lang)


class NoBackendError(KeychainError):
    """No secure keychain: keyring has no usable backend, or only a plain-text one."""

    message = Text(
        "Tidak ada keychain yang aman di komputer ini. Pasang dan aktifkan GNOME Keyring atau "
        "KWallet (Linux), Windows Credential Manager (Windows) atau macOS Keychain (Mac), "
        f"buka kuncinya, lalu jalankan '{SET_KEY_COMMAND}'.",
        "No secure keychain is available on this computer. Install and enable GNOME Keyring or "
        "KWallet (Linux), Windows Credential Manager (Windows) or the macOS Keychain (Mac), "
        f"unlock it, then run '{SET_KEY_COMMAND}'.",
    )


class KeychainLockedError(KeychainError):
    """The keychain exists but is locked (or could not be opened)."""

    message = Text(
        "Keychain terkunci. Buka kunci keychain (masuk/login ke desktop atau buka aplikasi "
        "keychain), lalu tekan Coba lagi.",
        "The keychain is locked. Unlock it (log in to the desktop or open the keychain app), "
        "then press Try again.",
    )


class KeyMissingError(KeychainError):
    """No key is stored for this username (never set, or deleted while running)."""

    message = Text(
        "Kunci API belum tersimpan atau sudah dihapus. Masukkan kunci di Pengaturan atau "
        f"jalankan '{SET_KEY_COMMAND}'.",
        "The API key is not stored or was deleted. Enter it in Settings or run "
        f"'{SET_KEY_COMMAND}'.",
    )


class KeychainFailure(KeychainError):
    """Any other keychain error (D-Bus gone, access denied, a backend bug)."""

    message = Text(
        "Keychain gagal menjawab. Tekan Coba lagi; jika tetap gagal, mulai ulang komputer "
        f"lalu jalankan '{SET_KEY_COMMAND}'.",
        "The keychain did not answer. Press Try again; if it keeps failing, restart the "
        f"computer, then run '{SET_KEY_COMMAND}'.",
    )


def _name(backend: object) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def _insecure(name: str) -> bool:
    return name.startswith("keyrings.alt") or "plaintext" in name.lower()


def _unusable(name: str) -> bool:
    return name.startswith(("keyring.backends.fail.", "keyring.backends.null."))


def backend_name() -> str:
    """The backend the key goes to, e.g. ``keyring.backends.SecretService.Keyring`` (for
    ``show``): a chain's secure member, or the active backend when it is refused."""
    try:
        return _name(_backend())
    except NoBackendError:
        return _name(keyring.get_keyring())


def _backend() -> keyring.backend.KeyringBackend:
    """The backend to use: the active one, or a chain's first secure member.

    A chain is never used whole: it would read a key from, and write it to, a
    plain-text member too. Refused when nothing secure is left.
    """
    backend = keyring.get_keyring()
    members = list(backend.backends) if isinstance(backend, ChainerBackend) else [backend]
    names = [_name(member) for member in members]
    secure = [m for m, n in zip(members, names, strict=True) if not (_insecure(n) or _unusable(n))]
    if secure:
        if len(members) > 1:
            log.debug("keyring chain %s: using %s only", names, _name(secure[0]))
        return secure[0]
    if any(_insecure(name) for name in names):
        log.warning("refusing keyring backend %s: it stores secrets in a file", names)
        raise NoBackendError("plain-text keyring backend refused")
    raise NoBackendError("no usable keyring backend")  # also an empty chain


def _call(action: Callable[[], _T]) -> _T:
    """Run one keyring call; every failure becomes a :class:`KeychainError`."""
    try:
        return action()
    except KeychainError:
        raise
    except keyring.errors.NoKeyringError:
        raise NoBackendError("no keyring backend") from None
    except (keyring.errors.KeyringLocked, keyring.errors.InitError) as exc:
        raise KeychainLockedError(f"keychain locked ({type(exc).__name__})") from None
    except Exception as exc:  # backends raise their own types (D-Bus, Win32, Security)
        log.warning("keychain failed: %s", type(exc).__name__)
        raise KeychainFailure(f"keychain failed ({type(exc).__name__})") from None


def get_key(username: str) -> str:
    """The stored key for ``username``; :class:`KeyMissingError` when there is none."""
    backend = _backend()
    if not username:
        raise KeyMissingError("no API username configured")
    key = _call(lambda: backend.get_password(SERVICE, username))
    if not key:
        raise KeyMissingError("no API key stored")
    return key


def set_key(username: str, key: str) -> None:
    """Store (or replace) the key; surrounding whitespace from a paste is dropped."""
    key = key.strip()
    if not username:
        raise ValueError("an API username is required")
    if not key:
        raise ValueError("the API key is empty")
    backend = _backend()
    _call(lambda: backend.set_password(SERVICE, username, key))
    register_secret(key)


def delete_key(username: str) -> None:
    """Remove the key; nothing stored is not an error."""
    backend = _backend()

    def delete() -> None:
        try:
            backend.delete_password(SERVICE, username)
        except keyring.errors.PasswordDeleteError:
            if backend.get_password(SERVICE, username) is not None:
                raise

    _call(delete)


def has_key(username: str) -> bool:
    """Whether a key is stored; a locked or missing keychain still raises."""
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


def get_secret(service: str, account: str) -> str | None:
    """Another secret of Loket's (e.g. the fleet password); None when none is stored."""
    backend = _backend()
    secret = _call(lambda: backend.get_password(service, account))
    if secret:
        register_secret(secret)
    return secret or None


def set_secret(service: str, account: str, secret: str) -> None:
    """Store (or replace) another secret of Loket's, e.g. the fleet password."""
    secret = secret.strip()
    if not account or not secret:
        raise ValueError("an account and a secret are required")
    backend = _backend()
    _call(lambda: backend.set_password(service, account, secret))
    register_secret(secret)
