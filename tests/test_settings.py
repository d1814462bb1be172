"""Settings: defaults, validation with one clear message, the kept secret key."""

from __future__ import annotations

import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from backend.settings import Environment, SettingsError, load_settings


def env(tmp_path: Path, **values: str) -> dict[str, str]:
    base = {"PARTNER_PORTAL_DATA_DIR": str(tmp_path / "data")}
    return base | {f"PARTNER_PORTAL_{k}": v for k, v in values.items()}


def test_defaults(tmp_path: Path) -> None:
    settings = load_settings(env(tmp_path))
    assert settings.env is Environment.DEVELOPMENT
    assert settings.data_dir == (tmp_path / "data").resolve()
    assert settings.database_url == f"sqlite://{tmp_path / 'data' / 'partner-portal.sqlite3'}"
    assert settings.smtp_url is None
    assert settings.mail_dir == settings.data_dir / "mail"
    assert settings.demo_password == "demo-password"
    assert settings.database_engine == "sqlite"
    assert (settings.rate_limit_points, settings.rate_limit_window) == (5000, 3600)


def test_the_rate_limit_is_set_in_points_per_window(tmp_path: Path) -> None:
    settings = load_settings(env(tmp_path, RATE_LIMIT_POINTS="20000", RATE_LIMIT_WINDOW="60"))
    assert (settings.rate_limit_points, settings.rate_limit_window) == (20000, 60)


def test_the_invoices_issuer_is_named_with_its_address_lines(tmp_path: Path) -> None:
    assert load_settings(env(tmp_path)).vendor_name == "Partner Portal"
    settings = load_settings(
        env(
            tmp_path,
            VENDOR_NAME="SmarterTools Inc.",
            VENDOR_ADDRESS=" 1 Vendor Way | Springfield, IL 62701 || United States ",
        )
    )
    assert settings.vendor_name == "SmarterTools Inc."
    assert settings.vendor_address == ("1 Vendor Way", "Springfield, IL 62701", "United States")


def test_postgres_urls_are_accepted_in_both_spellings(tmp_path: Path) -> None:
    for url in ("postgres://app@db.internal:5432/portal", "postgresql://app@db/portal"):
        settings = load_settings(env(tmp_path, DATABASE_URL=url))
        assert settings.database_url.startswith("postgres://")
        assert settings.database_engine == "postgres"


def test_the_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = load_settings(env(tmp_path)).secret_key
    second = load_settings(env(tmp_path)).secret_key
    key_file = tmp_path / "data" / "secret_key"
    assert first == second and len(first) >= 32
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_processes_starting_at_once_agree_on_one_secret_key(tmp_path: Path) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        keys = set(pool.map(lambda _: load_settings(env(tmp_path)).secret_key, range(32)))
    assert len(keys) == 1
    assert [p.name for p in (tmp_path / "data").iterdir()] == ["secret_key"]


def test_an_explicit_secret_key_wins(tmp_path: Path) -> None:
    settings = load_settings(env(tmp_path, SECRET_KEY="k" * 40))
    assert settings.secret_key == "k" * 40
    assert not (tmp_path / "data" / "secret_key").exists()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("ENV", "prod", "PARTNER_PORTAL_ENV must be 'development' or 'production', not 'prod'"),
        ("DATABASE_URL", "mysql://x/y", "must start with sqlite:// or postgres://"),
        ("DATABASE_URL", "postgres:///portal", "needs a host"),
        ("DATABASE_URL", "postgres://db.internal", "needs a database name"),
        ("DATABASE_URL", "postgres://db:99999999/x", "invalid port"),
        ("SMTP_URL", "http://mail", "PARTNER_PORTAL_SMTP_URL must start with one of"),
        ("SMTP_URL", "smtp://", "needs a host"),
        ("SECRET_KEY", "short", "at least 32 characters"),
        ("DEMO_PASSWORD", "123", "at least 10 characters"),
        ("PUBLIC_URL", "partners.example.com", "must be an http:// or https:// address"),
        ("PUBLIC_URL", "https://partners.example.com/app", "must be the site's root"),
        ("MAIL_FROM", "nobody", "PARTNER_PORTAL_MAIL_FROM must be an address"),
        ("MAIL_WORKER", "maybe", "PARTNER_PORTAL_MAIL_WORKER must be 1 or 0"),
        ("VENDOR_NAME", "V" * 101, "PARTNER_PORTAL_VENDOR_NAME must be one line"),
        ("VENDOR_ADDRESS", "|".join("line" for _ in range(7)), "at most 6 lines"),
        ("RATE_LIMIT_POINTS", "0", "PARTNER_PORTAL_RATE_LIMIT_POINTS must be a whole number"),
        ("RATE_LIMIT_WINDOW", "1h", "PARTNER_PORTAL_RATE_LIMIT_WINDOW must be a whole number"),
    ],
)
def test_a_bad_value_names_the_variable(
    tmp_path: Path, name: str, value: str, message: str
) -> None:
    with pytest.raises(SettingsError, match=message.replace("(", r"\(")) as error:
        load_settings(env(tmp_path, **{name: value}))
    assert "\n" not in str(error.value)


def test_a_data_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(SettingsError, match="exists and is not a folder"):
        load_settings({"PARTNER_PORTAL_DATA_DIR": str(tmp_path / "file")})


def test_production_mode(tmp_path: Path) -> None:
    settings = load_settings(env(tmp_path, ENV="Production", SMTP_URL="smtps://u:p@mail:465"))
    assert settings.env is Environment.PRODUCTION and not settings.is_development
    assert settings.smtp_url == "smtps://u:p@mail:465"
