"""A file typed as a picture (by its name, or by what the sender's app said)
is recorded as one only if its first bytes are one: a renamed document or a
broken download is kept as a plain file, so a channel sends it as a document
and the view shows a file's icon, never a broken picture."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from app.attachments import content_mime, image_kind, read_head
from app.core import Core
from app.inbox import InboundFile, InboundMessage
from app.models import Attachment, Channel, ChannelAccount

T0 = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 "
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00"


@pytest.mark.parametrize(
    ("head", "kind"),
    [(PNG, "image/png"), (JPEG, "image/jpeg"), (WEBP, "image/webp"), (HEIC, "image/heic")],
)
def test_pictures_are_told_by_their_first_bytes(head: bytes, kind: str) -> None:
    assert image_kind(head) == kind
    assert content_mime("image/jpeg", head) == "image/jpeg"  # a PNG named .jpg is still a picture


@pytest.mark.parametrize(
    "head", [b"%PDF-1.7\n%\xe2\xe3", b"PK\x03\x04 a zip", b"<html><body>", b"", b"\xff\xd8"]
)
def test_a_file_claiming_to_be_a_picture_that_is_not_is_a_plain_file(head: bytes) -> None:
    assert image_kind(head) is None
    assert content_mime("image/jpeg", head) == "application/octet-stream"
    assert content_mime("image/png", head) == "application/octet-stream"
    # Types the check does not know keep what they said.
    assert content_mime("application/pdf", head) == "application/pdf"
    assert content_mime("image/svg+xml", head) == "image/svg+xml"


def test_read_head_of_a_missing_file_is_empty(tmp_path: Path) -> None:
    assert read_head(tmp_path / "gone.jpg") == b""
    (tmp_path / "a.png").write_bytes(PNG + b"rest")
    assert read_head(tmp_path / "a.png") == PNG[:16]


@pytest.fixture
def account_id(core: Core) -> int:
    with core.db.session() as s:
        shop = ChannelAccount(kind="telegram", label="Магазин")
        s.add(shop)
        s.flush()
        assert shop.id is not None
        return shop.id


def message(account_id: int, **fields: Any) -> InboundMessage:
    values: dict[str, Any] = {
        "account_id": account_id,
        "channel": Channel.TELEGRAM,
        "external_id": f"{account_id}:700:1",
        "identity": "700",
        "sent_at": T0,
        "text": "Добрий день",
    }
    values.update(fields)
    return InboundMessage(**values)


def test_a_received_photo_that_is_not_one_is_stored_as_a_file(
    core: Core, account_id: int, tmp_path: Path
) -> None:
    fake = tmp_path / "fake.jpg"
    fake.write_bytes(b"%PDF-1.4 renamed invoice")
    real = tmp_path / "real.bin"
    real.write_bytes(JPEG + b"x" * 100)
    files = (
        InboundFile(kind="document", filename="фото.jpg", mime="image/jpeg", path=fake),
        InboundFile(kind="document", filename="scan", mime="image/jpeg", path=real),
    )
    core.inbox.store([message(account_id, text="", kind="document", files=files)])
    with core.db.session() as s:
        stored = {a.filename: a.mime for a in s.exec(select(Attachment))}
    assert stored == {"фото.jpg": "application/octet-stream", "scan": "image/jpeg"}


def test_a_file_sent_as_a_picture_that_is_not_one_goes_as_a_file(
    core: Core, account_id: int, tmp_path: Path
) -> None:
    (stored,) = core.inbox.store([message(account_id)])
    fake = tmp_path / "знімок.png"
    fake.write_bytes(b"not a picture at all")
    row = core.outbox.queue(
        stored.conversation_id, "", operator="Ірина", idempotency_key="k1", attachments=[fake]
    )
    (attachment,) = core.attachments.for_interaction(row.interaction_id)
    assert (attachment.filename, attachment.mime) == ("знімок.png", "application/octet-stream")
