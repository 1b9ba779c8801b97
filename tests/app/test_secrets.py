"""Secrets live in the OS keyring only: a real Secret Service here, and the
clear error an operator gets when there is none."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail

from app.core import Core
from app.models import SipAccount
from app.secrets import SecretKind, SecretStore, SecretsUnavailable
from app.settings import setup_logging
from tests.servers.secret_service import secret_service


@pytest.fixture(scope="module")
def real_keyring() -> Iterator[SecretStore]:
    with secret_service():
        from keyring.backends.SecretService import Keyring

        yield SecretStore(Keyring())


def test_real_secret_service_round_trip(real_keyring: SecretStore) -> None:
    real_keyring.check()
    assert "SecretService" in real_keyring.describe()
    real_keyring.set(SecretKind.SIP, 7, "s3cr3t-пароль")
    assert real_keyring.get(SecretKind.SIP, 7) == "s3cr3t-пароль"
    assert real_keyring.get(SecretKind.SIP, 8) is None
    real_keyring.set(SecretKind.SIP, 7, "changed")
    assert real_keyring.get(SecretKind.SIP, 7) == "changed"
    real_keyring.delete(SecretKind.SIP, 7)
    real_keyring.delete(SecretKind.SIP, 7)  # twice: still fine
    assert real_keyring.get(SecretKind.SIP, 7) is None


def test_no_keyring_is_a_clear_error() -> None:
    store = SecretStore(fail.Keyring())
    with pytest.raises(SecretsUnavailable, match="No password store"):
        store.set(SecretKind.CHANNEL, 1, "token")
    with pytest.raises(SecretsUnavailable, match="Secret Service"):
        store.get(SecretKind.CHANNEL, 1)


def test_empty_secret_is_refused(real_keyring: SecretStore) -> None:
    with pytest.raises(ValueError, match="empty password"):
        real_keyring.set(SecretKind.MAILBOX, 1, "")


def test_no_secret_reaches_database_config_or_logs(
    core: Core, real_keyring: SecretStore, tmp_path: Path
) -> None:
    """A full flow: an account with a password and a bot token, logged at DEBUG,
    a library that logs the secret by mistake; then grep every file we wrote."""
    import logging

    handler = setup_logging(core.paths, logging.DEBUG)
    try:
        sip_password = "Zq8-sip-passw0rd-9931"
        bot_token = "123456:AAE-telegram-token-xyz"
        with core.db.session() as s:
            account = SipAccount(label="Office", username="101", domain="pbx.shop.ua")
            s.add(account)
        assert account.id is not None
        real_keyring.set(SecretKind.SIP, account.id, sip_password)
        real_keyring.set(SecretKind.CHANNEL, 1, bot_token)
        assert real_keyring.get(SecretKind.SIP, account.id) == sip_password
        # a careless library logging a URL with the token in it
        logging.getLogger("some.http.lib").debug(
            "GET https://api.telegram.org/bot%s/getUpdates", bot_token
        )
        core.settings.operator_name = "Оператор 1"
        core.settings.save(core.paths.config_file)
    finally:
        handler.close()
        logging.getLogger().removeHandler(handler)
    core.db.close()  # flush SQLite's WAL into the files we grep
    files = [p for p in core.paths.data_dir.parent.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".log") for p in files)
    for path in files:
        data = path.read_bytes()
        for secret in (sip_password, bot_token):
            assert secret.encode() not in data, f"{secret!r} leaked into {path}"
    log_text = core.paths.log_file.read_text(encoding="utf-8")
    assert "api.telegram.org/bot***/getUpdates" in log_text
    if core.db.dialect == "postgresql":
        from sqlalchemy import text

        from app.db import make_engine

        engine = make_engine(core.db.url)
        with engine.connect() as conn:
            dump = " ".join(
                str(row)
                for table in ("sipaccount", "channelaccount", "mailbox")
                for row in conn.execute(text(f"SELECT * FROM {table}"))
            )
        engine.dispose()
        assert sip_password not in dump and bot_token not in dump
