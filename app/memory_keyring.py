"""The in-memory keyring backend, importable as ``app.secrets.MemoryKeyring``."""

from __future__ import annotations

import keyring.backend
import keyring.errors
from jaraco.classes.properties import classproperty


class MemoryKeyring(keyring.backend.KeyringBackend):
    """In-memory keyring: a test double for pure unit tests only (the real
    Secret Service is used by the keyring integration tests)."""

    priority = 1

    # keyring registers every backend subclass and, when no backend was set,
    # picks the best viable one: without this, a process that once imported
    # this class (a test, the screenshots) could get it as the system's
    # keyring and keep passwords only until exit.
    @classproperty
    def viable(cls) -> bool:
        return False

    def __init__(self) -> None:
        super().__init__()
        self._store: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self._store[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self._store.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        if self._store.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)
