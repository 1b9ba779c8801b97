"""The shipped catalogues load, and the window speaks the chosen language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

import pytest

from app.core import Core
from tests.app.test_messages import marker_calls
from tests.ui.conftest import RecordingEngine
from ui.shell.i18n import TRANSLATIONS_DIR, Translations, resolve_language

FIELD = re.compile(r"\{[^{}]*\}")  # a str.format field of a core template


def fields_of(template: str) -> list[str]:
    """Its str.format fields; "{{" and "}}" are literal braces, not fields."""
    return sorted(FIELD.findall(template.replace("{{", "").replace("}}", "")))


@pytest.fixture
def translations() -> Iterator[Translations]:
    installed = Translations()
    yield installed
    installed.install("en")  # the rest of the suite reads English


def build_window(qtbot: Any, core: Core) -> Any:
    from ui.shell.shell import Shell

    shell = Shell(core, phone=RecordingEngine())
    qtbot.addWidget(shell.window)
    return shell


def test_catalogues_are_shipped() -> None:
    for lang in ("ru", "uk"):
        assert (TRANSLATIONS_DIR / f"switchboard_{lang}.qm").stat().st_size > 1000


def test_every_message_is_translated_and_keeps_its_fields() -> None:
    # An unfinished message shows English in a Russian window; a core template
    # whose translation lost a {field} is shown in English (ui/common/core_text.py).
    core_sources = set()
    for lang in ("ru", "uk"):
        root = ElementTree.parse(TRANSLATIONS_DIR / f"switchboard_{lang}.ts").getroot()
        for context in root.iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                assert translation is not None
                where = f"{lang} {name}: {source!r}"
                assert translation.get("type") != "unfinished", where
                if name == "core":
                    core_sources.add(source)
                    assert fields_of(translation.text or "") == fields_of(source), where
    assert core_sources == marked_core_templates()


def marked_core_templates() -> set[str]:
    """What app/ marks with QT_TRANSLATE_NOOP("core", ...): the catalogue must hold
    each (scripts/update_translations.sh run after a message changed)."""
    return {call.args[1].value for _, call in marker_calls()}  # type: ignore[attr-defined]


def test_language_setting_and_fallback() -> None:
    assert resolve_language("uk") == "uk"
    assert resolve_language("ru_RU") == "ru"
    assert resolve_language("de") == "en"


@pytest.mark.parametrize(
    ("language", "no_call", "file_menu", "placeholder"),
    [
        ("uk", "Немає активного дзвінка", "&Файл", "Номер або SIP-адреса"),
        ("ru", "Нет активного звонка", "&Файл", "Номер или SIP-адрес"),
        ("en", "No active call", "&File", "Number or SIP address"),
    ],
)
def test_window_speaks_the_chosen_language(
    qtbot: Any,
    sqlite_core: Core,
    translations: Translations,
    language: str,
    no_call: str,
    file_menu: str,
    placeholder: str,
) -> None:
    assert translations.install(language) == language
    shell = build_window(qtbot, sqlite_core)
    window = shell.window
    assert window.call_panel.empty.text() == no_call
    assert window.menuBar().actions()[0].text() == file_menu
    assert window.dialpad.field.placeholderText() == placeholder
    shell.tasks.shutdown()


def test_ukrainian_plural_forms_in_the_tray(
    qtbot: Any, sqlite_core: Core, translations: Translations
) -> None:
    from ui.shell.tray import Tray

    translations.install("uk")
    shell = build_window(qtbot, sqlite_core)
    tray = Tray(shell.bridge)
    tray.missed = 3
    assert tray.tooltip() == "Switchboard: 3 пропущені дзвінки"
    tray.missed = 5
    assert tray.tooltip() == "Switchboard: 5 пропущених дзвінків"
    shell.tasks.shutdown()
