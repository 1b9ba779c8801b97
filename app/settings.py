"""Where things live and how the app is configured.

Paths come from platformdirs (XDG on Linux, %APPDATA% on Windows). The config is
one JSON file the operator never has to edit by hand; it holds no secrets (those
are in the keyring). A bad or unreadable config never stops the app: it is kept
aside as ``config.json.broken`` and defaults are used, with the reason logged.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import logging
import logging.handlers
import os
import shutil
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

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
        for path in (self.config_dir, self.data_dir, self.log_dir, self.attachments_dir):
            path.mkdir(parents=True, exist_ok=True)


UNKNOWN_SENDER_POLICIES = ("unlinked", "create_customer")
# What plays while an inbound call rings: the built-in tone, or nothing (the
# screen-pop and the tray still show the call).
RING_TONES = ("builtin", "off")
WRONG_KIND = QT_TRANSLATE_NOOP(
    "core", "The setting {name} has a value of the wrong kind: {value!r}."
)


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
    # The shop's hours for callbacks: weekday ("0" = Monday) -> shifts.
    shop_timezone: str = "Europe/Kyiv"
    working_hours: dict[str, list[str]] = field(
        default_factory=lambda: {str(d): ["09:00-18:00"] for d in range(5)}
    )
    holidays: list[str] = field(default_factory=list)
    callback_sla_minutes: int = 15
    callback_retry_schedule: list[str] = field(default_factory=lambda: ["15m", "1h", "next_day"])
    callback_claim_minutes: int = 10
    # Audio devices by the OS's device id (QAudioDevice.id(), as text); empty
    # means the system default. The names are kept only to say which device went
    # missing when it is unplugged: the id is what is matched.
    audio_input: str = ""
    audio_input_name: str = ""
    audio_output: str = ""
    audio_output_name: str = ""
    ring_tone: str = "builtin"
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
            (("working_hours", "shop_timezone", "holidays"), self.working_hours_schedule),
            (("callback_retry_schedule",), self._check_retry_schedule),
            (("callback_sla_minutes",), self._check_sla),
            (("callback_claim_minutes",), self._check_claim),
            (("dial_format",), self._check_dial_format),
            (("unknown_sender",), self._check_unknown_sender),
            (("ring_tone",), self._check_ring_tone),
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
    def load(cls, path: Path) -> Settings:
        """The saved settings. A file that is not a JSON object is set aside whole
        (``.broken``) and the defaults used; an unusable value (a hand edit) costs
        only itself: that setting is back to its default, the others are kept
        (the team's database URL above all), and a copy of the file as it was is
        left as ``.broken``."""
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("the file does not hold a JSON object")
        except (OSError, ValueError) as exc:
            broken = path.with_name(path.name + ".broken")
            log.warning("config %s is unusable (%s); kept as %s, using defaults", path, exc, broken)
            with contextlib.suppress(OSError):
                path.replace(broken)
            return cls()
        known = {f.name for f in fields(cls)}
        settings = cls(**{k: v for k, v in data.items() if k in known})
        defaults = cls()
        reset: list[str] = []
        for _ in range(2):  # wrong kinds first, then the values of the right kind
            for names, problem in settings.problems():
                log.warning("config %s: %s; using the default", path, problem)
                for name in names:
                    setattr(settings, name, getattr(defaults, name))
                    reset.append(name)
        settings.validate()  # what is left is usable: defaults and checked values
        if reset:
            broken = path.with_name(path.name + ".broken")
            log.warning(
                "config %s: reset %s; the file as it was is kept as %s", path, reset, broken
            )
            with contextlib.suppress(OSError):
                shutil.copyfile(path, broken)
        return settings

    def save(self, path: Path) -> None:
        """Atomic: a crash mid-write leaves the old file, never half a file."""
        self.validate()
        self.default_region = check_region(self.default_region)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)


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
    logged only at DEBUG, by convention of every module (see app/timeline.py)."""
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    handler.addFilter(redactor)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    return handler
