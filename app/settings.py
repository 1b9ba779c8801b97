"""Where things live and how the app is configured.

Paths come from platformdirs (XDG on Linux, %APPDATA% on Windows). The config is
one JSON file the operator never has to edit by hand; it holds no secrets (those
are in the keyring). An unusable value in it costs only itself (that setting is
back to its default, a copy of the file as it was is kept as
``config.json.broken``), with one exception: the database. A file that can't say
which database to use (unreadable, not JSON, ``database_url`` of the wrong kind)
is reported (``Settings.read``), never replaced by the local file: a team's
PostgreSQL URL silently swapped for a new, empty SQLite file would keep this
computer's calls out of the team's database.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import logging.handlers
import os
import re
import shutil
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, parse_qsl, unquote, urlencode, urlsplit, urlunsplit

import platformdirs

from app.contacts import DIAL_FORMATS, check_region, region_shape
from app.messages import QT_TRANSLATE_NOOP, OperatorError
from app.working_hours import RetryStep, ScheduleError, WorkingHours

APP_NAME = "Switchboard"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    log_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        # SWITCHBOARD_HOME puts everything under one folder: for tests, portable
        # installs and several profiles side by side.
        home = os.environ.get("SWITCHBOARD_HOME")
        if home:
            root = Path(home)
            return cls(root / "config", root / "data", root / "logs")
        return cls.platform_default()

    @classmethod
    def platform_default(cls) -> AppPaths:
        """The operator's own folders, without SWITCHBOARD_HOME: the default profile."""
        return cls(
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.json"

    @property
    def database_file(self) -> Path:
        return self.data_dir / "switchboard.db"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "switchboard.log"

    def ensure(self) -> None:
        """Makes the folders; HomeNotWritable, naming the folder and the system's
        reason, when one can't be made, or one the app writes to can't be written
        (the config folder need only be read)."""
        for path in (self.config_dir, self.data_dir, self.log_dir, self.attachments_dir):
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                # mkdir(parents=True) fails on the first folder it can't make: name that one.
                failed = exc.filename if isinstance(exc.filename, str) else str(path)
                raise HomeNotWritable(_CANT_CREATE, path=failed, error=_os_reason(exc)) from exc
        for path in (self.data_dir, self.log_dir, self.attachments_dir):
            _check_writable(path)


_CANT_CREATE = QT_TRANSLATE_NOOP("core", "The folder {path} can't be created: {error}.")
_CANT_WRITE = QT_TRANSLATE_NOOP("core", "The folder {path} can't be written: {error}.")
_CANT_WRITE_LOG = QT_TRANSLATE_NOOP("core", "The log file {path} can't be written: {error}.")


class HomeNotWritable(OperatorError):
    """A folder (or the log file) Switchboard must write to can't be written; the
    message names it and gives the system's reason."""


def _os_reason(exc: OSError) -> str:
    """The system's words for a failed file operation ("Permission denied")."""
    return exc.strerror or str(exc) or type(exc).__name__


def _check_writable(folder: Path) -> None:
    """Writes and removes a small file: the only sure answer (permissions, ACLs,
    a read-only mount, a full disk, an immutable folder all say no here)."""
    probe = folder / f".write-test-{os.getpid()}"
    try:
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        probe.unlink()
    except OSError as exc:
        raise HomeNotWritable(_CANT_WRITE, path=str(folder), error=_os_reason(exc)) from exc


UNKNOWN_SENDER_POLICIES = ("unlinked", "create_customer")
# What plays while an inbound call rings: the built-in tone, or nothing (the
# screen-pop and the tray still show the call).
RING_TONES = ("builtin", "off")
# The phone engine's codecs (pjsua2's ids), the cheap wideband and narrowband
# first. Speex costs about twice the CPU of G.722 per call and few PBXs take it;
# GSM and iLBC are there for old trunks.
CODECS = (
    "G722/16000/1",
    "PCMA/8000/1",
    "PCMU/8000/1",
    "speex/16000/1",
    "speex/8000/1",
    "speex/32000/1",
    "GSM/8000/1",
    "iLBC/8000/1",
)
DEFAULT_CODECS = ("G722/16000/1", "PCMA/8000/1", "PCMU/8000/1")
WRONG_KIND = QT_TRANSLATE_NOOP(
    "core", "The setting {name} has a value of the wrong kind: {value!r}."
)


# sip.events.ForwardMode's values (app/ does not import the engine).
FORWARD_MODES = ("off", "always", "do_not_disturb", "no_answer")
FORWARD_AFTER_S = (5, 300)  # how long a call may ring before it is forwarded


class SettingsError(OperatorError, ValueError):
    """A setting with a value that can't be used; the message names it. Reading a
    file, load() puts such a setting back to its default and keeps the others."""


def _same_kind(name: str, value: Any, default: Any) -> bool:
    """Whether a value read from the file is of the setting's kind, the default's
    (JSON gives text, numbers, true/false, lists, objects; true is not a number
    here). Lists hold text; ``working_hours`` maps weekdays to lists of text."""
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if not isinstance(value, type(default)):
        return False
    if name == "extra":
        return True
    if isinstance(value, list):
        return all(isinstance(item, str) for item in value)
    if isinstance(value, dict):
        return all(
            isinstance(shifts, list) and all(isinstance(shift, str) for shift in shifts)
            for shifts in value.values()
        )
    return True


@dataclass
class Settings:
    # Empty means the embedded SQLite file under the data dir.
    database_url: str = ""
    default_region: str = "UA"
    # What happens to a call or message from a number nobody has: keep it as an
    # unlinked interaction to be linked by hand, or create a customer at once.
    unknown_sender: str = "unlinked"
    language: str = ""  # empty: follow the system locale
    # How stored numbers are dialled through the PBX: see contacts.format_for_dialing.
    dial_format: str = "e164"
    operator_name: str = ""
    # The SIP account outgoing calls go through (its row id, as the engine names
    # it); "" or one that is gone: the first account.
    outgoing_account: str = ""
    # Incoming calls answered busy and kept as missed calls (callbacks) while on;
    # kept over a restart, and said in the status bar, so it is never forgotten on.
    do_not_disturb: bool = False
    # Incoming calls sent on to another number by this phone (a 302), for a desk
    # whose PBX does not forward: "off", "always", "do_not_disturb" (instead of
    # busy while it is on) or "no_answer" (after ringing forward_after_s).
    forward_mode: str = "off"
    forward_to: str = ""
    forward_after_s: int = 20
    # The shop's hours for callbacks: weekday ("0" = Monday) -> shifts.
    shop_timezone: str = "Europe/Kyiv"
    working_hours: dict[str, list[str]] = field(
        default_factory=lambda: {str(d): ["09:00-18:00"] for d in range(5)}
    )
    holidays: list[str] = field(default_factory=list)
    callback_sla_minutes: int = 15
    callback_retry_schedule: list[str] = field(default_factory=lambda: ["15m", "1h", "next_day"])
    callback_claim_minutes: int = 10
    # The "waiting for reply" inbox's wait clock turns amber, then red, after
    # this many minutes without an answer (app/waiting_inbox.py).
    waiting_amber_minutes: int = 5
    waiting_red_minutes: int = 15
    # The composer: Enter sends and Shift+Enter starts a new line. Off (the
    # default), Enter starts a new line and Ctrl+Enter sends.
    enter_sends: bool = False
    # A new message while the window is not in front raises a desktop notification
    # (ui/conversations/notifier.py) with the sender and the first words, unless
    # this is off: then only "New message from ..." (others may see the screen).
    # A short sound with it when message_sound is on (off by default: a room of
    # desks chiming at every message is worse than none).
    notify_message_text: bool = True
    message_sound: bool = False
    # Audio devices by the OS's device id (QAudioDevice.id(), as text); empty
    # means the system default. The names are kept only to say which device went
    # missing when it is unplugged: the id is what is matched.
    audio_input: str = ""
    audio_input_name: str = ""
    audio_output: str = ""
    audio_output_name: str = ""
    ring_tone: str = "builtin"
    # The codecs calls may use, most wanted first; the others are off.
    codecs: list[str] = field(default_factory=lambda: list(DEFAULT_CODECS))
    # The website's callback form (integrations/webform.py). Off by default; on
    # loopback, because exposing it to the internet (TLS, a public name, a relay
    # or reverse proxy in front) is the shop's own set-up, not this app's. The
    # shared token is in the keyring (app/secrets.py, ``intake:webform``).
    webform_enabled: bool = False
    webform_bind: str = "127.0.0.1"
    webform_port: int = 8765
    extra: dict[str, Any] = field(default_factory=dict)

    def working_hours_schedule(self) -> WorkingHours:
        week: dict[int, list[str]] = {}
        for day, shifts in self.working_hours.items():
            try:
                week[int(day)] = shifts
            except ValueError as exc:
                raise SettingsError(
                    QT_TRANSLATE_NOOP("core", "working_hours keys are weekdays 0-6, not {key!r}."),
                    key=day,
                ) from exc
        try:
            return WorkingHours.from_text(self.shop_timezone, week, self.holidays)
        except ScheduleError as exc:
            raise SettingsError(exc.template, **exc.fields) from exc

    def validate(self) -> None:
        """Every value usable (SettingsError naming the first that is not). The phone
        region is checked for its shape only: whether phonenumbers knows it is
        asked on save (check_region), because this runs before the window's first
        paint and phonenumbers' import would hold it back. A well-shaped region
        phonenumbers doesn't know (a hand-edited file) gets its clear message when
        a number is normalised with it."""
        problems = self.problems()
        if problems:
            raise problems[0][1]

    def problems(self) -> list[tuple[tuple[str, ...], SettingsError]]:
        """Each unusable value: the settings it involves, and why."""
        found: list[tuple[tuple[str, ...], SettingsError]] = []
        defaults = type(self)()
        for item in fields(self):
            value = getattr(self, item.name)
            if not _same_kind(item.name, value, getattr(defaults, item.name)):
                found.append(((item.name,), SettingsError(WRONG_KIND, name=item.name, value=value)))
        if found:  # the value checks below take the kinds for granted
            return found
        for names, check in (
            (("default_region",), self._check_region),
            (("working_hours", "shop_timezone", "holidays"), self._check_working_hours),
            (("callback_retry_schedule",), self._check_retry_schedule),
            (("callback_sla_minutes",), self._check_sla),
            (("callback_claim_minutes",), self._check_claim),
            (("waiting_amber_minutes", "waiting_red_minutes"), self._check_waiting),
            (("dial_format",), self._check_dial_format),
            (("forward_mode", "forward_to", "forward_after_s"), self._check_forwarding),
            (("unknown_sender",), self._check_unknown_sender),
            (("ring_tone",), self._check_ring_tone),
            (("codecs",), self._check_codecs),
            (("webform_port",), self._check_webform_port),
            (("webform_bind",), self._check_webform_bind),
        ):
            try:
                check()
            except SettingsError as exc:
                found.append((names, exc))
        return found

    def _check_region(self) -> None:
        try:
            self.default_region = region_shape(self.default_region)
        except OperatorError as exc:
            raise SettingsError(exc.template, **exc.fields) from exc

    def _check_forwarding(self) -> None:
        if self.forward_mode not in FORWARD_MODES:
            raise SettingsError(
                QT_TRANSLATE_NOOP("core", "forward_mode is one of {modes}, not {value!r}."),
                modes=", ".join(FORWARD_MODES),
                value=self.forward_mode,
            )
        if self.forward_mode != "off" and not self.forward_to.strip():
            raise SettingsError(QT_TRANSLATE_NOOP("core", "Say the number to forward calls to."))
        if not FORWARD_AFTER_S[0] <= self.forward_after_s <= FORWARD_AFTER_S[1]:
            raise SettingsError(
                QT_TRANSLATE_NOOP(
                    "core", "Calls ring {low} to {high} seconds before they are forwarded."
                ),
                low=FORWARD_AFTER_S[0],
                high=FORWARD_AFTER_S[1],
            )

    def _check_working_hours(self) -> None:
        """Usable, and open some time in the coming year: a file with every day
        empty would fail each new callback request instead."""
        try:
            self.working_hours_schedule().next_open(datetime.now(UTC))
        except ScheduleError as exc:
            raise SettingsError(exc.template, **exc.fields) from exc

    def _check_retry_schedule(self) -> None:
        try:
            for step in self.callback_retry_schedule:
                RetryStep(step)
        except ScheduleError as exc:
            raise SettingsError(exc.template, **exc.fields) from exc

    def _check_sla(self) -> None:
        if not 1 <= self.callback_sla_minutes <= 7 * 24 * 60:
            raise SettingsError(
                QT_TRANSLATE_NOOP(
                    "core", "callback_sla_minutes must be between 1 minute and a week."
                )
            )

    def _check_claim(self) -> None:
        if not 1 <= self.callback_claim_minutes <= 24 * 60:
            raise SettingsError(
                QT_TRANSLATE_NOOP(
                    "core", "callback_claim_minutes must be between 1 minute and a day."
                )
            )

    def _check_waiting(self) -> None:
        if not 1 <= self.waiting_amber_minutes <= 24 * 60:
            raise SettingsError(
                QT_TRANSLATE_NOOP(
                    "core", "waiting_amber_minutes must be between 1 minute and a day."
                )
            )
        if not self.waiting_amber_minutes < self.waiting_red_minutes <= 7 * 24 * 60:
            raise SettingsError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "waiting_red_minutes must be more than waiting_amber_minutes ({amber})"
                    " and at most a week.",
                ),
                amber=self.waiting_amber_minutes,
            )

    def _check_dial_format(self) -> None:
        if self.dial_format not in DIAL_FORMATS:
            raise SettingsError(
                QT_TRANSLATE_NOOP("core", "dial_format must be one of {choices}, not {value!r}."),
                choices=", ".join(DIAL_FORMATS),
                value=self.dial_format,
            )

    def _check_unknown_sender(self) -> None:
        if self.unknown_sender not in UNKNOWN_SENDER_POLICIES:
            raise SettingsError(
                QT_TRANSLATE_NOOP(
                    "core", "unknown_sender must be one of {choices}, not {value!r}."
                ),
                choices=", ".join(UNKNOWN_SENDER_POLICIES),
                value=self.unknown_sender,
            )

    def _check_ring_tone(self) -> None:
        if self.ring_tone not in RING_TONES:
            raise SettingsError(
                QT_TRANSLATE_NOOP("core", "ring_tone must be one of {choices}, not {value!r}."),
                choices=", ".join(RING_TONES),
                value=self.ring_tone,
            )

    def _check_codecs(self) -> None:
        if not self.codecs:
            raise SettingsError(
                QT_TRANSLATE_NOOP("core", "codecs must name at least one codec: calls need one.")
            )
        unknown = [c for c in self.codecs if c not in CODECS]
        if unknown:
            raise SettingsError(
                QT_TRANSLATE_NOOP("core", "codecs must be some of {choices}, not {value!r}."),
                choices=", ".join(CODECS),
                value=unknown[0],
            )
        if len(set(self.codecs)) != len(self.codecs):
            raise SettingsError(QT_TRANSLATE_NOOP("core", "codecs names a codec twice."))

    def _check_webform_port(self) -> None:
        if not 1 <= self.webform_port <= 65535:
            raise SettingsError(
                QT_TRANSLATE_NOOP("core", "webform_port must be between 1 and 65535, not {value}."),
                value=self.webform_port,
            )

    def _check_webform_bind(self) -> None:
        try:
            # IPv4 only: the endpoint is a ThreadingHTTPServer (AF_INET).
            ipaddress.IPv4Address(self.webform_bind)
        except ValueError as exc:
            raise SettingsError(
                QT_TRANSLATE_NOOP(
                    "core", "webform_bind must be an IPv4 address such as 127.0.0.1, not {value!r}."
                ),
                value=self.webform_bind,
            ) from exc

    def resolved_database_url(self, paths: AppPaths) -> str:
        return self.database_url or f"sqlite:///{paths.database_file}"

    @classmethod
    def read(cls, path: Path) -> LoadedSettings:
        """The saved settings, and what of the file could not be used.

        An unusable value (a hand edit) costs only itself: that setting is back to
        its default and the others are kept. The database is the exception: when
        the file can't say which one to use (it can't be read, is not a JSON object
        of settings, or its ``database_url`` is not text) that is
        ``database_problem``, for the start to ask about; never the local file in
        its place. Whenever something of the file was not used, a copy of it as it
        was is left as ``.broken`` (``kept_as``); the file itself stays as it is,
        for the operator to fix, until a save rewrites it."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return LoadedSettings(cls())
        except OSError as exc:
            problem = SettingsError(_CONFIG_UNREADABLE, path=str(path), error=_os_reason(exc))
            log.warning("%s", problem)
            return LoadedSettings(cls(), problem, unreadable=True, kept_as=_keep_copy(path))
        data = _settings_object(path, raw)
        if isinstance(data, SettingsError):
            log.warning("%s", data)
            return LoadedSettings(cls(), data, unreadable=True, kept_as=_keep_copy(path))
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        database_problem: SettingsError | None = None
        if not isinstance(values.get("database_url", ""), str):
            database_problem = SettingsError(
                _DATABASE_NOT_TEXT, path=str(path), value=_shown_json(values.pop("database_url"))
            )
            log.warning("%s", database_problem)
        settings = cls(**values)
        defaults = cls()
        reset: list[str] = []
        for _ in range(2):  # wrong kinds first, then the values of the right kind
            for names, problem in settings.problems():
                log.warning("config %s: %s; using the default", path, problem)
                for name in names:
                    setattr(settings, name, getattr(defaults, name))
                    reset.append(name)
        settings.validate()  # what is left is usable: defaults and checked values
        kept_as = None
        if reset or database_problem is not None:
            kept_as = _keep_copy(path)
            if reset:
                log.warning(
                    "config %s: reset %s; the file as it was is kept as %s", path, reset, kept_as
                )
        return LoadedSettings(settings, database_problem, reset=reset, kept_as=kept_as)

    @classmethod
    def load(cls, path: Path) -> Settings:
        """The saved settings (``read``); the file's ``database_problem``, a
        SettingsError, when it can't say which database to use."""
        loaded = cls.read(path)
        if loaded.database_problem is not None:
            raise loaded.database_problem
        return loaded.settings

    def save(self, path: Path) -> None:
        """Atomic: a crash mid-write leaves the old file, never half a file."""
        self.validate()
        self.default_region = check_region(self.default_region)
        _write_json_atomically(path, asdict(self))


@dataclass
class LoadedSettings:
    """What the config file gave (``Settings.read``)."""

    settings: Settings
    # Why the file can't say which database to use; None when it can. Then
    # settings.database_url is empty, but that is nobody's choice: the start asks.
    database_problem: SettingsError | None = None
    # The file holds no settings object at all (can't be read, not JSON...): every
    # setting is its default, and a save writes the whole file anew.
    unreadable: bool = False
    reset: list[str] = field(default_factory=list)  # settings put back to their default
    kept_as: Path | None = None  # the copy of the file as it was, when some of it was not used


_CONFIG_UNREADABLE = QT_TRANSLATE_NOOP("core", "The settings file {path} can't be read: {error}.")
_CONFIG_NOT_TEXT = QT_TRANSLATE_NOOP(
    "core", "The settings file {path} is not UTF-8 text (byte {position} is not)."
)
_CONFIG_NOT_JSON = QT_TRANSLATE_NOOP(
    "core", "The settings file {path} is not valid JSON: {error} at line {line}, column {column}."
)
_CONFIG_NOT_READ_AS_JSON = QT_TRANSLATE_NOOP(
    "core", "The settings file {path} can't be read as JSON: {error}."
)
_CONFIG_NOT_AN_OBJECT = QT_TRANSLATE_NOOP(
    "core", "The settings file {path} holds JSON, but not an object of settings."
)
_DATABASE_NOT_TEXT = QT_TRANSLATE_NOOP(
    "core", "In the settings file {path}, database_url is {value}: not a database URL."
)


def _settings_object(path: Path, raw: bytes) -> dict[str, Any] | SettingsError:
    """The JSON object the file holds, or why it holds none."""
    try:
        # utf-8-sig: a byte-order mark (some Windows editors write one) is no error.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return SettingsError(_CONFIG_NOT_TEXT, path=str(path), position=exc.start)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return SettingsError(
            _CONFIG_NOT_JSON, path=str(path), error=exc.msg, line=exc.lineno, column=exc.colno
        )
    except (ValueError, RecursionError) as exc:  # too deep, a number of too many digits
        return SettingsError(
            _CONFIG_NOT_READ_AS_JSON, path=str(path), error=str(exc) or type(exc).__name__
        )
    if not isinstance(data, dict):
        return SettingsError(_CONFIG_NOT_AN_OBJECT, path=str(path))
    return data


def _shown_json(value: Any, limit: int = 60) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def broken_copy_path(path: Path) -> Path:
    return path.with_name(path.name + ".broken")


def _keep_copy(path: Path) -> Path | None:
    """Copies the file as it is to ``.broken``; None (logged) when it can't."""
    broken = broken_copy_path(path)
    try:
        shutil.copyfile(path, broken)
    except OSError as exc:
        log.warning("config %s could not be copied to %s: %s", path, broken, exc)
        return None
    return broken


def _write_json_atomically(path: Path, data: dict[str, Any]) -> None:
    """The whole new file or the old one, also after a power cut: written aside,
    flushed to the disk, then renamed over the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as file:
        json.dump(data, file, indent=2, ensure_ascii=False)
        file.flush()
        os.fsync(file.fileno())
    os.replace(tmp, path)
    if os.name == "posix":  # the rename itself on the disk (Windows has no folder fsync)
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


# The database kinds Switchboard runs on (the migrations are written for both).
DATABASE_BACKENDS = ("sqlite", "postgresql")
_NOT_A_DATABASE_URL = QT_TRANSLATE_NOOP(
    "core",
    "{url!r} is not a database URL. A team database looks like "
    "postgresql+psycopg://user@server/switchboard, a file like sqlite:///path/to/file.db.",
)
_UNSUPPORTED_DATABASE = QT_TRANSLATE_NOOP(
    "core",
    "Switchboard works with PostgreSQL (postgresql://…) or a SQLite file (sqlite:///…), "
    "not {scheme}.",
)
_NO_SQLITE_FILE = QT_TRANSLATE_NOOP(
    "core", "The SQLite URL names no file: write it as sqlite:///path/to/file.db."
)
_PASSWORD_IN_URL = QT_TRANSLATE_NOOP(
    "core",
    "The database URL holds a password. config.json keeps no secrets (passwords belong in "
    "the system keyring): enter the URL without it, e.g. postgresql+psycopg://user@server/db.",
)


def check_database_url(url: str) -> str:
    """``url`` as a database choice to save: empty (the local file), a SQLite
    file or a PostgreSQL server, with no password in it. SettingsError says what
    is wrong. Only the shape: whether the database is there, opening it says."""
    url = url.strip()
    if not url:
        return ""
    scheme, separator, rest = url.partition("://")
    if (
        not separator
        or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*", scheme)
        or any(char.isspace() or not char.isprintable() for char in url)
    ):
        raise SettingsError(_NOT_A_DATABASE_URL, url=url)
    backend = scheme.split("+", 1)[0].lower()
    if backend not in DATABASE_BACKENDS:
        raise SettingsError(_UNSUPPORTED_DATABASE, scheme=scheme)
    if backend == "sqlite" and not rest.lstrip("/"):
        raise SettingsError(_NO_SQLITE_FILE)
    parts = urlsplit(url)
    try:
        password, _ = parts.password, parts.port
    except ValueError as exc:  # a port that is not a number, and the like
        raise SettingsError(_NOT_A_DATABASE_URL, url=url) from exc
    if password or any(parse_qs(parts.query).get("password", [])):
        raise SettingsError(_PASSWORD_IN_URL)
    return url


def split_database_password(url: str) -> tuple[str, str]:
    """``url`` (stripped) with the password it holds taken out, and that password
    ("" when none): a URL pasted with its password, whose password then goes to
    the keyring. Both places are looked at: ``user:password@`` (percent-decoded,
    as the driver reads it) and a ``password=`` query parameter. A URL that can't
    be taken apart is returned as it is: ``check_database_url`` says why."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        in_netloc = parts.password
    except ValueError:
        return url, ""
    password = unquote(in_netloc) if in_netloc else ""
    netloc, query = parts.netloc, parts.query
    if in_netloc is not None:  # "user:@host" too: no password, but no ":" left either
        userinfo, _, host = netloc.rpartition("@")
        netloc = f"{userinfo.partition(':')[0]}@{host}"
    pairs = parse_qsl(query, keep_blank_values=True)
    if any(key == "password" for key, _ in pairs):
        password = password or next((v for k, v in pairs if k == "password" and v), "")
        query = urlencode([(k, v) for k, v in pairs if k != "password"])
    if (netloc, query) == (parts.netloc, parts.query):
        return url, password
    return urlunsplit(parts._replace(netloc=netloc, query=query)), password


def without_password(url: str) -> str:
    """``url`` to show: a password in it (an old config's) as ***."""
    parts = urlsplit(url)
    try:
        password = parts.password
    except ValueError:
        return url
    if not password:
        return url
    userinfo, _, host = parts.netloc.rpartition("@")
    user = userinfo.partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


_SAVED_URL = re.compile(r'"database_url"\s*:\s*("(?:[^"\\\n]|\\.)*")')


def salvaged_database_url(path: Path) -> str:
    """The database URL a settings file holds as text, also when the file as a
    whole is not JSON (a hand edit that broke a comma elsewhere): a suggestion for
    the operator to confirm, never used unasked. "" when there is none to read."""
    try:
        raw = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError:
        return ""
    found = _SAVED_URL.search(raw)
    if found is None:
        return ""
    try:
        url = json.loads(found.group(1))
    except ValueError:
        return ""
    return url.strip() if isinstance(url, str) else ""


def save_database_url(path: Path, url: str, fallback: Settings) -> str:
    """Writes ``url`` (checked: ``check_database_url``) as the database choice
    into the config file, atomically, and returns it. The rest of the file stays
    as it is; a file that holds no settings object is replaced by ``fallback``
    with this URL, after a copy of it as ``.broken`` (no copy, nothing written)."""
    url = check_database_url(url)
    try:
        raw: bytes | None = path.read_bytes()
    except FileNotFoundError:
        raw = None
    data = _settings_object(path, raw) if raw is not None else None
    if isinstance(data, dict):
        data["database_url"] = url
    else:
        if raw is not None:
            shutil.copyfile(path, broken_copy_path(path))
        data = {**asdict(fallback), "database_url": url}
    _write_json_atomically(path, data)
    return url


class SecretRedactingFilter(logging.Filter):
    """Masks every secret value the app has handled, wherever it would appear.

    The secrets wrapper registers each value it stores or reads; a library that
    logs a URL with a token in it (requests, pjsip) is caught here too.
    """

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()

    def register(self, secret: str) -> None:
        if len(secret) >= 4:  # masking "1" everywhere would garble the log
            self._secrets.add(secret)

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        message = record.getMessage()
        redacted = message
        for secret in self._secrets:
            if secret in redacted:
                redacted = redacted.replace(secret, "***")
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


redactor = SecretRedactingFilter()


def setup_logging(paths: AppPaths, level: int = logging.INFO) -> logging.Handler:
    """A rotating log file (5 x 2 MB) with secrets masked. Message bodies are
    logged only at DEBUG, by convention of every module (see app/timeline.py).
    HomeNotWritable when the log file can't be opened for writing."""
    try:
        paths.log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            paths.log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as exc:
        raise HomeNotWritable(
            _CANT_WRITE_LOG, path=str(paths.log_file), error=_os_reason(exc)
        ) from exc
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    handler.addFilter(redactor)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    return handler
