"""A mailbox whose server misbehaves, against a real dovecot: connections cut in
the middle of a fetch, the server stopped mid-sync, UIDVALIDITY changed under
the app, an outage backfilled from the watermark, 2,000 messages at the first
sync, a server without IDLE; and the statuses for a wrong password, a
certificate nobody vouches for and a server that drops clients after the
greeting. Nothing stored is lost or doubled."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from imapclient import IMAPClient
from sqlmodel import select

from app.core import Core
from app.models import Conversation
from integrations.base import ChannelState
from integrations.email.settings import Endpoint, Security
from tests.integrations.email_desk import PASSWORD, SHOP, MailDesk, mail, mailbox_settings, wait
from tests.servers.dovecot import CuttingProxy, DovecotServer, DroppingServer


@pytest.fixture
def mailbox(dovecot: DovecotServer) -> DovecotServer:
    dovecot.add_user(SHOP, PASSWORD)
    return dovecot


@pytest.fixture
def desks() -> Iterator[list[MailDesk]]:
    started: list[MailDesk] = []
    yield started
    for desk in started:
        desk.stop()


def _desk(desks: list[MailDesk], core: Core, dovecot: DovecotServer, **kw: object) -> MailDesk:
    port = kw.pop("port", None)
    settings = mailbox_settings(dovecot, port=port, **kw.pop("settings", {}))  # type: ignore[arg-type]
    desk = MailDesk(core, dovecot, settings, **kw)  # type: ignore[arg-type]
    desks.append(desk)
    return desk


def _bulk(count: int, prefix: str, *, padding: int = 0) -> list[bytes]:
    """``count`` messages from as many customers (the text padded to a size)."""
    return [
        mail(
            f"<{prefix}{n}@customer.example>",
            sender=f"c{n % 40}@customer.example",
            name=f"Клієнт {n % 40}",
            subject=f"Питання {n}",
            text=f"Питання номер {n}\n" + "ї" * padding,
        )
        for n in range(count)
    ]


def _assert_each_once(desk: MailDesk, prefix: str, count: int) -> None:
    ids = Counter(row.external_id for row in desk.messages())
    wanted = {f"{desk.account_id}:<{prefix}{n}@customer.example>" for n in range(count)}
    assert set(ids) >= wanted
    assert all(ids[i] == 1 for i in wanted)
    with desk.core.db.session() as s:
        unread = sum(c.unread_count for c in s.exec(select(Conversation)))
    assert unread == len(ids)  # each message counted once in its conversation


def test_a_connection_cut_in_the_middle_of_fetches_resumes_by_uid(
    core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    mailbox.deliver(SHOP, *_bulk(120, "cut", padding=8000))  # ~16 KB each
    proxy = CuttingProxy(mailbox.imaps_port)
    try:
        # Every connection is cut after 700 KB from the server: in the middle
        # of the second or third chunk of 20, again and again.
        proxy.cut_after(700_000)
        desk = _desk(desks, core, mailbox, port=proxy.port, fetch_chunk=20).start()
        wait(lambda: proxy.cuts >= 2, what="two cuts")
        assert 0 < desk.count() < 120  # it stored what came whole, and stopped there
        desk.wait_count(120, timeout=90)
        _assert_each_once(desk, "cut", 120)
        assert desk.cursor() == f"{mailbox.uidvalidity(SHOP)}:120"
        assert proxy.cuts >= 3
    finally:
        proxy.close()


def test_the_server_stopped_mid_sync_then_started_again_loses_and_doubles_nothing(
    core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    mailbox.deliver(SHOP, *_bulk(400, "stop"))
    desk = _desk(desks, core, mailbox, fetch_chunk=25).start()
    desk.wait_count(50)
    mailbox.stop()
    status = desk.wait_state(ChannelState.NOT_REACHABLE)
    assert "127.0.0.1" in status.detail
    stored_during_outage = desk.count()
    assert stored_during_outage < 400
    mailbox.start()
    desk.wait_count(400, timeout=90)
    desk.wait_state(ChannelState.CONNECTED)
    _assert_each_once(desk, "stop", 400)


def test_an_outage_is_backfilled_from_the_watermark_not_the_last_n(
    core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    mailbox.deliver(SHOP, *_bulk(3, "before"))
    desk = _desk(desks, core, mailbox, fetch_chunk=10).start()
    desk.wait_count(3)
    desk.stop()  # the app closed, or the network down for hours
    mailbox.deliver(SHOP, *_bulk(250, "during"))
    desk.start_again()
    desk.wait_count(253, timeout=90)
    _assert_each_once(desk, "during", 250)
    _assert_each_once(desk, "before", 3)


def test_a_uidvalidity_change_reads_the_folder_again_without_duplicates(
    core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    mailbox.deliver(SHOP, *_bulk(5, "uv"))
    desk = _desk(desks, core, mailbox).start()
    desk.wait_count(5)
    old = mailbox.uidvalidity(SHOP)
    wait(lambda: desk.cursor() == f"{old}:5", what="the cursor at 5")
    mailbox.set_uidvalidity(SHOP, "INBOX", old + 1000)
    mailbox.kick(SHOP)  # the reader connects again and sees the new UIDVALIDITY
    mailbox.deliver(SHOP, mail("<uv-new@customer.example>"))
    desk.wait_count(6)
    wait(lambda: desk.cursor() == f"{old + 1000}:6", what="the new UIDVALIDITY's cursor")
    _assert_each_once(desk, "uv", 5)
    assert desk.count() == 6


def test_a_reader_whose_idle_session_the_server_ends_connects_again_at_once(
    core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    # IDLE renewal is 10 minutes here: a reader that kept idling on the dead
    # socket (imapclient's idle_check takes EOF for silence) would miss the mail.
    desk = _desk(desks, core, mailbox).start()
    mailbox.deliver(SHOP, mail("<kick-1@customer.example>"))
    desk.wait_count(1)
    reader = desk.channel.reader
    assert reader is not None
    wait(lambda: reader.idles >= 1, what="the reader idling")
    mailbox.kick(SHOP)  # dovecot says BYE and closes
    mailbox.deliver(SHOP, mail("<kick-2@customer.example>"))
    desk.wait_count(2, timeout=10)
    desk.wait_state(ChannelState.CONNECTED)
    ids = Counter(row.external_id for row in desk.messages())
    assert ids == Counter(f"{desk.account_id}:<kick-{n}@customer.example>" for n in (1, 2))
    wait(lambda: reader.idles >= 2, what="idling again on the new connection")


def test_a_folder_made_again_with_the_same_mail_adds_nothing(
    core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    messages = _bulk(4, "re")
    mailbox.deliver(SHOP, *messages, folder="Support")
    desk = _desk(desks, core, mailbox, poll_s=0.5, settings={"folders": ("INBOX", "Support")})
    desk.start()
    desk.wait_count(4)
    first = desk.cursor("Support")
    mailbox.recreate(SHOP, "Support")
    mailbox.deliver(SHOP, *messages, mail("<re-new@customer.example>"), folder="Support")
    desk.wait_count(5)
    wait(lambda: desk.cursor("Support") not in (None, first), what="the new cursor")
    _assert_each_once(desk, "re", 4)
    assert desk.count() == 5


def test_two_thousand_messages_at_the_first_sync(
    core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    mailbox.deliver(SHOP, *_bulk(2000, "big"))
    desk = _desk(desks, core, mailbox).start()
    desk.wait_count(2000, timeout=300)
    _assert_each_once(desk, "big", 2000)
    wait(lambda: desk.cursor() == f"{mailbox.uidvalidity(SHOP)}:2000", what="the cursor")


def test_the_first_sync_reads_only_the_days_it_is_set_to(
    core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    with IMAPClient(
        mailbox.host, mailbox.imaps_port, ssl_context=mailbox.client_context()
    ) as client:
        client.login(SHOP, PASSWORD)
        old = datetime.now(UTC) - timedelta(days=40)
        client.append("INBOX", mail("<old@customer.example>", date=old), msg_time=old)
    mailbox.deliver(SHOP, mail("<recent@customer.example>"))
    desk = _desk(desks, core, mailbox, settings={"first_sync_days": 30}).start()
    desk.wait_count(1)
    wait(lambda: desk.cursor() == f"{mailbox.uidvalidity(SHOP)}:2", what="the cursor past both")
    (row,) = desk.messages()
    assert row.meta["email"]["message_id"] == "<recent@customer.example>"


def test_without_idle_new_mail_is_found_by_polling(
    core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    mailbox.restart(idle=False)
    desk = _desk(desks, core, mailbox, poll_s=0.3).start()
    desk.wait_state(ChannelState.CONNECTED)
    wait(lambda: desk.cursor() is not None, what="the first sync")
    mailbox.deliver(SHOP, mail("<polled@customer.example>"))
    desk.wait_count(1)
    assert desk.channel.reader is not None and desk.channel.reader.idle_supported is False


def test_a_wrong_password_is_auth_failed_in_the_servers_words(
    core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    desk = _desk(desks, core, mailbox, password="wrong").start()
    status = desk.wait_state(ChannelState.AUTH_FAILED)
    assert "Authentication failed" in status.detail  # dovecot's [AUTHENTICATIONFAILED] words
    assert "wrong" not in status.detail


def test_a_self_signed_certificate_is_a_certificate_problem_never_a_downgrade(
    core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    mailbox.restart(self_signed=True)
    desk = _desk(desks, core, mailbox).start()
    status = desk.wait_state(ChannelState.MISCONFIGURED)
    assert "self-signed certificate" in status.detail
    assert desk.count() == 0


def test_starttls_verifies_the_certificate_too(
    core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    mailbox.restart(self_signed=True)
    imap = Endpoint(mailbox.host, mailbox.imap_port, Security.STARTTLS)
    desk = _desk(desks, core, mailbox, settings={"imap": imap}).start()
    status = desk.wait_state(ChannelState.MISCONFIGURED)
    assert "self-signed certificate" in status.detail


def test_a_server_that_drops_clients_after_the_greeting_is_not_reachable_and_retried(
    core: Core, mailbox: DovecotServer, desks: list[MailDesk]
) -> None:
    server = DroppingServer()
    try:
        desk = _desk(
            desks,
            core,
            mailbox,
            settings={"imap": Endpoint("127.0.0.1", server.port, Security.STARTTLS)},
        ).start()
        status = desk.wait_state(ChannelState.NOT_REACHABLE)
        assert "closed the connection" in status.detail or "127.0.0.1" in status.detail
        wait(lambda: server.connections >= 3, what="retries")
    finally:
        server.close()
