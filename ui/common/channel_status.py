"""What a channel's status says to the operator: the status bar, the tray and
the settings page's list use the same words.

A status carries a state and, as ``detail``, the platform's own words (or the
channel's, in English): the state is translated here, the detail is shown as
it came, in a tooltip. A working or turned-off channel is no problem: the
status bar says nothing about it; nor about a bot another Switchboard window on
the shared database reads (the conflict's typed reason says which conflict).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from integrations.base import ChannelState, ChannelStatus, Conflict
from ui.common.core_text import error_text
from ui.common.labels import channel_label

PROBLEMS = frozenset(
    {
        ChannelState.AUTH_FAILED,
        ChannelState.NOT_REACHABLE,
        ChannelState.RATE_LIMITED,
        ChannelState.CONFLICT,
        ChannelState.MISCONFIGURED,
    }
)
QUIET_COLOUR = "#666666"
COLOURS = {
    ChannelState.CONNECTED: "#1e7d32",
    ChannelState.STARTING: "#8a6d00",
    ChannelState.RATE_LIMITED: "#8a6d00",
    ChannelState.DISABLED: "#666666",
    ChannelState.STOPPED: "#666666",
}
PROBLEM_COLOUR = "#b3261e"


def fill(template: str, *values: str) -> str:
    """Qt's %1, %2… in one pass: a value that holds "%2" (a bot's name may)
    is not filled in again."""
    return re.sub(
        r"%(\d)",
        lambda m: values[int(m[1]) - 1] if 0 < int(m[1]) <= len(values) else m[0],
        template,
    )


def served_elsewhere(status: ChannelStatus) -> bool:
    """Another Switchboard window on the shared database runs this bot: the
    team's set-up working as meant, not a problem (this window takes it over
    by itself when that one closes)."""
    return status.state is ChannelState.CONFLICT and status.conflict is Conflict.OTHER_HOST


def is_problem(status: ChannelStatus) -> bool:
    return status.state in PROBLEMS and not served_elsewhere(status)


def webhook_is_set(status: ChannelStatus) -> bool:
    """A conflict because a webhook is set (Telegram: getUpdates refused while
    one is active, or a long poll ended by setWebhook), not a second reader."""
    return status.state is ChannelState.CONFLICT and status.conflict is Conflict.WEBHOOK


def colour(status: ChannelStatus) -> str:
    return PROBLEM_COLOUR if is_problem(status) else COLOURS.get(status.state, QUIET_COLOUR)


def state_text(status: ChannelStatus) -> str:
    """The state in a few words, e.g. "not reachable, retrying"."""
    state = status.state
    if state is ChannelState.CONFLICT:
        if webhook_is_set(status):
            return QCoreApplication.translate("ChannelStatus", "a webhook is set")
        if served_elsewhere(status):
            return QCoreApplication.translate(
                "ChannelStatus", "served by another Switchboard window on this database"
            )
        return QCoreApplication.translate("ChannelStatus", "another program reads this bot")
    if state is ChannelState.RATE_LIMITED:
        if status.until is None:
            return QCoreApplication.translate("ChannelStatus", "too many requests, waiting")
        until = status.until.astimezone().strftime("%H:%M:%S")
        return QCoreApplication.translate(
            "ChannelStatus", "too many requests, waiting until %1"
        ).replace("%1", until)
    words = {
        ChannelState.STARTING: QCoreApplication.translate("ChannelStatus", "connecting…"),
        ChannelState.CONNECTED: QCoreApplication.translate("ChannelStatus", "connected"),
        ChannelState.AUTH_FAILED: (
            QCoreApplication.translate("ChannelStatus", "password refused")
            if status.kind == "email"
            else QCoreApplication.translate("ChannelStatus", "token refused")
        ),
        ChannelState.NOT_REACHABLE: QCoreApplication.translate(
            "ChannelStatus", "not reachable, retrying"
        ),
        ChannelState.MISCONFIGURED: QCoreApplication.translate("ChannelStatus", "can't start"),
        ChannelState.DISABLED: QCoreApplication.translate("ChannelStatus", "off"),
        ChannelState.STOPPED: QCoreApplication.translate("ChannelStatus", "stopped"),
    }
    return words.get(state, str(state))


def advice(status: ChannelStatus) -> str:
    """What the operator can do about it ("" when it passes by itself)."""
    state = status.state
    if state is ChannelState.CONFLICT:
        if webhook_is_set(status):
            return QCoreApplication.translate(
                "ChannelStatus",
                "Telegram sends this bot's messages to a webhook, not to Switchboard. "
                "Remove it in Settings > Telegram: Test, then Remove webhook.",
            )
        if served_elsewhere(status):
            return QCoreApplication.translate(
                "ChannelStatus",
                "A bot is read by one Switchboard window per database, here another one "
                "(below). This window takes the bot over by itself when that one closes.",
            )
        return QCoreApplication.translate(
            "ChannelStatus",
            "A bot is read by one program at a time: stop the other one, or give "
            "Switchboard a bot of its own.",
        )
    email = status.kind == "email"
    if state is ChannelState.AUTH_FAILED and email:
        return QCoreApplication.translate(
            "ChannelStatus",
            "The mail server refused the user name or password: enter the current ones "
            "in Settings > Email.",
        )
    if state is ChannelState.AUTH_FAILED:
        return QCoreApplication.translate(
            "ChannelStatus",
            "The token was revoked or is wrong: enter the current one from @BotFather "
            "in Settings > Telegram.",
        )
    if state is ChannelState.MISCONFIGURED and email:
        return QCoreApplication.translate("ChannelStatus", "Check the mailbox in Settings > Email.")
    if state is ChannelState.MISCONFIGURED:
        return QCoreApplication.translate("ChannelStatus", "Check the bot in Settings > Telegram.")
    return ""


def explanation(status: ChannelStatus) -> str:
    """A tooltip's text: the advice, then the platform's own words (the
    channel's message in the operator's language, when it gave one)."""
    detail = error_text(status.problem) if status.problem is not None else status.detail
    return "\n".join(part for part in (advice(status), detail) if part)


def status_line(status: ChannelStatus) -> str:
    """``Telegram “Shop bot”: not reachable, retrying``."""
    return fill(
        QCoreApplication.translate("ChannelStatus", "%1 “%2”: %3"),
        channel_label(status.kind),
        status.label,
        state_text(status),
    )
