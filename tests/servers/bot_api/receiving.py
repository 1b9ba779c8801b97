"""getMe, getUpdates and the webhook methods: how updates reach the bot."""

from __future__ import annotations

import copy
import time
from urllib.parse import urlsplit

from tests.servers.bot_api.objects import JsonObject
from tests.servers.bot_api.state import (
    BY_SET_WEBHOOK,
    DEFAULT_ALLOWED,
    LONG_POLL_MAX_DELAY,
    LONG_POLL_MAX_TIMEOUT,
    LONG_POLL_WAIT_AFTER,
    OTHER_GETUPDATES,
    REVOKED,
    UPDATE_TYPES,
    WEBHOOK_ACTIVE,
    BotApi,
    BotState,
    LongPoll,
    Result,
    Webhook,
    allowed_update_types,
)
from tests.servers.bot_api.wire import (
    ApiError,
    Args,
    bad_request,
    integer_arg,
    to_bool,
    to_int,
    too_many_requests,
)


def get_me(api: BotApi, bot: BotState, args: Args) -> Result:
    return copy.deepcopy(bot.user), None


def get_updates(api: BotApi, bot: BotState, args: Args) -> Result:
    with api.cond:
        outcome = WEBHOOK_ACTIVE if bot.webhook is not None else _poll(api, bot, args)
        if isinstance(outcome, list):
            return outcome, None
        if outcome == REVOKED:
            raise ApiError(401, REVOKED)
    raise api.conflict(bot, outcome)


def _poll(api: BotApi, bot: BotState, args: Args) -> list[JsonObject] | str:
    offset = to_int(args.get("offset"), 0)
    limit = integer_arg(args, "limit", 100, 1, 100)
    timeout = integer_arg(args, "timeout", 0, 0, LONG_POLL_MAX_TIMEOUT)
    chosen = allowed_update_types(args.get("allowed_updates"))
    if chosen is not None:
        bot.allowed = chosen
    now = time.monotonic()
    window = api.config.repeat_poll_window
    if offset == bot.previous_offset and timeout < window and now < bot.previous_poll_at + window:
        timeout = int(window)  # Client::process_get_updates_query
    bot.previous_offset, bot.previous_poll_at = offset, now
    taken = bot.queue.take(offset, limit)
    if not taken and timeout:
        api.abort_long_poll(bot, OTHER_GETUPDATES)
        poll = LongPoll()
        bot.long_poll = poll
        api.cond.notify_all()
        _wait(api, bot, poll, offset, now + timeout)
        if bot.long_poll is poll:
            bot.long_poll = None
            api.cond.notify_all()
        if poll.aborted_by is not None:
            return poll.aborted_by
        taken = bot.queue.take(offset, limit)
    bot.delivered.extend(event.update_id for event in taken)
    return [event.as_update() for event in taken]


def _wait(api: BotApi, bot: BotState, poll: LongPoll, offset: int, deadline: float) -> None:
    batch_until: float | None = None
    hard = deadline
    seen = bot.queue.tail
    while poll.aborted_by is None and not api.stopping.is_set():
        now = time.monotonic()
        if batch_until is None and bot.queue.ready(offset):
            hard = min(deadline, now + LONG_POLL_MAX_DELAY)
            batch_until = min(hard, now + LONG_POLL_WAIT_AFTER)
        elif batch_until is not None and bot.queue.tail != seen:
            batch_until = min(hard, now + LONG_POLL_WAIT_AFTER)
        seen = bot.queue.tail
        until = batch_until if batch_until is not None else deadline
        if now >= until:
            return
        api.cond.wait(until - now)


def set_webhook(api: BotApi, bot: BotState, args: Args, deleting: bool = False) -> Result:
    """Client::process_set_webhook_query and do_set_webhook."""
    config = api.config
    new_url = "" if deleting else args.get("url")
    now = time.monotonic()
    if new_url:
        if now < bot.next_webhook_at:
            raise too_many_requests(1)
        bot.next_webhook_at = now + config.set_webhook_interval
    high = 100_000 if config.flavour == "local" else 100
    max_connections = integer_arg(args, "max_connections", 40, 1, high) if new_url else 0
    drop = to_bool(args.get("drop_pending_updates"))
    certificate = "certificate" in args.files
    current = bot.webhook
    same = (current.url if current else "") == new_url and (
        (current.max_connections if current else 0) == max_connections
    )
    if same and not certificate and not (current and current.has_custom_certificate) and not drop:
        chosen = allowed_update_types(args.get("allowed_updates"))
        if chosen is not None:
            bot.allowed = chosen
        return True, "Webhook is already set" if new_url else "Webhook is already deleted"
    if new_url:
        api.abort_long_poll(bot, BY_SET_WEBHOOK)
    bot.webhook = None
    if drop:
        bot.queue.clear()
    if not new_url:
        return True, "Webhook was deleted" if current else "Webhook is already deleted"
    _check_webhook_url(new_url, config.flavour)
    bot.webhook = Webhook(new_url, max_connections, args.get("ip_address"), certificate)
    chosen = allowed_update_types(args.get("allowed_updates"))
    if chosen is not None:
        bot.allowed = chosen
    return True, "Webhook was set"


def _check_webhook_url(url: str, flavour: str) -> None:
    parts = urlsplit(url if "://" in url else "https://" + url)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if not parts.hostname or port == -1:
        raise bad_request("Invalid webhook URL specified")
    if flavour == "public":
        # A local server may use any scheme and port ("Using a Local Bot API Server").
        if parts.scheme != "https":
            raise bad_request("Bad webhook: HTTPS url must be provided for webhook")
        if (port or 443) not in (443, 80, 88, 8443):
            raise bad_request(
                "Bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443"
            )


def delete_webhook(api: BotApi, bot: BotState, args: Args) -> Result:
    return set_webhook(api, bot, args, deleting=True)


def get_webhook_info(api: BotApi, bot: BotState, args: Args) -> Result:
    hook = bot.webhook
    info: JsonObject = {
        "url": hook.url if hook else "",
        "has_custom_certificate": bool(hook and hook.has_custom_certificate),
        "pending_update_count": len(bot.queue.pending()),
    }
    if hook:
        if hook.ip_address:
            info["ip_address"] = hook.ip_address
        info["max_connections"] = hook.max_connections
    if bot.allowed != DEFAULT_ALLOWED:
        info["allowed_updates"] = [kind for kind in UPDATE_TYPES if kind in bot.allowed]
    return info, None
