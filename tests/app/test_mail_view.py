"""An email as the conversation view shows it (app/mail_view.py): the quoted
history and signature folded, the headers read defensively, remote images
blocked until the operator allows them for that message (recorded on the row),
and the composer's subject and Cc checked before anything is queued."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

import pytest
from sqlmodel import select

from app.core import Core
from app.mail.parse import ParsedMail, parse
from app.mail.quotes import SegmentKind
from app.mail.view import Party, cc_text, mail_headers, visible_parts
from app.mail_view import MailViewError, reply_fields
from app.models import Conversation, Interaction
from tests.app.mail_rows import ANNA, mail_meta, store_mail

REPLY = (
    "Добрий день!\n\nРозмір M підходить, беру.\n\n-- \nАнна\nтел. +380501234567\n\n"
    "чт, 3 груд. 2026 р. о 18:02 Магазин <shop@shop.example> пише:\n"
    "> Чи підходить вам розмір M?\n> Гарного вечора!\n"
)
HOSTILE_HTML = (
    "<p onclick='x()'>Ось фото</p><script>alert(1)</script>"
    "<img src='https://tracker.example/p.gif' width=1 height=1>"
    "<img src='cid:logo@shop'><a href='javascript:alert(2)'>link</a>"
)


def _raw(html: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = "Анна <anna@customer.example>"
    message["To"] = "Магазин <shop@shop.example>"
    message["Cc"] = '"Petrenko, Olena" <olena@customer.example>'
    message["Subject"] = "Re: Замовлення 42"
    message["Message-ID"] = "<a1@customer.example>"
    message.set_content(REPLY)
    if html is not None:
        message.add_alternative(html, subtype="html")
    return message.as_bytes()


def _stored(core: Core, mail: ParsedMail) -> int:
    interaction_id = store_mail(core, mail).interaction_id
    assert interaction_id is not None
    return interaction_id


def test_the_quoted_history_and_the_signature_are_folded_the_words_shown() -> None:
    mail = parse(_raw())
    headers = mail_headers(mail_meta(mail))
    assert headers is not None
    assert headers.subject == "Re: Замовлення 42"
    assert headers.sender == Party("Анна", ANNA)
    assert headers.cc == (Party("Petrenko, Olena", "olena@customer.example"),)
    parts = visible_parts(mail.text, headers.segments)
    shown = [p.text for p in parts if not p.folded]
    folded = "\n".join(p.text for p in parts if p.folded)
    assert shown == ["Добрий день!\n\nРозмір M підходить, беру."]
    assert "Анна\nтел. +380501234567" in folded and "> Чи підходить" in folded
    # Nothing is dropped: shown and folded together are the whole text.
    assert sum(len(p.text.strip()) for p in parts) <= len(mail.text)
    assert all(p.text.strip() in mail.text for p in parts)


def test_segments_that_do_not_fit_the_text_show_it_whole() -> None:
    text = "Привіт\n> цитата"
    misfit = mail_headers({"email": {"segments": [["body", 0, 3], ["quote", 5, 99]]}})
    assert misfit is not None
    for segments in ((), misfit.segments):
        (whole,) = visible_parts(text, segments)
        assert whole.text == text and not whole.folded and whole.kind is SegmentKind.BODY
    assert visible_parts("", misfit.segments) == []


def test_headers_of_the_wrong_type_are_left_out_not_an_error() -> None:
    assert mail_headers({}) is None
    assert mail_headers({"email": "nonsense"}) is None
    headers = mail_headers(
        {
            "email": {
                "subject": 5,
                "from": "anna",
                "to": [["", ""], ["A", "a@x.ua"], 7],
                "segments": [["nonsense", 0, 1]],
                "remote_images": "x",
            }
        }
    )
    assert headers is not None
    assert (headers.subject, headers.sender, headers.to) == ("", None, (Party("A", "a@x.ua"),))
    assert headers.segments == () and headers.remote_images == 0 and not headers.has_html


def test_remote_images_stay_blocked_until_the_operator_allows_them_for_that_message(
    core: Core,
) -> None:
    interaction_id = _stored(core, parse(_raw(HOSTILE_HTML)))
    blocked = core.mail_bodies.html(interaction_id)
    assert blocked is not None and not blocked.remote_allowed
    assert blocked.remote_images == ("https://tracker.example/p.gif",)
    assert "tracker.example/p.gif'" not in blocked.html.replace('"', "'").split("title=")[0]
    assert 'src="https://tracker.example' not in blocked.html
    core.mail_bodies.allow_remote_images(interaction_id)
    core.mail_bodies.allow_remote_images(interaction_id)  # again: nothing more to do
    allowed = core.mail_bodies.html(interaction_id)
    assert allowed is not None and allowed.remote_allowed
    assert 'src="https://tracker.example/p.gif"' in allowed.html
    for unsafe in ("<script", "alert(1)", "javascript:", "onclick"):
        assert unsafe not in allowed.html  # sanitised again, only the images let through
    with core.db.session() as s:
        row = s.get(Interaction, interaction_id)
        assert row is not None
        assert row.meta["email"]["remote_allowed"] is True
        assert row.meta["email"]["subject"] == "Re: Замовлення 42"  # the rest kept
    headers = mail_headers(row.meta)
    assert headers is not None and headers.remote_allowed and headers.remote_images == 1


def test_a_message_without_html_has_no_html_view_and_a_missing_one_is_an_error(
    core: Core,
) -> None:
    interaction_id = _stored(core, parse(_raw()))
    assert core.mail_bodies.html(interaction_id) is None
    with pytest.raises(MailViewError):
        core.mail_bodies.html(interaction_id + 1000)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", []),
        ("olena@customer.example", [["", "olena@customer.example"]]),
        (
            '"Petrenko, Olena" <olena@customer.example>; boris@x.ua,\nboris@X.UA',
            [["Petrenko, Olena", "olena@customer.example"], ["", "boris@x.ua"]],
        ),
        ("Ольга <olga@магазин.укр>", [["Ольга", "olga@магазин.укр"]]),
    ],
)
def test_the_composers_cc_is_read_as_mail_clients_read_it(typed: str, expected: Any) -> None:
    assert reply_fields("Re: Замовлення 42", typed) == {
        "cc": expected,
        "subject": "Re: Замовлення 42",
    }


@pytest.mark.parametrize("typed", ["olena", "olena@", "a@b.ua, not an address", "<>"])
def test_a_wrong_cc_is_refused_naming_it(typed: str) -> None:
    with pytest.raises(MailViewError) as refused:
        reply_fields("Тема", typed)
    assert "in Cc is not an email address" in str(refused.value)


def test_the_subject_is_one_line_and_not_endless() -> None:
    assert reply_fields("  Re:\n Замовлення\t42 ", "") == {"cc": [], "subject": "Re: Замовлення 42"}
    assert reply_fields("", "") == {"cc": []}  # the thread's subject is used
    with pytest.raises(MailViewError):
        reply_fields("x" * 1000, "")
    with pytest.raises(MailViewError):
        reply_fields("Тема", ", ".join(f"c{n}@x.ua" for n in range(21)))


def test_cc_text_is_read_back_the_same() -> None:
    cc = (
        Party("Petrenko, Olena", "olena@customer.example"),
        Party('Boris "the buyer"', "boris@x.ua"),
        Party("", "clara@x.ua"),
    )
    assert reply_fields("", cc_text(cc))["cc"] == [[p.name, p.address] for p in cc]


def test_the_reply_keeps_its_subject_and_cc_on_its_row_for_the_channel(core: Core) -> None:
    interaction_id = _stored(core, parse(_raw()))
    with core.db.session() as s:
        conversation = s.exec(select(Conversation)).one()
        assert conversation.id is not None
        conversation_id = conversation.id
    fields = reply_fields("Re: Замовлення 42 (розмір)", "olena@customer.example")
    queued = core.outbox.queue(
        conversation_id, "Дякуємо!", operator="Оля", idempotency_key="k1", email=fields
    )
    row = core.timeline.get(queued.interaction_id)
    assert row.meta["email"] == fields
    assert interaction_id != queued.interaction_id
