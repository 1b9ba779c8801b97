"""Quoted history, forwards and signatures located, never removed (app/mail/quotes.py)."""

from __future__ import annotations

import itertools

import pytest

from app.mail.quotes import SegmentKind, own_text, segments

BODY, QUOTE, FORWARDED, SIGNATURE = (
    SegmentKind.BODY,
    SegmentKind.QUOTE,
    SegmentKind.FORWARDED,
    SegmentKind.SIGNATURE,
)


GMAIL_QUOTE = (
    "On Mon, Jan 1, 2024 at 10:00 AM Shop <\nshop@x.ua> wrote:\n\n> Shipped.\n>\n> Regards\n"
)


def _cut(text: str) -> list[tuple[SegmentKind, str]]:
    found = segments(text)
    assert "".join(text[s.start : s.end] for s in found) == text  # nothing lost, nothing twice
    assert all(a.end == b.start for a, b in itertools.pairwise(found))
    return [(s.kind, text[s.start : s.end]) for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thanks, got it.\n\n" + GMAIL_QUOTE,
            [
                (BODY, "Thanks, got it.\n\n"),
                (QUOTE, GMAIL_QUOTE),
            ],
        ),
        (
            "Привет\n\n01.01.2024 10:00, Магазин пишет:\nВаш заказ отправлен.\n",
            [
                (BODY, "Привет\n\n"),
                (QUOTE, "01.01.2024 10:00, Магазин пишет:\nВаш заказ отправлен.\n"),
            ],
        ),
        (
            "Дякую\n\nпт, 5 січ. 2024 р. о 12:34 Магазин <shop@x.ua> пише:\n> Відправлено.\n",
            [
                (BODY, "Дякую\n\n"),
                (QUOTE, "пт, 5 січ. 2024 р. о 12:34 Магазин <shop@x.ua> пише:\n> Відправлено.\n"),
            ],
        ),
        (
            "Ок\n\nпн, 1 янв. 2024 г. в 10:00, Магазин <shop@x.ua>:\n> Отправлен.\n",
            [
                (BODY, "Ок\n\n"),
                (QUOTE, "пн, 1 янв. 2024 г. в 10:00, Магазин <shop@x.ua>:\n> Отправлен.\n"),
            ],
        ),
        (
            "Да\n\nИван Петров написал(а):\n> вопрос\n",
            [(BODY, "Да\n\n"), (QUOTE, "Иван Петров написал(а):\n> вопрос\n")],
        ),
        (
            "Так\n\nІван написав(ла):\n> питання\n",
            [(BODY, "Так\n\n"), (QUOTE, "Іван написав(ла):\n> питання\n")],
        ),
    ],
)
def test_attributions_in_english_russian_and_ukrainian(
    text: str, expected: list[tuple[SegmentKind, str]]
) -> None:
    assert _cut(text) == expected


def test_an_inline_reply_alternates() -> None:
    text = "> question one?\nanswer one\n\n> question two?\n>\n> more\nanswer two\n"
    assert _cut(text) == [
        (QUOTE, "> question one?\n"),
        (BODY, "answer one\n\n"),
        (QUOTE, "> question two?\n>\n> more\n"),
        (BODY, "answer two\n"),
    ]


@pytest.mark.parametrize(
    "block",
    [
        "________________________________\nFrom: Shop <s@x>\nSent: Monday\nTo: me\n"
        "Subject: hi\n\nold text\n",
        "-----Original Message-----\nFrom: Shop\nold text\n",
        "----- Исходное сообщение -----\nОт: Магазин\nстарый текст\n",
        "От: Магазин <shop@x.ua>\nОтправлено: 1 января 2024 г. 10:00\nКому: Иван\n"
        "Тема: Заказ\n\nстарый текст\n",
        "Від: Магазин <shop@x.ua>\nНадіслано: 1 січня 2024 р.\nКому: Іван\n"
        "Тема: Замовлення\n\nстарий текст\n",
        "-----Ursprüngliche Nachricht-----\nVon: Shop\nalt\n",
    ],
)
def test_outlook_top_posting_is_quoted_to_the_end(block: str) -> None:
    assert _cut("Thank you.\n\n" + block) == [(BODY, "Thank you.\n\n"), (QUOTE, block)]


def test_a_from_line_alone_is_not_an_outlook_block() -> None:
    text = "From: the warehouse, not the office.\nPlease send it again.\n"
    assert _cut(text) == [(BODY, text)]


def test_signatures_run_to_the_next_quote() -> None:
    text = "Thanks!\n\n-- \nIvan Petrov\n+380 50 123 45 67\n\nOn Mon, Shop wrote:\n> shipped\n"
    assert _cut(text) == [
        (BODY, "Thanks!\n\n"),
        (SIGNATURE, "-- \nIvan Petrov\n+380 50 123 45 67\n\n"),
        (QUOTE, "On Mon, Shop wrote:\n> shipped\n"),
    ]
    assert _cut("Ok\n--\nIvan") == [(BODY, "Ok\n"), (SIGNATURE, "--\nIvan")]


@pytest.mark.parametrize(
    "line",
    ["Sent from my iPhone", "Отправлено с iPhone", "Надіслано з iPhone", "Get Outlook for Android"],
)
def test_mobile_signatures(line: str) -> None:
    assert _cut(f"Ok\n\n{line}\n") == [(BODY, "Ok\n\n"), (SIGNATURE, f"{line}\n")]


@pytest.mark.parametrize(
    "marker",
    [
        "---------- Forwarded message ---------",
        "-------- Пересылаемое сообщение --------",
        "-------- Переслане повідомлення --------",
        "Begin forwarded message:",
    ],
)
def test_forwarded_mail_is_its_own_kind(marker: str) -> None:
    text = f"See below.\n\n{marker}\nFrom: Bank\nPayment received.\n"
    assert _cut(text) == [
        (BODY, "See below.\n\n"),
        (FORWARDED, f"{marker}\nFrom: Bank\nPayment received.\n"),
    ]


def test_own_text_is_the_body_without_quotes_or_signature() -> None:
    text = "Thanks!\n\n-- \nIvan\n\nOn Mon, Shop wrote:\n> shipped\n"
    assert own_text(text) == "Thanks!"


@pytest.mark.parametrize("text", ["", "\n", "\r\n\r\n", ">", "-- ", "On wrote:", "a\rb\rc"])
def test_degenerate_texts(text: str) -> None:
    _cut(text)
