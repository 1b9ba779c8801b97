"""The core's operator messages: English for logs and tests, a marked template for
the translation catalogue (app/messages.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.contacts import InvalidContact, normalize_phone
from app.messages import CONTEXT, OperatorError

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app"
# Where operator messages are raised: the folders scripts/update_translations.sh reads.
MESSAGE_FOLDERS = (APP, ROOT / "integrations", ROOT / "integrations" / "email")


def test_an_operator_error_is_english_text_with_its_template_and_fields_kept() -> None:
    with pytest.raises(InvalidContact) as caught:
        normalize_phone("+7 916 CALL ME", "UA")
    error = caught.value
    assert isinstance(error, ValueError) and isinstance(error, OperatorError)
    assert str(error) == "'+7 916 CALL ME' is not a phone number: it has letters or symbols."
    assert error.template == "{value!r} is not a phone number: it has letters or symbols."
    assert error.fields == {"value": "+7 916 CALL ME"}


def test_a_template_without_fields_is_its_own_text() -> None:
    # No str.format on a field-less template: a brace in it stays a brace.
    assert str(OperatorError("Use {braces} freely.")) == "Use {braces} freely."


def marker_calls() -> list[tuple[Path, ast.Call]]:
    calls = []
    for path in sorted(p for folder in MESSAGE_FOLDERS for p in folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "QT_TRANSLATE_NOOP"
            ):
                calls.append((path, node))
    return calls


def test_every_marked_template_is_a_plain_literal_lupdate_can_read() -> None:
    # lupdate reads the source, not the running code: an f-string, a joined string
    # or a variable would silently leave the message untranslated.
    calls = marker_calls()
    assert len(calls) >= 10  # the check sees the markers
    for path, call in calls:
        where = f"{path.name}:{call.lineno}"
        assert len(call.args) == 2 and not call.keywords, where
        context, text = call.args
        assert isinstance(context, ast.Constant) and context.value == CONTEXT, where
        assert isinstance(text, ast.Constant) and isinstance(text.value, str), where
