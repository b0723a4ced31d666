"""An in-memory ``keyring`` backend for the fast tests.

Selected through the real keyring API (``keyring.set_keyring``), so the code
under test goes through exactly the calls it makes in production; it never
touches the developer's own keychain. ``locked`` and ``broken`` make it
behave like a locked keychain or a backend that fails.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}
        self.locked = False

    def _check(self) -> None:
        if self.locked:
            raise KeyringLocked("the test keychain is locked")

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        try:
            del self.store[(service, username)]
        except KeyError:
            raise PasswordDeleteError("no such password") from None
