"""The threading headers of our answer to a message (RFC 5322 section 3.6.4).

In-Reply-To is the parent's Message-ID; References is the parent's References
(or, when it has none, its In-Reply-To if that holds one id) followed by the
parent's Message-ID; the subject is ``subjects.reply_subject``. A parent whose
Message-ID we made up (``message_ids.is_synthetic``) gives no In-Reply-To and
is not referenced: nobody else knows that id.

A parent from Outlook (it has a Thread-Index) gets our reply's Thread-Index
too, the parent's plus the 5-byte child block of MS-OXOMSG section 2.2.1.3
(the time since the conversation began, 4 random bits, a sequence nibble):
replies without one are the reason Outlook splits FreeScout's threads
(freescout#4922), even with In-Reply-To and References right.

A long thread's References is trimmed to ``MAX_REFERENCES_CHARS``: RFC 5322
leaves how to the writer; we follow RFC 5537 section 3.4.4 (Netnews, where
threads grow longest): keep the first id (the root) and the three most recent,
and drop ids from just after the root until it fits, so the header stays within
one 998-character line's worth and the parent and the root are always there.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from app.mail.message_ids import is_synthetic
from app.mail.subjects import reply_subject

MAX_REFERENCES_CHARS = 900  # + "References: " stays under RFC 5322's 998 per line
KEEP_RECENT = 3


_FILETIME_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class ReplyHeaders:
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str
    thread_index: str | None = None  # only when the parent had one (Outlook)

    @property
    def references_value(self) -> str:
        return " ".join(self.references)


def reply_headers(
    message_id: str,
    references: Sequence[str],
    in_reply_to: Sequence[str],
    subject: str,
    thread_index: str | None = None,
    now: datetime | None = None,
) -> ReplyHeaders:
    """Our answer's In-Reply-To, References, Subject (and Thread-Index) for a parent
    with these."""
    chain = list(references) or (list(in_reply_to) if len(in_reply_to) == 1 else [])
    own = None if is_synthetic(message_id) else message_id
    if own is not None:
        chain.append(own)
    chain = [i for i in dict.fromkeys(chain) if not is_synthetic(i)]
    return ReplyHeaders(
        own,
        trim_references(chain),
        reply_subject(subject),
        child_thread_index(thread_index, now or datetime.now(UTC)),
    )


def child_thread_index(parent: str | None, now: datetime) -> str | None:
    """The Thread-Index of a reply to a message with Thread-Index ``parent``."""
    if not parent:
        return None
    try:
        raw = base64.b64decode("".join(parent.split()), validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(raw) < 22 or (len(raw) - 22) % 5:
        return None
    began = int.from_bytes(raw[1:6], "big") << 24  # the header's FILETIME, top 40 bits
    delta = max(0, _filetime(now) - began)
    code, shift = (0, 18) if delta < 1 << 49 else (1, 23)  # within ~1.8 years: finer steps
    block = (code << 31) | ((delta >> shift) & 0x7FFFFFFF)
    child = (block << 8) | (secrets.randbelow(16) << 4) | (len(raw) - 22) // 5 % 16
    return base64.b64encode(raw + child.to_bytes(5, "big")).decode("ascii")


def _filetime(when: datetime) -> int:
    """100-nanosecond intervals since 1601, as Windows counts time."""
    delta = when.astimezone(UTC) - _FILETIME_EPOCH
    return (delta.days * 86400 + delta.seconds) * 10_000_000 + delta.microseconds * 10


def trim_references(ids: Sequence[str], limit: int = MAX_REFERENCES_CHARS) -> tuple[str, ...]:
    """``ids`` shortened from just after the root until ``" ".join`` fits ``limit``."""
    kept = list(ids)
    while len(" ".join(kept)) > limit and len(kept) > 1 + KEEP_RECENT:
        del kept[1]
    return tuple(kept)
