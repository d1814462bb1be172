"""Checking a license from an installation, and the throttles of activation and checks."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from backend import clock
from backend.errors import DomainError, ErrorKind
from backend.identity.throttle import Limit
from backend.licensing import activation
from backend.licensing.activation import CheckStatus
from backend.licensing.certificates import VALIDITY
from backend.licensing.keys import new_key
from backend.licensing.models import Installation, License
from backend.licensing.signing import SigningKey
from tests.commerce.conftest import Shop
from tests.licensing.activations import (
    FINGERPRINT,
    INSTALLATION,
    Licensed,
    activate,
    assign,
    buy,
)


async def check(key: str, fingerprint: str = FINGERPRINT) -> activation.LicenseCheck:
    return await activation.check(actor=INSTALLATION, key=key, fingerprint=fingerprint)


async def test_an_active_installation_is_valid_and_gets_the_facts(
    licensed: Licensed, signing_key: SigningKey
) -> None:
    done = await activate(licensed.license.key, signing_key)

    found = await check(licensed.license.key.lower())

    assert found.status is CheckStatus.VALID
    assert found.license is not None and found.license.id == licensed.license.id
    assert len(found.addon_ids) == 2
    assert found.certificate_expires_at == done.certificate.expires_at
    assert done.certificate.expires_at - done.certificate.issued_at == VALIDITY
    installation = await Installation.get(id=done.installation.id)
    assert installation.last_checked_at == found.checked_at


async def test_not_activated_tells_nothing_about_the_key(
    licensed: Licensed, signing_key: SigningKey
) -> None:
    await activate(licensed.license.key, signing_key)
    for key, fingerprint in [
        (licensed.license.key, "another-machine"),  # a real key, another installation
        (new_key(), FINGERPRINT),  # no such key
        ("nonsense", FINGERPRINT),
        (licensed.license.key, "no"),  # not a fingerprint at all
    ]:
        found = await check(key, fingerprint)
        assert found == activation.LicenseCheck(CheckStatus.NOT_ACTIVATED, found.checked_at)


async def test_a_deactivated_installation_is_not_activated(
    licensed: Licensed, signing_key: SigningKey
) -> None:
    await activate(licensed.license.key, signing_key)
    await activation.deactivate(
        actor=INSTALLATION, key=licensed.license.key, fingerprint=FINGERPRINT
    )
    assert (await check(licensed.license.key)).status is CheckStatus.NOT_ACTIVATED


async def test_a_changed_license_needs_reactivation_until_the_installation_reactivates(
    licensed: Licensed, signing_key: SigningKey
) -> None:
    await activate(licensed.license.key, signing_key)
    await License.filter(id=licensed.license.id).update(revision=2)  # e.g. an upgrade

    assert (await check(licensed.license.key)).status is CheckStatus.REACTIVATION_REQUIRED
    await activate(licensed.license.key, signing_key)
    assert (await check(licensed.license.key)).status is CheckStatus.VALID


async def test_maintenance_expired_once_m_and_s_ends(
    licensed: Licensed, signing_key: SigningKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    await activate(licensed.license.key, signing_key)
    expiry = licensed.license.maintenance_expires_at

    monkeypatch.setattr(clock, "now", lambda: expiry - timedelta(seconds=1))
    assert (await check(licensed.license.key)).status is CheckStatus.VALID
    monkeypatch.setattr(clock, "now", lambda: expiry)
    assert (await check(licensed.license.key)).status is CheckStatus.MAINTENANCE_EXPIRED

    # a pending reactivation comes first
    await License.filter(id=licensed.license.id).update(revision=3)
    assert (await check(licensed.license.key)).status is CheckStatus.REACTIVATION_REQUIRED


async def test_activations_are_throttled_per_key(
    licensed: Licensed, signing_key: SigningKey
) -> None:
    # given as many attempts as the limit allows (they may fail for other reasons)
    await activate(licensed.license.key, signing_key)
    for n in range(activation.ACTIVATION_KEY.attempts - 1):
        with pytest.raises(DomainError):
            await activate(licensed.license.key, signing_key, fingerprint=f"other-machine-{n}")

    # when one more comes, from anywhere
    with pytest.raises(DomainError) as error:
        await activate(
            licensed.license.key, signing_key, actor=replace(INSTALLATION, ip_address="192.0.2.1")
        )

    # then it is refused without looking, while other keys still activate
    assert error.value.problems[0].kind is ErrorKind.THROTTLED
    assert "Try again in 15 minutes" in str(error.value)
    other = await buy(licensed.shop)
    await assign(other, licensed.customer)
    await activate(other.key, signing_key)


async def test_guessing_keys_from_one_address_is_throttled(
    licensed: Licensed, signing_key: SigningKey
) -> None:
    for _ in range(activation.ACTIVATION_ADDRESS.attempts):
        with pytest.raises(DomainError) as error:
            await activate(new_key(), signing_key)
        assert error.value.problems[0].kind is ErrorKind.NOT_FOUND

    # the next guess from that address is refused, even of a real key
    with pytest.raises(DomainError) as error:
        await activate(licensed.license.key, signing_key)
    assert error.value.problems[0].kind is ErrorKind.THROTTLED
    # another address is not
    await activate(
        licensed.license.key, signing_key, actor=replace(INSTALLATION, ip_address="192.0.2.1")
    )


async def test_checks_are_throttled_per_key_and_per_address(
    licensed: Licensed, signing_key: SigningKey
) -> None:
    await activate(licensed.license.key, signing_key)
    for _ in range(activation.CHECK_KEY.attempts):
        await check(licensed.license.key)
    with pytest.raises(DomainError) as error:
        await check(licensed.license.key)
    assert error.value.problems[0].kind is ErrorKind.THROTTLED

    # failed checks count against their address (a guesser's), whatever the key
    guesser = replace(INSTALLATION, ip_address="192.0.2.99")
    for _ in range(activation.CHECK_ADDRESS.attempts):
        found = await activation.check(actor=guesser, key=new_key(), fingerprint=FINGERPRINT)
        assert found.status is CheckStatus.NOT_ACTIVATED
    with pytest.raises(DomainError) as error:
        await activation.check(actor=guesser, key=new_key(), fingerprint=FINGERPRINT)
    assert error.value.problems[0].kind is ErrorKind.THROTTLED


async def test_successful_checks_do_not_count_against_the_address(
    shop: Shop,
    signing_key: SigningKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A fleet of servers behind one address checks often; only failures count there."""
    monkeypatch.setattr(
        activation, "CHECK_ADDRESS", Limit("check-address", 3, timedelta(minutes=15))
    )
    monkeypatch.setattr(
        activation, "ACTIVATION_ADDRESS", Limit("activation-address", 3, timedelta(minutes=15))
    )
    keys = []
    for _ in range(5):
        license = await buy(shop, personal=True)
        await activate(license.key, signing_key)
        keys.append(license.key)
    for key in keys:
        assert (await check(key)).status is CheckStatus.VALID
