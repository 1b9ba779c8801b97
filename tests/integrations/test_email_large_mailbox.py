"""Issue 20's bad input, a mailbox of 100,000 messages, against a real dovecot.

The mailbox is built the fast way, as a mail server's disk holds it: 100,000
small RFC 5322 messages written as files into the user's Maildir ``cur/``,
named as dovecot names what it delivers (``<time>.M<usec>P<pid>Q<n>.<host>,
S=<size>,W=<size with CRLF>:2,``), each file's mtime set to when it
"arrived": dovecot's maildir takes a message's received date, IMAP's
INTERNALDATE (what ``SEARCH SINCE`` compares), from its file's mtime. 99,850
are older than the mailbox's ``first_sync_days`` (30), the last 150 recent.
``doveadm mailbox status`` then builds dovecot's index once (a real server
has its index already). Built once for the module, on a tmpfs when there is
room for it (a disk makes the 100,000 file creations take 5-50 s instead of
1 s), and shared by the test's runs on both databases (the message delivered
by a run is expunged after it).

The first sync stores exactly the 150 recent messages, each once; the
watermark ends at the last UID, so the old ones are never fetched (dovecot
says how many message bodies it sent: 150); the status says connected, and
that the older mail stays on the server; mail delivered afterwards is read;
a restart fetches nothing again. Timings are printed (``-s``).
"""

from __future__ import annotations

import os
import pwd
import re
import socket
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime

import pytest
from imapclient import IMAPClient

from app.core import Core
from app.messages import OperatorError
from integrations.base import ChannelState
from integrations.email.imap import _FIRST_SYNC_NOTE
from tests.integrations.email_desk import PASSWORD, SHOP, MailDesk, mail, mailbox_settings, wait
from tests.servers.dovecot import DovecotServer, dovecot_server

TOTAL = 100_000
RECENT = 150
OLD = TOTAL - RECENT
FIRST_SYNC_DAYS = 30
TMPFS = "/dev/shm"
TMPFS_NEEDED = 2 * 1024**3  # 100,000 files of a page each, dovecot's indexes, and room


@dataclass(frozen=True)
class BigMailbox:
    server: DovecotServer
    uidvalidity: int
    recent_ids: frozenset[str]  # the Message-IDs of the 150 recent messages
    recent_uids: range


def _message(n: int, arrived: float) -> bytes:
    """A small message as a mail server stores it (LF line ends), sent 90 s
    before it arrived (so its Date is not what INTERNALDATE is taken from)."""
    when = format_datetime(datetime.fromtimestamp(arrived - 90, UTC))
    return (
        f"From: Client {n % 40} <c{n % 40}@customer.example>\n"
        f"To: {SHOP}\n"
        f"Subject: Order {n}\n"
        f"Date: {when}\n"
        f"Message-ID: <big-{n}@customer.example>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "\n"
        f"Question number {n}\n"
    ).encode()


def _arrival(n: int, now: float) -> float:
    """When message ``n`` arrived: the old ones spread over 40 to 400 days ago,
    the recent ones over the last 25 days; in order, so UIDs follow time."""
    day = 86_400.0
    if n < OLD:
        return now - day * (400 - 360 * n / OLD)
    return now - day * 25 + (n - OLD) * (day * 24.5 / RECENT)


def _write_maildir(server: DovecotServer, user: str, now: float) -> None:
    maildir = server.root / "home" / user / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    owner = pwd.getpwnam(server.mail_user) if server.mail_user else None
    host = socket.gethostname().replace("/", "\\057").replace(":", "\\072")
    pid = os.getpid()
    cur = os.open(maildir / "cur", os.O_RDONLY)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    try:
        for n in range(TOTAL):
            arrived = _arrival(n, now)
            raw = _message(n, arrived)
            seconds, usec = int(arrived), int((arrived % 1) * 1_000_000)
            vsize = len(raw) + raw.count(b"\n")  # the size with CRLF, as IMAP counts it
            name = f"{seconds}.M{usec}P{pid}Q{n}.{host},S={len(raw)},W={vsize}:2,"
            fd = os.open(name, flags, 0o600, dir_fd=cur)
            try:
                os.write(fd, raw)
                os.utime(fd, (arrived, arrived))  # the received date: INTERNALDATE
                if owner is not None:
                    os.fchown(fd, owner.pw_uid, owner.pw_gid)
            finally:
                os.close(fd)
    finally:
        os.close(cur)
    if owner is not None:
        for path in (maildir.parent, maildir, *(maildir / s for s in ("cur", "new", "tmp"))):
            os.chown(path, owner.pw_uid, owner.pw_gid)


def _parent() -> str | None:
    """A tmpfs with room for the mailbox, else the system's temp dir."""
    try:
        stat = os.statvfs(TMPFS)
    except OSError:
        return None
    room = stat.f_bavail * stat.f_frsize >= TMPFS_NEEDED and stat.f_favail > 2 * TOTAL
    return TMPFS if room and os.access(TMPFS, os.W_OK) else None


@pytest.fixture(scope="module")
def big() -> Iterator[BigMailbox]:
    parent = _parent()
    with dovecot_server(parent=parent) as server:
        server.add_user(SHOP, PASSWORD)
        now = time.time()
        started = time.monotonic()
        _write_maildir(server, SHOP, now)
        written = time.monotonic()
        status = server.doveadm(
            "-f", "flow", "mailbox", "status", "-u", SHOP, "messages uidnext uidvalidity", "INBOX"
        )
        indexed = time.monotonic()
        fields = dict(item.split("=", 1) for item in status.split() if "=" in item)
        assert int(fields["messages"]) == TOTAL and int(fields["uidnext"]) == TOTAL + 1
        recent_uids = range(OLD + 1, TOTAL + 1)
        _check_received_dates(server, now, recent_uids)
        # That session's end logged before a test reads the log from its own start.
        wait(lambda: len(_bodies_sent(server.log())) == 1, what="the checking session's end")
        print(
            f"\n[large mailbox] {TOTAL} files written in {written - started:.1f} s "
            f"({'tmpfs ' + TMPFS if parent else tempfile.gettempdir()}), "
            f"dovecot's index built in {indexed - written:.1f} s"
        )
        yield BigMailbox(
            server,
            int(fields["uidvalidity"]),
            frozenset(f"<big-{n}@customer.example>" for n in range(OLD, TOTAL)),
            recent_uids,
        )


def _check_received_dates(server: DovecotServer, now: float, recent: range) -> None:
    """dovecot took each file's mtime for its INTERNALDATE (not the Date
    header, 90 s earlier), and gave the UIDs in the files' order (by their
    names' time): a few messages on each side of the first sync's line."""
    sample = [1, 2, OLD - 1, OLD, recent[0], recent[1], TOTAL]
    with IMAPClient(server.host, server.imaps_port, ssl_context=server.client_context()) as c:
        c.login(SHOP, PASSWORD)
        c.normalise_times = False  # with its zone, as the reader reads it
        c.select_folder("INBOX", readonly=True)
        answer = c.fetch(sample, [b"INTERNALDATE", b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
    for uid in sample:
        n = uid - 1
        header = answer[uid][b"BODY[HEADER.FIELDS (MESSAGE-ID)]"]
        assert f"<big-{n}@customer.example>".encode() in header
        internal = answer[uid][b"INTERNALDATE"]
        assert abs(internal.timestamp() - _arrival(n, now)) < 1.5, (uid, internal)


_BODIES = re.compile(rb"imap\(" + re.escape(SHOP.encode()) + rb"\).*?body_count=(\d+)")


def _bodies_sent(log: str) -> list[int]:
    """For each IMAP session that ended, the messages dovecot sent the body of
    (its ``body_count`` in the disconnect line)."""
    return [int(m) for m in _BODIES.findall(log.encode())]


def _uidnext(server: DovecotServer) -> int:
    out = server.doveadm("-f", "flow", "mailbox", "status", "-u", SHOP, "uidnext", "INBOX")
    return int(out.strip().split("=", 1)[1])


def test_a_mailbox_of_100000_messages_reads_the_last_30_days_once_and_says_so(
    core: Core, big: BigMailbox
) -> None:
    server = big.server
    uidnext = _uidnext(server)  # 100,001; past the message another run delivered and expunged
    log_start = len(server.log())
    desk = MailDesk(core, server, mailbox_settings(server, first_sync_days=FIRST_SYNC_DAYS))
    delivered_uid: int | None = None
    try:
        started = time.monotonic()
        desk.start()
        desk.wait_count(RECENT, timeout=180)
        wait(lambda: desk.status().problem is not None, 60, "the first sync's note")
        synced = time.monotonic()
        reader = desk.channel.reader
        assert reader is not None
        wait(lambda: reader.idles >= 1, what="the reader idling after the first sync")

        # Exactly the recent 150, each once.
        ids = Counter(row.meta["email"]["message_id"] for row in desk.messages())
        assert set(ids) == big.recent_ids and set(ids.values()) == {1}
        assert desk.count() == RECENT
        assert {row.meta["email"]["uid"] for row in desk.messages()} == set(big.recent_uids)
        # The watermark past every UID the folder had: the old ones are behind it.
        assert desk.cursor() == f"{big.uidvalidity}:{uidnext - 1}"
        assert reader.fetched == RECENT and reader.syncs == 1
        assert reader.first_syncs["INBOX"][1:] == (RECENT, OLD)

        # Connected, and the operator is told the older mail stayed on the server.
        status = desk.status()
        assert status.state is ChannelState.CONNECTED
        since = (date.today() - timedelta(days=FIRST_SYNC_DAYS)).isoformat()
        note = OperatorError(_FIRST_SYNC_NOTE, since=since, read=RECENT, older=OLD)
        assert status.problem is not None and status.problem.template == _FIRST_SYNC_NOTE
        assert status.problem.fields == note.fields
        assert status.detail == str(note)
        assert f"({RECENT} message(s)); {OLD} older message(s) stay on the server" in status.detail
        took = synced - started
        print(f"\n[large mailbox] first sync: {RECENT} of {TOTAL} stored in {took:.1f} s")

        # The worker keeps going: a message delivered now is read by the next sync.
        server.deliver(SHOP, mail("<after-big@customer.example>"))
        desk.wait_count(RECENT + 1)
        delivered_uid = uidnext
        wait(lambda: desk.cursor() == f"{big.uidvalidity}:{delivered_uid}", what="the cursor")
        assert reader.fetched == RECENT + 1
        assert desk.state() is ChannelState.CONNECTED

        # A restart (the app opened again) fetches nothing again.
        desk.stop()
        restarted = time.monotonic()
        desk.start_again()
        again = desk.channel.reader
        assert again is not None and again is not reader
        desk.wait_state(ChannelState.CONNECTED)
        wait(lambda: again.idles >= 1, what="the restarted reader idling")
        print(f"[large mailbox] restart: synced again in {time.monotonic() - restarted:.1f} s")
        assert again.fetched == 0 and again.syncs == 0
        assert desk.count() == RECENT + 1
        ids = Counter(row.meta["email"]["message_id"] for row in desk.messages())
        assert set(ids.values()) == {1}
        desk.stop()
        # dovecot's own count, per session: the bodies of the 150 and the new one
        # (by IDLE, in the same session), then none; never the 99,850 old ones.
        wait(lambda: len(_bodies_sent(server.log()[log_start:])) >= 2, what="dovecot's log")
        assert _bodies_sent(server.log()[log_start:]) == [RECENT + 1, 0]
    finally:
        desk.stop()
        if delivered_uid is not None:  # the mailbox as it was, for the next run
            server.doveadm("expunge", "-u", SHOP, "mailbox", "INBOX", "uid", str(delivered_uid))
