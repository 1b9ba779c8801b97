"""Customers and contact points, on SQLite and PostgreSQL."""

import pytest
from sqlmodel import func, select

from app.core import Core
from app.customers import ContactInput, CustomerError, CustomerNotFound, DuplicateContact
from app.models import CallbackRequest, ContactPoint, Customer, Interaction
from app.timeline import InteractionDraft


def count(core: Core, model: type) -> int:
    with core.db.session() as s:
        return int(s.exec(select(func.count()).select_from(model)).one())


def test_create_and_find_by_any_spelling(core: Core) -> None:
    made = core.customers.create(
        "  Ольга   Петренко ",
        [ContactInput("phone", "050 123 45 67"), ContactInput("email", "Olga@Shop.UA")],
        company="ТОВ Ромашка",
        tags=["vip"],
    )
    assert made.name == "Ольга Петренко"
    assert core.customers.find("phone", "+38 (050) 123-45-67").id == made.id
    assert core.customers.find("email", "olga@shop.ua").id == made.id
    assert core.customers.find("phone", "0509999999") is None
    assert core.customers.find("phone", "anonymous") is None
    points = core.customers.contacts(made.id)
    assert [(p.kind, p.raw, p.normalized) for p in points] == [
        ("phone", "050 123 45 67", "+380501234567"),
        ("email", "Olga@Shop.UA", "olga@shop.ua"),
    ]


def test_bad_input_leaves_nothing_behind(core: Core) -> None:
    core.customers.create("Іван", [ContactInput("phone", "0501111111")])
    before = (count(core, Customer), count(core, ContactPoint))
    with pytest.raises(CustomerError, match="name is empty"):
        core.customers.create("   ", [ContactInput("phone", "0502222222")])
    with pytest.raises(CustomerError, match="not a phone number"):
        core.customers.create("Петро", [ContactInput("phone", "050-CALL-ME")])
    with pytest.raises(DuplicateContact, match=r"\+380501111111 already belongs to customer #\d+"):
        core.customers.create(
            "Петро", [ContactInput("phone", "0503333333"), ContactInput("phone", "050 111 11 11")]
        )
    with pytest.raises(CustomerError, match="Unknown contact kind 'fax'"):
        core.customers.create("Петро", [ContactInput("fax", "123")])
    assert (count(core, Customer), count(core, ContactPoint)) == before


def test_same_number_twice_in_one_customer_is_one_contact(core: Core) -> None:
    made = core.customers.create(
        "Анна", [ContactInput("phone", "0501234567"), ContactInput("phone", "+380501234567")]
    )
    assert len(core.customers.contacts(made.id)) == 1
    # adding it again to the same customer is a no-op, not an error
    again = core.customers.add_contact(made.id, ContactInput("phone", "050 123 45 67"))
    assert again.normalized == "+380501234567"
    assert len(core.customers.contacts(made.id)) == 1


def test_update_and_missing_customer(core: Core) -> None:
    made = core.customers.create("Анна")
    updated = core.customers.update(made.id, company="Acme", tags=["b2b"], name=" Анна К ")
    assert (updated.company, updated.tags, updated.name) == ("Acme", ["b2b"], "Анна К")
    assert updated.updated_at >= made.updated_at
    with pytest.raises(CustomerError, match="Unknown customer fields: phone"):
        core.customers.update(made.id, phone="1")
    with pytest.raises(CustomerNotFound, match="#999999 does not exist"):
        core.customers.get(999999)


def test_merge_moves_everything_and_loses_nothing(core: Core) -> None:
    keep = core.customers.create(
        "Олег", [ContactInput("phone", "0501000001")], notes="first", tags=["a"]
    )
    dup = core.customers.create(
        "Олег П.",
        [ContactInput("email", "oleg@x.ua"), ContactInput("telegram", "777")],
        company="Шина",
        notes="second",
        tags=["a", "b"],
    )
    for i in range(3):
        core.timeline.record(
            InteractionDraft("telegram", "in", "received", body=f"m{i}", customer_id=dup.id)
        )
    with core.db.session() as s:
        s.add(CallbackRequest(phone="+380501000001", source="manual", customer_id=dup.id))
    result = core.customers.merge(keep.id, dup.id)
    assert (result.contacts_moved, result.interactions_moved, result.callbacks_moved) == (2, 3, 1)
    merged = core.customers.get(keep.id)
    assert (merged.notes, merged.company, merged.tags) == ("first\n\nsecond", "Шина", ["a", "b"])
    assert core.customers.find("telegram", "777").id == keep.id
    assert len(core.timeline.page(keep.id)) == 3
    with pytest.raises(CustomerNotFound):
        core.customers.get(dup.id)
    assert count(core, Interaction) == 3
    with pytest.raises(CustomerError, match="merged with itself"):
        core.customers.merge(keep.id, keep.id)


def test_browse_searches_names_companies_and_numbers(core: Core) -> None:
    a = core.customers.create(
        "Ольга Петренко", [ContactInput("phone", "050 123 45 67")], company="ТОВ Ромашка"
    )
    b = core.customers.create("John Smith", [ContactInput("email", "john@acme.com")])
    core.customers.create("Zoe", [ContactInput("telegram", "zoe_tg")])
    ids = lambda q: [c.id for c in core.customers.browse(q)]  # noqa: E731
    assert ids("ольга") == [a.id]
    assert ids("ПЕТР") == [a.id]
    assert ids("ромаш") == [a.id]
    assert ids("123 45") == [a.id]
    assert ids("0501234") == [a.id]
    assert ids("ACME") == [b.id]
    assert ids("nobody") == []
    assert [c.name for c in core.customers.browse("")] == ["John Smith", "Zoe", "Ольга Петренко"]


def test_edit_changes_fields_and_contacts_in_one_step(core: Core) -> None:
    made = core.customers.create(
        "Ольга", [ContactInput("phone", "0501234567"), ContactInput("email", "o@shop.ua")]
    )
    phone, email = core.customers.contacts(made.id)
    edited = core.customers.edit(
        made.id,
        {"name": " Ольга  Петренко ", "company": "Ромашка", "tags": ["vip", "opt"]},
        add=[ContactInput("telegram", "olga_p"), ContactInput("phone", "067 765 43 21")],
        remove=[email.id],
    )
    assert (edited.name, edited.company, edited.tags) == (
        "Ольга Петренко",
        "Ромашка",
        ["vip", "opt"],
    )
    assert sorted((p.kind, p.normalized) for p in core.customers.contacts(made.id)) == [
        ("phone", "+380501234567"),
        ("phone", "+380677654321"),
        ("telegram", "olga_p"),
    ]
    assert core.customers.find("email", "o@shop.ua") is None
    assert phone.id in {p.id for p in core.customers.contacts(made.id)}


def test_edit_with_a_taken_contact_changes_nothing(core: Core) -> None:
    other = core.customers.create("Іван", [ContactInput("phone", "0502222222")])
    made = core.customers.create("Ольга", [ContactInput("email", "o@shop.ua")])
    (email,) = core.customers.contacts(made.id)
    with pytest.raises(DuplicateContact, match=f"#{other.id}"):
        core.customers.edit(
            made.id,
            {"name": "Renamed"},
            add=[ContactInput("phone", "050 222 22 22")],
            remove=[email.id],
        )
    assert core.customers.get(made.id).name == "Ольга"
    assert [p.normalized for p in core.customers.contacts(made.id)] == ["o@shop.ua"]
    with pytest.raises(CustomerError, match="no longer this customer's"):
        core.customers.edit(made.id, {}, remove=core_contact_ids(core, other.id))
    with pytest.raises(CustomerError, match="name is empty"):
        core.customers.edit(made.id, {"name": "  "})
    with pytest.raises(CustomerError, match="Unknown customer fields: id"):
        core.customers.edit(made.id, {"id": 5})
    with pytest.raises(CustomerNotFound):
        core.customers.edit(made.id + 100, {"name": "x"})
    assert core.customers.get(made.id).name == "Ольга"


def test_edit_moves_a_number_between_rows_of_the_same_customer(core: Core) -> None:
    made = core.customers.create("Ольга", [ContactInput("phone", "0501234567", label="home")])
    (point,) = core.customers.contacts(made.id)
    core.customers.edit(
        made.id, {}, add=[ContactInput("phone", "+380501234567", label="work")], remove=[point.id]
    )
    (moved,) = core.customers.contacts(made.id)
    assert (moved.normalized, moved.label) == ("+380501234567", "work")


def core_contact_ids(core: Core, customer_id: int) -> list[int]:
    return [p.id for p in core.customers.contacts(customer_id) if p.id is not None]
