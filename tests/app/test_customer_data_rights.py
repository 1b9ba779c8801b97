"""A customer's data rights: export everything about them, erase everything about them.

Run on SQLite and PostgreSQL: erasure relies on the order of deletes and on
foreign keys, which the two databases enforce at different moments.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, func, select

from app.callbacks import CallbackError
from app.core import Core
from app.customers import ContactInput, CustomerNotFound, write_export
from app.models import (
    Attachment,
    CallbackAttempt,
    CallbackRequest,
    ContactPoint,
    Customer,
    Interaction,
)
from app.timeline import InteractionDraft, InteractionNotFound


def count(core: Core, model: Any, *where: Any) -> int:
    with core.db.session() as s:
        return int(s.exec(select(func.count()).select_from(model).where(*where)).one())


def make_file(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def populate(core: Core, tmp_path: Path) -> dict[str, Any]:
    """Two customers who share one attachment's bytes (the same photo sent by both)."""
    olga = core.customers.create(
        "Ольга Петренко",
        [ContactInput("phone", "050 123 45 67"), ContactInput("email", "olga@shop.ua")],
        company="ТОВ Ромашка",
        tags=["vip"],
    )
    other = core.customers.create("Інший", [ContactInput("phone", "050 000 00 01")])
    assert olga.id is not None and other.id is not None
    call = core.timeline.record(
        InteractionDraft("call", "in", "answered", customer_id=olga.id, external_id="sip-1")
    ).interaction
    chat = core.timeline.record(
        InteractionDraft("telegram", "in", "received", customer_id=olga.id, body="Фото замовлення")
    ).interaction
    theirs = core.timeline.record(
        InteractionDraft("telegram", "in", "received", customer_id=other.id, body="теж фото")
    ).interaction
    unlinked = core.timeline.record(
        InteractionDraft("call", "in", "missed", contact_kind="phone", contact_value="0509990000")
    ).interaction
    assert call.id and chat.id and theirs.id and unlinked.id
    recording = core.attachments.add(call.id, make_file(tmp_path, "rec.wav", b"RIFF-only-olga"))
    photo = core.attachments.add(chat.id, make_file(tmp_path, "photo.jpg", b"JPEG-shared"))
    shared = core.attachments.add(theirs.id, make_file(tmp_path, "same.jpg", b"JPEG-shared"))
    assert photo.sha256 == shared.sha256
    with core.db.session() as s:
        callback = CallbackRequest(
            customer_id=olga.id, phone="+380501234567", source="manual", comment="після 18:00"
        )
        s.add(callback)
        s.flush()
        assert callback.id is not None
        s.add(CallbackAttempt(request_id=callback.id, operator="op1", outcome="no_answer"))
        s.add(CallbackRequest(customer_id=other.id, phone="+380500000001", source="manual"))
    return {
        "olga": olga,
        "other": other,
        "call": call,
        "chat": chat,
        "theirs": theirs,
        "unlinked": unlinked,
        "recording": recording,
        "photo": photo,
        "callback": callback,
    }


def test_export_has_everything_and_only_theirs(core: Core, tmp_path: Path) -> None:
    made = populate(core, tmp_path)
    olga = made["olga"]
    data = core.customers.export(olga.id)
    assert data["format"] == "switchboard.customer.v1"
    assert data["customer"]["name"] == "Ольга Петренко"
    assert data["customer"]["company"] == "ТОВ Ромашка"
    assert data["customer"]["tags"] == ["vip"]
    assert sorted((c["kind"], c["normalized"]) for c in data["contacts"]) == [
        ("email", "olga@shop.ua"),
        ("phone", "+380501234567"),
    ]
    by_id = {i["id"]: i for i in data["interactions"]}
    assert set(by_id) == {made["call"].id, made["chat"].id}
    assert [a["filename"] for a in by_id[made["call"].id]["attachments"]] == ["rec.wav"]
    assert [(a["filename"], a["sha256"]) for a in by_id[made["chat"].id]["attachments"]] == [
        ("photo.jpg", made["photo"].sha256)
    ]
    assert by_id[made["chat"].id]["body"] == "Фото замовлення"
    assert [(c["id"], c["comment"]) for c in data["callbacks"]] == [
        (made["callback"].id, "після 18:00")
    ]
    # JSON-ready as returned, and written readable (Cyrillic as is).
    target = tmp_path / "olga.json"
    write_export(data, target)
    assert json.loads(target.read_text(encoding="utf-8")) == data
    assert "Ольга Петренко" in target.read_text(encoding="utf-8")


def test_delete_removes_rows_and_files_but_keeps_shared_files(core: Core, tmp_path: Path) -> None:
    made = populate(core, tmp_path)
    olga, other = made["olga"], made["other"]
    recording_file = core.attachments.path_for(made["recording"].sha256)
    shared_file = core.attachments.path_for(made["photo"].sha256)
    assert recording_file.exists() and shared_file.exists()
    other_before = core.customers.export(other.id)

    assert core.customers.delete(olga.id) == 2

    assert count(core, Customer, col(Customer.id) == olga.id) == 0
    assert count(core, ContactPoint, col(ContactPoint.customer_id) == olga.id) == 0
    assert count(core, Interaction, col(Interaction.customer_id) == olga.id) == 0
    assert (
        count(
            core,
            Attachment,
            col(Attachment.interaction_id).in_([made["call"].id, made["chat"].id]),
        )
        == 0
    )
    assert count(core, CallbackRequest, col(CallbackRequest.customer_id) == olga.id) == 0
    assert count(core, CallbackRequest, col(CallbackRequest.id) == made["callback"].id) == 0
    assert count(core, CallbackAttempt) == 0  # went with their callback
    assert not recording_file.exists()
    assert shared_file.exists()  # the other customer's attachment still points at it
    # Everyone else is untouched, and the erased contacts are free again.
    after = core.customers.export(other.id)
    assert {k: v for k, v in after.items() if k != "exported_at"} == {
        k: v for k, v in other_before.items() if k != "exported_at"
    }
    assert core.timeline.get(made["unlinked"].id).customer_id is None
    assert core.customers.find("phone", "0501234567") is None
    assert core.customers.find("email", "olga@shop.ua") is None

    # When the last reference goes, so does the file.
    core.customers.delete(other.id)
    assert not shared_file.exists()


def test_deleting_a_deleted_customer_is_a_clear_error(core: Core, tmp_path: Path) -> None:
    made = populate(core, tmp_path)
    olga_id = made["olga"].id
    core.customers.delete(olga_id)
    with pytest.raises(CustomerNotFound, match=rf"Customer #{olga_id} does not exist"):
        core.customers.delete(olga_id)
    with pytest.raises(CustomerNotFound, match=rf"Customer #{olga_id} does not exist"):
        core.customers.export(olga_id)
    assert count(core, Customer) == 1


def test_customer_without_any_data(core: Core) -> None:
    bare = core.customers.create("Без нічого")
    assert bare.id is not None
    data = core.customers.export(bare.id)
    assert (data["contacts"], data["interactions"], data["callbacks"]) == ([], [], [])
    assert core.customers.delete(bare.id) == 0
    assert count(core, Customer) == 0


def test_unlinked_history_from_their_numbers_is_exported_and_erased(core: Core) -> None:
    """A call before the caller was a customer is still their personal data."""
    before = core.timeline.record(
        InteractionDraft(
            "call",
            "in",
            "missed",
            external_id="early-call",
            contact_kind="phone",
            contact_value="0507770000",
        )
    ).interaction
    stranger = core.timeline.record(
        InteractionDraft(
            "call",
            "in",
            "missed",
            external_id="other-call",
            contact_kind="phone",
            contact_value="0507770001",
        )
    ).interaction
    request = core.callbacks.register_missed_call("0507770000", before.id)
    assert request is not None and request.customer_id is None
    core.callbacks.claim(request.id, "anna")
    core.callbacks.finish_attempt(request.id, "anna", "no_answer")
    made = core.customers.create("Тарас", [ContactInput("phone", "050 777 00 00")])

    data = core.customers.export(made.id)
    assert [i["external_id"] for i in data["interactions"]] == ["early-call"]
    [callback] = data["callbacks"]
    assert [(a["operator"], a["outcome"]) for a in callback["attempts"]] == [("anna", "no_answer")]

    assert core.customers.delete(made.id) == 1
    with pytest.raises(InteractionNotFound):
        core.timeline.get(before.id)
    with pytest.raises(CallbackError):
        core.callbacks.get(request.id)
    assert core.timeline.get(stranger.id).contact_value == "+380507770001"
