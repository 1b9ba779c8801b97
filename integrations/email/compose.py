"""Our reply as a MIME message, the way mail clients write one.

- From "display name <address>", To the customer, Cc when given (never the
  customer twice, never ourselves); Subject, In-Reply-To, References (and an
  Outlook parent's Thread-Index) from ``app.mail.replies.reply_headers``; our
  own Message-ID at the mailbox's domain (``app.mail.message_ids``); Date.
- The text as the operator wrote it, the signature under it after the "-- "
  line (RFC 3676 section 4.3: clients fold what follows), then the message
  answered, quoted: an attribution line and "> " lines, as Gmail and Outlook
  put it under the reply. Only its own text is quoted (the history it quoted
  in turn is in the thread already) and at most ``QUOTE_MAX_LINES`` of it.
- An HTML alternative made from the same text (escaped, paragraphs, line
  breaks, http(s) addresses as links, the quote as a cite blockquote), so a
  client that shows HTML shows the reply as the customer's other mail.
- Attachments with their names in RFC 2231 form (``filename*=utf-8''...``),
  so a Cyrillic name arrives as written.

Text parts are quoted-printable: 7-bit safe through any server, 8BITMIME or
not. Addresses with a non-ASCII domain are sent IDNA-encoded; a non-ASCII
local part needs the server's SMTPUTF8 (``needs_smtputf8``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from app.mail.message_ids import message_id_domain, new_message_id, parse_ids
from app.mail.replies import reply_headers
from integrations.base import OutboundFile
from integrations.email.settings import MailboxSettings

QUOTE_MAX_LINES = 30
QUOTE_MAX_CHARS = 4000
SIGNATURE_SEPARATOR = "-- "
_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?)]}'»…"
_PARAGRAPH = re.compile(r"\n[ \t]*\n+")


@dataclass(frozen=True)
class Quote:
    """The message answered, as the reply quotes it."""

    author: str  # "Name <address>" or the address alone
    sent_at: datetime | None
    text: str  # its own text, without what it quoted itself


@dataclass(frozen=True)
class ReplyContext:
    """What a reply needs of its conversation (its meta's "email": the
    customer's address, the thread's subject, the last message's ids), filled
    by the channel; the composer's subject and cc override the thread's."""

    to: tuple[str, str]  # (name, address): the customer
    subject: str = ""  # the thread's subject, as the customer wrote it ("Re: " is added)
    parent_message_id: str = ""  # the message answered; "" for a first message
    references: tuple[str, ...] = ()  # the parent's References
    in_reply_to: tuple[str, ...] = ()  # the parent's In-Reply-To
    thread_index: str | None = None  # the parent's Thread-Index (Outlook)
    cc: tuple[tuple[str, str], ...] = ()
    quote: Quote | None = None

    @classmethod
    def from_meta(
        cls, email: Mapping[str, object], customer_name: str = "", quote: Quote | None = None
    ) -> ReplyContext:
        """From a conversation's ``meta["email"]`` (address, subject,
        last_message_id, references), read defensively."""
        address = email.get("address")
        subject = email.get("subject")
        parent = email.get("last_message_id")
        references = email.get("references")
        thread_index = email.get("thread_index")
        cc = email.get("cc")
        return cls(
            to=(customer_name, address if isinstance(address, str) else ""),
            subject=subject if isinstance(subject, str) else "",
            parent_message_id=(parse_ids(parent) or ("",))[0] if isinstance(parent, str) else "",
            references=tuple(i for r in references if isinstance(r, str) for i in parse_ids(r))
            if isinstance(references, list)
            else (),
            thread_index=thread_index if isinstance(thread_index, str) else None,
            cc=_pairs(cc),
            quote=quote,
        )


@dataclass(frozen=True)
class Composed:
    message: EmailMessage
    message_id: str  # ours, "<random@domain>"
    sender: str  # the envelope's MAIL FROM
    recipients: tuple[str, ...]  # RCPT TO: the customer first
    date: datetime


def compose(
    settings: MailboxSettings,
    text: str,
    thread: ReplyContext,
    files: Sequence[tuple[OutboundFile, bytes]] = (),
    now: datetime | None = None,
) -> Composed:
    """The reply (see the module's docstring); raises ValueError for an
    address that can't be written."""
    when = (now or datetime.now(UTC)).astimezone()
    headers = reply_headers(
        thread.parent_message_id,
        thread.references,
        thread.in_reply_to,
        thread.subject,
        thread.thread_index,
        now=when,
    )
    message_id = new_message_id(message_id_domain(settings.address, settings.message_id_domain))
    own = settings.address.casefold()
    customer = thread.to[1].strip()
    if not customer:
        raise ValueError("the conversation has no customer address to write to")
    cc = [
        (name, addr.strip())
        for name, addr in dict(
            ((addr.strip().casefold(), (name, addr)) for name, addr in thread.cc)
        ).values()
        if addr.strip() and addr.strip().casefold() not in (own, customer.casefold())
    ]

    message = EmailMessage(policy=policy.SMTP)
    message["From"] = _address(settings.display_name, settings.address)
    message["To"] = _address(thread.to[0], customer)
    if cc:
        message["Cc"] = [_address(name, addr) for name, addr in cc]
    message["Subject"] = headers.subject
    message["Date"] = format_datetime(when)
    message["Message-ID"] = message_id
    if headers.in_reply_to:
        message["In-Reply-To"] = headers.in_reply_to
    references = [i for i in headers.references if i]  # "" when there is no parent
    if references:
        message["References"] = " ".join(references)
    if headers.thread_index:
        message["Thread-Index"] = headers.thread_index

    signature = settings.signature.strip("\n")
    message.set_content(
        plain_body(text, signature, thread.quote), charset="utf-8", cte="quoted-printable"
    )
    message.add_alternative(
        html_body(text, signature, thread.quote),
        subtype="html",
        charset="utf-8",
        cte="quoted-printable",
    )
    for file, data in files:
        maintype, _, subtype = (file.mime or "").partition("/")
        if not maintype or not subtype or "/" in subtype:
            maintype, subtype = "application", "octet-stream"
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=file.filename)
    for part in message.walk():
        if part is not message:
            del part["MIME-Version"]  # the stdlib adds one to every part it converts
    return Composed(
        message,
        message_id,
        _envelope(settings.address),
        tuple(_envelope(addr) for addr in (customer, *(addr for _, addr in cc))),
        when,
    )


def needs_smtputf8(composed: Composed) -> bool:
    return not all(a.isascii() for a in (composed.sender, *composed.recipients))


def as_bytes(composed: Composed) -> bytes:
    """The message as sent and as appended to Sent: one serialisation for both."""
    chosen = policy.SMTPUTF8 if needs_smtputf8(composed) else policy.SMTP
    return composed.message.as_bytes(policy=chosen)


# --- the bodies --------------------------------------------------------------------------


def plain_body(text: str, signature: str, quote: Quote | None) -> str:
    parts = [_normalise(text).rstrip()]
    if signature:
        parts.append(f"{SIGNATURE_SEPARATOR}\n{_normalise(signature)}")
    if quote is not None and quote.text.strip():
        lines = _quoted_lines(quote.text)
        parts.append(attribution(quote) + "\n" + "\n".join(f"> {line}".rstrip() for line in lines))
    return "\n\n".join(p for p in parts if p) + "\n"


def html_body(text: str, signature: str, quote: Quote | None) -> str:
    blocks = [_paragraphs(_normalise(text))]
    if signature:
        blocks.append(
            '<div class="signature">'
            + html.escape(SIGNATURE_SEPARATOR)
            + "<br>"
            + _lines(_normalise(signature))
            + "</div>"
        )
    if quote is not None and quote.text.strip():
        quoted = "\n".join(_quoted_lines(quote.text))
        blocks.append(
            f"<div>{html.escape(attribution(quote))}</div>"
            '<blockquote type="cite" style="margin:0 0 0 0.8ex;'
            'border-left:1px solid #ccc;padding-left:1ex">'
            f"{_paragraphs(quoted)}</blockquote>"
        )
    body = "\n".join(blocks)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n'
        f"<body>\n{body}\n</body></html>\n"
    )


def attribution(quote: Quote) -> str:
    """ "2025-02-03 10:15, Name <address>:": the same in any language."""
    who = quote.author.strip() or "?"
    if quote.sent_at is None:
        return f"{who}:"
    return f"{quote.sent_at.astimezone().strftime('%Y-%m-%d %H:%M')}, {who}:"


def _quoted_lines(text: str) -> list[str]:
    lines = _normalise(text).strip("\n").split("\n")
    cut = len(lines) > QUOTE_MAX_LINES or len(text) > QUOTE_MAX_CHARS
    kept: list[str] = []
    size = 0
    for line in lines[:QUOTE_MAX_LINES]:
        size += len(line) + 1
        if size > QUOTE_MAX_CHARS:
            break
        kept.append(line)
    return [*kept, "[…]"] if cut else kept


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _paragraphs(text: str) -> str:
    paragraphs = [p.strip("\n") for p in _PARAGRAPH.split(text.strip("\n"))]
    return "\n".join(f"<p>{_lines(p)}</p>" for p in paragraphs if p.strip())


def _lines(text: str) -> str:
    return "<br>\n".join(_linked(line) for line in text.split("\n"))


def _linked(line: str) -> str:
    """One line escaped, its http(s) addresses as links (trailing punctuation
    left out of the link, as a reader means it)."""
    out: list[str] = []
    position = 0
    for match in _URL.finditer(line):
        url = match.group(0).rstrip(_URL_TRAILING)
        if url.count("(") > url.count(")") and match.group(0)[len(url) :].startswith(")"):
            url += ")"  # a Wikipedia-style address ends in its own bracket
        end = match.start() + len(url)
        out.append(html.escape(line[position : match.start()]))
        out.append(f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>')
        position = end
    out.append(html.escape(line[position:]))
    return "".join(out)


# --- addresses ---------------------------------------------------------------------------


def _envelope(address: str) -> str:
    """An address with its domain IDNA-encoded (the local part as written)."""
    local, at, domain = address.strip().rpartition("@")
    if not at or not local:
        raise ValueError(f"{address!r} is not an email address")
    try:
        ascii_domain = domain.encode("idna").decode("ascii") if not domain.isascii() else domain
    except UnicodeError as exc:
        raise ValueError(f"{address!r} has a domain that can't be written") from exc
    return f"{local}@{ascii_domain}"


def _address(name: str, address: str) -> Address:
    envelope = _envelope(address)
    local, _, domain = envelope.rpartition("@")
    return Address(display_name=" ".join(name.split()), username=local, domain=domain)


def _pairs(value: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list):
        return ()
    pairs: list[tuple[str, str]] = []
    for item in value:
        if (
            isinstance(item, list | tuple)
            and len(item) == 2
            and all(isinstance(x, str) for x in item)
        ):
            pairs.append((item[0], item[1]))
    return tuple(pairs)
