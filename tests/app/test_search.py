"""Full-text search: FTS5 on SQLite, tsvector on PostgreSQL, same answers."""

from app.core import Core
from app.customers import ContactInput
from app.timeline import InteractionDraft


def test_search_finds_customers_and_interactions_by_word_prefix(core: Core) -> None:
    olga = core.customers.create(
        "Ольга Петренко", [ContactInput("email", "olga@shop.ua")], notes="Оптовий клієнт"
    )
    john = core.customers.create("John Smith", [ContactInput("phone", "+79161234567")])
    m1 = core.timeline.record(
        InteractionDraft(
            "telegram", "in", "received", customer_id=olga.id, body="Де моє замовлення №1542?"
        )
    ).interaction
    m2 = core.timeline.record(
        InteractionDraft(
            "email",
            "in",
            "received",
            customer_id=john.id,
            subject="Invoice",
            body="Order 1542 paid",
        )
    ).interaction
    core.timeline.record(InteractionDraft("note", "internal", "done", body="nothing here"))

    found = core.search("замовл")
    assert [i.id for i in found.interactions] == [m1.id]
    assert found.customers == []
    both = core.search("1542")
    assert [i.id for i in both.interactions] == [m2.id, m1.id]
    assert [c.id for c in core.search("оптов").customers] == [olga.id]
    assert [c.id for c in core.search("OLGA@SHOP").customers] == [olga.id]
    assert [c.id for c in core.search("916 123").customers] == [john.id]
    assert [c.id for c in core.search("петренко ольга").customers] == [olga.id]


def test_index_follows_updates_and_deletes(core: Core) -> None:
    c = core.customers.create("Марина")
    rec = core.timeline.record(
        InteractionDraft("telegram", "in", "received", customer_id=c.id, body="draft")
    ).interaction
    core.timeline.update(rec.id, body="фінальний текст")
    assert core.search("draft").interactions == []
    assert [i.id for i in core.search("фінальн").interactions] == [rec.id]
    core.customers.update(c.id, name="Марина Коваль")
    assert [x.id for x in core.search("коваль").customers] == [c.id]
    core.customers.delete(c.id)
    assert core.search("коваль").customers == []
    assert core.search("фінальн").interactions == []


def test_query_syntax_is_never_an_error(core: Core) -> None:
    core.customers.create("O'Brien")
    for query in ['"', "AND", "*", "a OR", "NEAR(", "-", "o'brien", "'); DROP TABLE x;--", ""]:
        results = core.search(query)  # must not raise
        assert isinstance(results.customers, list)
    assert [c.name for c in core.search("o'brien").customers] == ["O'Brien"]


def test_like_wildcards_in_a_query_mean_themselves(core: Core) -> None:
    from app.search import customer_ids_by_contact

    under = core.customers.create("Under Score", [ContactInput("email", "a_b@shop.ua")])
    core.customers.create("Other", [ContactInput("email", "axb@shop.ua")])
    with core.db.session() as s:
        assert customer_ids_by_contact(s, "a_b@", 10) == [under.id]  # "_" is no wildcard
        assert customer_ids_by_contact(s, "a%b", 10) == []


def test_phone_digits_typed_in_groups_find_the_customer(core: Core) -> None:
    olga = core.customers.create("Ольга", [ContactInput("phone", "+380 60 165 98 77")])
    assert [c.id for c in core.search("60 165 98").customers] == [olga.id]
    assert [c.id for c in core.search("1659877").customers] == [olga.id]
