"""A Telegram Bot API server for tests, written from the documentation.

Written from core.telegram.org/bots/api (Bot API 8.0) and, for the exact
behaviour and error texts, the real server's sources: tdlib/telegram-bot-api
(Client.cpp, ClientManager.cpp, HttpConnection.cpp, Query.cpp, Client.h) and
the TDLib parts it runs (tddb/td/db/TQueue.cpp, td/telegram/MessageEntity.cpp,
tdnet/td/net/HttpReader.cpp). Not written from any client's behaviour.

Use (the ``bot_api`` fixture in tests/conftest.py starts one)::

    bot = server.add_bot("shop_bot")            # a token of its own; getMe answers for it
    olena = bot.user("Olena")                   # a User; push_* make the updates she sends
    bot.push_text(olena, "hi"); bot.push_contact(olena, "+380501234567")
    client = Client(server.base_url, bot.token)  # the code under test
    server.wait_for_sent(1)                     # what the client sent, files included
    server.inject(Fault.flood(5), method="sendMessage", times=3)   # faults on demand
    bot.block(olena["id"]); server.request_count("getUpdates")

Wire format ("Making requests")
    ``/bot<token>/<METHOD>``, GET or POST; parameters as a query string,
    x-www-form-urlencoded, JSON or multipart/form-data (wire.py). Method names are
    case-insensitive. Answers are ``{"ok": true, "result": ..., "description"?}`` or
    ``{"ok": false, "error_code", "description", "parameters"?}`` (ResponseParameters:
    ``retry_after``, ``migrate_to_chat_id``). The HTTP status equals error_code
    (Query::set_error, HttpConnection::send_response); 429 also carries a
    Retry-After header. Connections are kept alive.
Tokens (ClientManager::send, Client.h)
    A token that is empty, starts with "0", is longer than 80, has no ':' or a bot
    id outside 1..2^54: 401 "Unauthorized: invalid token specified"; a non-numeric
    bot id: 421 "Misdirected Request: unallowed token specified"; a well-formed
    token of no bot, or a revoked one: 401 "Unauthorized". A path that is not
    /bot...: 404 "Not Found"; an unknown method: 404 "Not Found: method not found".
    With ``flavour="public"`` malformed tokens and unknown methods answer 404
    "Not Found", as api.telegram.org does (seen in clients' issue reports).
getUpdates ("Getting updates", getUpdates; Client::process_get_updates_query,
do_get_updates, TQueue)
    update_ids increase by one from a random start. An update is confirmed (and
    forgotten) once getUpdates is called with a higher offset; offset 0 starts at
    the earliest unconfirmed; a negative offset counts from the end and forgets
    everything before; an offset more than 10 past the newest is treated as the
    earliest unconfirmed (TQueue refuses it, the server retries from the head).
    limit is clamped to 1..100 (default 100), timeout to 0..50; bad numbers read as
    their leading digits. A long poll ends when an update arrives (after 2 ms, at
    most 10 ms, for more: LONG_POLL_WAIT_AFTER/MAX_DELAY) or at the timeout. The
    same offset again within 3 s with timeout < 3 waits 3 s. A newer long poll
    ends the waiting one with 409 "Conflict: terminated by other getUpdates
    request; make sure that only one bot instance is running"; a short poll does
    not. With a webhook set: 409 "Conflict: can't use getUpdates method while
    webhook is active; use deleteWebhook to delete the webhook first". 409s are
    paced: one at once, the next within 3 s waits 3 s (fail_query_conflict).
    allowed_updates is kept until given again; [] (or only unknown names) means
    the default, all but chat_member, message_reaction, message_reaction_count;
    JSON that is not a list of strings leaves it as it was; it does not affect
    updates created before. Updates expire after 24 h (``update_ttl``).
Webhooks (setWebhook, deleteWebhook, getWebhookInfo; Client::process_set_webhook_query)
    A new URL at most once a second (else 429 retry after 1); setting one ends a
    waiting long poll with 409 "Conflict: terminated by setWebhook request";
    drop_pending_updates clears the queue; answers carry "Webhook was set",
    "Webhook is already set", "Webhook was deleted", "Webhook is already deleted".
    WebhookInfo has url ("" when none), has_custom_certificate,
    pending_update_count, and when set max_connections (default 40), ip_address.
    Updates are never POSTed to the webhook URL; they stay pending.
Sending (sendMessage, sendPhoto, sendDocument, "Sending files", "Formatting options")
    Only chats the bot has seen (someone wrote to it, or the test said so):
    otherwise 400 "Bad Request: chat not found"; no chat_id: "Bad Request: chat_id
    is empty". No text: "Bad Request: message text is empty"; only whitespace:
    "Bad Request: message must be non-empty"; over 4096 characters after entity
    parsing: "Bad Request: message is too long" (captions: 1024, "message caption
    is too long"). parse_mode HTML, MarkdownV2 and Markdown are parsed as TDLib
    parses them (formatting.py), errors "Bad Request: can't parse entities: ...";
    another parse_mode: "Bad Request: unsupported parse_mode". entities, reply
    markup (keyboards with request_contact...), reply_parameters and the older
    reply_to_message_id are read; a missing reply target: "Bad Request: message to
    be replied not found" unless allow_sending_without_reply. Blocked user: 403
    "Forbidden: bot was blocked by the user"; deleted account: 403 "Forbidden: user
    is deactivated"; upgraded group: 400 "Bad Request: group chat was upgraded to a
    supergroup chat" with parameters.migrate_to_chat_id. Each accepted send gets
    the chat's next message_id and returns the full Message.
Keyboards (ReplyKeyboardMarkup, KeyboardButton, ReplyKeyboardRemove, InlineKeyboardMarkup,
ForceReply; Client::get_reply_markup, get_keyboard_button, TDLib's JsonObject)
    reply_markup is a JSON-serialized object (as a string, or an object in a JSON
    body): not JSON "Bad Request: can't parse reply keyboard markup JSON object",
    not an object "Bad Request: object expected as reply markup". A field of the
    wrong JSON type is refused ('Field "resize_keyboard" must be of type Boolean';
    rows: 'Field "keyboard" must be an Array of Arrays'); a button is a String or
    an Object with "text" ('Can't parse keyboard button: Can't find field "text"')
    and at most one request (request_contact, request_location, ...: Boolean);
    an inline button needs an action ("Text buttons are unallowed in the inline
    keyboard"). A markup that is none of the four (no rows, remove_keyboard
    false) is no markup. The user's app shows the last reply keyboard sent to the
    chat until a ReplyKeyboardRemove (``bot.keyboard(chat_id)``); ``bot.press``
    presses one of its buttons (request_contact: the user's own contact).
    Message.reply_markup is returned for inline keyboards only.
Files ("Sending files", getFile, File)
    A file is uploaded (a part with a file name, or attach://<part>), a file_id
    of this bot's, or an HTTP URL. Uploads over 10 MB as a photo: "Bad Request:
    file of size N bytes is too big for a photo; the maximum size is 10485760
    bytes" (TDLib); over 50 MB: 413 "Request Entity Too Large"; empty: "Bad
    Request: file must be non-empty"; an unknown file_id: "Bad Request: wrong file
    identifier/HTTP URL specified". getFile answers a File; over 20 MB: "Bad
    Request: file is too big"; the bytes are at /file/bot<token>/<file_path>.

Inferred, not found in the docs or sources read: the texts for unparseable
reply_parameters / entities JSON and for an unknown file_id in
getFile ("Bad Request: invalid file_id"), the public server's webhook URL texts,
that 413 is JSON, and the file_path naming; TDLib's trimming of whitespace at
both ends of a text and its counting of characters as code points. Not
modelled: flood limits (inject 429s instead), automatic entity detection
(url, mention...) in sent texts, message auto-deletion, methods other than
getMe, getUpdates, the webhook ones, sendMessage, sendPhoto, sendDocument,
sendChatAction, getChat and getFile (they answer 404 like an unknown method),
TDLib's refusals of a keyboard (request buttons outside private chats, "reply
markup is too long"), and a one-time keyboard hiding once a button is pressed.
"""

from tests.servers.bot_api.control import SENDER, Bot
from tests.servers.bot_api.faults import Fault, FaultRule
from tests.servers.bot_api.server import DOWNLOAD, BotApiServer
from tests.servers.bot_api.state import RecordedRequest, ReplyMarkup, SentMessage
from tests.servers.bot_api.wire import UploadedFile

__all__ = [
    "DOWNLOAD",
    "SENDER",
    "Bot",
    "BotApiServer",
    "Fault",
    "FaultRule",
    "RecordedRequest",
    "ReplyMarkup",
    "SentMessage",
    "UploadedFile",
]
