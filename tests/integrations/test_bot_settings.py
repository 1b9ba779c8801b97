"""The Bot API client checks its token and server by the core's rules
(app/channel_settings.py), so the settings page refuses exactly what the
client would, and the client's refusals are operator messages."""

from __future__ import annotations

import pytest

from app.channel_settings import BadChannelSetting, check_bot_server, check_bot_token
from app.messages import OperatorError
from integrations.telegram import api

TOKEN = "7012345678:AAE5sQw-Xy_zx0123456789abcdefGHIJK"


def test_the_client_uses_the_core_checks() -> None:
    assert api.check_token is check_bot_token and api.check_server is check_bot_server
    assert api.BadSetting is BadChannelSetting
    assert api.DEFAULT_SERVER == "https://api.telegram.org"
    assert api.BotApi("", TOKEN).server == "https://api.telegram.org"
    assert api.BotApi("http://127.0.0.1:8081/", f" {TOKEN}\n").server == "http://127.0.0.1:8081"


@pytest.mark.parametrize(
    ("server", "token", "said"),
    [
        ("ftp://example.org", TOKEN, "must start with https://"),
        ("http://h:0", TOKEN, "is not a base address"),
        ("", TOKEN.replace(":", ": "), "spaces or line breaks"),
        ("", "0:x", "This is not a bot token"),
    ],
)
def test_a_bad_setting_is_an_operator_message(server: str, token: str, said: str) -> None:
    with pytest.raises(api.BadSetting, match=said) as refused:
        api.BotApi(server, token)
    assert isinstance(refused.value, OperatorError) and isinstance(refused.value, ValueError)
