"""A mailbox's settings: a round trip through the config, and each bad value named."""

from __future__ import annotations

from typing import Any

import pytest

from integrations.email.settings import (
    BadMailboxSetting,
    Endpoint,
    MailboxSettings,
    Security,
    check_mailbox,
    default_port,
)


def _config(**changes: Any) -> dict[str, Any]:
    config: dict[str, Any] = {
        "address": "shop@example.com",
        "display_name": "Shop Ltd",
        "imap": {"host": "imap.example.com", "port": 993, "security": "tls"},
        "smtp": {"host": "smtp.example.com", "port": 587, "security": "starttls"},
        "user": "shop",
    }
    config.update(changes)
    return config


def test_round_trip_keeps_every_field() -> None:
    settings = MailboxSettings(
        address="shop@example.com",
        display_name="Shop Ltd",
        imap=Endpoint("imap.example.com", 143, Security.STARTTLS),
        smtp=Endpoint("smtp.example.com", 465, Security.TLS),
        user="shop",
        smtp_user="shop-smtp",
        folders=("INBOX", "Support"),
        sent_folder="Sent Items",
        first_sync_days=7,
        mark_seen=True,
        signature="--\nShop Ltd",
        message_id_domain="mail.example.com",
        max_attachment_mb=10,
        ca_file="/etc/ssl/shop-ca.pem",
    )
    assert MailboxSettings.from_config(settings.to_config()) == settings
    assert settings.login_for_smtp == "shop-smtp"
    assert settings.max_attachment_bytes == 10 * 1024 * 1024


def test_defaults_for_what_is_left_out() -> None:
    settings = MailboxSettings.from_config(
        _config(imap={"host": "imap.example.com", "security": "starttls"})
    )
    assert settings.imap.port == 143
    assert settings.folders == ("INBOX",)
    assert settings.first_sync_days == 30
    assert settings.mark_seen is False
    assert settings.max_attachment_mb == 25
    assert settings.login_for_smtp == "shop"
    assert default_port("smtp", Security.TLS) == 465
    assert default_port("imap", Security.TLS) == 993


def test_text_is_trimmed_and_folders_deduplicated() -> None:
    settings = MailboxSettings.from_config(
        _config(address=" shop@example.com ", folders=["INBOX", " INBOX", "Support"])
    )
    assert settings.address == "shop@example.com"
    assert settings.folders == ("INBOX", "Support")


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"imap": {"host": "imap.example.com", "port": 143, "security": "plain"}}, "not a secure"),
        ({"imap": {"host": "imap.example.com", "port": 0, "security": "tls"}}, "not a port"),
        ({"imap": {"host": "imap.example.com", "port": "993", "security": "tls"}}, "imap.port"),
        ({"smtp": {"host": "bad host", "security": "tls"}}, "not a host name"),
        ({"smtp": None}, "'smtp' is missing"),
        ({"address": "shop"}, "not an email address"),
        ({"address": ""}, "'address' is missing"),
        ({"user": "  "}, "'user' is missing"),
        ({"folders": []}, "at least one folder"),
        ({"folders": "INBOX"}, "'folders'"),
        ({"folders": ["IN\r\nBOX"]}, "'folders'"),
        ({"first_sync_days": -1}, "'first_sync_days'"),
        ({"first_sync_days": True}, "'first_sync_days'"),
        ({"mark_seen": "yes"}, "'mark_seen'"),
        ({"max_attachment_mb": 0}, "'max_attachment_mb'"),
        ({"message_id_domain": "no spaces.com x"}, "not a domain name"),
        ({"display_name": "Shop\r\nBcc: x@y.z"}, "'display_name'"),
    ],
)
def test_bad_values_are_named(changes: dict[str, Any], words: str) -> None:
    with pytest.raises(BadMailboxSetting) as caught:
        MailboxSettings.from_config(_config(**changes))
    assert words in str(caught.value)


def test_not_a_mapping() -> None:
    with pytest.raises(BadMailboxSetting):
        MailboxSettings.from_config(["address"])  # type: ignore[arg-type]


def test_check_mailbox_refuses_what_the_page_typed() -> None:
    settings = MailboxSettings(
        address="shop@example.com",
        display_name="",
        imap=Endpoint("imap.example.com", 70000, Security.TLS),
        smtp=Endpoint("smtp.example.com", 465, Security.TLS),
        user="shop",
    )
    with pytest.raises(BadMailboxSetting, match="IMAP port 70000"):
        check_mailbox(settings)
