"""A mailbox's status in the operator's words: its own advice (Settings > Email,
not the bot's), and the channel's message through the window's translation."""

from __future__ import annotations

from typing import Any

from app.messages import OperatorError
from integrations.base import ChannelState, ChannelStatus
from ui.channel_status import advice, explanation, state_text


def _status(state: ChannelState, problem: OperatorError | None = None) -> ChannelStatus:
    detail = str(problem) if problem is not None else ""
    return ChannelStatus(3, "email", "shop@shop.example", state, detail, problem=problem)


def test_a_refused_password_says_what_to_do_with_the_mailbox(qapp: Any) -> None:
    status = _status(ChannelState.AUTH_FAILED)
    assert state_text(status) == "password refused"
    assert "Settings > Email" in advice(status)
    assert "BotFather" not in advice(status)
    assert "Settings > Email" in advice(_status(ChannelState.MISCONFIGURED))


def test_the_channels_message_is_shown_from_its_template(qapp: Any) -> None:
    problem = OperatorError(
        "The folder {folder!r} can't be read: {reason}.", folder="Архів", reason="NO"
    )
    status = ChannelStatus(
        3, "email", "shop", ChannelState.MISCONFIGURED, "an older English text", problem=problem
    )
    assert "The folder 'Архів' can't be read: NO." in explanation(status)
    assert "an older English text" not in explanation(status)
    # Equal statuses stay equal whatever message object they carry.
    assert status == ChannelStatus(
        3, "email", "shop", ChannelState.MISCONFIGURED, "an older English text"
    )
