"""The words for a channel's conflict come from its typed reason
(``ChannelStatus.conflict``), not from the channel's or the platform's text,
which may be in any language or mention a webhook for another reason."""

from __future__ import annotations

from typing import Any

from integrations.base import ChannelState, ChannelStatus, Conflict
from ui.common.channel_status import advice, colour, is_problem, state_text, status_line


def _conflict(conflict: Conflict | None, detail: str = "") -> ChannelStatus:
    return ChannelStatus(7, "telegram", "Shop bot", ChannelState.CONFLICT, detail, None, conflict)


def test_a_webhook_is_told_by_the_reason_not_by_the_words(qapp: Any) -> None:
    webhook = _conflict(Conflict.WEBHOOK, "Conflict: вебхук встановлено")
    assert state_text(webhook) == "a webhook is set"
    assert "Remove webhook" in advice(webhook)
    poller = _conflict(Conflict.OTHER_READER, "Conflict: another webhook-less poller")
    assert state_text(poller) == "another program reads this bot"
    assert "webhook" not in advice(poller)


def test_another_window_on_the_database_is_said_so_and_is_no_problem(qapp: Any) -> None:
    elsewhere = _conflict(Conflict.OTHER_HOST, "Switchboard on pc-olena, pid 4321")
    assert status_line(elsewhere) == (
        "Telegram “Shop bot”: served by another Switchboard window on this database"
    )
    assert "takes the bot over by itself" in advice(elsewhere)
    # The team's set-up as meant: no red label in the status bar, no tray line.
    assert not is_problem(elsewhere)
    assert colour(elsewhere) != colour(_conflict(Conflict.OTHER_READER))
    assert is_problem(_conflict(Conflict.OTHER_READER)) and is_problem(_conflict(None))
