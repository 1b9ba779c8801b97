"""Header values of hostile mail as text (app/mail/headers.py, message_ids.py,
subjects.py): encoded words, addresses, dates, message ids, subjects."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest

from app.mail.headers import Address, addresses, decode_words, parse_date
from app.mail.message_ids import (
    is_synthetic,
    message_id_domain,
    new_message_id,
    normalise_id,
    parse_ids,
    synthetic_id,
    valid_domain,
)
from app.mail.subjects import has_reply_prefix, reply_subject, subject_key


def _word(text: str, charset: str, data: bytes | None = None) -> str:
    raw = data if data is not None else text.encode(charset)
    return f"=?{charset}?B?{base64.b64encode(raw).decode()}?="


def test_a_utf8_character_split_between_two_encoded_words_is_whole() -> None:
    data = "Заказ №5512".encode()
    split = f"{_word('', 'utf-8', data[:3])}\r\n {_word('', 'utf-8', data[3:])}"
    assert decode_words(split) == "Заказ №5512"


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (_word("Привет", "koi8-r"), "Привет"),
        (_word("Привет", "windows-1251"), "Привет"),
        ("=?utf-8?Q?Re=3A_=D0=97=D0=B0=D0=BA=D0=B0=D0=B7?=", "Re: Заказ"),
        ("=?utf-8*ru?B?0J/RgNC40LLQtdGC?=", "Привет"),  # RFC 2231 language suffix
        ("=?utf-8?B?0J/RgNC40LLQtdGC?=", "Привет"),  # missing base64 padding
        ("Hello =?utf-8?B?0J/RgNC40LLQtdGC?= world", "Hello Привет world"),
        ("=?x-unknown?B?" + base64.b64encode("Иван".encode("cp1251")).decode() + "?=", "Иван"),
        ("=?utf-8?Q?a=3?=", "a=3"),
        ("Re: \udccf\udcf0\udce8\udce2\udce5\udcf2", "Re: Привет"),  # raw 8-bit cp1251
        ("pay\u202eexe.pdf\r\n now", "payexe.pdf now"),  # bidi override and folding
        ("tab\there\x00nul", "tab here nul"),
    ],
)
def test_encoded_words_and_raw_bytes_decode(raw: str, text: str) -> None:
    assert decode_words(raw) == text


def test_addresses_from_every_kind_of_from_header() -> None:
    split = "Иван Петров".encode()
    name = f"{_word('', 'utf-8', split[:3])} {_word('', 'utf-8', split[3:])}"
    assert addresses(f"{name} <ivan@x.ua>") == (Address("Иван Петров", "ivan@x.ua"),)
    assert addresses('"Doe, John" <j@x.com>, x@y.z') == (
        Address("Doe, John", "j@x.com"),
        Address("", "x@y.z"),
    )
    assert addresses("\udcc8\udce2\udce0\udced <p@x.ru>") == (Address("Иван", "p@x.ru"),)
    assert addresses("undisclosed-recipients:;") == ()
    assert addresses("<>") == ()
    assert addresses("A <a@x>, a@X") == (Address("A", "a@x"),)  # one address once
    assert addresses("Ivan <ivan@x.ua> (work)")[0].address == "ivan@x.ua"


def test_address_key_is_case_folded_as_contacts_store_it() -> None:
    assert Address("", "Ivan.Petrov@Example.COM").key == "ivan.petrov@example.com"


def test_a_to_of_sixty_thousand_addresses_is_cut_not_parsed_for_a_minute() -> None:
    raw = ", ".join(f'"User {i}" <u{i}@x.example>' for i in range(60000))
    found = addresses(raw)
    assert len(found) == 500
    assert found[0] == Address("User 0", "u0@x.example")


@pytest.mark.parametrize(
    ("raw", "when"),
    [
        ("Mon, 1 Jan 2024 10:00:00 +0300", datetime(2024, 1, 1, 7, tzinfo=UTC)),
        ("1 Jan 2024 10:00 -0000", datetime(2024, 1, 1, 10, tzinfo=UTC)),
        ("Mon, 1 Jan 2024 10:00:00", datetime(2024, 1, 1, 10, tzinfo=UTC)),
        ("Mon,\r\n 1 Jan 2024 10:00:00 +0000", datetime(2024, 1, 1, 10, tzinfo=UTC)),
        ("garbage", None),
        ("Mon, 32 Jan 2024 10:00:00 +0000", None),
        ("Thu, 01 Jan 1970 00:00:00 +0000", None),
        ("Mon, 1 Jan 99999 10:00:00 +0000", None),
        ("", None),
        (None, None),
    ],
)
def test_dates(raw: str | None, when: datetime | None) -> None:
    assert parse_date(raw) == when


@pytest.mark.parametrize(
    ("raw", "ids"),
    [
        ("<a@b>", ("<a@b>",)),
        (" <a@b>\r\n\t<c@d>", ("<a@b>", "<c@d>")),
        ("<a@b>,<c@d>", ("<a@b>", "<c@d>")),
        ("<abc\r\n def@x>", ("<abcdef@x>",)),  # a client that folded inside an id
        ("a@b c@d", ("<a@b>", "<c@d>")),
        ("<a@b> (message from John <j@x.org>)", ("<a@b>",)),
        ("John's message of Mon <id1@h>", ("<id1@h>",)),
        ("<a@b> <c@d", ("<a@b>", "<c@d>")),  # cut off before its ">"
        ("<a@b> <a@b>", ("<a@b>",)),
        ("garbage <> <<x@y>>", ("<x@y>",)),
        ("\udcff<x@y>", ("<x@y>",)),
        ("", ()),
    ],
)
def test_message_ids_are_read_from_garbage(raw: str, ids: tuple[str, ...]) -> None:
    assert parse_ids(raw) == ids


def test_a_thread_of_a_thousand_references_keeps_the_root_and_the_latest() -> None:
    ids = parse_ids(" ".join(f"<{i}@x>" for i in range(1000)))
    assert len(ids) == 200
    assert ids[0] == "<0@x>" and ids[-1] == "<999@x>"


def test_synthetic_ids_are_stable_and_told_apart() -> None:
    assert synthetic_id(b"same bytes") == synthetic_id(b"same bytes")
    assert synthetic_id(b"same bytes") != synthetic_id(b"other bytes")
    assert is_synthetic(synthetic_id(b"x"))
    assert not is_synthetic("<x@shop.example>")
    assert normalise_id(synthetic_id(b"x")) == synthetic_id(b"x")


def test_our_message_ids() -> None:
    first, second = new_message_id("shop.example"), new_message_id("shop.example")
    assert first != second
    assert first.startswith("<") and first.endswith("@shop.example>")
    assert parse_ids(first) == (first,)
    assert message_id_domain("sales@Магазин.рф") == "xn--80aairftm.xn--p1ai"
    assert message_id_domain("sales@shop.example", "mail.shop.example") == "mail.shop.example"
    assert message_id_domain("sales@shop.example", "not a domain") == "shop.example"
    assert message_id_domain("no-at-sign") == "switchboard.invalid"
    assert valid_domain("bad_domain.example") is None
    assert valid_domain("Shop.Example.") == "shop.example"


@pytest.mark.parametrize(
    ("subject", "key", "prefixed", "reply"),
    [
        ("Re: Заказ", "заказ", True, "Re: Заказ"),
        ("RE: re: Fwd: Заказ", "заказ", True, "Re: Fwd: Заказ"),
        ("AW: Ответ: Заказ", "заказ", True, "Re: Заказ"),
        ("Відп: [Ticket #12] Замовлення 5", "замовлення 5", True, "Re: [Ticket #12] Замовлення 5"),
        ("Re[2]: Order", "order", True, "Re: Order"),
        ("Re(3): Order", "order", True, "Re: Order"),
        ("[shop] Re:  Order   5", "order 5", True, "Re: [shop] Re:  Order   5"),
        ("Order", "order", False, "Re: Order"),
        ("Research: results", "research: results", False, "Re: Research: results"),
        ("Re:", "", True, "Re:"),
    ],
)
def test_subjects(subject: str, key: str, prefixed: bool, reply: str) -> None:
    assert subject_key(subject) == key
    assert has_reply_prefix(subject) is prefixed
    assert reply_subject(subject) == reply
