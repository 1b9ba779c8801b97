"""Every password and token lives in the OS keyring, never in the database,
config or logs.

Entries are keyed by what they unlock: ``sip:<account id>``, ``channel:<id>``,
``mailbox:<id>``, ``intake:webform`` (the web form's shared token),
``database:<server>`` (a PostgreSQL server's password; ``database_secret_id``),
under one service name. On a headless Linux with no Secret
Service, keyring falls back to its "fail" backend; that is reported as
``SecretsUnavailable`` with a message an operator can act on, not a traceback.

keyring itself is imported at the first use of the store, not with the core: it
costs ~45 ms at start, and a window with no account to log in never needs it.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, quote, unquote, urlsplit

from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.settings import SettingsError, check_database_url, redactor, split_database_password

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
    DATABASE = "database"  # a PostgreSQL server's password: database_secret_id


# The id of the website form's token under SecretKind.INTAKE: ``intake:webform``.
WEBFORM_TOKEN_ID = "webform"
POSTGRES_PORT = 5432


def database_secret_id(url: str) -> str | None:
    """The id of a PostgreSQL database's password under SecretKind.DATABASE: who
    logs in where, as ``postgresql://user@host:port/database``, the same for each
    way of writing it (the driver, a password in it, the host's case, the default
    port, sslmode and the like). None for a URL that names no PostgreSQL server
    (a SQLite file has no password) or can't be taken apart."""
    url = split_database_password(url)[0]
    scheme, separator, _ = url.partition("://")
    if not separator or scheme.split("+", 1)[0].lower() != "postgresql":
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    query = {key: values[0] for key, values in parse_qs(parts.query).items() if values}
    user = unquote(parts.username or "") or query.get("user", "")
    host = (parts.hostname or "") or query.get("host", "").lower()
    if ":" in host:  # IPv6
        host = f"[{host}]"
    if port is None:
        port = int(query["port"]) if query.get("port", "").isdigit() else POSTGRES_PORT
    database = unquote(parts.path.lstrip("/")) or query.get("dbname", "")
    return f"postgresql://{quote(user, safe='')}@{host}:{port}/{quote(database, safe='')}"


_PASSWORD_FOR_A_FILE = QT_TRANSLATE_NOOP(
    "core",
    "Only a PostgreSQL server takes a password; a SQLite file has none. Leave the password "
    "empty, or enter the server's URL.",
)
_TWO_PASSWORDS = QT_TRANSLATE_NOOP(
    "core",
    "The database URL holds one password and the password field another: keep only one.",
)


@dataclass(frozen=True)
class DatabaseLogin:
    """A database choice as Settings and the start's dialog save it: the URL for
    config.json, never with a password, and what the keyring is to do."""

    url: str  # checked (check_database_url), without a password
    password: str = ""  # the server's, for the keyring; "" keeps the stored one
    forget: bool = False  # delete the stored one (when no password is given)
    moved: bool = False  # the password was in the URL as typed, and is taken out

    @classmethod
    def of(cls, url: str, password: str = "", *, forget: bool = False) -> DatabaseLogin:
        """What was typed, checked: SettingsError (nothing to save) for a URL that
        can't work, a password for a SQLite file, or two different passwords. A
        password in the URL is taken out of it, for the keyring."""
        url, in_url = split_database_password(url)
        url = check_database_url(url)
        if in_url and password and in_url != password:
            raise SettingsError(_TWO_PASSWORDS)
        password = password or in_url
        if password and database_secret_id(url) is None:
            raise SettingsError(_PASSWORD_FOR_A_FILE)
        return cls(url, password, forget and not password, bool(in_url))

    def store(self, secrets: SecretStore) -> None:
        """The keyring's part (before the URL is written: a URL saved with its
        password lost would fail at the next start). SecretsUnavailable when there
        is a password to save or forget and no keyring; nothing to do, no keyring
        is needed."""
        key = database_secret_id(self.url)
        if key is None:
            return
        if self.password:
            secrets.set(SecretKind.DATABASE, key, self.password)
        elif self.forget:
            secrets.delete(SecretKind.DATABASE, key)


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
