"""The hostile corpus through ``parse`` (app/mail/parse.py): what each message becomes."""

from __future__ import annotations

import zipfile
from io import BytesIO

import pytest

from app.mail.parse import MailAttachment, ParsedMail, TextSource, parse
from app.mail.quotes import SegmentKind
from tests.app.mail_corpus import (
    CORPUS,
    RUSSIAN,
    RUSSIAN_KOI8,
    UKRAINIAN,
    attachment,
    multipart,
    part,
)


def corpus(name: str, **kwargs: int) -> ParsedMail:
    return parse(CORPUS[name](), **kwargs)


def only_attachment(mail: ParsedMail) -> MailAttachment:
    assert len(mail.attachments) == 1, mail.attachments
    return mail.attachments[0]


def test_a_plain_message() -> None:
    mail = corpus("plain_utf8")
    assert mail.message_id == "<m1@customer.example>" and not mail.message_id_synthetic
    assert mail.sender is not None and (mail.sender.name, mail.sender.address) == (
        "Ivan",
        "ivan@customer.example",
    )
    assert [a.address for a in mail.to] == ["shop@shop.example"]
    assert mail.subject == "Hello"
    assert mail.date is not None and mail.date.isoformat() == "2024-01-01T08:00:00+00:00"
    assert (mail.text, mail.text_source, mail.html) == (RUSSIAN, TextSource.PLAIN, None)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("cp1251_labelled_koi8r", RUSSIAN),
        ("cp1251_labelled_iso88591", RUSSIAN),
        ("cp1251_no_label", RUSSIAN),
        ("koi8r_no_label", RUSSIAN_KOI8),
        ("koi8u_labelled_cp1251", UKRAINIAN),
        ("cp1251_ukrainian_labelled_koi8u", UKRAINIAN),
        ("utf8_labelled_cp1251", RUSSIAN),
        ("utf8_correct", UKRAINIAN),
        ("unknown_charset_label", RUSSIAN),
        ("html_meta_charset", RUSSIAN),
        ("quoted_printable_cp1251", RUSSIAN * 3),
        ("raw_8bit_headers", RUSSIAN),
    ],
)
def test_bodies_in_the_charset_they_are_really_in(name: str, text: str) -> None:
    assert corpus(name).text == text


def test_headers_in_encoded_words_or_raw_bytes() -> None:
    assert corpus("encoded_word_split").subject == "Заказ №5512 — оплата"
    raw = corpus("raw_8bit_headers")
    assert raw.subject == "Вопрос по заказу"
    assert raw.sender is not None and raw.sender.name == "Иван Петров"
    assert corpus("outlook_reply_russian").subject == "Ответ: Ваш заказ"


def test_plain_text_is_preferred_and_html_kept_sanitised() -> None:
    mail = corpus("gmail_reply")
    assert mail.text_source == TextSource.PLAIN
    assert mail.text.startswith("Got it, thanks!\n\nOn Mon, Jan 1, 2024")
    assert mail.html is not None and "<blockquote" in mail.html.html
    assert mail.unsafe_html is not None and 'class="gmail_quote"' in mail.unsafe_html
    assert [s.kind for s in mail.segments] == [SegmentKind.BODY, SegmentKind.QUOTE]


def test_html_only_mail_gets_its_text_from_the_sanitised_html() -> None:
    mail = corpus("html_script")
    assert (mail.text, mail.text_source) == ("Hello there", TextSource.HTML)
    assert mail.html is not None and "script" not in mail.html.html.lower()
    quoted = corpus("html_only_gmail_quote")
    assert (
        quoted.text == "Ok, I will wait.\nOn Mon, Jan 1, 2024 Shop wrote:\n\n> We ship on Monday."
    )
    assert [s.kind for s in quoted.segments] == [SegmentKind.BODY, SegmentKind.QUOTE]


def test_tracking_pixels_are_blocked_and_listed() -> None:
    mail = corpus("tracking_pixel")
    assert mail.html is not None
    assert mail.html.remote_images == (
        "https://track.example/open?id=42",
        "//cdn.example/logo.png",
        "http://plain.example/p.gif",
    )
    assert 'src="https://' not in mail.html.html


def test_inline_images_are_attachments_the_html_points_at() -> None:
    mail = corpus("cid_inline_image")
    image = only_attachment(mail)
    assert (image.content_type, image.content_id, image.inline, image.filename) == (
        "image/png",
        "logo@shop.example",
        True,
        "image.png",
    )
    assert image.data is not None and image.data.startswith(b"\x89PNG")
    assert mail.html is not None and 'src="cid:logo@shop.example"' in mail.html.html
    assert mail.html.missing_inline == ("gone@x",)


@pytest.mark.parametrize(
    ("name", "filename"),
    [
        ("filename_path_traversal", "passwd"),
        ("filename_windows_path", "system.ini"),
        ("filename_nul", "invoice_.exe"),
        ("filename_rtl_override", "invoicefdp.exe"),
        ("filename_reserved", "_CON.txt"),
        ("filename_rfc2231_continuation", "Счет N5.pdf"),
        ("filename_encoded_word", "Счет №5.pdf"),
        ("filename_raw_8bit", "Счёт №5.pdf"),
    ],
)
def test_attachment_names_are_safe_and_readable(name: str, filename: str) -> None:
    assert only_attachment(corpus(name)).filename == filename


def test_a_300_character_name_fits_and_keeps_its_extension() -> None:
    name = only_attachment(corpus("filename_300_chars")).filename
    assert len(name.encode()) <= 255 and name.endswith(".pdf") and name.startswith("ффф")


def test_a_zip_bomb_is_just_a_file() -> None:
    raw = CORPUS["zip_bomb"]()
    archive = only_attachment(parse(raw))
    assert (archive.filename, archive.content_type, archive.too_large) == (
        "prices.zip",
        "application/zip",
        False,
    )
    assert archive.data is not None and archive.size == len(archive.data) < 1024 * 1024
    assert zipfile.ZipFile(BytesIO(archive.data)).infolist()[0].file_size == 200 * 1024 * 1024


def test_a_30_mb_attachment_is_too_large_with_its_size_and_no_data() -> None:
    mail = corpus("attachment_30mb")
    video = only_attachment(mail)
    assert (video.filename, video.content_type, video.too_large, video.data) == (
        "video.mp4",
        "video/mp4",
        True,
        None,
    )
    assert abs(video.size - 30 * 1024 * 1024) < 64
    assert mail.text == "The video"


def test_the_attachment_limit_is_the_callers() -> None:
    def with_file(size: int) -> ParsedMail:
        raw = multipart(
            "mixed",
            [part("Content-Type: text/plain", "x"), attachment('filename="f.bin"', b"\x01" * size)],
        )
        return parse(raw, max_attachment_bytes=1000)

    at_limit, over = only_attachment(with_file(1000)), only_attachment(with_file(1001))
    assert (at_limit.too_large, at_limit.size, len(at_limit.data or b"")) == (False, 1000, 1000)
    assert (over.too_large, over.size, over.data) == (True, 1001, None)


@pytest.mark.parametrize(
    ("name", "subject", "note"),
    [
        ("header_1mb_many_fields", "After junk", "fields dropped"),
        ("header_1mb_single_field", "Huge one", "1 fields dropped"),
    ],
)
def test_a_header_block_over_1_mb_keeps_what_is_read(name: str, subject: str, note: str) -> None:
    mail = corpus(name)
    assert mail.subject == subject
    assert mail.sender is not None and mail.sender.address == "ivan@customer.example"
    assert mail.text in ("body", "still readable")
    assert any(note in d for d in mail.defects)


def test_a_to_of_2_mb_is_cut_to_the_first_addresses() -> None:
    mail = corpus("huge_to_header")
    assert len(mail.to) == 500 and mail.to[0].address == "u0@x.example"
    assert any("1 cut short" in d for d in mail.defects)


def test_broken_mime_is_read_as_far_as_it_goes() -> None:
    wrong = corpus("broken_boundary_declared_wrong")
    assert wrong.text == "The text."
    assert [a.filename for a in wrong.attachments] == ["a.pdf"]
    unclosed = corpus("missing_close_boundary")
    assert unclosed.text == "First part."
    assert only_attachment(unclosed).data == b"a,b\r\n1,2"  # the last line end is the boundary's
    truncated = corpus("truncated_base64")
    assert truncated.text == "See attached." and only_attachment(truncated).size > 0
    assert corpus("no_boundary_at_all").text == "Just text, no parts."
    assert corpus("content_type_garbage").text == "odd header, readable body"
    assert corpus("invalid_base64_text").text == "!!!not base64 at all***"


def test_a_nested_message_is_one_attachment_with_its_subject() -> None:
    mail = corpus("nested_rfc822")
    inner = only_attachment(mail)
    assert (inner.filename, inner.content_type, inner.embedded_subject) == (
        "Счет №5.eml",
        "message/rfc822",
        "Счет №5",
    )
    assert inner.data is not None and b"<inner@bank.example>" in inner.data
    assert mail.text == "Forwarding the bank's letter."
    encoded = only_attachment(corpus("nested_rfc822_base64"))
    assert encoded.embedded_subject == "Encoded inner" and encoded.data is not None


def test_deep_nesting_and_too_many_parts() -> None:
    forty = corpus("deep_nesting_40")
    assert any("deeper than 30" in d for d in forty.defects)
    deep = corpus("deep_nesting_3000")
    assert only_attachment(deep).filename == "message.eml"
    assert deep.subject == "Hello"
    many = corpus("many_parts")
    assert any("more than 500" in d for d in many.defects)
    assert many.text.startswith("part 0\n\npart 1")


def test_a_message_without_message_id_gets_a_stable_marked_one() -> None:
    raw = CORPUS["no_message_id"]()
    first, again, other = parse(raw), parse(raw), parse(raw + b"!")
    assert first.message_id_synthetic and first.message_id == again.message_id != other.message_id


def test_threading_headers_however_mangled() -> None:
    mail = corpus("references_garbage")
    assert mail.in_reply_to == ("<parent@shop.example>",)
    assert mail.references == (
        "<root@shop.example>",
        "<middle@shop.example>",
        "<bad>",
        "<parent@shop.example>",
        "<unterminated@shop.example>",
    )
    outlook = corpus("outlook_reply")
    assert outlook.thread_index == "AAECAwQFBgcICQoLDA0ODxAREhMUFQECAwQF"
    assert outlook.in_reply_to == () and outlook.references == ()


@pytest.mark.parametrize("name", ["date_missing", "date_garbage"])
def test_a_missing_or_bad_date_is_none(name: str) -> None:
    assert corpus(name).date is None


def test_apple_mails_text_around_an_image_is_one_text() -> None:
    mail = corpus("apple_mail_inline")
    assert mail.text == "Here is the photo:\n\nIs it broken?"
    assert only_attachment(mail).filename == "photo.png"


def test_a_bounce_lists_its_report_parts() -> None:
    names = [a.filename for a in corpus("dsn_failed").attachments]
    assert names == ["delivery-status.txt", "headers.txt"]


def test_garbage_and_empty_messages() -> None:
    garbage = corpus("binary_garbage")
    assert garbage.message_id_synthetic
    assert "\x00" not in garbage.text and "\x1b" not in garbage.text  # PostgreSQL refuses NUL
    empty = corpus("headers_only")
    assert (empty.text, empty.text_source, empty.attachments) == ("", TextSource.NONE, ())
    assert parse(b"").message_id_synthetic
    assert corpus("utf16_body").text == "Привет"
