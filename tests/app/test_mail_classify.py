"""A person, an auto-responder, a bounce or a mailing (app/mail/classify.py): only a
person's message may make a customer waiting or create one."""

from __future__ import annotations

import pytest

from app.mail.classify import FailedRecipient, MailKind
from app.mail.parse import parse
from tests.app.mail_corpus import CORPUS, single


@pytest.mark.parametrize(
    ("name", "kind", "reason"),
    [
        ("plain_utf8", MailKind.HUMAN, ""),
        ("gmail_reply", MailKind.HUMAN, ""),
        ("outlook_reply", MailKind.HUMAN, ""),
        ("dsn_failed", MailKind.BOUNCE, "delivery-status report"),
        ("dsn_delayed", MailKind.BOUNCE, "delivery-status report"),
        ("postmaster_bounce_without_report", MailKind.BOUNCE, "from postmaster"),
        ("vacation_auto_submitted", MailKind.AUTO_REPLY, "Auto-Submitted: auto-replied"),
        ("vacation_subject_russian", MailKind.AUTO_REPLY, "subject"),
        ("vacation_subject_ukrainian", MailKind.AUTO_REPLY, "subject"),
        ("newsletter", MailKind.BULK, "Precedence: bulk"),
        ("read_receipt", MailKind.AUTO_REPLY, "disposition-notification report"),
    ],
)
def test_the_corpus_is_sorted(name: str, kind: MailKind, reason: str) -> None:
    classification = parse(CORPUS[name]()).classification
    assert (classification.kind, classification.reason) == (kind, reason)
    assert classification.from_a_person is (kind == MailKind.HUMAN)


def test_a_dsn_names_the_failed_recipient_its_status_and_what_bounced() -> None:
    bounce = parse(CORPUS["dsn_failed"]()).classification.bounce
    assert bounce is not None and bounce.failed
    assert bounce.recipients == (
        FailedRecipient(
            address="nobody@customer.example",
            action="failed",
            status="5.1.1",
            diagnostic="smtp; 550 5.1.1 <nobody@customer.example>: Recipient address rejected:"
            " User unknown",
        ),
    )
    assert bounce.original_message_id == "<sent-9@shop.example>"


def test_a_dsn_of_delays_only_is_not_a_failure() -> None:
    bounce = parse(CORPUS["dsn_delayed"]()).classification.bounce
    assert bounce is not None and not bounce.failed
    assert bounce.recipients[0].status == "4.4.1"


@pytest.mark.parametrize(
    ("extra", "kind"),
    [
        ("Auto-Submitted: no\n", MailKind.HUMAN),
        ("Auto-Submitted: auto-generated\n", MailKind.AUTO_REPLY),
        ("Auto-Submitted: Auto-Replied; owner-email=x@y\n", MailKind.AUTO_REPLY),
        ("X-Autoreply: yes\n", MailKind.AUTO_REPLY),
        ("X-Autorespond: Vacation\n", MailKind.AUTO_REPLY),
        ("Precedence: auto_reply\n", MailKind.AUTO_REPLY),
        ("Precedence: junk\n", MailKind.BULK),
        ("Precedence: list\n", MailKind.BULK),
        ("List-Id: <news.shop.example>\n", MailKind.BULK),
        ("List-Unsubscribe: <mailto:u@x>\n", MailKind.BULK),
        ("Return-Path: <>\n", MailKind.AUTO_REPLY),
        ("Return-Path: <ivan@customer.example>\n", MailKind.HUMAN),
    ],
)
def test_headers(extra: str, kind: MailKind) -> None:
    assert parse(single("text/plain", "x", extra)).kind == kind


@pytest.mark.parametrize(
    ("subject", "kind"),
    [
        ("Automatic reply: Your order", MailKind.AUTO_REPLY),
        ("Out of Office: Re: Order", MailKind.AUTO_REPLY),
        ("Автоответ: Заказ", MailKind.AUTO_REPLY),
        ("Автоматический ответ: Заказ", MailKind.AUTO_REPLY),
        ("Автовідповідь: Замовлення", MailKind.AUTO_REPLY),
        ("Abwesenheitsnotiz: Bestellung", MailKind.AUTO_REPLY),
        ("Vacation rental question", MailKind.HUMAN),
        ("OOO Romashka: invoice", MailKind.HUMAN),
        ("Re: ответ на ваш вопрос", MailKind.HUMAN),
    ],
)
def test_subjects(subject: str, kind: MailKind) -> None:
    assert parse(single("text/plain", "x", subject=subject)).kind == kind
