"""Importing customers from CSV and vCard, on SQLite and PostgreSQL.

The files are built here in the encodings real exports use (cp1251, UTF-8 with
BOM, quoted-printable vCard 2.1), so each test shows the exact bytes it feeds.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from app.core import Core
from app.customers import ContactInput
from app.import_common import ImportFileError, ImportIssue
from app.importers import CustomerImporter, ImportReport, read_file
from app.models import ContactPoint, Customer


def snapshot(core: Core) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Every customer and contact row as stored: equal snapshots mean nothing changed."""
    with core.db.session() as s:
        customers = [
            (c.id, c.name, c.company, c.notes, c.tags, c.owner, c.updated_at)
            for c in s.exec(select(Customer).order_by(col(Customer.id)))
        ]
        points = [
            (p.id, p.customer_id, p.kind, p.raw, p.normalized, p.label)
            for p in s.exec(select(ContactPoint).order_by(col(ContactPoint.id)))
        ]
    return customers, points


def stored(core: Core) -> dict[str, list[tuple[str, str]]]:
    """name -> [(kind, normalized)] for every customer."""
    out: dict[str, list[tuple[str, str]]] = {}
    with core.db.session() as s:
        for c in s.exec(select(Customer).order_by(col(Customer.id))):
            points = s.exec(
                select(ContactPoint)
                .where(ContactPoint.customer_id == c.id)
                .order_by(col(ContactPoint.id))
            )
            out[c.name] = [(p.kind, p.normalized) for p in points]
    return out


def errors(report: ImportReport) -> list[tuple[int | None, int | None, str]]:
    return [(i.line, i.card, i.field) for i in report.errors]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def csv_bytes(lines: list[str], encoding: str) -> bytes:
    return "\r\n".join(lines).encode(encoding) + b"\r\n"


# --- CSV -------------------------------------------------------------------


def test_cp1251_semicolon_russian_headers(core: Core, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "shop.csv",
        csv_bytes(
            [
                "ФИО;Телефон;E-mail;Компания;Комментарий;Город",
                "Иванов Иван;050 123 45 67, 067-765-43-21;Ivan@Shop.UA;ООО Ромашка;VIP;Киев",
                ";;;;;",  # spreadsheets leave these at the end of a range
                "  Петрова   Ольга ;+380 (44) 222-33-44;;;;",
                ";+38 063 000 11 22;;;;Львов",  # no name: the phone stands in
            ],
            "cp1251",
        ),
    )
    report = CustomerImporter(core.customers).import_file(path)
    assert report.ok, report.errors
    assert (report.encoding, report.total, report.valid, report.imported) == ("cp1251", 3, 3, 3)
    assert report.ignored_columns == ["Город"]
    assert [(w.line, w.field, w.message) for w in report.warnings] == [
        (5, "ФИО", "no name: saved as '+380 63 000 1122'.")
    ]
    assert stored(core) == {
        "Иванов Иван": [
            ("phone", "+380501234567"),
            ("phone", "+380677654321"),
            ("email", "ivan@shop.ua"),
        ],
        "Петрова Ольга": [("phone", "+380442223344")],
        "+380 63 000 1122": [("phone", "+380630001122")],
    }
    ivan = core.customers.find("phone", "0501234567")
    assert ivan is not None
    assert (ivan.company, ivan.notes) == ("ООО Ромашка", "VIP")


def test_utf8_bom_comma_ukrainian_headers(core: Core, tmp_path: Path) -> None:
    data = csv_bytes(
        [
            "ПІБ,Ім’я,Телефон 1,Телефон 2,Пошта,Компанія,Коментар,Теги,Telegram,Viber,WhatsApp",
            'Шевченко Тарас,,"050 111 22 33; 050 111 22 34",,t@x.ua,"ТОВ ""Кобзар""",'
            '"перший рядок\nдругий рядок","опт, vip",@taras,,380501112233',
            "Леся Українка,,,0442223345,,,,,,viberid1,",
        ],
        "utf-8-sig",
    )
    assert data.startswith(b"\xef\xbb\xbf")
    path = write(tmp_path, "export.csv", data)
    report = CustomerImporter(core.customers).import_file(path)
    assert report.ok, report.errors
    assert (report.encoding, report.imported) == ("utf-8", 2)
    assert stored(core) == {
        "Шевченко Тарас": [
            ("phone", "+380501112233"),
            ("phone", "+380501112234"),
            ("email", "t@x.ua"),
            ("telegram", "@taras"),
            ("whatsapp", "+380501112233"),
        ],
        "Леся Українка": [("phone", "+380442223345"), ("viber", "viberid1")],
    }
    taras = core.customers.find("telegram", "@taras")
    assert taras is not None
    assert taras.company == 'ТОВ "Кобзар"'
    assert taras.notes == "перший рядок\nдругий рядок"
    assert taras.tags == ["опт", "vip"]


def test_english_headers_split_name_columns(core: Core, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "google.csv",
        b"First Name,Last Name,Phone,Tags\nJohn,Smith,+44 20 7946 0018,a|b\n",
    )
    report = CustomerImporter(core.customers).import_file(path)
    assert report.ok
    assert stored(core) == {"John Smith": [("phone", "+442079460018")]}
    # Russian split columns join in the order of an "ФИО" column.
    path = write(tmp_path, "ru.csv", "Имя;Фамилия;Телефон\nИван;Петров;0501230000\n".encode())
    CustomerImporter(core.customers).import_file(path)
    assert "Петров Иван" in stored(core)


def test_broken_encoding_is_refused_and_nothing_changes(core: Core, tmp_path: Path) -> None:
    core.customers.create("Existing", [ContactInput("phone", "0500000001")])
    before = snapshot(core)
    # Line 3 has a stray 0x98 after "И" (0xD0 0x98): not UTF-8, and 0x98 is the one
    # byte cp1251 leaves undefined (the UTF-8 "И" on line 1 has it too).
    data = "Имя;Телефон\nАнна;0501111111\n".encode() + b"\xd0\x98\x98;0502222222\n"
    path = write(tmp_path, "broken.csv", data)
    with pytest.raises(
        ImportFileError,
        match=r"neither UTF-8 nor Windows-1251: as UTF-8 it breaks on line 3 \(byte 0x98\), and "
        r"line 1 has byte 0x98, which Windows-1251 does not have",
    ):
        CustomerImporter(core.customers).import_file(path)
    # A UTF-8 BOM promises UTF-8: a stray cp1251 byte after it is damage, not cp1251.
    path = write(
        tmp_path, "bom.csv", b"\xef\xbb\xbfName;Phone\n" + "Анна".encode("cp1251") + b";1\n"
    )
    with pytest.raises(ImportFileError, match=r"marked as UTF-8 but line 2 has byte 0xC0"):
        CustomerImporter(core.customers).import_file(path)
    assert snapshot(core) == before


def test_encoding_detection_and_override(core: Core, tmp_path: Path) -> None:
    text = "Имя;Телефон\nИванов Иван;0501111111\nОльга;0502222222\n"
    path = write(tmp_path, "koi8.csv", text.encode("koi8-r"))
    # KOI8-R decodes as cp1251 too, but into case-flipped nonsense ("йЧБОПЧ"):
    # refused rather than imported as garbage.
    with pytest.raises(ImportFileError, match="read as Windows-1251 it is not readable text"):
        CustomerImporter(core.customers).import_file(path)
    with pytest.raises(ImportFileError, match="Unknown encoding 'klingon'"):
        CustomerImporter(core.customers).import_file(path, encoding="klingon")
    with pytest.raises(ImportFileError, match=r"not in utf-8: line 1 has byte 0xE9"):
        CustomerImporter(core.customers).import_file(path, encoding="utf-8")
    report = CustomerImporter(core.customers).import_file(path, encoding="koi8-r")
    assert (report.ok, report.encoding) == (True, "koi8-r")
    assert sorted(stored(core)) == ["Иванов Иван", "Ольга"]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("Имя;Город", "lacks a contact column"),
        ("Город;Телефон", r"lacks a name column \(name, ФИО, имя, ПІБ, ім'я\)"),
        ("foo,bar", "lacks a name column .* and a contact column .* Found: 'foo', 'bar'"),
    ],
)
def test_missing_required_columns(core: Core, header: str, message: str) -> None:
    path_data = (header + "\nx;y\n").encode("cp1251")
    importer = CustomerImporter(core.customers)
    with pytest.raises(ImportFileError, match="Line 1: the header " + message):
        importer.run(importer_source(path_data))


def importer_source(data: bytes) -> Any:
    from app.importers import parse_bytes

    return parse_bytes(data)


def test_empty_file(core: Core) -> None:
    with pytest.raises(ImportFileError, match="empty"):
        importer_source(b"")


BAD_ROWS = [
    "Имя;Телефон;Email",
    "Хороший;0501000001;good@x.ua",  # 2
    "Плохой телефон;050-CALL-ME;",  # 3: letters
    ";;",  # blank: skipped, not an error
    ";;",
    "Дубль в файле;0501000001;",  # 6: same phone as line 2
    "Занятый;0509999999;",  # 7: belongs to an existing customer
    ";;nobody@x.ua",  # 8: no name: the email stands in (a warning, not an error)
    ";;bad-email",  # 9: no name, and the only contact is broken
    "Лишняя ячейка;0501000002;;oops",  # 10: more cells than headers
    "Без контактов;;",  # 11: a name only: imported with a warning
    "Хороший 2;0501000003;",  # 12
]


def test_row_errors_name_line_and_field_and_change_nothing(core: Core) -> None:
    owner = core.customers.create("Владелец", [ContactInput("phone", "050 999 99 99")])
    before = snapshot(core)
    importer = CustomerImporter(core.customers)
    report = importer.run(importer_source("\n".join(BAD_ROWS).encode("cp1251")))
    assert not report.ok
    assert errors(report) == [
        (3, None, "Телефон"),
        (6, None, "Телефон"),
        (7, None, "Телефон"),
        (9, None, "Email"),
        (10, None, ""),
    ]
    messages = [str(i) for i in report.errors]
    assert messages[0] == (
        "line 3, Телефон: '050-CALL-ME' is not a phone number: it has letters or symbols."
    )
    assert messages[1] == "line 6, Телефон: +380501000001 is also on line 2 of this file."
    assert messages[2] == (
        f"line 7, Телефон: The phone +380509999999 already belongs to customer "
        f"#{owner.id} (Владелец)."
    )
    assert messages[3] == "line 9, Email: 'bad-email' is not an email address."
    assert messages[4].startswith("line 10: the row has 4 cells but the header has 3")
    assert [w.line for w in report.warnings] == [8, 11]
    assert (report.total, report.valid, report.imported) == (9, 4, 0)
    assert snapshot(core) == before


def test_skip_invalid_writes_the_valid_rows_only(core: Core) -> None:
    owner = core.customers.create("Владелец", [ContactInput("phone", "050 999 99 99")])
    before_owner = snapshot(core)[0]
    importer = CustomerImporter(core.customers)
    report = importer.run(importer_source("\n".join(BAD_ROWS).encode("cp1251")), skip_invalid=True)
    assert (report.valid, report.imported, len(report.errors)) == (4, 4, 5)
    assert stored(core) == {
        "Владелец": [("phone", "+380509999999")],
        "Хороший": [("phone", "+380501000001"), ("email", "good@x.ua")],
        "nobody@x.ua": [("email", "nobody@x.ua")],
        "Без контактов": [],
        "Хороший 2": [("phone", "+380501000003")],
    }
    assert snapshot(core)[0][0] == before_owner[0]  # the existing customer is untouched
    assert core.customers.get(owner.id or 0).updated_at == owner.updated_at


def test_values_longer_than_their_columns_are_errors(core: Core) -> None:
    data = (
        "Имя;Телефон;Фирма;Email\n"
        + "Я" * 301
        + ";0501000001;;\n"
        + "Оля;0501000002;"
        + "Ф" * 301
        + ";\n"
        + "Петя;;;"
        + "a" * 500
        + "@x.ua\n"
    ).encode()
    report = CustomerImporter(core.customers).run(importer_source(data), skip_invalid=True)
    assert [str(i) for i in report.errors] == [
        "line 2, Имя: The customer's name is longer than 300 characters.",
        "line 3, Фирма: longer than 300 characters.",
        "line 4, Email: longer than 500 characters.",
    ]
    assert (report.imported, stored(core)) == (0, {})


# --- vCard -------------------------------------------------------------------

VCARD_21 = (
    b"BEGIN:VCARD\r\n"
    b"VERSION:2.1\r\n"
    # "Петренко;Олег" in UTF-8, quoted-printable with a soft line break, as Android writes it
    b"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=9F=D0=B5=D1=82=D1=80=D0=B5=D0=BD=D0=BA=D0=BE;=D0=9E=D0=BB=\r\n"
    b"=D0=B5=D0=B3;;;\r\n"
    b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=9E=D0=BB=D0=B5=D0=B3 =\r\n"
    b"=D0=9F=D0=B5=D1=82=D1=80=D0=B5=D0=BD=D0=BA=D0=BE\r\n"
    b"TEL;CELL;PREF:+380501234567\r\n"
    b"TEL;HOME:044 123 45 67\r\n"
    b"PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r\n"
    b"AAAAAAAAAAAAAAAA\r\n"
    b"\r\n"
    b"END:VCARD\r\n"
    b"BEGIN:VCARD\r\n"
    b"VERSION:2.1\r\n"
    # cp1251 quoted-printable: "Марина" with its charset named
    b"FN;CHARSET=WINDOWS-1251;QUOTED-PRINTABLE:=CC=E0=F0=E8=ED=E0\r\n"
    b"TEL;WORK:(050) 765-43-21\r\n"
    b"END:VCARD\r\n"
)

VCARD_30 = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:Анна Коваль\\, менеджер\r\n"
    "N:Коваль;Анна;;;\r\n"
    "ORG:ТОВ Ромашка;Відділ продажів\r\n"
    "TEL;TYPE=CELL,VOICE:+380 67 111 22 33\r\n"
    "TEL;TYPE=WORK:+380 44 555 66 77\r\n"
    "EMAIL;TYPE=INTERNET:Anna@Romashka.UA\r\n"
    "NOTE:Перший рядок\\nдругий\\; з крапкою з комою і довгий\r\n"
    "  рядок, перенесений\r\n"
    "CATEGORIES:опт,vip\\,gold\r\n"
    'item1.X-CUSTOM;X-PARAM="a:b":ignored\r\n'
    "END:VCARD\r\n"
)

VCARD_40 = (
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "N:Smith;John;Q.;Dr.;\n"  # no FN: the name comes from N
    'TEL;VALUE=uri;TYPE="cell,text":tel:+1-555-555-0123\n'
    "EMAIL;PREF=1:john@example.com\n"
    "END:VCARD\n"
)


def test_vcard_21_quoted_printable_cyrillic(core: Core, tmp_path: Path) -> None:
    report = CustomerImporter(core.customers).import_file(write(tmp_path, "old.vcf", VCARD_21))
    assert report.ok, [str(e) for e in report.errors]
    assert (report.format, report.imported) == ("vcard", 2)
    assert stored(core) == {
        "Олег Петренко": [("phone", "+380501234567"), ("phone", "+380441234567")],
        "Марина": [("phone", "+380507654321")],
    }
    oleg = core.customers.find("phone", "+380501234567")
    assert oleg is not None
    assert [p.label for p in core.customers.contacts(oleg.id or 0)] == ["cell", "home"]


def test_vcard_30_escapes_folding_org_note_categories(core: Core, tmp_path: Path) -> None:
    path = write(tmp_path, "contacts.vcf", VCARD_30.encode())
    report = CustomerImporter(core.customers).import_file(path)
    assert report.ok, [str(e) for e in report.errors]
    anna = core.customers.find("email", "anna@romashka.ua")
    assert anna is not None
    assert anna.name == "Анна Коваль, менеджер"
    assert anna.company == "ТОВ Ромашка, Відділ продажів"
    assert anna.notes == "Перший рядок\nдругий; з крапкою з комою і довгий рядок, перенесений"
    assert anna.tags == ["опт", "vip,gold"]
    assert [(p.normalized, p.label) for p in core.customers.contacts(anna.id or 0)] == [
        ("+380671112233", "cell"),
        ("+380445556677", "work"),
        ("anna@romashka.ua", ""),
    ]


def test_vcard_40_and_detection_by_content(core: Core, tmp_path: Path) -> None:
    # No .vcf extension: recognised by its first line.
    source = read_file(write(tmp_path, "export.txt", VCARD_40.encode()))
    assert source.format == "vcard"
    report = CustomerImporter(core.customers).run(source)
    assert report.ok, [str(e) for e in report.errors]
    assert stored(core) == {
        "Dr. John Q. Smith": [("phone", "+15555550123"), ("email", "john@example.com")]
    }


GARBAGE_VCARD = (
    "this line is before any card\r\n"  # 1
    "BEGIN:VCARD\r\n"  # 2: card 1, fine
    "VERSION:3.0\r\n"
    "FN:Хороша\r\n"
    "TEL:0501000001\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"  # 7: card 2
    "VERSION:3.0\r\n"
    "FN:Сміття\r\n"
    "@@@ not a property @@@\r\n"  # 10
    "TEL:+380 50 CALL ME\r\n"  # 11
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"  # 13: card 3
    "VERSION:2.1\r\n"
    "FN;ENCODING=QUOTED-PRINTABLE:=D0=9Z\r\n"  # 15: broken QP
    "TEL:0501000003\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"  # 18: card 4, no name, no contact
    "VERSION:5.0\r\n"  # 19
    "END:VCARD\r\n"
    "END:VCARD\r\n"  # 21: a second END
    "BEGIN:VCARD\r\n"  # 22: card 5, truncated
    "FN:Обрізана\r\n"
    "TEL:0501000005\r\n"
)


def test_garbage_vcard_reports_card_line_and_field(core: Core, tmp_path: Path) -> None:
    core.customers.create("Existing", [ContactInput("phone", "0500000001")])
    before = snapshot(core)
    path = write(tmp_path, "garbage.vcf", GARBAGE_VCARD.encode())
    report = CustomerImporter(core.customers).import_file(path)
    assert [str(i) for i in report.errors] == [
        "line 1: text outside any card: 'this line is before any card'.",
        "card 2 (line 10): not a vCard property: '@@@ not a property @@@'.",
        "card 2 (line 11), TEL: '+380 50 CALL ME' is not a phone number: "
        "it has letters or symbols.",
        "card 3 (line 15), FN: broken QUOTED-PRINTABLE (an '=' not followed by two hex digits).",
        "card 4 (line 19), VERSION: unsupported vCard version '5.0'.",
        "line 21, END: END:VCARD without BEGIN:VCARD.",
        "card 5 (line 22), END: the file ends inside this card (no END:VCARD): truncated?",
    ]
    assert (report.total, report.valid, report.imported) == (5, 1, 0)
    assert snapshot(core) == before
    # Skipping the garbage keeps the one good card.
    report = CustomerImporter(core.customers).import_file(path, skip_invalid=True)
    assert report.imported == 1
    assert "Хороша" in stored(core)


def test_vcard_without_cards_is_a_file_error(core: Core, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="no vCard"):
        read_file(write(tmp_path, "x.vcf", b"hello\r\nworld\r\n"))


def test_card_with_neither_name_nor_contact(core: Core) -> None:
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:just a note\r\nEND:VCARD\r\n"
    report = CustomerImporter(core.customers).run(importer_source(data))
    assert report.errors == [
        ImportIssue("FN", "neither a name nor a contact: nothing to import.", 1, 1)
    ]


# --- progress, batches, cancel -------------------------------------------------


def many_rows(n: int, first: int = 0) -> bytes:
    lines = ["Name;Phone"] + [f"Customer {i};+38050{i:07d}" for i in range(first, first + n)]
    return "\n".join(lines).encode()


def test_batches_and_progress(core: Core) -> None:
    calls: list[tuple[int, int]] = []
    importer = CustomerImporter(core.customers, batch_size=100)
    report = importer.run(
        importer_source(many_rows(250)), progress=lambda d, t: calls.append((d, t))
    )
    assert report.imported == 250
    check_calls, write_calls = (
        calls[: calls.index((250, 250)) + 1],
        calls[calls.index((250, 250)) + 1 :],
    )
    assert check_calls == [(0, 250), (100, 250), (200, 250), (250, 250)]
    assert write_calls == [(0, 250), (100, 250), (200, 250), (250, 250)]
    assert len(stored(core)) == 250
    found = core.customers.find("phone", "+380500000249")
    assert found is not None and found.name == "Customer 249"


def test_cancel_while_writing_keeps_committed_batches(core: Core) -> None:
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done == 100:  # the first batch has just been committed (or checked)
            cancel.set()

    importer = CustomerImporter(core.customers, batch_size=100)
    plan = importer.check(importer_source(many_rows(350)))
    report = importer.write(plan, progress=progress, cancel=cancel)
    assert (report.cancelled, report.imported) == (True, 100)
    assert report.summary() == "100 of 350 imported, cancelled"
    assert len(stored(core)) == 100


def test_cancel_while_checking_writes_nothing(core: Core) -> None:
    cancel = threading.Event()
    cancel.set()
    report = CustomerImporter(core.customers).run(importer_source(many_rows(10)), cancel=cancel)
    assert (report.cancelled, report.imported) == (True, 0)
    assert stored(core) == {}


def test_contact_taken_between_check_and_write(core: Core) -> None:
    importer = CustomerImporter(core.customers, batch_size=2)
    plan = importer.check(importer_source(many_rows(4)))
    assert plan.report.ok
    # Another operator saves the third number while the dialog shows the check.
    core.customers.create("Оператор", [ContactInput("phone", "+380500000002")])
    report = importer.write(plan)
    assert report.imported == 2  # the first batch; the second stopped at the conflict
    assert [(i.line, i.field) for i in report.errors] == [(4, "Phone")]
    plan = importer.check(importer_source(many_rows(2, first=10)))
    core.customers.create("Другий", [ContactInput("phone", "+380500000010")])
    report = importer.write(plan, skip_invalid=True)
    assert report.imported == 1
    assert "Customer 11" in stored(core) and "Customer 10" not in stored(core)
