"""Every password and token lives in the OS keyring, never in the database,
config or logs.

Entries are keyed by what they unlock: ``sip:<account id>``, ``channel:<id>``,
``mailbox:<id>``, ``intake:webform`` (the web form's shared token), under one
service name. On a headless Linux with no Secret
Service, keyring falls back to its "fail" backend; that is reported as
``SecretsUnavailable`` with a message an operator can act on, not a traceback.

keyring itself is imported at the first use of the store, not with the core: it
costs ~45 ms at start, and a window with no account to log in never needs it.
"""

from __future__ import annotations

import enum
import logging
from typing import TYPE_CHECKING

from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.settings import redactor

if TYPE_CHECKING:
    import keyring.backend

    from app.memory_keyring import MemoryKeyring as MemoryKeyring  # re-exported

SERVICE = "Switchboard"
log = logging.getLogger(__name__)


class SecretKind(enum.StrEnum):
    SIP = "sip"
    CHANNEL = "channel"
    MAILBOX = "mailbox"
    INTAKE = "intake"  # the web-form intake's shared token


# The id of the website form's token under SecretKind.INTAKE: ``intake:webform``.
WEBFORM_TOKEN_ID = "webform"


class SecretsUnavailable(OperatorError, RuntimeError):
    """No usable keyring: passwords can be neither saved nor read (the settings
    and the web form show why)."""


# One literal, however long: lupdate reads only a single string in the marker.
_NO_KEYRING_HELP = QT_TRANSLATE_NOOP(
    "core",
    "No password store (keyring) is available, so passwords and tokens can't be saved. On Linux, install and unlock a Secret Service (GNOME Keyring or KWallet) in your desktop session; on Windows the Credential Manager is used automatically.",  # noqa: E501
)


def _reason(exc: BaseException) -> str:
    """keyring's error as it words it (not ours to translate)."""
    return str(exc) or type(exc).__name__


def _entry(kind: SecretKind, account_id: int | str) -> str:
    return f"{SecretKind(kind).value}:{account_id}"


class SecretStore:
    """A thin wrapper over keyring; pass a backend to pin one (tests do)."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        if self._backend is not None:
            return self._backend
        import keyring

        return keyring.get_keyring()

    def check(self) -> None:
        """Raises SecretsUnavailable when keyring has nothing usable."""
        from keyring.backends import fail

        backend = self.backend
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
            raise SecretsUnavailable(_NO_KEYRING_HELP)

    def describe(self) -> str:
        backend = self.backend
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def set(self, kind: SecretKind, account_id: int | str, secret: str) -> None:
        if not secret:
            raise ValueError("An empty password can't be saved; delete it instead.")
        self.check()
        redactor.register(secret)
        import keyring.errors

        try:
            self.backend.set_password(SERVICE, _entry(kind, account_id), secret)
        except keyring.errors.KeyringError as exc:
            raise SecretsUnavailable(
                QT_TRANSLATE_NOOP("core", "The password store refused the password: {error}"),
                error=_reason(exc),
            ) from exc
        log.info("secret saved for %s", _entry(kind, account_id))

    def get(self, kind: SecretKind, account_id: int | str) -> str | None:
        self.check()
        import keyring.errors

        try:
            secret = self.backend.get_password(SERVICE, _entry(kind, account_id))
        except keyring.errors.KeyringError as exc:
            raise SecretsUnavailable(
                QT_TRANSLATE_NOOP("core", "The password store could not be read: {error}"),
                error=_reason(exc),
            ) from exc
        if secret:
            redactor.register(secret)
        return secret

    def delete(self, kind: SecretKind, account_id: int | str) -> None:
        self.check()
        import keyring.errors

        try:
            self.backend.delete_password(SERVICE, _entry(kind, account_id))
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored: deleting is done either way
        except keyring.errors.KeyringError as exc:
            raise SecretsUnavailable(
                QT_TRANSLATE_NOOP(
                    "core", "The password store could not delete the password: {error}"
                ),
                error=_reason(exc),
            ) from exc
        log.info("secret deleted for %s", _entry(kind, account_id))


def __getattr__(name: str) -> object:
    """``MemoryKeyring`` (tests, screenshots, the self-check) lives in
    app.memory_keyring: it subclasses keyring's backend, which would import keyring."""
    if name == "MemoryKeyring":
        from app.memory_keyring import MemoryKeyring

        return MemoryKeyring
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
