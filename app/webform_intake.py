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
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

MAX_BODY_BYTES = 16 * 1024
# A shorter shared token could be guessed by a patient script on the internet.
MIN_TOKEN_LENGTH = 16
_MAX_LEN = {"name": 300, "comment": 2000, "page_url": 2000, "request_id": 200}


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


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise IntakeError(422, f"'{key}' must be a string.")
    value = value.strip()
    if len(value) > _MAX_LEN[key]:
        raise IntakeError(422, f"'{key}' is longer than {_MAX_LEN[key]} characters.")
    return value


def _time(raw: Any, key: str) -> datetime | None:
    if raw in (None, ""):
        return None
    if not isinstance(raw, str):
        raise IntakeError(422, f"'preferred_time.{key}' must be an ISO 8601 string.")
    try:
        value = datetime.fromisoformat(raw)
    except ValueError as exc:
        raise IntakeError(422, f"'preferred_time.{key}' is not an ISO 8601 time: {raw!r}.") from exc
    # Without an offset the time is the customer's local time: the queue reads it
    # in the zone of their phone number (CallbackQueue.request).
    return value


def parse_webform(body: bytes, content_type: str) -> WebFormRequest:
    if len(body) > MAX_BODY_BYTES:
        raise IntakeError(413, f"The request is larger than {MAX_BODY_BYTES} bytes.")
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise IntakeError(415, "Send the form as application/json.")
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IntakeError(400, f"The body is not valid UTF-8 JSON: {exc}.") from exc
    if not isinstance(data, dict):
        raise IntakeError(400, "The body must be a JSON object.")
    if data.get("consent") is not True:
        raise IntakeError(422, "'consent' must be true: the customer has to agree to be called.")
    phone = data.get("phone")
    if not isinstance(phone, str) or not phone.strip():
        raise IntakeError(422, "'phone' is required.")
    window = data.get("preferred_time") or {}
    if not isinstance(window, dict):
        raise IntakeError(422, "'preferred_time' must be an object with 'from' and 'to'.")
    preferred_from, preferred_to = _time(window.get("from"), "from"), _time(window.get("to"), "to")
    request_id = _text(data, "request_id") or None
    return WebFormRequest(
        phone=phone.strip(),
        name=_text(data, "name"),
        comment=_text(data, "comment"),
        page_url=_text(data, "page_url"),
        preferred_from=preferred_from,
        preferred_to=preferred_to,
        request_id=request_id,
    )
