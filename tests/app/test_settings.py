"""Config file: saved atomically, a broken one never stops the app."""

import json
from pathlib import Path

import pytest

from app.contacts import InvalidContact, normalize_phone
from app.settings import AppPaths, Settings


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
        "{not json",
        "[1, 2]",
        '{"default_region": "Ukraine"}',
        '{"unknown_sender": "shout"}',
        '{"working_hours": {"0": ["9 to 6"]}}',
        '{"working_hours": {"monday": ["09:00-18:00"]}}',
        '{"callback_retry_schedule": ["soon"]}',
        '{"shop_timezone": "Mars/Olympus"}',
        '{"callback_sla_minutes": 0}',
    ],
)
def test_broken_config_is_kept_aside_and_defaults_used(tmp_path: Path, content: str) -> None:
    path = tmp_path / "config.json"
    path.write_text(content, encoding="utf-8")
    assert Settings.load(path) == Settings()
    assert (tmp_path / "config.json.broken").read_text(encoding="utf-8") == content


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
