"""A website's "call me back" form, as JSON: checked here, served over HTTP by
integrations/webform.py (and later by the relay).

The wire format (POST, ``Content-Type: application/json``, ``Authorization:
Bearer <shared token>``)::

    {"name": "Олена", "phone": "+380 50 123 45 67",
     "preferred_time": {"from": "2026-11-23T14:00:00+02:00", "to": "2026-11-23T16:00:00+02:00"},
     "comment": "Про розмір", "page_url": "https://shop.ua/p/123", "consent": true,
     "request_id": "f81d4fae"}

Only ``phone`` and ``consent: true`` are required: without the customer's consent
their number must not be stored. ``request_id`` makes a retried submission
return the first one's result. Every refusal is an ``IntakeError`` with the HTTP
status and a message naming the field.

The parser is total: whatever the bytes, the answer is a ``WebFormRequest``
whose every field has its type and range, or an ``IntakeError`` (a 4xx). No
input reaches the queue that could fail there for being the client's: text is
encodable UTF-8 with no control characters, a preferred time lies within a
year of now (so no time-zone arithmetic can leave the calendar), a field's
value is nested at most a few levels deep and holds no integer of a thousand
digits. A hole left in these checks is still a 400, never a 5xx: a website
retries a 5xx for ever.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
import traceback
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 16 * 1024
# A shorter shared token could be guessed by a patient script on the internet.
MIN_TOKEN_LENGTH = 16
_MAX_LEN = {"phone": 64, "name": 300, "comment": 2000, "page_url": 2000, "request_id": 200}
# A preferred time further out is a mistake (a year typed wrong), not a plan.
MAX_AHEAD = timedelta(days=366)
# A time with no offset is on the customer's clock, within a day of UTC.
_ZONE_SLACK = timedelta(days=1)
_MAX_DEPTH = 8  # of any field's value; the form's own fields need 1
_MAX_INT_DIGITS = 30  # a longer integer literal is read as no number at all
# A dot after a run of more than four digits is a decimal point, not a separator:
# "380507001236.5" is a number that went through a float (a spreadsheet, a
# JavaScript number), and phonenumbers would read it as 3805070012365. Dots
# between groups, as in "050.123.45.67", "+380.50.1234567" or "8.800.555.35.35",
# are how people write numbers and are accepted.
_DECIMAL_PHONE_RE = re.compile(r"\d{5,}\.\d")
_SPACE_RE = re.compile(r"[ \t\n\r]*")  # JSON's whitespace
# Strings (escapes and all) and brackets: enough to measure nesting without
# parsing, so the decoder never recurses deeper than _MAX_DEPTH.
_STRUCTURE_RE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def example_form(now: datetime) -> dict[str, Any]:
    """What the website's form sends, for the settings page's example: the
    preferred time is tomorrow afternoon in ``now``'s offset, so a pasted
    example is accepted (a window in the past is refused)."""
    day = (now + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    return {
        "name": "Olena",
        "phone": "+380 50 123 45 67",
        "preferred_time": {
            "from": day.replace(hour=14).isoformat(),
            "to": day.replace(hour=16).isoformat(),
        },
        "comment": "About the size",
        "page_url": "https://shop.example/p/123",
        "consent": True,
        "request_id": "f81d4fae",
    }


def new_token() -> str:
    """A fresh shared token: 256 random bits, URL-safe (it goes in a header)."""
    return secrets.token_urlsafe(32)


class IntakeError(ValueError):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class WebFormRequest:
    phone: str
    name: str
    comment: str
    page_url: str
    preferred_from: datetime | None
    preferred_to: datetime | None
    request_id: str | None

    def fingerprint(self) -> str:
        """What was asked, as a digest: a retry of this submission has the same
        one however its JSON was spelled (key order, spacing, escapes, a time's
        offset), a different request reusing its ``request_id`` has another."""
        canonical = {
            "phone": self.phone,
            "name": self.name,
            "comment": self.comment,
            "page_url": self.page_url,
            "preferred_from": _instant(self.preferred_from),
            "preferred_to": _instant(self.preferred_to),
        }
        text = json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _instant(value: datetime | None) -> str | None:
    if value is None:
        return None
    # A naive time stays naive: it is the customer's clock, not an instant yet.
    return value.astimezone(UTC).isoformat() if value.tzinfo is not None else value.isoformat()


def _shown(text: str, limit: int = 60) -> str:
    """A client's text inside one of our messages: non-printables escaped, cut."""
    cut = text[:limit]
    shown = "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in cut
    )
    return shown + ("…" if len(text) > limit else "")


class _LongInteger:
    """An integer literal too long to be a number of ours: kept as a value of
    no field's type, so the field it is in is named in the refusal."""


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


class _NotJson(ValueError):
    pass


def _integer(literal: str) -> int | _LongInteger:
    return int(literal) if len(literal) <= _MAX_INT_DIGITS else _LongInteger()


def _constant(name: str) -> Any:
    raise _NotJson(f"{name} is not JSON")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _Duplicate(key)
        found[key] = value
    return found


_DECODER = json.JSONDecoder(
    object_pairs_hook=_no_duplicates, parse_int=_integer, parse_constant=_constant
)


def _deeper_than(text: str, start: int, limit: int) -> bool:
    """Whether the JSON value at ``start`` nests more than ``limit`` levels."""
    depth = 0
    for token in _STRUCTURE_RE.finditer(text, start):
        mark = token.group()
        if mark[0] == '"':
            if depth == 0:
                return False  # the value was a string, or a scalar followed by one
        elif mark in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
            if depth <= 0:
                return False
    return False


def _json_problem(text: str) -> IntakeError | None:
    """The decoder's own words for what is wrong with ``text``; None if nothing is."""
    if _deeper_than(text, 0, _MAX_DEPTH + 1):
        return IntakeError(400, f"The body is nested deeper than {_MAX_DEPTH} levels.")
    try:
        _DECODER.decode(text)
    except (json.JSONDecodeError, _NotJson) as exc:
        return IntakeError(400, f"The body is not valid UTF-8 JSON: {exc}.")
    except _Duplicate as exc:
        return IntakeError(400, f"The key '{_shown(exc.key)}' appears twice.")
    return None


def _not_json(text: str) -> IntakeError:
    return _json_problem(text) or IntakeError(400, "The body is not valid UTF-8 JSON.")


def _skip_space(text: str, pos: int) -> int:
    match = _SPACE_RE.match(text, pos)
    return match.end() if match else pos


def _fields(text: str) -> dict[str, Any]:
    """The body's object, read one field at a time, so that what is wrong
    inside a value (nesting, a repeated key) names the field it is in."""
    pos = _skip_space(text, 0)
    if not text.startswith("{", pos):
        raise _json_problem(text) or IntakeError(400, "The body must be a JSON object.")
    data: dict[str, Any] = {}
    pos = _skip_space(text, pos + 1)
    if text.startswith("}", pos):
        pos += 1
    else:
        while True:
            if not text.startswith('"', pos):
                raise _not_json(text)
            try:
                key, pos = _DECODER.raw_decode(text, pos)
            except json.JSONDecodeError:
                raise _not_json(text) from None
            pos = _skip_space(text, pos)
            if not text.startswith(":", pos):
                raise _not_json(text)
            pos = _skip_space(text, pos + 1)
            name = _shown(key)
            if _deeper_than(text, pos, _MAX_DEPTH):
                raise IntakeError(400, f"'{name}' is nested deeper than {_MAX_DEPTH} levels.")
            try:
                value, pos = _DECODER.raw_decode(text, pos)
            except (json.JSONDecodeError, _NotJson) as exc:
                raise IntakeError(400, f"'{name}' is not valid JSON: {exc}.") from None
            except _Duplicate as exc:
                raise IntakeError(400, f"'{name}' has the key '{_shown(exc.key)}' twice.") from None
            if key in data:
                raise IntakeError(400, f"'{name}' appears twice in the body.")
            data[key] = value
            pos = _skip_space(text, pos)
            if text.startswith(",", pos):
                pos = _skip_space(text, pos + 1)
                continue
            if text.startswith("}", pos):
                pos += 1
                break
            raise _not_json(text)
    if _skip_space(text, pos) != len(text):
        raise _not_json(text)
    return data


def _check_text(key: str, value: str, multiline: bool = False) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise IntakeError(
            422, f"'{key}' is not valid Unicode text (it holds a lone surrogate)."
        ) from None
    allowed = "\t\n\r" if multiline else ""
    for ch in value:
        if unicodedata.category(ch) == "Cc" and ch not in allowed:
            raise IntakeError(422, f"'{key}' contains a control character (U+{ord(ch):04X}).")
    return value


def _text(data: dict[str, Any], key: str, multiline: bool = False) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise IntakeError(422, f"'{key}' must be a string.")
    value = value.strip()
    if len(value) > _MAX_LEN[key]:
        raise IntakeError(422, f"'{key}' is longer than {_MAX_LEN[key]} characters.")
    return _check_text(key, value, multiline)


def _phone(data: dict[str, Any]) -> str:
    phone = _text(data, "phone")
    if not phone:
        raise IntakeError(422, "'phone' is required.")
    if _DECIMAL_PHONE_RE.search(phone):
        raise IntakeError(
            422,
            f"'phone' is written as a decimal number ({_shown(phone)}): send the number"
            " as the customer typed it.",
        )
    return phone


def _time(raw: Any, key: str, now: datetime) -> datetime | None:
    field = f"preferred_time.{key}"
    if raw in (None, ""):
        return None
    if not isinstance(raw, str):
        raise IntakeError(422, f"'{field}' must be an ISO 8601 string.")
    _check_text(field, raw)
    try:
        value = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise IntakeError(422, f"'{field}' is not an ISO 8601 time: '{_shown(raw)}'.") from None
    # Without an offset the time is the customer's local time: the queue reads it
    # in the zone of their phone number (CallbackQueue.submit). The range is
    # checked by subtraction, which can't leave the calendar (a conversion can).
    if value.tzinfo is None:
        ahead, slack = value - now.astimezone(UTC).replace(tzinfo=None), _ZONE_SLACK
    else:
        ahead, slack = value - now, timedelta(0)
    if ahead > MAX_AHEAD + slack:
        raise IntakeError(422, f"'{field}' is more than a year ahead.")
    if ahead < -(MAX_AHEAD + slack):
        raise IntakeError(422, f"'{field}' is more than a year in the past.")
    if key == "to" and ahead <= -slack:
        raise IntakeError(422, f"'{field}' is already in the past.")
    return value


def parse_webform(body: bytes, content_type: str, now: datetime | None = None) -> WebFormRequest:
    """The form in ``body``, checked against ``now`` (aware; UTC now by default)."""
    try:
        return _parse(body, content_type, now or datetime.now(UTC))
    except IntakeError:
        raise
    except Exception as exc:  # a check missing above: still the client's input, never a 5xx
        frames = traceback.extract_tb(exc.__traceback__)
        ours = [frame for frame in frames if frame.filename == __file__] or frames
        # The type and the place only: the exception's text may quote the body.
        log.error(
            "web form: a body no check caught (%s in %s, line %s of %s)",
            type(exc).__name__,
            ours[-1].name,
            ours[-1].lineno,
            Path(ours[-1].filename).name,
        )
        raise IntakeError(400, "The request could not be read.") from exc


def _parse(body: bytes, content_type: str, now: datetime) -> WebFormRequest:
    if len(body) > MAX_BODY_BYTES:
        raise IntakeError(413, f"The request is larger than {MAX_BODY_BYTES} bytes.")
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise IntakeError(415, "Send the form as application/json.")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IntakeError(400, f"The body is not valid UTF-8 JSON: {exc}.") from exc
    data = _fields(text)
    if data.get("consent") is not True:
        raise IntakeError(422, "'consent' must be true: the customer has to agree to be called.")
    phone = _phone(data)
    window = data.get("preferred_time")
    if window in (None, ""):
        window = {}
    if not isinstance(window, dict):
        raise IntakeError(422, "'preferred_time' must be an object with 'from' and 'to'.")
    preferred_from = _time(window.get("from"), "from", now)
    preferred_to = _time(window.get("to"), "to", now)
    return WebFormRequest(
        phone=phone,
        name=_text(data, "name"),
        comment=_text(data, "comment", multiline=True),
        page_url=_text(data, "page_url"),
        preferred_from=preferred_from,
        preferred_to=preferred_to,
        request_id=_text(data, "request_id") or None,
    )
