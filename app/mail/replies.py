"""The threading headers of our answer to a message (RFC 5322 section 3.6.4).

In-Reply-To is the parent's Message-ID; References is the parent's References
(or, when it has none, its In-Reply-To if that holds one id) followed by the
parent's Message-ID; the subject is ``subjects.reply_subject``. A parent whose
Message-ID we made up (``message_ids.is_synthetic``) gives no In-Reply-To and
is not referenced: nobody else knows that id.

A long thread's References is trimmed to ``MAX_REFERENCES_CHARS``: RFC 5322
leaves how to the writer; we follow RFC 5537 section 3.4.4 (Netnews, where
threads grow longest): keep the first id (the root) and the three most recent,
and drop ids from just after the root until it fits, so the header stays within
one 998-character line's worth and the parent and the root are always there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.mail.message_ids import is_synthetic
from app.mail.subjects import reply_subject

MAX_REFERENCES_CHARS = 900  # + "References: " stays under RFC 5322's 998 per line
KEEP_RECENT = 3


@dataclass(frozen=True)
class ReplyHeaders:
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str

    @property
    def references_value(self) -> str:
        return " ".join(self.references)


def reply_headers(
    message_id: str,
    references: Sequence[str],
    in_reply_to: Sequence[str],
    subject: str,
) -> ReplyHeaders:
    """Our answer's In-Reply-To, References and Subject for a parent with these."""
    chain = list(references) or (list(in_reply_to) if len(in_reply_to) == 1 else [])
    own = None if is_synthetic(message_id) else message_id
    if own is not None:
        chain.append(own)
    chain = [i for i in dict.fromkeys(chain) if not is_synthetic(i)]
    return ReplyHeaders(own, trim_references(chain), reply_subject(subject))


def trim_references(ids: Sequence[str], limit: int = MAX_REFERENCES_CHARS) -> tuple[str, ...]:
    """``ids`` shortened from just after the root until ``" ".join`` fits ``limit``."""
    kept = list(ids)
    while len(" ".join(kept)) > limit and len(kept) > 1 + KEEP_RECENT:
        del kept[1]
    return tuple(kept)
