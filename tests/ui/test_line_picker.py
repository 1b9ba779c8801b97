"""Which line an outgoing call goes through (issue 21, item 1), in the real
window with the recording engine: no picker for one account; with several the
operator's pick is the line of every dial path and the saved default; a
customer's card moves it to the line of their latest call, without changing
the default; a line that is gone falls back to the first."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt

from app.core import Core
from app.customers import ContactInput
from app.enums import Channel, ContactKind, Direction, InteractionStatus
from app.settings import Settings
from app.timeline import InteractionDraft
from sip.adapters.account_rows import EngineAccount
from sip.config import AccountConfig


def lines(*pairs: tuple[str, str]) -> list[EngineAccount]:
    return [
        EngineAccount(AccountConfig(i, "operator", "pbx.example"), "", label) for i, label in pairs
    ]


def dialled(engine: Any) -> list[tuple[str, str]]:
    return [(c[1], c[2]) for c in engine.commands if c[0] == "dial"]


def test_one_account_needs_no_picker(qtbot: Any, shell: Any) -> None:
    shell.apply_accounts(lines(("1", "Office")))
    assert not shell.window.line_picker.isVisible()
    assert shell.control.account_id == "1"


def test_the_operators_pick_is_the_line_and_the_saved_default(
    qtbot: Any, shell: Any, engine: Any, sqlite_core: Core
) -> None:
    window = shell.window
    shell.apply_accounts(lines(("1", "Office"), ("2", "Sales mobile")))
    picker = window.line_picker
    assert picker.isVisible()
    assert [picker.lines.itemText(i) for i in range(picker.lines.count())] == [
        "Office",
        "Sales mobile",
    ]
    assert shell.control.account_id == "1"
    # Chosen by keyboard: the combo takes the focus by its label's Alt+L.
    picker.lines.setFocus()
    qtbot.keyClick(picker.lines, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shell.control.account_id == "2")
    window.dialpad.field.setText("+380501234567")
    qtbot.keyClick(window.dialpad.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialled(engine) == [("2", "+380501234567")])

    config = sqlite_core.paths.config_file
    qtbot.waitUntil(
        lambda: (
            config.exists()
            and json.loads(config.read_text(encoding="utf-8")).get("outgoing_account") == "2"
        )
    )
    assert Settings.read(config).settings.outgoing_account == "2"
    # The engine's accounts again (a settings save): the default stays.
    shell.apply_accounts(lines(("1", "Office"), ("2", "Sales mobile")))
    assert shell.control.account_id == "2" and picker.lines.currentData() == "2"
    # A default that is gone: the first line.
    shell.apply_accounts(lines(("1", "Office"), ("3", "New")))
    assert shell.control.account_id == "1"


def test_a_customers_card_takes_the_line_of_their_latest_call(
    qtbot: Any, shell: Any, engine: Any, sqlite_core: Core
) -> None:
    core = sqlite_core
    shell.apply_accounts(lines(("1", "Office"), ("2", "Sales mobile")))
    olena = core.customers.create("Олена Коваль", [ContactInput("phone", "+380501234567")])
    petro = core.customers.create("Петро Бондар", [ContactInput("phone", "+380671112233")])
    assert olena.id is not None and petro.id is not None
    for account in ("1", "2"):  # the latest on the sales mobile
        core.timeline.record(
            InteractionDraft(
                channel=Channel.CALL,
                direction=Direction.INBOUND,
                status=InteractionStatus.ANSWERED,
                contact_kind=ContactKind.PHONE,
                contact_value="+380501234567",
                customer_id=olena.id,
                account=account,
            )
        )
    picker = shell.window.line_picker
    shell.window.open_customer(olena.id)
    qtbot.waitUntil(lambda: shell.control.account_id == "2")
    assert picker.lines.currentText() == "Sales mobile"
    assert core.settings.outgoing_account == ""  # the default is not changed by a card
    shell.window.open_customer(petro.id)  # no calls yet: the default line
    qtbot.waitUntil(lambda: shell.control.account_id == "1")
    assert picker.lines.currentText() == "Office"
