"""Config file: saved atomically; a broken one never stops the app, and never
switches the database silently: what it can't say of the database is said."""

import json
from pathlib import Path

import pytest

from app.contacts import InvalidContact, normalize_phone
from app.settings import (
    AppPaths,
    HomeNotWritable,
    Settings,
    SettingsError,
    check_database_url,
    salvaged_database_url,
    save_database_url,
    setup_logging,
    without_password,
)
from tests.read_only import read_only_folder


def test_round_trip_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    assert Settings.load(path) == Settings()
    s = Settings(default_region="kz", unknown_sender="create_customer", language="uk")
    s.save(path)
    loaded = Settings.load(path)
    assert (loaded.default_region, loaded.unknown_sender, loaded.language) == (
        "KZ",
        "create_customer",
        "uk",
    )


@pytest.mark.parametrize(
    "content",
    [
        '{"default_region": "Ukraine"}',
        '{"unknown_sender": "shout"}',
        '{"working_hours": {"0": ["9 to 6"]}}',
        '{"working_hours": {"monday": ["09:00-18:00"]}}',
        '{"callback_retry_schedule": ["soon"]}',
        '{"shop_timezone": "Mars/Olympus"}',
        '{"callback_sla_minutes": 0}',
    ],
)
def test_an_unusable_value_is_kept_aside_and_its_default_used(tmp_path: Path, content: str) -> None:
    path = tmp_path / "config.json"
    path.write_text(content, encoding="utf-8")
    assert Settings.load(path) == Settings()
    assert (tmp_path / "config.json.broken").read_text(encoding="utf-8") == content


BROKEN_TEAM_CONFIG = (
    '{\n  "database_url": "postgresql+psycopg://team@db.shop.example/switchboard",\n'
    '  "language": "uk"\n  "operator_name": "Iryna"\n}\n'
)


def test_a_broken_file_never_switches_to_the_local_database(tmp_path: Path) -> None:
    """The team's URL is in a file that is no longer JSON (a comma lost by hand):
    the settings say the database can't be known, where the error is, and keep
    the file (in place, to fix, and a copy); they never offer the local file."""
    path = tmp_path / "config.json"
    path.write_text(BROKEN_TEAM_CONFIG, encoding="utf-8")

    loaded = Settings.read(path)

    problem = loaded.database_problem
    assert isinstance(problem, SettingsError)
    assert str(problem) == (
        f"The settings file {path} is not valid JSON: Expecting ',' delimiter at line 4, column 3."
    )
    assert loaded.unreadable and loaded.settings == Settings()
    assert loaded.kept_as == tmp_path / "config.json.broken"
    assert loaded.kept_as.read_text(encoding="utf-8") == BROKEN_TEAM_CONFIG
    assert path.read_text(encoding="utf-8") == BROKEN_TEAM_CONFIG  # there to be fixed
    with pytest.raises(SettingsError, match="is not valid JSON"):
        Settings.load(path)  # no caller gets the local database by default
    # What the start suggests to confirm, read from the broken text.
    assert salvaged_database_url(path) == "postgresql+psycopg://team@db.shop.example/switchboard"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (
            "{not json",
            "is not valid JSON: Expecting property name enclosed in double quotes "
            "at line 1, column 2.",
        ),
        ("", "is not valid JSON: Expecting value at line 1, column 1."),
        ("[1, 2]", "holds JSON, but not an object of settings."),
        ('"postgresql://team@db/switchboard"', "holds JSON, but not an object of settings."),
        ("[" * 100_000, "can't be read as JSON: maximum recursion depth exceeded"),
        ('{"webform_port": ' + "9" * 5000 + "}", "can't be read as JSON: Exceeds the limit"),
    ],
)
def test_a_file_that_holds_no_settings_leaves_the_database_unknown(
    tmp_path: Path, content: str, says: str
) -> None:
    path = tmp_path / "config.json"
    path.write_text(content, encoding="utf-8")
    loaded = Settings.read(path)
    assert loaded.database_problem is not None and loaded.unreadable
    assert str(loaded.database_problem).startswith(f"The settings file {path} {says}")
    assert (tmp_path / "config.json.broken").read_text(encoding="utf-8") == content
    assert path.read_text(encoding="utf-8") == content


def test_a_file_that_is_not_utf8_says_where(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_bytes('{"operator_name": "Ірина"}'.encode("cp1251"))
    problem = Settings.read(path).database_problem
    assert str(problem) == f"The settings file {path} is not UTF-8 text (byte 19 is not)."


def test_a_byte_order_mark_is_no_error(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"database_url": "sqlite:///x.db", "language": "ru"}')
    loaded = Settings.read(path)
    assert loaded.database_problem is None
    assert (loaded.settings.database_url, loaded.settings.language) == ("sqlite:///x.db", "ru")


def test_a_file_that_can_not_be_read_says_why(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.mkdir()  # a folder where the file should be: reading it fails as the system says
    loaded = Settings.read(path)
    assert str(loaded.database_problem) == (
        f"The settings file {path} can't be read: Is a directory."
    )
    assert loaded.kept_as is None  # nothing could be copied either


@pytest.mark.parametrize("value", [5, None, ["postgresql://team@db/switchboard"], {"url": "x"}])
def test_a_database_url_of_the_wrong_kind_is_not_replaced_by_the_local_file(
    tmp_path: Path, value: object
) -> None:
    """Only the database choice is never defaulted silently; the other settings
    of the file are read as usual, a bad one costing only itself."""
    path = tmp_path / "config.json"
    content = json.dumps({"database_url": value, "language": "uk", "webform_port": "80"})
    path.write_text(content, encoding="utf-8")
    loaded = Settings.read(path)
    assert str(loaded.database_problem) == (
        f"In the settings file {path}, database_url is {json.dumps(value)}: not a database URL."
    )
    assert not loaded.unreadable
    assert loaded.settings.language == "uk"
    assert loaded.reset == ["webform_port"]
    assert loaded.settings.webform_port == Settings().webform_port
    assert (tmp_path / "config.json.broken").read_text(encoding="utf-8") == content
    with pytest.raises(SettingsError, match="database_url is"):
        Settings.load(path)


def test_a_missing_file_is_a_first_start_on_the_defaults(tmp_path: Path) -> None:
    loaded = Settings.read(tmp_path / "config.json")
    assert loaded.database_problem is None and loaded.settings == Settings()
    assert not (tmp_path / "config.json.broken").exists()


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("db.shop.example", "is not a database URL"),
        ("postgresql://team@db.shop.example:54x2/switchboard", "is not a database URL"),
        ("postgresql://team@db shop/switchboard", "is not a database URL"),
        ("mysql://team@db.shop.example/switchboard", "not mysql"),
        ("postgres://team@db.shop.example/switchboard", "not postgres"),
        ("sqlite://", "names no file"),
        ("postgresql+psycopg://team:s3cret@db.shop.example/switchboard", "holds a password"),
        ("postgresql://team@db.shop.example/switchboard?password=s3cret", "holds a password"),
    ],
)
def test_a_database_url_to_save_is_checked(url: str, says: str) -> None:
    with pytest.raises(SettingsError, match=says):
        check_database_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "postgresql+psycopg://team@db.shop.example:5432/switchboard",
        "postgresql:///switchboard",  # the local server's socket
        "postgresql+psycopg://team:@[::1]/switchboard?sslmode=require",
        "sqlite:////var/lib/switchboard/shared.db",
        "sqlite:///C:\\Users\\Iryna\\switchboard.db",
    ],
)
def test_database_urls_that_are_fine(url: str) -> None:
    assert check_database_url(f"  {url} ") == url


def test_the_database_url_is_saved_alone_and_atomically(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    original = {"database_url": "nosuchdriver://x", "language": "uk", "future_option": [1, 2]}
    path.write_text(json.dumps(original), encoding="utf-8")
    url = "postgresql+psycopg://team@db.shop.example/switchboard"
    assert save_database_url(path, f" {url} ", Settings()) == url
    assert json.loads(path.read_text(encoding="utf-8")) == {**original, "database_url": url}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.json"]  # no .tmp left
    with pytest.raises(SettingsError, match="holds a password"):
        save_database_url(path, "postgresql://team:pw@db/switchboard", Settings())
    assert json.loads(path.read_text(encoding="utf-8"))["database_url"] == url  # untouched


def test_saving_the_database_over_a_broken_file_keeps_a_copy_first(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text(BROKEN_TEAM_CONFIG, encoding="utf-8")
    url = "postgresql+psycopg://team@db.shop.example/switchboard"
    save_database_url(path, url, Settings(language="uk"))
    assert (tmp_path / "config.json.broken").read_text(encoding="utf-8") == BROKEN_TEAM_CONFIG
    loaded = Settings.read(path)
    assert loaded.database_problem is None
    assert (loaded.settings.database_url, loaded.settings.language) == (url, "uk")


def test_a_password_in_an_old_url_is_not_shown() -> None:
    assert (
        without_password("postgresql://team:s3cret@db:5432/sb")
        == "postgresql://team:***@db:5432/sb"
    )
    assert without_password("postgresql://team@db/sb") == "postgresql://team@db/sb"
    assert without_password("sqlite:///x.db") == "sqlite:///x.db"


def test_a_folder_that_can_not_be_written_is_named_with_the_reason(tmp_path: Path) -> None:
    home = tmp_path / "home"
    paths = AppPaths(home / "config", home / "data", home / "logs")
    with read_only_folder(home), pytest.raises(HomeNotWritable) as raised:
        paths.ensure()
    assert str(raised.value).startswith(f"The folder {home / 'config'} can't be created: ")
    paths.ensure()
    with read_only_folder(paths.data_dir), pytest.raises(HomeNotWritable) as raised:
        paths.ensure()  # there, but read-only: it must say so before anything is opened
    assert str(raised.value).startswith(f"The folder {paths.data_dir} can't be written: ")
    assert raised.value.fields["error"] in ("Permission denied", "Operation not permitted")


def test_a_log_file_that_can_not_be_written_is_named(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    paths.ensure()
    paths.log_file.mkdir()  # the log file's name taken by a folder
    with pytest.raises(HomeNotWritable, match=f"The log file {paths.log_file} can't be written"):
        setup_logging(paths)


def test_a_well_shaped_region_phonenumbers_does_not_know_is_refused_on_save_and_use(
    tmp_path: Path,
) -> None:
    # Reading the file checks the region's shape only (it runs before the window's
    # first paint, without phonenumbers); a hand-edited "ZZ" is kept, and refused
    # with the same clear message where it would be used.
    path = tmp_path / "config.json"
    path.write_text('{"default_region": "zz", "language": "ru"}', encoding="utf-8")
    settings = Settings.load(path)
    assert (settings.default_region, settings.language) == ("ZZ", "ru")
    assert not (tmp_path / "config.json.broken").exists()
    with pytest.raises(InvalidContact, match="Unknown phone region 'ZZ'"):
        normalize_phone("050 123 45 67", settings.default_region)
    assert normalize_phone("+380 50 123 45 67", settings.default_region) == "+380501234567"
    with pytest.raises(ValueError, match="Unknown phone region 'ZZ'"):
        settings.save(path)
    assert json.loads(path.read_text(encoding="utf-8"))["default_region"] == "zz"  # untouched


def test_unknown_keys_are_ignored_and_bad_values_refused_on_save(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text(json.dumps({"default_region": "RU", "future_option": 1}), encoding="utf-8")
    assert Settings.load(path).default_region == "RU"
    with pytest.raises(ValueError, match="Unknown phone region"):
        Settings(default_region="Atlantis").save(path)
    assert Settings.load(path).default_region == "RU"  # the old file is untouched


def test_switchboard_home_puts_everything_in_one_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SWITCHBOARD_HOME", str(tmp_path))
    paths = AppPaths.default()
    assert paths.database_file == tmp_path / "data" / "switchboard.db"
    assert Settings().resolved_database_url(paths) == f"sqlite:///{paths.database_file}"


def test_web_form_settings_are_checked(tmp_path: Path) -> None:
    defaults = Settings()
    assert (defaults.webform_enabled, defaults.webform_bind) == (False, "127.0.0.1")
    for bad in ({"webform_port": 0}, {"webform_port": 70000}, {"webform_bind": "localhost"}):
        with pytest.raises(ValueError, match="webform_"):
            Settings(**bad).save(tmp_path / "config.json")
    Settings(webform_enabled=True, webform_bind="0.0.0.0", webform_port=8080).save(
        tmp_path / "config.json"
    )
    assert Settings.load(tmp_path / "config.json").webform_port == 8080


@pytest.mark.parametrize(
    ("bad", "reset"),
    [
        ({"webform_port": "8080"}, ["webform_port"]),  # text where a number belongs
        ({"webform_enabled": 1}, ["webform_enabled"]),
        ({"callback_sla_minutes": True}, ["callback_sla_minutes"]),
        ({"holidays": [20261231]}, ["holidays"]),
        ({"callback_retry_schedule": ["15m", 60]}, ["callback_retry_schedule"]),
        ({"working_hours": {"0": "09:00-18:00"}}, ["working_hours"]),
        ({"ring_tone": "trumpet"}, ["ring_tone"]),
        ({"codecs": ["opus/48000/2"]}, ["codecs"]),
        ({"codecs": []}, ["codecs"]),
        ({"codecs": "G722/16000/1"}, ["codecs"]),
        ({"shop_timezone": "Mars/Olympus"}, ["working_hours", "shop_timezone", "holidays"]),
    ],
)
def test_one_unusable_value_costs_only_itself(
    tmp_path: Path, bad: dict[str, object], reset: list[str]
) -> None:
    kept = {
        "database_url": "postgresql://team@db.shop.example/switchboard",
        "language": "uk",
        "default_region": "PL",
        "callback_claim_minutes": 20,
    }
    path = tmp_path / "config.json"
    content = json.dumps({**kept, **bad})
    path.write_text(content, encoding="utf-8")
    settings = Settings.load(path)
    for name, value in kept.items():
        assert getattr(settings, name) == value
    for name in reset:
        assert getattr(settings, name) == getattr(Settings(), name)
    settings.validate()
    # The file as the operator left it stays for them to look at; the config
    # itself is rewritten only by the next save.
    assert (tmp_path / "config.json.broken").read_text(encoding="utf-8") == content
    assert path.read_text(encoding="utf-8") == content


def test_a_wrong_kind_is_a_clear_settings_error() -> None:
    settings = Settings()
    settings.webform_port = "8080"  # type: ignore[assignment]
    with pytest.raises(ValueError, match="The setting webform_port has a value of the wrong kind"):
        settings.validate()


def test_enter_sends_is_kept_and_a_wrong_kind_costs_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    assert Settings.load(path).enter_sends is False  # Ctrl+Enter sends, Enter is a new line
    Settings(enter_sends=True, language="uk").save(path)
    assert Settings.load(path).enter_sends is True
    path.write_text('{"enter_sends": "yes", "language": "ru"}', encoding="utf-8")
    loaded = Settings.load(path)
    assert (loaded.enter_sends, loaded.language) == (False, "ru")
    settings = Settings()
    settings.enter_sends = 1  # type: ignore[assignment]
    with pytest.raises(ValueError, match="The setting enter_sends has a value of the wrong kind"):
        settings.validate()


def test_notification_options_are_kept_and_a_wrong_kind_costs_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    loaded = Settings.load(path)
    assert (loaded.notify_message_text, loaded.message_sound) == (True, False)  # words, silent
    Settings(notify_message_text=False, message_sound=True).save(path)
    loaded = Settings.load(path)
    assert (loaded.notify_message_text, loaded.message_sound) == (False, True)
    path.write_text(
        '{"notify_message_text": "no", "message_sound": true, "waiting_red_minutes": 30}',
        encoding="utf-8",
    )
    loaded = Settings.load(path)
    assert (loaded.notify_message_text, loaded.message_sound) == (True, True)
    assert loaded.waiting_red_minutes == 30


def test_the_codecs_are_checked_and_kept_in_their_order(tmp_path: Path) -> None:
    assert Settings().codecs == ["G722/16000/1", "PCMA/8000/1", "PCMU/8000/1"]
    for bad, words in (
        ([], "at least one"),
        (["G722/16000/1", "G722/16000/1"], "twice"),
        (["opus/48000/2"], "opus"),
    ):
        with pytest.raises(ValueError, match=words):
            Settings(codecs=bad).save(tmp_path / "config.json")
    Settings(codecs=["PCMA/8000/1", "speex/16000/1"]).save(tmp_path / "config.json")
    assert Settings.load(tmp_path / "config.json").codecs == ["PCMA/8000/1", "speex/16000/1"]


def test_working_hours_that_never_open_are_refused_and_read_back_as_the_default(
    tmp_path: Path,
) -> None:
    """A hand-edited file with every day empty would fail each new callback
    request; it is said when the file is read, and the default hours used."""
    closed = Settings(working_hours={str(day): [] for day in range(7)})
    with pytest.raises(SettingsError, match="no open time in the coming year"):
        closed.validate()
    path = tmp_path / "config.json"
    path.write_text(json.dumps({"working_hours": closed.working_hours}), encoding="utf-8")
    loaded = Settings.read(path)
    assert loaded.settings.working_hours == Settings().working_hours
    assert "working_hours" in loaded.reset
