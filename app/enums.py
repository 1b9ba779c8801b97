"""The core's enumerations, apart from the tables.

Plain ``StrEnum``s with no SQLAlchemy in sight: the window imports them (labels,
the dial field, the callback dialogs) before its first paint, and importing
SQLAlchemy and SQLModel then would cost ~0.7 s of the start (bench/README.md,
"The window"). app.models re-exports them; the tables store their values.
"""

from __future__ import annotations

import enum


class ContactKind(enum.StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    TELEGRAM = "telegram"
    WHATSAPP = "whatsapp"
    VIBER = "viber"
    SIP = "sip"


class Channel(enum.StrEnum):
    CALL = "call"
    TELEGRAM = "telegram"
    WHATSAPP = "whatsapp"
    VIBER = "viber"
    EMAIL = "email"
    WEBFORM = "webform"
    CALLBACK = "callback"
    NOTE = "note"


class Direction(enum.StrEnum):
    INBOUND = "in"
    OUTBOUND = "out"
    INTERNAL = "internal"


class InteractionStatus(enum.StrEnum):
    # calls
    RINGING = "ringing"
    DIALING = "dialing"
    ANSWERED = "answered"
    MISSED = "missed"
    REJECTED = "rejected"
    BUSY = "busy"
    NO_ANSWER = "no_answer"  # outbound: nobody picked up
    FAILED = "failed"
    FORWARDED = "forwarded"  # inbound: sent on to another number before anyone answered
    # messages
    QUEUED = "queued"
    SENDING = "sending"
    # The app stopped while the message was being sent: it may or may not have
    # reached the platform; resent only when the operator says so.
    UNCERTAIN = "uncertain"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    RECEIVED = "received"
    # anything closed with no better word
    DONE = "done"


class CallbackSource(enum.StrEnum):
    MISSED_CALL = "missed_call"
    WEB_FORM = "web_form"
    MESSENGER = "messenger"
    EMAIL = "email"
    MANUAL = "manual"


class CallbackOutcome(enum.StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    WRONG_NUMBER = "wrong_number"
    VOICEMAIL = "voicemail"
    CALL_LATER = "call_later"
    CANCELLED = "cancelled"


class CallbackStatus(enum.StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


class OutboxStatus(enum.StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"
    UNCERTAIN = "uncertain"  # was "sending" when the app stopped


class SendFailure(enum.StrEnum):
    """Why a channel could not send a message (integrations/base.py re-exports
    it): the outbox retries the transient ones and fails the rest at once."""

    AUTH = "auth"  # the token or password was refused
    NOT_REACHABLE = "not_reachable"  # the request did not reach the platform
    RATE_LIMITED = "rate_limited"  # the platform said: later (retry-after)
    POLICY_REFUSED = "policy_refused"  # blocked by the user, window closed, can't write first
    TOO_LARGE = "too_large"
    PERMANENT = "permanent"  # anything else the platform refused for good
