"""Sending one reply over SMTP, then keeping a copy in the mailbox's Sent folder.

``send_mail`` runs on the channel host's sender thread, for one outbox row:

1. The message is made (integrations/email/compose.py) with our own
   Message-ID, which is what ``SendResult`` returns as the platform id: the
   timeline row's external id holds it, so the customer's answer (whose
   In-Reply-To names it) is threaded to it.
2. It goes out over implicit TLS or STARTTLS (integrations/email/connection.py),
   logged in, and the server's replies become ``SendResult``'s typed failures:
   535 (and 530/534) is ``auth``; 421 and the other 4xx are transient
   (``not_reachable`` / ``rate_limited``: the outbox tries again with back-off);
   552 is ``too_large``; every other 5xx (550, 553, ...) is ``permanent``, with
   the server's words. A refused network, a certificate that isn't trusted, a
   timeout before the message was handed over: nothing was sent, transient.
3. Once the server has the whole message, the only reply that matters is the
   one after it: if the connection is lost or times out waiting for it, the
   server may have queued the message. That is "may have been delivered"
   (``maybe_delivered``), which the outbox never sends again by itself.
4. After a 250, the very bytes sent are APPENDed to the Sent folder over IMAP,
   flagged \\Seen (the setting's folder, else the one with RFC 6154's \\Sent
   flag or a usual name). A failure there is logged and returned as the sent
   result's ``reason`` (a note, the message is sent), never a resend; a Sent
   folder that has the message already (a server that files submitted mail
   itself, as Gmail does) gets no second copy.

A sent result's notes (a recipient the server refused while it took the
others, the copy not saved to Sent) are also in its ``notes``, as operator
messages the outbox keeps on the message's row for the window to show.
"""

from __future__ import annotations

import contextlib
import logging
import re
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.enums import SendFailure
from app.messages import QT_TRANSLATE_NOOP
from app.refusals import Notice
from integrations.base import OutboundFile, OutboundMessage, SendResult
from integrations.email.compose import (
    Composed,
    Quote,
    ReplyContext,
    as_bytes,
    compose,
    needs_smtputf8,
)
from integrations.email.connection import (
    MailConnectionError,
    Problem,
    close_imap,
    open_imap,
    open_smtp,
    server_words,
    smtp_reply,
)
from integrations.email.settings import MailboxSettings

if TYPE_CHECKING:
    from imapclient import IMAPClient

log = logging.getLogger(__name__)

# Our reasons (the server's words follow them where it said any).
MAYBE_DELIVERED = "the connection was lost after the whole message was sent: it may have arrived"
AUTH_CODES = frozenset({530, 534, 535, 538})
# A sent reply's notes for the operator (SendResult.notes).
_NOT_DELIVERED_TO = QT_TRANSLATE_NOOP("core", "Sent, but not delivered to {address}: {reason}")
_NOT_SAVED = QT_TRANSLATE_NOOP("core", "Sent, but not saved to the Sent folder: {reason}")
_NO_SENT_FOLDER = QT_TRANSLATE_NOOP(
    "core",
    "Sent, but not saved: the mailbox has no Sent folder (choose one in Settings > Email).",
)

__all__ = ["Quote", "ReplyContext", "SentCopy", "append_to_sent", "send_mail"]


class _Refused(Exception):
    """A reply code that ends this attempt."""

    def __init__(self, code: int, words: str) -> None:
        super().__init__(words)
        self.code = code
        self.words = words


class _LostAfterData(Exception):
    """The message was handed over; its reply never came."""


def send_mail(
    settings: MailboxSettings,
    password: str,
    message: OutboundMessage,
    thread: ReplyContext,
    *,
    imap_password: str | None = None,
) -> SendResult:
    """Sends ``message`` as a reply in ``thread`` (see the module's docstring).
    ``password`` logs in to SMTP; ``imap_password`` (the same when None) to
    IMAP for the copy in Sent."""
    files, problem = _read_files(message.files, settings)
    if problem is not None:
        return problem
    try:
        composed = compose(settings, message.text, thread, files)
    except ValueError as exc:
        return SendResult.failed(SendFailure.PERMANENT, str(exc))
    raw = as_bytes(composed)
    result = _submit(settings, password, composed, raw)
    if not result.ok:
        return result
    log.info("mail %s sent for outbox #%s", composed.message_id, message.message_id)
    copy = append_to_sent(
        settings, imap_password if imap_password is not None else password, composed, raw
    )
    notes = "; ".join(note for note in (result.reason, copy.note) if note)
    notices = (*result.notes, *((copy.notice,) if copy.notice is not None else ()))
    return SendResult(platform_ids=(composed.message_id,), reason=notes, notes=notices)


# --- SMTP ------------------------------------------------------------------------------------


def _submit(settings: MailboxSettings, password: str, composed: Composed, raw: bytes) -> SendResult:
    try:
        smtp = open_smtp(settings, password)
    except MailConnectionError as exc:
        return _connection_failed(exc)
    try:
        refused = _transaction(smtp, settings, composed, raw)
    except _Refused as exc:
        return _refused(exc.code, exc.words)
    except _LostAfterData as exc:
        log.warning("mail %s: %s (%s)", composed.message_id, MAYBE_DELIVERED, exc)
        return SendResult.failed(
            SendFailure.NOT_REACHABLE, f"{MAYBE_DELIVERED} ({exc})", maybe_delivered=True
        )
    except (OSError, smtplib.SMTPException) as exc:
        # Before the message was handed over (smtplib raises OSError subclasses
        # and SMTPServerDisconnected for a connection lost mid-command).
        return SendResult.failed(
            SendFailure.NOT_REACHABLE, f"the connection to the SMTP server was lost: {exc}"
        )
    finally:
        _quit(smtp)
    if refused:
        # Some recipients (a Cc) refused while others took it: it is sent.
        words = "; ".join(f"{addr}: {why}" for addr, why in refused.items())
        log.warning("mail %s: some recipients refused: %s", composed.message_id, words)
        return SendResult(
            platform_ids=(composed.message_id,),
            reason=f"not delivered to {words}",
            notes=tuple(
                Notice(_NOT_DELIVERED_TO, address=addr, reason=why) for addr, why in refused.items()
            ),
        )
    return SendResult.sent([composed.message_id])


def _transaction(
    smtp: smtplib.SMTP, settings: MailboxSettings, composed: Composed, raw: bytes
) -> dict[str, str]:
    """MAIL, RCPT, DATA; the recipients refused (when others were not)."""
    options: list[str] = []
    limit = smtp.esmtp_features.get("size", "")
    if limit.isdigit() and int(limit) and len(raw) > int(limit):
        raise _Refused(
            552,
            f"the message is {_megabytes(len(raw))} and the server takes at most {_megabytes(int(limit))}",  # noqa: E501
        )
    if smtp.has_extn("size"):
        options.append(f"SIZE={len(raw)}")
    if smtp.has_extn("8bitmime"):
        options.append("BODY=8BITMIME")
    if needs_smtputf8(composed):
        if not smtp.has_extn("smtputf8"):
            raise _Refused(
                553,
                "the SMTP server can't send to an address with letters outside Latin (SMTPUTF8)",
            )
        options.append("SMTPUTF8")
    code, words = smtp.mail(composed.sender, options)
    if code != 250:
        raise _Refused(code, smtp_reply(code, words))
    refused: dict[str, str] = {}
    first: tuple[int, str] | None = None
    for recipient in composed.recipients:
        code, words = smtp.rcpt(recipient)
        if code not in (250, 251):
            refused[recipient] = smtp_reply(code, words)
            first = first or (code, refused[recipient])
    if len(refused) == len(composed.recipients):
        assert first is not None
        _reset(smtp)
        raise _Refused(*first)
    code, words = _data(smtp, raw)
    if code != 250:
        raise _Refused(code, smtp_reply(code, words))
    return refused


def _data(smtp: smtplib.SMTP, raw: bytes) -> tuple[int, bytes]:
    """DATA as smtplib's ``data`` does it, telling apart a failure before the
    final "." went (nothing can have been queued) from one waiting for the
    reply after it (it may have been)."""
    smtp.putcmd("data")
    code, words = smtp.getreply()
    if code != 354:
        raise _Refused(code, smtp_reply(code, words))
    body = re.sub(rb"(?m)^\.", b"..", raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    if not body.endswith(b"\r\n"):
        body += b"\r\n"
    smtp.send(body + b".\r\n")  # a failure here raises as "before": the end never went
    try:
        return smtp.getreply()
    except (OSError, smtplib.SMTPServerDisconnected) as exc:
        raise _LostAfterData(str(exc) or type(exc).__name__) from exc


def _reset(smtp: smtplib.SMTP) -> None:
    with contextlib.suppress(OSError, smtplib.SMTPException):  # the session ends next anyway
        smtp.rset()


def _quit(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        smtp.close()


def _refused(code: int, words: str) -> SendResult:
    if code in AUTH_CODES:
        return SendResult.failed(SendFailure.AUTH, words)
    if code == 552:
        return SendResult.failed(SendFailure.TOO_LARGE, words)
    if code == 421:
        return SendResult.failed(SendFailure.NOT_REACHABLE, words)
    if 400 <= code < 500:
        return SendResult.failed(SendFailure.RATE_LIMITED, words)
    return SendResult.failed(SendFailure.PERMANENT, words)


def _connection_failed(exc: MailConnectionError) -> SendResult:
    if exc.problem is Problem.AUTH:
        return SendResult.failed(SendFailure.AUTH, str(exc))
    if exc.problem is Problem.SERVER and exc.code is not None:
        return _refused(exc.code, str(exc))
    if exc.problem in (Problem.NO_STARTTLS, Problem.NO_AUTH, Problem.NOT_TLS, Problem.CA_FILE):
        return SendResult.failed(SendFailure.PERMANENT, str(exc))
    # Not reached, certificate, handshake, timeout, closed: nothing was sent,
    # and each can mend (the network, a renewed certificate): tried again.
    return SendResult.failed(SendFailure.NOT_REACHABLE, str(exc))


def _read_files(
    files: Sequence[OutboundFile], settings: MailboxSettings
) -> tuple[list[tuple[OutboundFile, bytes]], SendResult | None]:
    total = sum(f.size for f in files)
    if total > settings.max_attachment_bytes:
        return [], SendResult.failed(
            SendFailure.TOO_LARGE,
            f"the attachments are {_megabytes(total)}; this mailbox sends at most "
            f"{_megabytes(settings.max_attachment_bytes)}",
        )
    read: list[tuple[OutboundFile, bytes]] = []
    for file in files:
        try:
            read.append((file, file.path.read_bytes()))
        except OSError as exc:
            return [], SendResult.failed(
                SendFailure.PERMANENT, f"the attachment {file.filename!r} can't be read: {exc}"
            )
    return read, None


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


# --- the copy in Sent --------------------------------------------------------------------------


@dataclass(frozen=True)
class SentCopy:
    folder: str = ""  # where the copy is ("" when none was made)
    note: str = ""  # why there is none, for the log; "" when all went well
    notice: Notice | None = None  # the same for the message's row, in the operator's words


def append_to_sent(
    settings: MailboxSettings, password: str, composed: Composed, raw: bytes
) -> SentCopy:
    """The sent bytes into the Sent folder, \\Seen, dated as sent; never raises."""
    try:
        client = open_imap(settings, password)
    except MailConnectionError as exc:
        return _no_copy(composed, str(exc))
    try:
        folder = settings.sent_folder or sent_folder(client)
        if not folder:
            return _no_copy(
                composed,
                "the mailbox has no Sent folder (set one in its settings)",
                Notice(_NO_SENT_FOLDER),
            )
        if _has_copy(client, folder, composed.message_id):
            return SentCopy(folder)
        client.append(folder, raw, flags=(b"\\Seen",), msg_time=composed.date)
        return SentCopy(folder)
    except Exception as exc:  # the mail is sent whatever happens here
        return _no_copy(composed, server_words(str(exc)) or type(exc).__name__)
    finally:
        close_imap(client)


def sent_folder(client: IMAPClient) -> str:
    """The folder flagged \\Sent (RFC 6154), else one with a usual name."""
    from imapclient.imapclient import SENT

    found = client.find_special_folder(SENT)
    return str(found) if found else ""


def _has_copy(client: IMAPClient, folder: str, message_id: str) -> bool:
    client.select_folder(folder, readonly=True)  # EXAMINE: nothing changes
    return bool(client.search(["HEADER", "Message-ID", message_id]))


def _no_copy(composed: Composed, why: str, notice: Notice | None = None) -> SentCopy:
    log.warning("mail %s sent, but not saved to Sent: %s", composed.message_id, why)
    return SentCopy(
        note=f"sent, but not saved to the Sent folder: {why}",
        notice=notice or Notice(_NOT_SAVED, reason=why),
    )
