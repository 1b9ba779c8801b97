"""Quick replies (app/templates.py): fields, filling in, the table on SQLite and
PostgreSQL, and splitting for a channel's limit with Telegram's UTF-16 counting."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from typing import Any

import pytest

from app.core import Core
from app.templates import (
    DuplicateTemplate,
    FieldValueMissing,
    MalformedTemplate,
    TemplateError,
    TemplateField,
    TemplateNotFound,
    Templates,
    fields,
    prefilled,
    render,
    split_message,
    split_with_entities,
    utf16_length,
)

# ----- fields and filling in -------------------------------------------------------


def test_fields_in_order_of_first_appearance_each_once_known_or_free() -> None:
    text = (
        "Добрий день, {name}! Замовлення {order} приїде {Дата доставки}.\n"
        "Нагадую: {дата  доставки}, {NAME}. {{не поле}} З повагою, {operator}, {ім'я кур'єра}"
    )
    assert fields(text) == [
        TemplateField("name", "name", known=True),
        TemplateField("order", "order", known=True),
        TemplateField("дата доставки", "Дата доставки", known=False),
        TemplateField("operator", "operator", known=True),
        TemplateField("ім'я кур'єра", "ім'я кур'єра", known=False),
    ]
    assert [f.free for f in fields(text)] == [False, False, True, False, True]
    assert fields("Без полів, лише {{дужки}} і }}.") == []


def test_render_fills_every_field_and_inserts_values_as_plain_text() -> None:
    text = "Hi {name}, this is {operator}. Order {order} arrives {Delivery date}. {{name}}"
    values = {
        # A value that looks like a field is the customer's name, not a field.
        "name": "{operator}",
        "operator": "Оля",
        "order": "A-1042",
        "DELIVERY   date": " 12.06 ",
    }
    assert render(text, values) == (
        "Hi {operator}, this is Оля. Order A-1042 arrives 12.06. {name}"
    )
    assert render("{{{name}}}", {"name": "x{{y}}"}) == "{x{{y}}}"
    assert render("No fields {{here}}.", {}) == "No fields {here}."


def test_render_refuses_a_missing_value_naming_the_field() -> None:
    text = "Вітаю, {name}! Доставка {дата доставки}, замовлення {order}."
    with pytest.raises(FieldValueMissing) as caught:
        render(text, {"name": "Іван", "order": "77"})
    assert caught.value.field == TemplateField("дата доставки", "дата доставки", known=False)
    assert str(caught.value) == "Fill in the field 'дата доставки' before sending."
    assert caught.value.template == "Fill in the field {field!r} before sending."
    # Only whitespace is no value either.
    with pytest.raises(FieldValueMissing, match="'name'"):
        render(text, {"name": "  \n", "дата доставки": "завтра", "order": "77"})


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("Доставка {дата", 1, 10, "has no partner"),
        ("Ціна: 100 } грн", 1, 11, "has no partner"),
        ("Рядок\nдругий {поле\n} кінець", 2, 8, "has no partner"),
        ("{{{поле}}", 1, 9, "has no partner"),
        ("Порожнє {  } поле", 1, 9, "has no name"),
        ("{" + "x" * 101 + "}", 1, 1, "longer than 100 characters"),
    ],
)
def test_a_malformed_field_is_refused_saying_where(
    text: str, line: int, column: int, message: str
) -> None:
    with pytest.raises(MalformedTemplate, match=message) as caught:
        fields(text)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert f"line {line}, character {column}" in str(caught.value)
    with pytest.raises(MalformedTemplate):
        render(text, {})


def test_prefilled_takes_the_customers_name_else_the_senders() -> None:
    assert prefilled(customer_name="Ольга Петренко", sender_name="olga_p", operator="Іра") == {
        "name": "Ольга Петренко",
        "operator": "Іра",
    }
    assert prefilled(customer_name=" ", sender_name="Olga P.", order="A-7") == {
        "name": "Olga P.",
        "order": "A-7",
    }


# ----- the table -------------------------------------------------------------------


def test_create_get_update_delete(core: Core) -> None:
    templates = Templates(core.db)
    made = templates.create(
        "  Доставка   завтра ",
        "Вітаю, {name}! Доставка {дата доставки}.\n\n  {operator}",
        language="UK",
        channels=["viber", "telegram", "telegram"],
    )
    assert made.id is not None
    got = templates.get(made.id)
    assert (got.name, got.language, got.channels) == (
        "Доставка завтра",
        "uk",
        ["telegram", "viber"],
    )
    # The text is the operator's, line breaks and indents included.
    assert got.text == "Вітаю, {name}! Доставка {дата доставки}.\n\n  {operator}"

    changed = templates.update(made.id, text="Вітаю, {name}!", channels=[])
    assert (changed.name, changed.text, changed.channels) == (
        "Доставка завтра",
        "Вітаю, {name}!",
        [],
    )
    assert changed.updated_at > made.created_at
    assert templates.get(made.id).text == "Вітаю, {name}!"

    templates.delete(made.id)
    with pytest.raises(TemplateNotFound, match=rf"Template #{made.id} does not exist"):
        templates.get(made.id)
    with pytest.raises(TemplateNotFound):
        templates.update(made.id, name="Інша")
    with pytest.raises(TemplateNotFound):
        templates.delete(made.id)


@pytest.mark.parametrize(
    ("name", "text", "kwargs", "message"),
    [
        ("  ", "Текст", {}, "The template's name is empty."),
        ("x" * 201, "Текст", {}, "The template's name is longer than 200 characters."),
        ("Назва", " \n\t", {}, "The template's text is empty."),
        ("Назва", "я" * 20_001, {}, "The template's text is longer than 20000 characters."),
        ("Назва", "Текст", {"channels": ["telegram", "icq"]}, "'icq' is not a channel"),
        ("Назва", "Доставка {дата", {}, "The brace at line 1, character 10 has no partner"),
        ("Назва", "Текст", {"language": "русский"}, "'русский' is not a language code"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_stored(
    core: Core, name: str, text: str, kwargs: dict[str, Any], message: str
) -> None:
    templates = Templates(core.db)
    kept = templates.create("Є", "Текст")
    with pytest.raises(TemplateError) as caught:
        templates.create(name, text, **kwargs)
    assert str(caught.value).startswith(message)
    assert [t.id for t in templates.list()] == [kept.id]
    with pytest.raises(TemplateError) as caught:
        templates.update(kept.id, **{"name": name, "text": text, **kwargs})
    assert str(caught.value).startswith(message)
    assert (templates.get(kept.id).name, templates.get(kept.id).text) == ("Є", "Текст")


def test_a_name_is_unique_per_language_in_any_case(core: Core) -> None:
    templates = Templates(core.db)
    first = templates.create("Доставка", "Привезём {дата}.", language="ru")
    with pytest.raises(DuplicateTemplate, match="'Доставка' exists already in this language"):
        templates.create("  ДОСТАВКА ", "Другой текст", language="ru")
    other_language = templates.create("Доставка", "Привеземо {дата}.", language="uk")
    every_language = templates.create("доставка", "Delivery {date}.")
    second = templates.create("Оплата", "Оплатите заказ {order}.", language="ru")
    with pytest.raises(DuplicateTemplate):
        templates.update(second.id, name="доставка")
    with pytest.raises(DuplicateTemplate):
        templates.update(other_language.id, language="RU")
    # Its own name in other case is no clash.
    assert templates.update(first.id, name="доставка").name == "доставка"
    assert every_language.language == ""
    assert len(templates.list()) == 4


def test_concurrent_creates_of_one_name_make_one_template(core: Core) -> None:
    templates = Templates(core.db)
    workers = 16
    start = threading.Barrier(workers)
    results: list[Any] = [None] * workers

    def create(i: int) -> None:
        start.wait()
        try:
            results[i] = templates.create("Привітання", f"Текст {i}", language="uk")
        except Exception as exc:  # kept for the assertions
            results[i] = exc

    threads = [threading.Thread(target=create, args=(i,)) for i in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    made = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(made) == 1
    assert all(isinstance(r, DuplicateTemplate) for r in refused), refused
    assert len(templates.list()) == 1


def test_list_by_name_filtered_by_channel_language_and_search(core: Core) -> None:
    templates = Templates(core.db)
    t = templates.create
    ids = {
        "yellow": t("Жовтий", "Ваше ЗАМОВЛЕННЯ {order} готове", language="uk", channels=["viber"]),
        "apple": t("апельсин", "Ёлка приедет завтра", language="ru", channels=["telegram"]),
        "all": t("Общий привет", "Здравствуйте, {name}!"),
        "en": t("Delivery", "Your order ships tomorrow", language="en", channels=["email"]),
        "ru_ua": t("Бандероль", "Посылка в пути", language="ru-ua"),
    }
    name_of = {v.id: k for k, v in ids.items()}

    def names(**kwargs: Any) -> list[str]:
        return [name_of[row.id] for row in templates.list(**kwargs)]

    # By name in any case, Latin before Cyrillic, Cyrillic in alphabet order.
    assert names() == ["en", "apple", "ru_ua", "yellow", "all"]
    assert names(channel="telegram") == ["apple", "ru_ua", "all"]
    assert names(channel="viber", language="uk") == ["yellow", "all"]
    assert names(language="ru") == ["apple", "all"]
    assert names(language="ru-UA") == ["apple", "ru_ua", "all"]
    # Search: every word, in the name or the text, in any case; е finds ё.
    assert names(query="замовлення") == ["yellow"]
    assert names(query="ЕЛКА завт") == ["apple"]
    assert names(query="ПРИВЕТ") == ["all"]
    assert names(query="TOMORROW") == ["en"]
    assert names(query="order") == ["en", "yellow"]  # {order} is text too
    assert names(query="order tomorrow", language="ru") == []
    assert names(query="   ") == names()
    with pytest.raises(TemplateError, match="'fax' is not a channel"):
        templates.list(channel="fax")


# ----- splitting -------------------------------------------------------------------


def assert_pieces_of(text: str, chunks: list[str]) -> None:
    """``chunks`` are ``text`` in order, only whitespace left out between them."""
    position = 0
    for chunk in chunks:
        assert chunk.strip(), chunks
        while not text.startswith(chunk, position):
            assert text[position].isspace(), (position, chunk[:20])
            position += 1
        position += len(chunk)
    assert not text[position:].strip()


def test_split_prefers_paragraphs_then_lines_then_sentences_then_spaces() -> None:
    paragraphs = "Перший абзац тут.\n\nДругий абзац, довший за перший."
    assert split_message(paragraphs, 40) == ["Перший абзац тут.", "Другий абзац, довший за перший."]
    lines = "Одне. Два три чотири\nпʼять шість сім"
    assert split_message(lines, 30) == ["Одне. Два три чотири", "пʼять шість сім"]
    # The line break within reach is too early: the sentence's end then.
    assert split_message("Рядок\nдва слова. Три чотири пʼять", 25) == [
        "Рядок\nдва слова.",
        "Три чотири пʼять",
    ]
    sentences = "Перше речення. Друге речення «в лапках!» Третє"
    assert split_message(sentences, 45) == ["Перше речення. Друге речення «в лапках!»", "Третє"]
    spaces = "одне два три чотири пʼять"
    assert split_message(spaces, 14) == ["одне два три", "чотири пʼять"]
    # A blank line early in the chunk loses to a line break late in it: chunks stay full.
    early = "Так.\n\n" + "слово " * 8 + "\nкінець " + "х" * 10
    assert split_message(early, 60)[0] == "Так.\n\n" + ("слово " * 8).rstrip()
    # No break at all: inside the word, as a last resort.
    assert split_message("а" * 25, 10) == ["а" * 10, "а" * 10, "а" * 5]
    # A no-break space is not a place to split.
    assert split_message("100\u00a0грн за все", 9) == ["100\u00a0грн", "за все"]


def test_split_never_cuts_a_surrogate_pair_combining_mark_flag_or_zwj_emoji() -> None:
    # Telegram counts UTF-16 units: each 😀 is two, so 5 units hold two of them.
    assert split_message("😀" * 7, 5, utf16_length) == ["😀😀", "😀😀", "😀😀", "😀"]
    assert split_message("😀" * 7, 5) == ["😀" * 5, "😀😀"]  # by code points: five
    stressed = "мо\u0301ло\u0301ко"  # ó as o + a combining acute
    assert split_message(stressed, 3) == ["мо\u0301", "ло\u0301", "ко"]
    family = "👨\u200d👩\u200d👧\u200d👦"  # 11 UTF-16 units
    assert split_message(family * 3, 12, utf16_length) == [family] * 3
    thumbs = "👍🏽"  # a skin tone on its base
    assert split_message(thumbs * 5, 9, utf16_length) == [thumbs * 2, thumbs * 2, thumbs]
    flags = "🇺🇦🇵🇱🇩🇪"
    assert split_message(flags, 5) == ["🇺🇦🇵🇱", "🇩🇪"]
    assert split_message(flags, 3) == ["🇺🇦", "🇵🇱", "🇩🇪"]
    keycap = "1\ufe0f\u20e3"
    assert split_message(keycap * 4, 7) == [keycap * 2, keycap * 2]
    assert split_message("a\r\nb", 2) == ["a", "b"]


def test_no_chunk_is_empty_or_only_whitespace() -> None:
    assert split_message("", 10) == []
    assert split_message(" \n\n\t ", 10) == []
    assert split_message("\n" * 50 + "текст", 10) == ["текст"]
    chunks = split_message("а  \n \n  б" + " " * 30 + "в\n\n\n", 3)
    assert chunks == ["а", "б", "в"]
    # A text within the limit comes back as it is.
    assert split_message("  as typed \n", 100) == ["  as typed \n"]


def sample_text(rng: random.Random, size: int) -> str:
    pieces = [
        "замовлення", "доставка", "Київ", "order", "😀", "👨\u200d👩\u200d👧", "🇺🇦",
        "e\u0301", "ok.", "так!", "«цитата».", "100\u00a0грн", "\n", "\n\n", "  ", "\t",
        "https://example.com/" + "x" * 40,
    ]  # fmt: skip
    out: list[str] = []
    length = 0
    while length < size:
        piece = rng.choice(pieces)
        out.append(piece + (" " if rng.random() < 0.7 else ""))
        length += len(out[-1])
    return "".join(out)  # whole pieces: a cut one would end in a ZWJ


def utf8_length(text: str) -> int:
    return len(text.encode("utf-8"))


@pytest.mark.parametrize(
    "length", [len, utf16_length, utf8_length], ids=["code points", "utf-16", "utf-8 bytes"]
)
def test_split_of_varied_text_keeps_every_word_within_the_limit(
    length: Callable[[str], int],
) -> None:
    rng = random.Random(18)
    for limit in (7, 13, 50, 333, 4096):
        for _ in range(20):
            text = sample_text(rng, rng.randint(1, 3 * limit))
            chunks = split_message(text, limit, length)
            assert all(length(c) <= limit for c in chunks), limit
            assert_pieces_of(text, chunks)
            if limit < length("👨\u200d👩\u200d👧"):
                continue  # the family can't be kept whole
            for chunk in chunks:
                assert chunk[0] not in "\u0301\u200d"
                assert chunk[-1] != "\u200d"


def test_a_100000_character_text_splits_for_telegram() -> None:
    text = sample_text(random.Random(100_000), 100_000)
    assert len(text) >= 100_000 and utf16_length(text) > len(text)
    chunks = split_message(text, 4096, utf16_length)
    assert all(1 <= utf16_length(c) <= 4096 for c in chunks)
    assert_pieces_of(text, chunks)
    # Split at breaks late in each chunk, not early: near the fewest chunks possible.
    assert len(chunks) <= utf16_length(text) // 4096 * 1.1 + 1
    # No break at all in it: still linear, and as few chunks as the limit allows.
    solid = "я" * 100_000
    assert split_message(solid, 4096, utf16_length) == ["я" * 4096] * 24 + ["я" * 1696]


def test_split_refuses_a_limit_no_character_fits() -> None:
    with pytest.raises(ValueError):
        split_message("abc", 0)
    with pytest.raises(ValueError):
        split_message("a😀", 1, utf16_length)


# ----- entities ---------------------------------------------------------------------


def utf16_slice(text: str, offset: int, length: int) -> str:
    data = text.encode("utf-16-le")
    return data[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def entity(text: str, part: str, kind: str, **extra: Any) -> dict[str, Any]:
    """The entity over the first ``part`` in ``text``, offsets in UTF-16 units."""
    start = text.index(part)
    return {
        "type": kind,
        "offset": utf16_length(text[:start]),
        "length": utf16_length(part),
        **extra,
    }


def test_entities_are_rebased_onto_their_chunks_in_utf16_units() -> None:
    text = (
        "😀 Вітаю, Ольго! 🇺🇦 Ваше замовлення 😀 №1042 готове.\n\n"
        "Оплата 👨\u200d👩\u200d👧 карткою або 💶 готівкою при отриманні."
    )
    entities = [
        entity(text, "Ольго", "bold"),
        entity(text, "№1042 готове.\n\nОплата 👨", "italic"),  # crosses the split
        entity(text, "💶 готівкою", "text_link", url="https://shop.example/pay"),
        entity(text, "😀 Вітаю", "underline"),
    ]
    chunks = split_with_entities(text, entities, 60)
    assert [c for c, _ in chunks] == [
        "😀 Вітаю, Ольго! 🇺🇦 Ваше замовлення 😀 №1042 готове.",
        "Оплата 👨\u200d👩\u200d👧 карткою або 💶 готівкою при отриманні.",
    ]
    assert all(utf16_length(c) <= 60 for c, _ in chunks)
    shown = [
        [(e["type"], utf16_slice(c, e["offset"], e["length"])) for e in es] for c, es in chunks
    ]
    assert shown == [
        [("bold", "Ольго"), ("italic", "№1042 готове."), ("underline", "😀 Вітаю")],
        [("italic", "Оплата 👨"), ("text_link", "💶 готівкою")],
    ]
    link = chunks[1][1][1]
    assert link["url"] == "https://shop.example/pay"
    assert entities[2]["offset"] != link["offset"]  # the input is not changed


def test_entities_survive_many_splits_of_emoji_heavy_text() -> None:
    text = " ".join(f"слово{i}😀" for i in range(300))
    bold = {"type": "bold", "offset": 0, "length": utf16_length(text)}
    words = [entity(text, f"слово{i}😀", "code") for i in range(0, 300, 7)]
    chunks = split_with_entities(text, [bold, *words], 100)
    assert len(chunks) > 10
    for chunk, parts in chunks:
        assert utf16_length(chunk) <= 100
        # The bold one covers each chunk whole; the code ones stay whole words.
        assert parts[0] == {"type": "bold", "offset": 0, "length": utf16_length(chunk)}
        for part in parts[1:]:
            assert utf16_slice(chunk, part["offset"], part["length"]).startswith("слово")
            assert utf16_slice(chunk, part["offset"], part["length"]).endswith("😀")
    assert sum(len(parts) - 1 for _, parts in chunks) == len(words)


def test_an_entity_that_does_not_fit_the_text_is_refused() -> None:
    text = "a😀b"
    with pytest.raises(ValueError, match="UTF-16"):
        split_with_entities(text, [{"type": "bold", "offset": 2, "length": 1}], 10)
    with pytest.raises(ValueError, match="UTF-16"):
        split_with_entities(text, [{"type": "bold", "offset": 3, "length": 2}], 10)
    with pytest.raises(ValueError, match="whole numbers"):
        split_with_entities(text, [{"type": "bold", "offset": 0, "length": 0}], 10)
