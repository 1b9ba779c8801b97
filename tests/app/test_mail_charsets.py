"""Mail bodies in the charset they are really in, whatever the label says
(app/mail/charsets.py): the cases Zammad and others got wrong."""

from __future__ import annotations

import pytest

from app.mail.charsets import codec_for, decode

RUSSIAN = [
    "Добрый день! Когда будет доставка заказа?",
    "Привет",
    "Да",
    "Ок, спасибо",
    "ПРИВЕТ ВСЕМ",
    "Заказ",
    "Иван Петров",
    "Ёлка",
    "Счёт-фактура 17 от 01.02.2024",
    "Ваш заказ: iPhone 15 Pro",
]
UKRAINIAN = [
    "Доброго дня! Коли буде доставка замовлення? Дякую, Іван",
    "Ціна вказана з ПДВ? Ґанок, їжак, є.",
    "Ціна",
    "Україна",
    "Добрий вечір, дякую за швидку відповідь!",
]
WESTERN = [
    "Café crème à la française, s'il vous plaît",
    "Grüße aus München",
    "It’s “fine” — thanks",  # cp1252's 0x92-0x97, labelled iso-8859-1 by Outlook
    "Señor Núñez",
    "Test 123 ü",
]
LIES = [None, "koi8-r", "iso-8859-1", "windows-1251", "utf-8", "x-unknown-charset", "us-ascii"]


def _cases(texts: list[str], encodings: list[str]) -> list[tuple[str, str, str | None]]:
    cases = []
    for text in texts:
        for encoding in encodings:
            try:
                text.encode(encoding)
            except UnicodeEncodeError:
                continue
            cases.extend((text, encoding, label) for label in [encoding, *LIES])
    return cases


@pytest.mark.parametrize(
    ("text", "encoding", "label"),
    _cases(RUSSIAN + UKRAINIAN, ["cp1251", "koi8-r", "koi8-u", "utf-8"])
    + _cases(WESTERN, ["cp1252", "utf-8"]),
)
def test_text_is_read_whatever_the_label_says(text: str, encoding: str, label: str | None) -> None:
    result = decode(text.encode(encoding), label)
    assert result.text == text


@pytest.mark.parametrize("encoding", ["iso-8859-5", "cp866"])
def test_rarer_cyrillic_charsets_are_read_when_labelled(encoding: str) -> None:
    for text in RUSSIAN:
        assert decode(text.encode(encoding), encoding).text == text


def test_a_correct_utf8_label_is_never_overridden() -> None:
    # zammad#6221: valid UTF-8 Cyrillic labelled utf-8 stored as Latin-1 mojibake
    text = "Ціна вказана з ПДВ"
    result = decode(text.encode(), "utf-8")
    assert (result.text, result.charset, result.guessed) == (text, "utf-8", False)


def test_utf8_with_latin1_bytes_pasted_in_keeps_both() -> None:
    # zammad#2737: one line UTF-8, one line Latin-1, labelled UTF-8
    line = "This ü is ö the ä body.\n"
    result = decode(line.encode() + line.encode("latin-1"), "UTF-8")
    assert result.text == line + line


def test_cp1251_bytes_inside_utf8_are_read_as_cp1251() -> None:
    data = "Ответ: ".encode("cp1251") + "Привет, как дела?".encode()
    assert decode(data, "utf-8").text == "Ответ: Привет, как дела?"


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("iso-8859-1", "cp1252"),
        ("US-ASCII", "cp1252"),
        ('"windows-1251"', "cp1251"),
        ("win-1251", "cp1251"),
        ("cp-1251", "cp1251"),
        ("x-cp1251", "cp1251"),
        ("koi8-r", "koi8-u"),
        ("KOI8-RU", "koi8-u"),
        ("gb2312", "gb18030"),
        ("ks_c_5601-1987", "cp949"),
        ("shift_jis", "cp932"),
        ("utf8", "utf-8"),
        ("unicode-1-1-utf-8", "utf-8"),
        ("x-mac-cyrillic", "mac-cyrillic"),
        ("iso-8859-8-i", "iso8859-8"),
        ("x-unknown", None),
        ("", None),
        (None, None),
    ],
)
def test_labels_are_read_as_whatwg_reads_them(label: str | None, codec: str | None) -> None:
    assert codec_for(label) == codec


def test_an_unknown_label_is_no_label_not_a_crash() -> None:
    # zammad#2224 crashed on a charset its runtime lacked; zammad#6340 lost the body
    assert decode("Привет, мир".encode("cp1251"), "x-no-such-charset").text == "Привет, мир"


def test_a_label_python_knows_only_as_a_superset() -> None:
    # zammad#6054: GB2312-labelled mail with characters only GB18030 has
    text = "价格 – 100 元"
    assert decode(text.encode("gb18030"), "gb2312").text == text
    # zammad#3951: the apostrophe of windows-1258 mail
    assert decode("m’établir".encode("cp1258"), "windows-1258").text == "m’établir"


def test_chinese_without_a_label_is_not_read_as_cyrillic() -> None:
    text = "你好，请问这个产品有现货吗？我们需要两件。"
    assert decode(text.encode("gbk"), None).text == text


@pytest.mark.parametrize("data", [b"", b"plain ascii", bytes(range(256)), b"\xff" * 1000])
def test_any_bytes_decode_without_raising(data: bytes) -> None:
    for label in [*LIES, "utf-16", "iso-2022-jp", "utf-7"]:
        assert isinstance(decode(data, label).text, str)


def test_seven_bit_charsets_are_decoded_by_their_label() -> None:
    text = "こんにちは"
    assert decode(text.encode("iso-2022-jp"), "iso-2022-jp").text == text
    assert decode("Привет".encode("utf-16"), "utf-16").text == "Привет"


def test_a_long_body_is_judged_on_its_non_ascii_lines() -> None:
    body = ("Order status: shipped, tracking follows.\n" * 5000 + "Спасибо за заказ!\n") * 2
    assert decode(body.encode("cp1251"), "iso-8859-1").text == body
