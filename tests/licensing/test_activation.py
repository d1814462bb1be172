"""Activating and deactivating installations: certificates, the one active installation, who may."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest
from cryptography.exceptions import InvalidSignature

from backend import clock
from backend.audit.models import AuditEvent
from backend.errors import DomainError, ErrorKind
from backend.identity.actor import ANONYMOUS
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing import activation
from backend.licensing.certificates import VALIDITY
from backend.licensing.models import Installation, License
from backend.licensing.signing import SigningKey
from tests.commerce.conftest import Shop
from tests.identity.factories import make_reseller, make_user
from tests.licensing.activations import (
    FINGERPRINT,
    HOSTNAME,
    INSTALLATION,
    Licensed,
    activate,
    buy,
)


def problem(error: pytest.ExceptionInfo[DomainError]) -> tuple[ErrorKind, tuple[str, ...] | None]:
    [found] = error.value.problems
    return found.kind, found.field


async def test_an_assigned_license_activates_with_a_signed_certificate(
    licensed: Licensed, signing_key: SigningKey
) -> None:
    # when
    done = await activate(licensed.license.key, signing_key)

    # then the certificate is signed by the key, over exactly its payload
    certificate = done.certificate
    signing_key.public_key.verify(certificate.signature, certificate.payload)
    facts = json.loads(certificate.payload)
    assert facts == {
        "format": 1,
        "keyId": signing_key.key_id,
        "licenseKey": licensed.license.key,
        "product": {"code": "smartermail", "name": "SmarterMail"},
        "edition": {"code": "enterprise", "name": "Enterprise"},
        "tier": {"code": "250", "name": facts["tier"]["name"], "seats": 250},
        "addons": ["activesync", "message-sniffer"],
        "maintenanceExpiresAt": facts["maintenanceExpiresAt"],
        "revision": 1,
        "installationId": done.installation.id,
        "fingerprint": FINGERPRINT,
        "hostname": HOSTNAME,
        "issuedAt": facts["issuedAt"],
        "expiresAt": facts["expiresAt"],
    }
    assert facts["maintenanceExpiresAt"] == licensed.license.maintenance_expires_at.strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    assert facts["issuedAt"].endswith("Z") and facts["expiresAt"].endswith("Z")
    assert certificate.expires_at - certificate.issued_at == VALIDITY
    # canonical JSON: sorted keys, no spaces
    assert certificate.payload == json.dumps(facts, sort_keys=True, separators=(",", ":")).encode()
    # and the installation is the license's active one
    installation = await Installation.get(id=done.installation.id)
    assert installation.active_license_id == licensed.license.id
    assert (installation.revision, installation.ip_address) == (1, "203.0.113.7")
    event = await AuditEvent.get(action="installation.activate")
    assert event.reseller_id == licensed.shop.reseller.id
    assert event.actor_label == f"installation {HOSTNAME}"


async def test_a_tampered_certificate_does_not_verify(
    licensed: Licensed, signing_key: SigningKey
) -> None:
    certificate = (await activate(licensed.license.key, signing_key)).certificate
    forged = certificate.payload.replace(b'"revision":1', b'"revision":9')
    assert forged != certificate.payload
    with pytest.raises(InvalidSignature):
        signing_key.public_key.verify(certificate.signature, forged)
    flipped = bytes([certificate.signature[0] ^ 1]) + certificate.signature[1:]
    with pytest.raises(InvalidSignature):
        signing_key.public_key.verify(flipped, certificate.payload)


async def test_an_unassigned_license_cannot_be_activated(
    shop: Shop,
    signing_key: SigningKey,
) -> None:
    license = await buy(shop)
    with pytest.raises(DomainError) as error:
        await activate(license.key, signing_key)
    assert problem(error) == (ErrorKind.LICENSE_NOT_ASSIGNED, ("license_key",))
    assert await Installation.all().count() == 0


async def test_a_personal_license_activates_without_a_customer(
    shop: Shop,
    signing_key: SigningKey,
) -> None:
    license = await buy(shop, personal=True)
    done = await activate(license.key, signing_key)
    assert done.installation.active_license_id == license.id


@pytest.mark.parametrize("key", ["", "nonsense", "X" * 5000, "22222-22222"])
async def test_an_unknown_key_is_not_found(
    licensed: Licensed, signing_key: SigningKey, key: str
) -> None:
    with pytest.raises(DomainError) as error:
        await activate(key, signing_key)
    assert problem(error) == (ErrorKind.NOT_FOUND, ("license_key",))
    assert str(error.value) == "No license has this key."


async def test_the_key_may_be_typed_as_people_do(
    licensed: Licensed, signing_key: SigningKey
) -> None:
    typed = licensed.license.key.replace("-", " ").lower()
    done = await activate(f"  {typed} ", signing_key)
    assert done.installation.license_id == licensed.license.id


@pytest.mark.parametrize(
    ("fingerprint", "hostname", "expected"),
    [
        ("short", HOSTNAME, [(ErrorKind.INVALID, ("fingerprint",))]),
        ("has spaces inside", HOSTNAME, [(ErrorKind.INVALID, ("fingerprint",))]),
        ("x" * 201, HOSTNAME, [(ErrorKind.INVALID, ("fingerprint",))]),
        ("   ", HOSTNAME, [(ErrorKind.REQUIRED, ("fingerprint",))]),
        (FINGERPRINT, "", [(ErrorKind.REQUIRED, ("hostname",))]),
        (FINGERPRINT, "-bad.example", [(ErrorKind.INVALID, ("hostname",))]),
        (FINGERPRINT, "two words", [(ErrorKind.INVALID, ("hostname",))]),
        (FINGERPRINT, "a..b", [(ErrorKind.INVALID, ("hostname",))]),
        (FINGERPRINT, "x" * 64 + ".example", [(ErrorKind.INVALID, ("hostname",))]),
        (FINGERPRINT, ".".join(["abcdefgh"] * 30), [(ErrorKind.INVALID, ("hostname",))]),
        (
            "bad",
            "bad host",
            [(ErrorKind.INVALID, ("fingerprint",)), (ErrorKind.INVALID, ("hostname",))],
        ),
    ],
)
async def test_the_fingerprint_and_hostname_are_checked(
    licensed: Licensed,
    signing_key: SigningKey,
    fingerprint: str,
    hostname: str,
    expected: list[tuple[ErrorKind, tuple[str, ...]]],
) -> None:
    with pytest.raises(DomainError) as error:
        await activate(
            licensed.license.key, signing_key, fingerprint=fingerprint, hostname=hostname
        )
    assert [(p.kind, p.field) for p in error.value.problems] == expected


@pytest.mark.parametrize("hostname", ["MAIL01", "mail_01.corp.example", "srv-1.example.com."])
async def test_host_names_people_use_are_accepted(
    licensed: Licensed, signing_key: SigningKey, hostname: str
) -> None:
    done = await activate(licensed.license.key, signing_key, hostname=hostname)
    assert done.installation.hostname == hostname


async def test_the_same_installation_activating_again_gets_a_fresh_certificate(
    licensed: Licensed, signing_key: SigningKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given an active installation, and a license upgraded since
    first = await activate(licensed.license.key, signing_key)
    await License.filter(id=licensed.license.id).update(revision=2)
    later = clock.now() + timedelta(days=3)
    monkeypatch.setattr(clock, "now", lambda: later)

    # when it activates again, from its new name
    again = await activate(licensed.license.key, signing_key, hostname="mail2.customer.example")

    # then it is the same installation, holding the new revision
    assert again.reissued and not first.reissued
    assert again.installation.id == first.installation.id
    assert json.loads(again.certificate.payload)["revision"] == 2
    installation = await Installation.get(id=first.installation.id)
    assert installation.revision == 2
    assert installation.hostname == "mail2.customer.example"
    assert installation.certificate_issued_at == later
    assert installation.activated_at == first.installation.activated_at
    event = await AuditEvent.get(action="installation.reactivate")
    assert event.changes == {
        "revision": [1, 2],
        "hostname": [HOSTNAME, "mail2.customer.example"],
    }


async def test_another_installation_is_refused_until_the_first_is_deactivated(
    licensed: Licensed, signing_key: SigningKey
) -> None:
    # given
    first = await activate(licensed.license.key, signing_key)

    # when another server activates the key
    with pytest.raises(DomainError) as error:
        await activate(
            licensed.license.key, signing_key, fingerprint="other-machine", hostname="new.example"
        )

    # then it is told where the key is active
    assert problem(error) == (ErrorKind.CONFLICT, ("license_key",))
    assert f"active on {HOSTNAME} since" in str(error.value)
    assert "Deactivate that installation first" in str(error.value)

    # when the first installation deactivates itself, the other one gets the key
    ended = await activation.deactivate(
        actor=INSTALLATION, key=licensed.license.key, fingerprint=FINGERPRINT
    )
    moved = await activate(
        licensed.license.key, signing_key, fingerprint="other-machine", hostname="new.example"
    )
    assert ended.id == first.installation.id
    assert (ended.active_license_id, ended.deactivated_by) == (None, f"installation {HOSTNAME}")
    assert ended.deactivated_at is not None
    assert moved.installation.id != first.installation.id
    # and the first one activating again is now refused
    with pytest.raises(DomainError) as error:
        await activate(licensed.license.key, signing_key)
    assert problem(error)[0] is ErrorKind.CONFLICT


async def test_a_user_who_manages_installations_deactivates_one_by_id(
    licensed: Licensed, signing_key: SigningKey
) -> None:
    done = await activate(licensed.license.key, signing_key)
    purchaser = licensed.shop.actor

    ended = await activation.deactivate(actor=purchaser, installation_id=done.installation.id)

    assert ended.active_license_id is None
    assert ended.deactivated_by == licensed.shop.purchaser.email
    event = await AuditEvent.get(action="installation.deactivate")
    assert event.actor_user_id == licensed.shop.purchaser.id
    assert event.reseller_id == licensed.shop.reseller.id
    # deactivating it again says so
    with pytest.raises(DomainError) as error:
        await activation.deactivate(actor=purchaser, installation_id=done.installation.id)
    assert problem(error) == (ErrorKind.CONFLICT, ("installation_id",))


async def test_who_may_deactivate_by_id(licensed: Licensed, signing_key: SigningKey) -> None:
    installation_id = (await activate(licensed.license.key, signing_key)).installation.id
    other = await make_reseller()
    refused = {
        "anonymous": (ANONYMOUS, ErrorKind.PERMISSION_DENIED),
        "billing": (
            actor_for(await make_user(Role.RESELLER_BILLING, licensed.shop.reseller)),
            ErrorKind.PERMISSION_DENIED,
        ),
        "another reseller": (
            actor_for(await make_user(Role.RESELLER_OWNER, other)),
            ErrorKind.NOT_FOUND,
        ),
        "another customer": (actor_for(await make_user(Role.CUSTOMER)), ErrorKind.NOT_FOUND),
    }
    for who, (actor, kind) in refused.items():
        with pytest.raises(DomainError) as error:
            await activation.deactivate(actor=actor, installation_id=installation_id)
        assert problem(error)[0] is kind, who
    assert (await Installation.get(id=installation_id)).is_active

    # the license's customer may
    customer = actor_for(licensed.customer)
    ended = await activation.deactivate(actor=customer, installation_id=installation_id)
    assert ended.deactivated_by == licensed.customer.email


async def test_deactivating_by_key_needs_the_fingerprint_of_an_active_installation(
    licensed: Licensed, signing_key: SigningKey
) -> None:
    await activate(licensed.license.key, signing_key)
    cases = [
        ({"key": licensed.license.key, "fingerprint": "someone-else"}, ErrorKind.NOT_FOUND),
        ({"key": "nonsense", "fingerprint": FINGERPRINT}, ErrorKind.NOT_FOUND),
        ({"key": licensed.license.key}, ErrorKind.REQUIRED),
        ({"fingerprint": FINGERPRINT}, ErrorKind.REQUIRED),
        ({"key": licensed.license.key, "installation_id": 1}, ErrorKind.INVALID),
    ]
    for given, kind in cases:
        with pytest.raises(DomainError) as error:
            await activation.deactivate(actor=INSTALLATION, **given)  # type: ignore[arg-type]
        assert error.value.problems[0].kind is kind, given
    assert await Installation.filter(active_license_id__isnull=False).count() == 1


async def test_a_signed_in_caller_is_named_in_the_audit(
    licensed: Licensed, signing_key: SigningKey
) -> None:
    actor = replace(actor_for(licensed.customer), ip_address="198.51.100.1")
    await activate(licensed.license.key, signing_key, actor=actor)
    event = await AuditEvent.get(action="installation.activate")
    assert (event.actor_user_id, event.actor_label) == (
        licensed.customer.id,
        licensed.customer.email,
    )
    assert event.ip_address == "198.51.100.1"
