"""Why a platform won't take a message, in the operator's words.

A channel reports refusals as the platform words them ("Forbidden: bot was
blocked by the user", "Bad Request: chat not found"), and the core keeps those
words (``Conversation.meta["cannot_write_reason"]``, ``OutboxMessage.last_error``)
for the log and the tooltip. The operator reads them here instead: ``refusal_of``
sorts the platform's text into a ``Refusal``, and ``refusal_notice`` /
``failure_notice`` give a ``Notice``: a core message (an English template marked
``QT_TRANSLATE_NOOP("core", ...)`` and its fields, app/messages.py) that the
window shows in its language with ``ui.common.core_text.error_text(notice)``, like any
core refusal. Platform words we can't sort are kept in the notice's ``reason``
field, as they are.

Qt-free and database-free: the composer (app/reply_options.py) and the chat
view's delivery states (app/conversation_feed.py) both use it.
"""

from __future__ import annotations

import enum
from typing import Any

from app.enums import SendFailure
from app.messages import QT_TRANSLATE_NOOP, OperatorError


class Notice(OperatorError):
    """A core message for the operator that is shown, not raised: ``template``
    (English, translatable in context "core") and ``fields``; ``str()`` is the
    English text. ``ui.common.core_text.error_text`` words it in the window's language."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Notice):
            return NotImplemented
        return (self.template, self.fields) == (other.template, other.fields)

    def __hash__(self) -> int:
        return hash((self.template, tuple(sorted(self.fields.items()))))


class Refusal(enum.StrEnum):
    """Why a chat can't be written to now."""

    BLOCKED = "blocked"  # the customer blocked the bot
    CANNOT_WRITE_FIRST = "cannot_write_first"  # a bot can't start a chat
    CHAT_NOT_FOUND = "chat_not_found"  # the platform doesn't know the chat (any more)
    CUSTOMER_ACCOUNT_DELETED = "customer_account_deleted"  # "user is deactivated"
    NO_RIGHTS = "no_rights"  # a group: the bot was removed or may not write
    WINDOW_CLOSED = "window_closed"  # WhatsApp's 24 hours since the customer's last message
    ACCOUNT_OFF = "account_off"  # our own channel account is switched off in Settings
    OTHER = "other"  # the platform said something else: its words are in the notice


# Substrings of the platform's words, first match wins (Telegram's texts;
# another platform's join them as its channel is written).
_MARKERS: tuple[tuple[str, Refusal], ...] = (
    ("blocked", Refusal.BLOCKED),
    ("can't initiate conversation", Refusal.CANNOT_WRITE_FIRST),
    ("can't write first", Refusal.CANNOT_WRITE_FIRST),
    ("chat not found", Refusal.CHAT_NOT_FOUND),
    ("peer_id_invalid", Refusal.CHAT_NOT_FOUND),
    ("user is deactivated", Refusal.CUSTOMER_ACCOUNT_DELETED),
    ("bot was kicked", Refusal.NO_RIGHTS),
    ("not enough rights", Refusal.NO_RIGHTS),
    ("have no rights", Refusal.NO_RIGHTS),
    ("re-engagement", Refusal.WINDOW_CLOSED),
    ("24 hours", Refusal.WINDOW_CLOSED),
)

_REFUSALS: dict[Refusal, str] = {
    Refusal.BLOCKED: QT_TRANSLATE_NOOP(
        "core",
        "The customer has blocked the bot. Messages reach them again once they write to it.",
    ),
    Refusal.CANNOT_WRITE_FIRST: QT_TRANSLATE_NOOP(
        "core", "The bot can't write first: the customer has to write to it once."
    ),
    Refusal.CHAT_NOT_FOUND: QT_TRANSLATE_NOOP(
        "core", "The platform doesn't know this chat any more; it may have been deleted."
    ),
    Refusal.CUSTOMER_ACCOUNT_DELETED: QT_TRANSLATE_NOOP(
        "core", "The customer's account on the platform was deleted."
    ),
    Refusal.NO_RIGHTS: QT_TRANSLATE_NOOP(
        "core", "The bot may not write to this chat: it was removed or has no rights there."
    ),
    Refusal.WINDOW_CLOSED: QT_TRANSLATE_NOOP(
        "core",
        "The 24 hours for answering have passed: only an approved template can be sent"
        " until the customer writes again.",
    ),
    Refusal.ACCOUNT_OFF: QT_TRANSLATE_NOOP(
        "core", "The account {account} is switched off in Settings."
    ),
}
_OTHER = QT_TRANSLATE_NOOP("core", "The platform doesn't let us write to this chat: {reason}")
_OTHER_UNSAID = QT_TRANSLATE_NOOP("core", "The platform doesn't let us write to this chat now.")

_AUTH = QT_TRANSLATE_NOOP(
    "core", "The platform refused the account's token: check the account in Settings."
)
_TOO_LARGE = QT_TRANSLATE_NOOP(
    "core", "The message or one of its files is too large for the platform."
)
_NOT_REACHABLE = QT_TRANSLATE_NOOP(
    "core", "The platform could not be reached; gave up after {attempts} tries."
)
_RATE_LIMITED = QT_TRANSLATE_NOOP(
    "core", "The platform kept asking to wait; gave up after {attempts} tries."
)
_PERMANENT = QT_TRANSLATE_NOOP("core", "The platform refused the message: {reason}")
_PERMANENT_UNSAID = QT_TRANSLATE_NOOP("core", "The platform refused the message.")
_CANCELLED = QT_TRANSLATE_NOOP("core", "Cancelled by {operator}.")
_RETRY_NOT_REACHABLE = QT_TRANSLATE_NOOP(
    "core", "The platform can't be reached right now; trying again."
)
_RETRY_RATE_LIMITED = QT_TRANSLATE_NOOP("core", "The platform asked us to wait; trying again.")
_UNCERTAIN = QT_TRANSLATE_NOOP(
    "core",
    "It may not have been sent: the platform did not answer. Look in the chat before"
    " sending it again.",
)


def refusal_of(platform_words: str) -> Refusal:
    """The kind of refusal the platform's own words describe; OTHER when unsure."""
    text = platform_words.casefold()
    for marker, refusal in _MARKERS:
        if marker in text:
            return refusal
    return Refusal.OTHER


def refusal_notice(refusal: Refusal, platform_words: str = "", account: str = "") -> Notice:
    """What the composer says about a chat it can't write to."""
    if refusal is Refusal.ACCOUNT_OFF:
        return Notice(_REFUSALS[refusal], account=account)
    template = _REFUSALS.get(refusal)
    if template is not None:
        return Notice(template)
    words = platform_words.strip()
    return Notice(_OTHER, reason=words) if words else Notice(_OTHER_UNSAID)


def failure_notice(
    failure: SendFailure | str | None,
    platform_words: str,
    *,
    attempts: int = 0,
    cancelled_by: str = "",
) -> Notice:
    """Why a message failed for good, for its bubble."""
    if cancelled_by:
        return Notice(_CANCELLED, operator=cancelled_by)
    words = platform_words.strip()
    kind = _failure(failure)
    if kind is SendFailure.POLICY_REFUSED:
        return refusal_notice(refusal_of(words), words)
    if kind is SendFailure.AUTH:
        return Notice(_AUTH)
    if kind is SendFailure.TOO_LARGE:
        return Notice(_TOO_LARGE)
    if kind is SendFailure.NOT_REACHABLE:
        return Notice(_NOT_REACHABLE, attempts=attempts)
    if kind is SendFailure.RATE_LIMITED:
        return Notice(_RATE_LIMITED, attempts=attempts)
    return Notice(_PERMANENT, reason=words) if words else Notice(_PERMANENT_UNSAID)


def retry_notice(failure: SendFailure | str | None) -> Notice:
    """Why a queued message is waiting for another try."""
    if _failure(failure) is SendFailure.RATE_LIMITED:
        return Notice(_RETRY_RATE_LIMITED)
    return Notice(_RETRY_NOT_REACHABLE)


def uncertain_notice() -> Notice:
    """A message that may or may not have reached the platform."""
    return Notice(_UNCERTAIN)


def notice_record(message: OperatorError) -> dict[str, Any]:
    """An operator message as a row's meta keeps it (JSON): its template and
    fields; ``notices_of`` reads it back."""
    fields = {
        key: value if isinstance(value, str | int | float | bool) else str(value)
        for key, value in message.fields.items()
    }
    return {"template": message.template, "fields": fields}


def notices_of(value: object) -> tuple[Notice, ...]:
    """The notices a row's meta keeps (a list of ``notice_record``), read
    defensively: what is not one, or no longer fits its fields, is left out."""
    if not isinstance(value, list):
        return ()
    found: list[Notice] = []
    for record in value:
        if not isinstance(record, dict):
            continue
        template, fields = record.get("template"), record.get("fields")
        if not isinstance(template, str) or not template or not isinstance(fields, dict):
            continue
        try:
            found.append(Notice(template, **{str(k): v for k, v in fields.items()}))
        except (KeyError, IndexError, ValueError, AttributeError):
            continue
    return tuple(found)


def _failure(failure: SendFailure | str | None) -> SendFailure | None:
    if failure is None:
        return None
    try:
        return SendFailure(failure)
    except ValueError:
        return SendFailure.PERMANENT


__all__ = [
    "Notice",
    "Refusal",
    "failure_notice",
    "notice_record",
    "notices_of",
    "refusal_notice",
    "refusal_of",
    "retry_notice",
    "uncertain_notice",
]
