"""The license signing key: generated once into the data folder, or given by setting."""

from __future__ import annotations

import stat
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from backend.licensing.signing import KEY_FILE, key_id_of, load_signing_key
from backend.settings import SettingsError, load_settings


def env(tmp_path: Path, **values: str) -> dict[str, str]:
    base = {"PARTNER_PORTAL_DATA_DIR": str(tmp_path / "data")}
    return base | {f"PARTNER_PORTAL_{k}": v for k, v in values.items()}


def private_pem(key: Ed25519PrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")


def test_the_key_is_generated_once_into_the_data_folder_and_kept(tmp_path: Path) -> None:
    settings = load_settings(env(tmp_path))
    first = load_signing_key(settings)
    second = load_signing_key(load_settings(env(tmp_path)))

    assert first.key_id == second.key_id
    assert len(first.key_id) == 16 and int(first.key_id, 16) >= 0
    key_file = settings.data_dir / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_file.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert first.public_pem.startswith(b"-----BEGIN PUBLIC KEY-----")


def test_processes_starting_at_once_agree_on_one_key(tmp_path: Path) -> None:
    settings = load_settings(env(tmp_path))
    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = set(pool.map(lambda _: load_signing_key(settings).key_id, range(32)))
    assert len(ids) == 1
    assert sorted(p.name for p in settings.data_dir.iterdir()) == [KEY_FILE, "secret_key"]


def test_a_key_given_by_setting_is_used(tmp_path: Path) -> None:
    given = Ed25519PrivateKey.generate()
    settings = load_settings(env(tmp_path, LICENSE_SIGNING_KEY=private_pem(given)))

    key = load_signing_key(settings)

    assert key.key_id == key_id_of(given.public_key())
    assert not (settings.data_dir / KEY_FILE).exists()
    assert "PRIVATE KEY" not in repr(settings)


def test_a_key_on_one_line_with_escaped_newlines_is_understood(tmp_path: Path) -> None:
    given = Ed25519PrivateKey.generate()
    one_line = private_pem(given).strip().replace("\n", "\\n")
    key = load_signing_key(load_settings(env(tmp_path, LICENSE_SIGNING_KEY=one_line)))
    assert key.key_id == key_id_of(given.public_key())


def test_a_key_file_given_by_setting_is_used(tmp_path: Path) -> None:
    given = Ed25519PrivateKey.generate()
    path = tmp_path / "signing.pem"
    path.write_text(private_pem(given))

    key = load_signing_key(load_settings(env(tmp_path, LICENSE_SIGNING_KEY_FILE=str(path))))

    assert key.key_id == key_id_of(given.public_key())


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"LICENSE_SIGNING_KEY": "not a key"}, "must hold an unencrypted Ed25519 private key"),
        ({"LICENSE_SIGNING_KEY_FILE": "/no/such/file.pem"}, "cannot be read"),
        (
            {"LICENSE_SIGNING_KEY": "x", "LICENSE_SIGNING_KEY_FILE": "/x.pem"},
            "are both set",
        ),
    ],
)
def test_a_bad_key_setting_stops_the_start_with_one_line(
    tmp_path: Path, values: dict[str, str], message: str
) -> None:
    with pytest.raises(SettingsError, match=message) as error:
        load_settings(env(tmp_path, **values))
    assert "\n" not in str(error.value)


def test_an_rsa_or_other_key_is_refused(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    other = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    with pytest.raises(SettingsError, match="Ed25519"):
        load_settings(env(tmp_path, LICENSE_SIGNING_KEY=other.decode()))


def test_a_damaged_key_file_is_reported_not_replaced(tmp_path: Path) -> None:
    settings = load_settings(env(tmp_path))
    (settings.data_dir / KEY_FILE).write_text("garbage")
    with pytest.raises(SettingsError, match="damaged"):
        load_signing_key(settings)
    assert (settings.data_dir / KEY_FILE).read_text() == "garbage"
