"""Threading one message at a time (app/mail/threads.py) and our replies' headers
(app/mail/replies.py)."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

from app.mail.message_ids import synthetic_id
from app.mail.parse import parse
from app.mail.replies import MAX_REFERENCES_CHARS, reply_headers, trim_references
from app.mail.threads import Link, MemoryThreads, Placement, ThreadHeaders, place, thread_index_id
from tests.app.mail_corpus import CORPUS, CUSTOMER

SHOP = "shop@shop.example"
ANNA, BORIS, CLARA = "anna@customer.example", "boris@customer.example", "clara@customer.example"
T0 = datetime(2024, 1, 1, 10, tzinfo=UTC)


def mail(
    message_id: str,
    who: str,
    *,
    references: tuple[str, ...] = (),
    in_reply_to: tuple[str, ...] = (),
    subject: str = "Заказ",
    thread_index: str | None = None,
    cc: tuple[str, ...] = (),
    date: datetime = T0,
) -> ThreadHeaders:
    return ThreadHeaders(
        message_id=message_id,
        references=references,
        in_reply_to=in_reply_to,
        thread_index=thread_index,
        subject=subject,
        correspondent=who,
        participants=frozenset({who, *cc}),
        date=date,
    )


def store(threads: MemoryThreads, headers: ThreadHeaders) -> Placement:
    placement = place(headers, threads)
    threads.record(headers, placement)
    return placement


def test_a_reply_joins_by_in_reply_to_references_or_both() -> None:
    threads = MemoryThreads()
    first = store(threads, mail("<a1@c>", ANNA))
    assert first.new
    by_irt = store(threads, mail("<s1@shop>", ANNA, in_reply_to=("<a1@c>",)))
    by_refs = store(threads, mail("<a2@c>", ANNA, references=("<a1@c>", "<s1@shop>")))
    assert (by_irt.key, by_irt.link) == (first.key, Link.IN_REPLY_TO)
    assert (by_refs.key, by_refs.link) == (first.key, Link.REFERENCES)


def test_in_reply_to_that_disagrees_with_references_still_finds_the_thread() -> None:
    # chatwoot#10028: the In-Reply-To differs with the client that replied
    threads = MemoryThreads()
    first = store(threads, mail("<a1@c>", ANNA))
    reply = store(
        threads, mail("<a2@c>", ANNA, in_reply_to=("<unknown@outlook>",), references=("<a1@c>",))
    )
    assert reply.key == first.key


def test_outlook_keeps_thread_index_when_it_drops_in_reply_to() -> None:
    root = bytes(range(22))
    first_index = base64.b64encode(root).decode()
    later_index = base64.b64encode(root + b"\x01\x02\x03\x04\x05" * 2).decode()
    threads = MemoryThreads()
    first = store(threads, mail("<o1@c>", ANNA, thread_index=first_index))
    reply = store(threads, mail("<o2@c>", ANNA, subject="RE: Заказ", thread_index=later_index))
    assert (reply.key, reply.link) == (first.key, Link.THREAD_INDEX)


def test_a_reply_that_arrives_before_its_parent_is_joined_by_the_parent() -> None:
    threads = MemoryThreads()
    child = store(threads, mail("<a2@c>", ANNA, references=("<a1@c>",)))
    parent = store(threads, mail("<a1@c>", ANNA))
    assert (parent.key, parent.link) == (child.key, Link.REFERENCED_BY)


def test_replies_of_different_people_to_one_newsletter_are_different_threads() -> None:
    threads = MemoryThreads()
    anna = store(
        threads, mail("<r-anna@c>", ANNA, in_reply_to=("<news@shop>",), references=("<news@shop>",))
    )
    boris = store(
        threads,
        mail("<r-boris@c>", BORIS, in_reply_to=("<news@shop>",), references=("<news@shop>",)),
    )
    again = store(threads, mail("<r-anna2@c>", ANNA, references=("<news@shop>", "<r-anna@c>")))
    assert anna.new and boris.new and anna.key != boris.key
    assert again.key == anna.key


def test_a_colleague_the_customer_copied_joins_the_customers_thread() -> None:
    threads = MemoryThreads()
    first = store(threads, mail("<a1@c>", ANNA, cc=(CLARA,)))
    clara = store(threads, mail("<c1@c>", CLARA, in_reply_to=("<a1@c>",)))
    stranger = store(threads, mail("<b1@c>", BORIS, in_reply_to=("<a1@c>",)))
    assert clara.key == first.key
    assert stranger.new


def test_references_to_messages_we_never_saw_start_a_thread_that_later_ones_join() -> None:
    threads = MemoryThreads()
    first = store(threads, mail("<a5@c>", ANNA, references=("<lost-root@x>", "<lost-parent@x>")))
    later = store(threads, mail("<a6@c>", ANNA, references=("<lost-root@x>",)))
    assert first.new and later.key == first.key


def test_the_subject_fallback_only_for_bare_replies_from_the_same_sender_and_recent() -> None:
    threads = MemoryThreads()
    first = store(threads, mail("<a1@c>", ANNA, subject="Заказ 5512"))
    same = store(
        threads, mail("<a2@c>", ANNA, subject="Ответ: Заказ 5512", date=T0 + timedelta(days=2))
    )
    assert (same.key, same.link) == (first.key, Link.SUBJECT)
    assert store(threads, mail("<b1@c>", BORIS, subject="Re: Заказ 5512")).new  # someone else
    assert store(threads, mail("<a3@c>", ANNA, subject="Заказ 5512")).new  # a new question
    late = mail("<a4@c>", ANNA, subject="Re: Заказ 5512", date=T0 + timedelta(days=40))
    assert store(threads, late).new
    headed = mail("<a5@c>", ANNA, subject="Re: Заказ 5512", references=("<other@x>",))
    assert store(threads, headed).new  # it has headers: they decide, not the subject


def test_our_sent_message_is_what_the_customers_reply_finds() -> None:
    threads = MemoryThreads()
    question = store(threads, mail("<q1@c>", CUSTOMER))
    ours = mail("<sent-1@shop.example>", CUSTOMER, references=("<q1@c>",), in_reply_to=("<q1@c>",))
    threads.record(
        ours, Placement(question.key, Link.IN_REPLY_TO, ("<sent-1@shop.example>", "<q1@c>"))
    )
    for name in ("thunderbird_reply", "gmail_reply"):
        headers = ThreadHeaders.from_mail(parse(CORPUS[name]()), own_addresses=[SHOP.upper()])
        assert headers.correspondent == CUSTOMER
        assert place(headers, threads).key == question.key


def test_a_bounce_lands_in_the_thread_of_the_message_that_bounced() -> None:
    threads = MemoryThreads()
    question = store(threads, mail("<q@c>", "nobody@customer.example"))
    sent = mail("<sent-9@shop.example>", "nobody@customer.example", in_reply_to=("<q@c>",))
    threads.record(sent, Placement(question.key, Link.IN_REPLY_TO, ("<sent-9@shop.example>",)))
    bounce = ThreadHeaders.from_mail(parse(CORPUS["dsn_failed"]()), own_addresses=[SHOP])
    assert bounce.correspondent == "nobody@customer.example"
    assert place(bounce, threads).key == question.key


def test_a_mailing_or_a_crowd_makes_no_participants_but_its_correspondent() -> None:
    newsletter = ThreadHeaders.from_mail(parse(CORPUS["newsletter"]()), own_addresses=[])
    assert newsletter.participants == {"ivan@customer.example"}
    crowd = parse(CORPUS["huge_to_header"]())
    assert ThreadHeaders.from_mail(crowd, own_addresses=[]).participants == {
        "ivan@customer.example"
    }


def test_message_date_falls_back_to_the_servers() -> None:
    internal = datetime(2024, 5, 1, tzinfo=UTC)
    assert (
        ThreadHeaders.from_mail(parse(CORPUS["date_missing"]()), [], date=internal).date == internal
    )


def test_reply_headers_follow_rfc_5322() -> None:
    reply = reply_headers(
        "<p@x>", references=("<r1@x>", "<r2@x>"), in_reply_to=("<r2@x>",), subject="AW: Заказ"
    )
    assert reply.in_reply_to == "<p@x>"
    assert reply.references == ("<r1@x>", "<r2@x>", "<p@x>")
    assert reply.references_value == "<r1@x> <r2@x> <p@x>"
    assert reply.subject == "Re: Заказ"
    only_irt = reply_headers("<p@x>", references=(), in_reply_to=("<r2@x>",), subject="Re: x")
    assert only_irt.references == ("<r2@x>", "<p@x>")
    ambiguous = reply_headers("<p@x>", references=(), in_reply_to=("<a@x>", "<b@x>"), subject="x")
    assert ambiguous.references == ("<p@x>",)


def test_a_parent_without_a_message_id_is_not_referenced() -> None:
    reply = reply_headers(
        synthetic_id(b"raw"), references=("<r1@x>",), in_reply_to=(), subject="Вопрос"
    )
    assert reply.in_reply_to is None
    assert reply.references == ("<r1@x>",)
    assert reply.subject == "Re: Вопрос"


def test_long_references_keep_the_root_and_the_three_latest() -> None:
    ids = [f"<{i:04d}.{'x' * 40}@mail.example>" for i in range(100)]
    trimmed = trim_references(ids)
    assert len(" ".join(trimmed)) <= MAX_REFERENCES_CHARS
    assert trimmed[0] == ids[0] and trimmed[-3:] == tuple(ids[-3:])
    assert list(trimmed[1:]) == ids[len(ids) - len(trimmed) + 1 :]
    assert trim_references(ids[:5]) == tuple(ids[:5])


def test_a_reply_to_outlook_carries_its_thread_index_on() -> None:
    start = datetime(2024, 1, 1, 10, tzinfo=UTC)
    filetime = int((start - datetime(1601, 1, 1, tzinfo=UTC)).total_seconds() * 10_000_000)
    header = b"\x01" + (filetime >> 24).to_bytes(5, "big") + bytes(range(16))
    parent = base64.b64encode(header).decode()
    reply = reply_headers(
        "<p@x>", (), (), "Заказ", thread_index=parent, now=start + timedelta(hours=1)
    )
    assert reply.thread_index is not None
    child = base64.b64decode(reply.thread_index)
    assert child[:22] == header and len(child) == 27
    block = int.from_bytes(child[22:], "big")
    assert block >> 39 == 0  # within the finer time steps
    elapsed = ((block >> 8) & 0x7FFFFFFF) << 18
    assert abs(elapsed - 36_000_000_000) < 1 << 25  # one hour in 100 ns steps
    assert thread_index_id(reply.thread_index) == thread_index_id(parent)  # same conversation
    assert reply_headers("<p@x>", (), (), "x").thread_index is None
    assert reply_headers("<p@x>", (), (), "x", thread_index="not base64!").thread_index is None
