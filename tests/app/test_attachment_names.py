"""File names from outside (a Telegram document, an email attachment) become
names safe to show and to save, still readable as the sender wrote them."""

from __future__ import annotations

import pytest

from app.attachments import sanitize_filename


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\system.ini", "system.ini"),
        ("rechnung\x00.pdf", "rechnung_.pdf"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),  # a right-to-left override hid ".exe"
        ("\u2067photo\u2069.jpg", "photo.jpg"),
        ("Рахунок №5 (копія).pdf", "Рахунок №5 (копія).pdf"),
        ("CON.txt", "_CON.txt"),
        ("   ", "attachment"),
        ("...", "attachment"),
    ],
)
def test_hostile_names_are_made_safe(given: str, shown: str) -> None:
    assert sanitize_filename(given) == shown


def test_a_name_of_300_characters_fits_255_bytes_and_keeps_its_extension() -> None:
    name = sanitize_filename("ф" * 300 + ".pdf")
    assert len(name.encode("utf-8")) <= 255
    assert name.endswith(".pdf") and name.startswith("фф")
