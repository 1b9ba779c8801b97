"""Realistic, deterministic bench data: customers, contact points, interactions.

Customers have Cyrillic (Ukrainian, Russian) or Latin names, UA/RU mobile numbers
in E.164 (typed in several ways in ``raw``), emails and Telegram ids. Interactions
are calls, messages, emails, forms and notes with subjects and bodies made of
words drawn with a Zipf-like distribution (so a few words are very common and
most are rare, as in real text), order numbers and parcel tracking numbers.
One customer (``heavy_customer_id``) gets every 100th interaction: 10k out of 1M.
5% of interactions are unlinked (an unknown number).

Rows come out in batches of dicts in the shape of the tables, ready for SQLAlchemy
core ``insert()`` executemany (SQLite) or for COPY (PostgreSQL, see ``as_tuple``).
The same seed gives the same rows, so both databases hold identical data.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

SEED = 20261122
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
HISTORY = timedelta(days=730)  # two years of interactions

UA_FIRST = [
    "Олег", "Олена", "Андрій", "Ірина", "Сергій", "Наталія", "Дмитро", "Тетяна", "Юлія",
    "Максим", "Анна", "Іван", "Марія", "Богдан", "Оксана", "Тарас", "Галина", "Василь",
    "Світлана", "Микола", "Людмила", "Роман", "Катерина", "Віктор", "Софія", "Євген",
]
UA_FEMALE = {"Олена", "Ірина", "Наталія", "Тетяна", "Юлія", "Анна", "Марія", "Оксана",
             "Галина", "Світлана", "Людмила", "Катерина", "Софія"}
UA_LAST = [
    "Петренко", "Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник",
    "Шевчук", "Поліщук", "Бойко", "Мельник", "Лисенко", "Мороз", "Іваненко", "Савченко",
    "Руденко", "Марченко", "Карпенко", "Гончаренко", "Мазур", "Кушнір", "Литвиненко",
    "Левченко", "Ковальчук", "Павленко", "Кузьменко", "Клименко", "Симоненко", "Захарченко",
    "Кириленко", "Онищенко", "Приходько", "Гребенюк", "Дорошенко", "Юрченко", "Гордієнко",
]
RU_FIRST = [
    "Алексей", "Ольга", "Владимир", "Екатерина", "Николай", "Светлана", "Павел", "Елена",
    "Михаил", "Татьяна", "Артём", "Наталья", "Игорь", "Дарья", "Константин", "Ксения",
]
RU_FEMALE = {"Ольга", "Екатерина", "Светлана", "Елена", "Татьяна", "Наталья", "Дарья", "Ксения"}
RU_LAST = [
    "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
    "Новиков", "Федоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семенов", "Егоров",
    "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
    "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Сорокин",
]
LATIN_FIRST = [
    "John", "Anna", "Peter", "Maria", "David", "Emma", "Michael", "Laura", "Thomas", "Julia",
    "Oleh", "Olena", "Andrii", "Iryna", "Serhii", "Natalia", "Dmytro", "Alexei", "Olga",
]
LATIN_LAST = [
    "Smith", "Johnson", "Müller", "Kowalski", "Nowak", "Schmidt", "Brown", "Taylor", "Wilson",
    "Garcia", "Novák", "Horvat", "Shevchenko", "Kovalenko", "Petrenko", "Bondarenko", "Ivanov",
    "Smirnov", "Kuznetsov", "Tkachenko", "Melnyk", "Boyko", "Fischer", "Weber", "Dubois",
]
COMPANIES = [
    "ТОВ «Альфа Трейд»", "ФОП {last}", "ООО «Ромашка»", "ТОВ «Мегабуд»", "ИП {last}",
    "Acme Ltd", "Nova Retail", "ТОВ «Зелений Світ»", "ООО «СтройМаркет»", "Smart Home UA",
]
TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "ы": "y", "э": "e",
    "ё": "e", "ъ": "", "ü": "u", "á": "a",
})
MAIL_DOMAINS = ["gmail.com", "ukr.net", "i.ua", "mail.ru", "yandex.ru", "outlook.com", "meta.ua"]
UA_OPERATOR_CODES = ["50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"]

# A shop's vocabulary in Ukrainian, Russian and English; drawn Zipf-like by rank.
_WORDS_TEXT = """
замовлення доставка оплата товар нова пошта відділення накладна заказ доставку оплату
посылка номер трек повернення возврат обмін обмен розмір размер колір цвет гарантія
гарантия ремонт рахунок счет знижка скидка акція акция кошик корзина наявність наличие
склад ціна цена підтвердження подтверждение клієнт клиент дзвінок звонок передзвонити
перезвонить менеджер order delivery payment refund invoice size color warranty discount
cart stock price курʼєр курьер самовивіз самовывоз адреса адрес місто город київ киев
львів одеса харків дніпро москва петербург новосибирск отримав получил не прийшло не
пришло пошкоджено брак телефон ноутбук планшет навушники наушники чохол чехол зарядка
кабель монітор монитор клавіатура клавиатура мишка холодильник пральна стиральная машина
пилосос пылесос чайник кавоварка кофеварка телевізор телевизор кросівки кроссовки куртка
сукня платье джинси джинсы футболка рюкзак годинник часы окуляри очки парфуми духи крем
шампунь іграшка игрушка коляска велосипед самокат шини шины диски акумулятор аккумулятор
запчастини запчасти дякую спасибо будь ласка пожалуйста добрий день добрый вечер привіт
здравствуйте вітаю терміново срочно сьогодні сегодня завтра вчора вчера тиждень неделя
понеділок понедельник п'ятниця пятница ранок утро вечір вечер пізніше позже чекаю жду
уточнити уточнить коментар комментарий відгук отзыв скарга жалоба претензія претензия
сертифікат сертификат карта картка готівка наличные переказ перевод післяплата наложенный
платіж платеж бонус промокод кешбек cashback подарунок подарок упаковка коробка інструкція
инструкция модель артикул серія серия чорний черный білий белый синій синий червоний
красный великий большой маленький малый новий новый оригінал оригинал копія копия thanks
please urgent tomorrow today tracking parcel address city customer manager
"""
WORDS = _WORDS_TEXT.split()


def _zipf_cum_weights(n: int) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank + 1) for rank in range(n)))


class BenchData:
    """Generates the rows; keeps what the bench needs to ask questions about them."""

    def __init__(self, customers: int, interactions: int, seed: int = SEED) -> None:
        if customers < 10 or interactions < 10:
            raise ValueError("at least 10 customers and 10 interactions")
        self.n_customers = customers
        self.n_interactions = interactions
        self.seed = seed
        self.heavy_customer_id = customers // 2
        # every `heavy_every`-th interaction belongs to the heavy customer
        self.heavy_every = 100 if interactions >= 1000 else 10
        self.heavy_interactions = len(range(0, interactions, self.heavy_every))
        self.phones: list[str] = []  # every stored phone, E.164
        self.primary_phone: list[str] = [""]  # by customer id (index 0 unused)
        self.primary_email: list[str] = [""]
        self.contact_points = 0
        self._cum = _zipf_cum_weights(len(WORDS))

    # --- customers and contact points -----------------------------------------

    def customer_batches(self, size: int = 5000) -> Iterator[tuple[list[dict], list[dict]]]:
        """(customers, contact points) per batch; customer ids are 1..N."""
        rng = random.Random(self.seed)
        used_phones: set[str] = set()
        cp_id = itertools.count(1)
        customers: list[dict[str, Any]] = []
        points: list[dict[str, Any]] = []
        for cid in range(1, self.n_customers + 1):
            name, last, latin = self._name(rng)
            created = NOW - timedelta(seconds=rng.randrange(3 * 365 * 86400))
            company = ""
            if rng.random() < 0.3:
                company = rng.choice(COMPANIES).format(last=last)
            notes = ""
            if rng.random() < 0.2:
                notes = " ".join(rng.choices(WORDS, cum_weights=self._cum, k=rng.randint(3, 12)))
            customers.append({
                "id": cid, "name": name, "company": company, "notes": notes,
                "tags": ["vip"] if rng.random() < 0.05 else [], "owner": "",
                "created_at": created, "updated_at": created,
            })
            phone_count = 2 if rng.random() < 0.25 else 1
            for n in range(phone_count):
                e164, raw = self._phone(rng, used_phones)
                self.phones.append(e164)
                if n == 0:
                    self.primary_phone.append(e164)
                points.append(self._point(next(cp_id), cid, "phone", raw, e164, created))
            email = ""
            if rng.random() < 0.5:
                email = f"{latin}{cid}@{rng.choice(MAIL_DOMAINS)}"
                raw_email = email if rng.random() < 0.8 else email.capitalize()
                points.append(self._point(next(cp_id), cid, "email", raw_email, email, created))
            self.primary_email.append(email)
            if rng.random() < 0.15:
                chat = str(100_000_000 + cid * 7919 % 900_000_000 + cid)
                points.append(self._point(next(cp_id), cid, "telegram", chat, chat, created))
            if len(customers) >= size:
                self.contact_points += len(points)
                yield customers, points
                customers, points = [], []
        if customers:
            self.contact_points += len(points)
            yield customers, points

    @staticmethod
    def _point(pid: int, cid: int, kind: str, raw: str, norm: str, at: datetime) -> dict:
        return {"id": pid, "customer_id": cid, "kind": kind, "raw": raw, "normalized": norm,
                "label": "", "created_at": at}

    @staticmethod
    def _name(rng: random.Random) -> tuple[str, str, str]:
        """(full name, surname, latin email local part)."""
        r = rng.random()
        if r < 0.5:
            first, last = rng.choice(UA_FIRST), rng.choice(UA_LAST)
        elif r < 0.8:
            first, last = rng.choice(RU_FIRST), rng.choice(RU_LAST)
            if first in RU_FEMALE:
                last += "а"
        else:
            first, last = rng.choice(LATIN_FIRST), rng.choice(LATIN_LAST)
        latin = f"{first[0]}.{last}".lower().translate(TRANSLIT)
        name = f"{first} {last}" if rng.random() < 0.8 else f"{last} {first}"
        return name, last, latin

    @staticmethod
    def random_phone(rng: random.Random) -> tuple[str, str]:
        """(E.164, as typed) for a UA (65%) or RU (35%) mobile."""
        sub = rng.randrange(10_000_000)
        s = f"{sub:07d}"
        if rng.random() < 0.65:
            op = rng.choice(UA_OPERATOR_CODES)
            e164 = f"+380{op}{s}"
            style = rng.random()
            if style < 0.4:
                raw = f"0{op} {s[:3]} {s[3:5]} {s[5:]}"
            elif style < 0.8:
                raw = f"+380 {op} {s[:3]} {s[3:]}"
            else:
                raw = f"0{op}{s}"
        else:
            code = f"9{rng.randrange(100):02d}"
            e164 = f"+7{code}{s}"
            raw = f"+7 ({code}) {s[:3]}-{s[3:5]}-{s[5:]}" if rng.random() < 0.7 else e164
        return e164, raw

    def _phone(self, rng: random.Random, used: set[str]) -> tuple[str, str]:
        while True:
            e164, raw = self.random_phone(rng)
            if e164 not in used:
                used.add(e164)
                return e164, raw

    # --- interactions -----------------------------------------------------------

    def interaction_batches(self, size: int = 10000) -> Iterator[list[dict]]:
        rng = random.Random(self.seed + 1)
        words, cum = WORDS, self._cum
        step = HISTORY / self.n_interactions
        start = NOW - HISTORY
        operators = ["Олена", "Максим", "Ірина", "Дмитро", "Anna", ""]
        channels = ["call", "telegram", "viber", "whatsapp", "email", "webform", "callback",
                    "note"]
        channel_weights = list(itertools.accumulate([45, 20, 8, 7, 12, 3, 2, 3]))
        batch: list[dict[str, Any]] = []
        for i in range(self.n_interactions):
            iid = i + 1
            started = start + step * i + timedelta(seconds=rng.randrange(60))
            if i % self.heavy_every == 0:
                cid: int | None = self.heavy_customer_id
            elif rng.random() < 0.05:
                cid = None
            else:
                cid = rng.randint(1, self.n_customers)
            channel = rng.choices(channels, cum_weights=channel_weights)[0]
            direction = "in" if rng.random() < 0.6 else "out"
            answered = ended = None
            duration = None
            subject = body = ""
            external: str | None = f"{iid:x}{rng.getrandbits(48):012x}"
            thread = None
            kind: str | None = "phone"
            if cid is None:
                value: str | None = self.random_phone(rng)[0]
            else:
                value = self.primary_phone[cid]
            n_words = rng.randint(3, 40)
            text_words = rng.choices(words, cum_weights=cum, k=n_words)
            if rng.random() < 0.3:
                text_words.insert(rng.randrange(n_words), f"№{rng.randrange(10_000, 999_999)}")
            if rng.random() < 0.1:
                text_words.append(f"2045{rng.randrange(10**10):010d}")  # Nova Poshta TTN
            text = " ".join(text_words)
            if channel in ("call", "callback"):
                status = rng.choice(["answered", "answered", "answered", "missed", "busy"])
                external = f"{external}@pbx.local"
                if status == "answered":
                    answered = started + timedelta(seconds=rng.randint(2, 25))
                    duration = float(rng.randint(5, 900))
                    ended = answered + timedelta(seconds=duration)
                    body = text if rng.random() < 0.4 else ""
                else:
                    ended = started + timedelta(seconds=30)
                    duration = 0.0
            elif channel == "email":
                status = "received" if direction == "in" else "sent"
                subject = " ".join(rng.choices(words, cum_weights=cum, k=rng.randint(2, 6)))
                body = text
                external = f"<{external}@mail.example>"
                kind = "email"
                if cid is not None and self.primary_email[cid]:
                    value = self.primary_email[cid]
                else:
                    value = f"client{iid}@gmail.com"
                thread = external
            elif channel in ("note", "webform"):
                status = "done"
                body = text
                if channel == "note":
                    external, kind, value = None, None, None
            else:  # messengers
                status = "received" if direction == "in" else "delivered"
                body = text
                thread = f"{channel}:{value}"
            batch.append({
                "id": iid, "customer_id": cid, "channel": channel, "direction": direction,
                "status": status, "started_at": started, "answered_at": answered,
                "ended_at": ended, "duration_s": duration, "subject": subject, "body": body,
                "external_id": external, "thread_key": thread, "contact_kind": kind,
                "contact_value": value, "account": "", "operator": rng.choice(operators),
                "meta": {}, "created_at": started, "updated_at": ended or started,
            })
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch


def as_tuple(row: dict[str, Any], columns: list[str]) -> tuple:
    """A row for PostgreSQL COPY: JSON columns as text, times as naive UTC."""
    out = []
    for c in columns:
        v = row.get(c)  # a column added after datagen (conversation_id) is NULL
        if isinstance(v, datetime):
            v = v.replace(tzinfo=None)
        elif isinstance(v, list | dict):
            v = json.dumps(v, ensure_ascii=False) if v else ("[]" if isinstance(v, list) else "{}")
        out.append(v)
    return tuple(out)
