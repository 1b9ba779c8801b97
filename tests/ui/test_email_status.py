"""A mailbox's status in the operator's words: its own advice (Settings > Email,
not the bot's), and the channel's message through the window's translation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.messages import OperatorError
from integrations.base import ChannelState, ChannelStatus
from integrations.email.imap import _FOLDER_PROBLEM
from ui.common.channel_status import advice, explanation, state_text
from ui.shell.i18n import Translations


@pytest.fixture
def translations() -> Iterator[Translations]:
    installed = Translations()
    yield installed
    installed.install("en")  # the rest of the suite reads English


def _status(state: ChannelState, problem: OperatorError | None = None) -> ChannelStatus:
    detail = str(problem) if problem is not None else ""
    return ChannelStatus(3, "email", "shop@shop.example", state, detail, problem=problem)


def test_a_refused_password_says_what_to_do_with_the_mailbox(qapp: Any) -> None:
    status = _status(ChannelState.AUTH_FAILED)
    assert state_text(status) == "password refused"
    assert "Settings > Email" in advice(status)
    assert "BotFather" not in advice(status)
    assert "Settings > Email" in advice(_status(ChannelState.MISCONFIGURED))


def test_the_channels_message_is_shown_in_the_windows_language(
    qapp: Any, translations: Translations
) -> None:
    problem = OperatorError(_FOLDER_PROBLEM, folder="Архів", reason="NO")
    status = ChannelStatus(
        3, "email", "shop", ChannelState.MISCONFIGURED, str(problem), problem=problem
    )
    translations.install("uk")
    text = explanation(status)
    assert "Теку 'Архів' поштової скриньки не вдається прочитати: NO." in text
    assert "Перевірте поштову скриньку" in text  # the advice, translated too
    assert "can't be read" not in text
    # Equal statuses stay equal whatever message object they carry.
    assert status == ChannelStatus(3, "email", "shop", ChannelState.MISCONFIGURED, str(problem))
