"""Which thread a new message belongs to, one message at a time.

JWZ's algorithm (https://www.jwz.org/doc/threading.html) links a message to
every id in its References and In-Reply-To, creating empty containers for ids
never seen, so a reply that arrives before its parent, or a parent fetched
later, still meets the same container. Here the id table is the caller's store
(one per mailbox): ``ThreadLookup.by_ids`` answers which known threads an id
belongs to, whether the id is a stored message or was only referenced by one
(JWZ's empty container), and ``Placement.ids`` is what to record under the
thread's key after storing the message. ``MemoryThreads`` is that store in
memory: the reference for a database one, and what the tests use.

The order ``place`` tries a message's ids in is JWZ's parent first: the last
References id, then the earlier ones back to the root, then In-Reply-To (a
client that drops References, or puts a different id there), then the
message's own id (messages that referenced it arrived first), then the root of
Outlook's Thread-Index (the first 22 bytes; Outlook adds 5 per reply and keeps
them when it drops In-Reply-To, which split Chatwoot's threads).

Two rules JWZ doesn't have, because a thread here is a conversation with a customer:

- **A thread is per correspondent.** An id leads into a thread only if the new
  message's correspondent (the customer: the sender of an incoming message, the
  first recipient of ours) is one of that thread's participants (the addresses
  on its messages, less the mailbox's own). Replies of different people to one
  newsletter reference the same id and so would be one thread, mixing strangers
  (Chatwoot's bug); here each gets their own. A colleague the customer copied
  joins the customer's thread. A message to more than ``MAX_PARTICIPANTS``
  people, or a mailing, makes only its correspondent a participant.
- **The subject fallback** is for a message with none of those headers, from the
  same correspondent, with a reply or forward prefix ("Re:", "Ответ:", ...),
  whose subject without prefixes and tags matches a thread of theirs from the
  last ``SUBJECT_FALLBACK_DAYS``. Two new questions with one subject are two
  threads; "Re: Заказ" from someone else is not theirs.

A bounce's correspondent is the recipient that failed and its parent the
message that bounced (``ThreadHeaders.from_mail``), so it lands in the thread
of what we sent.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from app.mail.classify import MailKind
from app.mail.subjects import has_reply_prefix, subject_key

if TYPE_CHECKING:
    from app.mail.parse import ParsedMail

MAX_PARTICIPANTS = 10
SUBJECT_FALLBACK_DAYS = 30
THREAD_INDEX_ROOT_BYTES = 22


class Link(StrEnum):
    """How a placement was decided (for logs and tests)."""

    REFERENCES = "references"
    IN_REPLY_TO = "in_reply_to"
    REFERENCED_BY = "referenced_by"  # a message stored earlier referenced this one
    THREAD_INDEX = "thread_index"
    SUBJECT = "subject"
    NEW = "new"


@dataclass(frozen=True)
class ThreadHeaders:
    """What threading needs of a message (``from_mail`` makes it from a ParsedMail)."""

    message_id: str
    references: tuple[str, ...] = ()
    in_reply_to: tuple[str, ...] = ()
    thread_index: str | None = None
    subject: str = ""
    correspondent: str = ""  # case-folded address of the customer side
    participants: frozenset[str] = frozenset()
    date: datetime | None = None

    @classmethod
    def from_mail(
        cls, mail: ParsedMail, own_addresses: Collection[str], date: datetime | None = None
    ) -> ThreadHeaders:
        """``own_addresses``: the mailbox's addresses (case does not matter); ``date``:
        the server's INTERNALDATE, used when the message has no usable Date."""
        own = {a.casefold() for a in own_addresses}
        senders = [a.key for a in mail.from_ if a.key not in own]
        recipients = [a.key for a in (*mail.to, *mail.cc) if a.key not in own]
        in_reply_to = mail.in_reply_to
        bounce = mail.classification.bounce
        if bounce is not None:
            senders = [r.address.casefold() for r in bounce.recipients][:1]
            if bounce.original_message_id:
                in_reply_to = (bounce.original_message_id,)
        correspondent = (senders or recipients or [""])[0]
        others = [] if mail.classification.kind == MailKind.BULK else senders + recipients
        if len(others) > MAX_PARTICIPANTS:
            others = []
        return cls(
            message_id=mail.message_id,
            references=mail.references,
            in_reply_to=in_reply_to,
            thread_index=mail.thread_index,
            subject=mail.subject,
            correspondent=correspondent,
            participants=frozenset([*others, correspondent]) - {""},
            date=mail.date or date,
        )


@dataclass(frozen=True)
class KnownThread:
    key: str
    participants: frozenset[str]


class ThreadLookup(Protocol):
    def by_ids(self, ids: Sequence[str]) -> Mapping[str, Sequence[KnownThread]]:
        """For each of ``ids`` that is known (stored or referenced), its threads."""
        ...

    def by_subject(
        self, correspondent: str, key: str, since: datetime | None
    ) -> KnownThread | None:
        """The latest thread with ``correspondent`` whose subject key is ``key``
        and that had a message at or after ``since`` (None: no bound)."""
        ...


@dataclass(frozen=True)
class Placement:
    key: str
    link: Link
    ids: tuple[str, ...]  # to record under ``key``: the message's id, its references, ...

    @property
    def new(self) -> bool:
        return self.link == Link.NEW


def thread_index_id(value: str | None) -> str | None:
    """Outlook's Thread-Index as a pseudo message id of its conversation's root."""
    if not value:
        return None
    try:
        raw = base64.b64decode("".join(value.split()), validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(raw) < THREAD_INDEX_ROOT_BYTES:
        return None
    return f"<{raw[:THREAD_INDEX_ROOT_BYTES].hex()}@thread-index.invalid>"


def place(mail: ThreadHeaders, known: ThreadLookup, new_key: str | None = None) -> Placement:
    """The thread ``mail`` belongs to (see the module's docstring). ``new_key`` is
    the key of a new thread if one is made (default: random)."""
    index_id = thread_index_id(mail.thread_index)
    candidates: list[tuple[str, Link]] = []
    for ref in reversed(mail.references):
        candidates.append((ref, Link.REFERENCES))
    for ref in mail.in_reply_to:
        candidates.append((ref, Link.IN_REPLY_TO))
    candidates.append((mail.message_id, Link.REFERENCED_BY))
    if index_id is not None:
        candidates.append((index_id, Link.THREAD_INDEX))
    candidates = [(i, link) for i, link in candidates if i]
    record = tuple(dict.fromkeys(i for i, _ in candidates))
    found = known.by_ids(record)
    if mail.correspondent:
        for ref, link in candidates:
            for thread in found.get(ref, ()):
                if mail.correspondent in thread.participants:
                    return Placement(thread.key, link, record)
    if _subject_fallback_applies(mail):
        since = mail.date - timedelta(days=SUBJECT_FALLBACK_DAYS) if mail.date else None
        same = known.by_subject(mail.correspondent, subject_key(mail.subject), since)
        if same is not None:
            return Placement(same.key, Link.SUBJECT, record)
    return Placement(new_key or f"thread:{secrets.token_hex(12)}", Link.NEW, record)


def _subject_fallback_applies(mail: ThreadHeaders) -> bool:
    return bool(
        mail.correspondent
        and not mail.references
        and not mail.in_reply_to
        and thread_index_id(mail.thread_index) is None
        and has_reply_prefix(mail.subject)
        and subject_key(mail.subject)
    )


@dataclass
class _Thread:
    participants: set[str] = field(default_factory=set)
    subjects: dict[tuple[str, str], datetime | None] = field(default_factory=dict)


class MemoryThreads:
    """``ThreadLookup`` in memory, with ``record`` to call after each message."""

    def __init__(self) -> None:
        self._ids: dict[str, list[str]] = {}
        self._threads: dict[str, _Thread] = {}

    def by_ids(self, ids: Sequence[str]) -> Mapping[str, Sequence[KnownThread]]:
        return {i: [self._known(key) for key in self._ids[i]] for i in ids if i in self._ids}

    def by_subject(
        self, correspondent: str, key: str, since: datetime | None
    ) -> KnownThread | None:
        matches: list[tuple[datetime, str]] = []
        for thread_key, thread in self._threads.items():
            if (correspondent, key) not in thread.subjects:
                continue
            when = thread.subjects[(correspondent, key)]
            if since is not None and when is not None and when < since:
                continue
            matches.append((when or _UNDATED, thread_key))
        return self._known(max(matches)[1]) if matches else None

    def record(self, mail: ThreadHeaders, placement: Placement) -> None:
        thread = self._threads.setdefault(placement.key, _Thread())
        thread.participants |= mail.participants | ({mail.correspondent} - {""})
        if mail.correspondent:
            subject = (mail.correspondent, subject_key(mail.subject))
            earlier = thread.subjects.get(subject)
            if earlier is None or (mail.date is not None and mail.date > earlier):
                thread.subjects[subject] = mail.date
        for i in placement.ids:
            keys = self._ids.setdefault(i, [])
            if placement.key not in keys:
                keys.append(placement.key)

    def _known(self, key: str) -> KnownThread:
        return KnownThread(key, frozenset(self._threads[key].participants))


_UNDATED = datetime.min.replace(tzinfo=UTC)
