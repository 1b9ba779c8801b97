"""A team database's password (issue 21, item 6): it lives in the keyring under
the server's id (SecretKind.DATABASE), never in config.json nor the log; the
core opens a PostgreSQL URL that holds none with it, and without a keyring or an
entry connects as libpq would (PGPASSWORD, ~/.pgpass). A real PostgreSQL whose
role needs a password (scram-sha-256), a real Secret Service."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from keyring.backends import fail

from app.core import Core
from app.customers import ContactInput
from app.errors import DatabaseError
from app.secrets import (
    DatabaseLogin,
    MemoryKeyring,
    SecretKind,
    SecretStore,
    database_secret_id,
)
from app.settings import (
    AppPaths,
    Settings,
    SettingsError,
    setup_logging,
    split_database_password,
)
from tests.conftest import PasswordDatabase
from tests.servers.secret_service import secret_service


@pytest.fixture(scope="module")
def real_keyring() -> Iterator[SecretStore]:
    with secret_service():
        from keyring.backends.SecretService import Keyring

        yield SecretStore(Keyring())


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    made = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    made.ensure()
    return made


def files_holding(root: Path, secret: str) -> list[Path]:
    needles = (secret.encode("utf-8"), quote(secret, safe="").encode("ascii"))
    return [
        path
        for path in root.rglob("*")
        if path.is_file() and any(needle in path.read_bytes() for needle in needles)
    ]


# --- the id and the URL as typed --------------------------------------------------


def test_one_server_user_and_database_is_one_keyring_id() -> None:
    same = [
        "postgresql+psycopg://team@db.shop.example/switchboard",
        "postgresql://team@DB.Shop.Example:5432/switchboard",
        "  postgresql+psycopg://team:s3cret@db.shop.example/switchboard?sslmode=require ",
        "postgresql+psycopg://team@db.shop.example/switchboard?password=s3cret",
        "postgresql+psycopg:///switchboard?host=db.shop.example&user=team",
    ]
    assert {database_secret_id(url) for url in same} == {
        "postgresql://team@db.shop.example:5432/switchboard"
    }
    others = [
        "postgresql+psycopg://team@db.shop.example:5433/switchboard",
        "postgresql+psycopg://other@db.shop.example/switchboard",
        "postgresql+psycopg://team@db.shop.example/archive",
        "postgresql+psycopg://team@db2.shop.example/switchboard",
    ]
    assert len({database_secret_id(url) for url in others}) == len(others)
    assert database_secret_id("postgresql://op@[::1]:6543/sb") == "postgresql://op@[::1]:6543/sb"
    assert database_secret_id("postgresql://a%40b@db/sb") == "postgresql://a%40b@db:5432/sb"
    for no_server in ("", "sqlite:///x.db", "mysql://a@b/c", "postgresql://a@b:port/c"):
        assert database_secret_id(no_server) is None, no_server


def test_a_password_is_taken_out_of_the_url_as_the_driver_reads_it() -> None:
    assert split_database_password(" postgresql://team:p%40ss%2Fw@db:5432/sb ") == (
        "postgresql://team@db:5432/sb",
        "p@ss/w",
    )
    assert split_database_password("postgresql://team@db/sb?sslmode=require&password=x%26y") == (
        "postgresql://team@db/sb?sslmode=require",
        "x&y",
    )
    assert split_database_password("postgresql://team:@db/sb") == ("postgresql://team@db/sb", "")
    for unchanged in ("postgresql://team@db/sb", "sqlite:///a:b@c.db", "not a url", ""):
        assert split_database_password(unchanged) == (unchanged.strip(), ""), unchanged


def test_what_typed_can_be_saved() -> None:
    url = "postgresql+psycopg://team@db/sb"
    assert DatabaseLogin.of("postgresql+psycopg://team:pw@db/sb", "") == DatabaseLogin(
        url, "pw", moved=True
    )
    assert DatabaseLogin.of(url, "typed") == DatabaseLogin(url, "typed")
    assert DatabaseLogin.of("postgresql+psycopg://team:pw@db/sb", "pw").moved
    assert DatabaseLogin.of(url, "", forget=True) == DatabaseLogin(url, forget=True)
    assert DatabaseLogin.of(url, "typed", forget=True).forget is False  # the new one wins
    assert DatabaseLogin.of("", "") == DatabaseLogin("")
    with pytest.raises(SettingsError, match="field another"):
        DatabaseLogin.of("postgresql+psycopg://team:pw@db/sb", "other")
    with pytest.raises(SettingsError, match="Only a PostgreSQL server takes a password"):
        DatabaseLogin.of("sqlite:///team.db", "pw")
    with pytest.raises(SettingsError, match="Only a PostgreSQL server takes a password"):
        DatabaseLogin.of("", "pw")  # this computer's file
    with pytest.raises(SettingsError, match="is not a database URL"):
        DatabaseLogin.of("postgresql+psycopg://team:pw@db:port/sb", "")
    with pytest.raises(SettingsError, match="not mysql"):
        DatabaseLogin.of("mysql://team:pw@db/sb", "")


# --- the core opens with it --------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.keyring
def test_the_core_opens_with_the_keyrings_password_and_it_is_nowhere_else(
    paths: AppPaths, pg_password_db: PasswordDatabase, real_keyring: SecretStore
) -> None:
    db = pg_password_db
    handler = setup_logging(paths, logging.DEBUG)
    try:
        login = DatabaseLogin.of(db.url.replace("@", f":{quote(db.password, safe='')}@", 1), "")
        assert (login.url, login.password, login.moved) == (db.url, db.password, True)
        login.store(real_keyring)
        Settings(database_url=login.url).save(paths.config_file)
        core = Core.open(paths, Settings.load(paths.config_file), real_keyring)
        try:
            assert core.db.dialect == "postgresql" and core.db.url == db.url
            customer = core.customers.create("Олена", [ContactInput("phone", "+380501234567")])
            assert customer.id is not None
        finally:
            core.close()
        # A wrong one, then: the server's word, the password it was given not in it.
        real_keyring.set(SecretKind.DATABASE, database_secret_id(db.url) or "", "Wrong-pw-771")
        with pytest.raises(DatabaseError, match="password authentication failed") as refused:
            Core.open(paths, Settings.load(paths.config_file), real_keyring)
        assert "Wrong-pw-771" not in str(refused.value)
        logging.getLogger("a.careless.lib").debug("connecting with %s", db.password)
    finally:
        handler.close()
        logging.getLogger().removeHandler(handler)
        real_keyring.delete(SecretKind.DATABASE, database_secret_id(db.url) or "")
    assert paths.log_file.read_text(encoding="utf-8")  # the log was written
    assert files_holding(paths.config_dir.parent, db.password) == []
    assert files_holding(paths.config_dir.parent, "Wrong-pw-771") == []


@pytest.mark.postgres
def test_no_password_stored_is_said_and_libpqs_own_ways_still_work(
    paths: AppPaths, pg_password_db: PasswordDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = pg_password_db
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(paths.data_dir / "no-such-pgpass"))
    for store in (SecretStore(MemoryKeyring()), SecretStore(fail.Keyring())):  # no entry; none
        with pytest.raises(DatabaseError, match="asks for a password, and none is saved"):
            Core.open(paths, Settings(database_url=db.url), store)

    monkeypatch.setenv("PGPASSWORD", db.password)  # the keyring has none: libpq's wins
    core = Core.open(paths, Settings(database_url=db.url), SecretStore(fail.Keyring()))
    core.close()

    monkeypatch.delenv("PGPASSWORD")
    pgpass = paths.data_dir / "pgpass"
    pgpass.write_text(f"*:*:*:{db.role}:{db.password.replace(':', chr(92) + ':')}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    core = Core.open(paths, Settings(database_url=db.url), SecretStore(MemoryKeyring()))
    core.close()


def test_a_local_file_never_asks_the_keyring(paths: AppPaths) -> None:
    class Refusing(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise AssertionError(f"asked for {username}")

    core = Core.open(paths, Settings(), SecretStore(Refusing()))
    core.close()
