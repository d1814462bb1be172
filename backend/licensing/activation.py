"""Activating a license on an installation, checking it, and deactivating it.

An installation (a server running the product) activates its license key with its fingerprint
(the installation's own stable id) and hostname, and gets a signed certificate. Anyone holding the
key may activate it: installations are anonymous (DESIGN.md §1).

- One active installation per license is a database fact (``Installation.active_license_id`` is
  unique), so of concurrent activations with different fingerprints exactly one succeeds.
- The same fingerprint again re-issues the certificate for the license as it is now: that is how
  an installation reactivates after an upgrade, or renews its certificate before it expires.
- A license for resale is activated only once it is assigned to a customer. A *personal* license
  (the reseller's own) has no customer and may be activated as it is.
- Activation, checks and self-deactivation are throttled per key and per address. Attempts that
  found nothing count against the address; successful ones do not, so a fleet of servers behind
  one address is not locked out by its own checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from backend import clock
from backend.audit.services import diff, record
from backend.errors import DomainError, ErrorKind, Problems, not_found
from backend.identity import throttle
from backend.identity.actor import Actor
from backend.identity.roles import Permission
from backend.identity.throttle import Limit
from backend.licensing.certificates import (
    VALIDITY,
    Certificate,
    CertificateFacts,
    CertifiedTier,
    Named,
    issue_certificate,
)
from backend.licensing.keys import is_key, normalize_key
from backend.licensing.models import Installation, License, LicenseAddon
from backend.licensing.signing import SigningKey

ACTIVATION_KEY = Limit("activation-key", attempts=10, window=timedelta(minutes=15))
ACTIVATION_ADDRESS = Limit("activation-address", attempts=60, window=timedelta(minutes=15))
CHECK_KEY = Limit("check-key", attempts=10, window=timedelta(minutes=15))
CHECK_ADDRESS = Limit("check-address", attempts=60, window=timedelta(minutes=15))

FINGERPRINT = re.compile(r"[A-Za-z0-9._:+/=-]{8,200}")
FINGERPRINT_HELP = (
    "8 to 200 characters: letters, digits and . _ : + / = - (e.g. a hash of the machine's id)."
)
HOSTNAME = re.compile(r"(?!-)[A-Za-z0-9_-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9_-]{1,63}(?<!-))*\.?")
MAX_HOSTNAME = 255
MAX_KEY_INPUT = 200
RACE_ATTEMPTS = 3


class CheckStatus(StrEnum):
    VALID = "VALID"
    REACTIVATION_REQUIRED = "REACTIVATION_REQUIRED"
    NOT_ACTIVATED = "NOT_ACTIVATED"
    MAINTENANCE_EXPIRED = "MAINTENANCE_EXPIRED"


@dataclass(frozen=True, slots=True)
class Activation:
    installation: Installation
    certificate: Certificate
    reissued: bool
    """True when the installation was already active and got a fresh certificate."""


@dataclass(frozen=True, slots=True)
class LicenseCheck:
    status: CheckStatus
    checked_at: datetime
    license: License | None = None
    """The license and its installation, when this installation is activated."""
    installation: Installation | None = None
    addon_ids: tuple[int, ...] = ()

    @property
    def certificate_expires_at(self) -> datetime | None:
        if self.installation is None:
            return None
        return self.installation.certificate_issued_at.replace(microsecond=0) + VALIDITY


class _Raced(Exception):
    """The installation changed between reading and writing it: look again."""


async def activate(
    *, actor: Actor, key: str, fingerprint: str, hostname: str, signing_key: SigningKey
) -> Activation:
    """Activate ``key`` on the installation ``fingerprint``, or re-issue its certificate."""
    fingerprint, hostname = _checked(fingerprint, hostname)
    key = normalize_key(key[:MAX_KEY_INPUT])
    attempt = await throttle.note_attempt(
        [(ACTIVATION_KEY, key), (ACTIVATION_ADDRESS, actor.ip_address or "unknown")]
    )
    license = await _license(key)
    if license is None:
        raise DomainError(ErrorKind.NOT_FOUND, "No license has this key.", field="license_key")
    if license.customer_id is None and not license.personal:
        raise DomainError(
            ErrorKind.LICENSE_NOT_ASSIGNED,
            "This license is not assigned to a customer yet. It can be activated once the "
            "reseller has assigned it.",
            field="license_key",
        )
    auditor = _auditor(actor, hostname)
    for _ in range(RACE_ATTEMPTS):
        try:
            async with in_transaction():
                installation, reissued = await _activate(auditor, license, fingerprint, hostname)
            break
        except (IntegrityError, _Raced):
            continue  # another activation of this key got there first: look again
    else:
        raise DomainError(
            ErrorKind.CONFLICT,
            "The license is being activated elsewhere at this moment; try again.",
            field="license_key",
        )
    await throttle.forgive(attempt[1:])
    addons = await LicenseAddon.filter(license_id=license.id).select_related("addon")
    certificate = issue_certificate(
        _facts(license, installation, tuple(a.addon.code for a in addons)), signing_key
    )
    return Activation(installation=installation, certificate=certificate, reissued=reissued)


async def _activate(
    actor: Actor, license: License, fingerprint: str, hostname: str
) -> tuple[Installation, bool]:
    now = clock.now()
    current = await Installation.filter(active_license_id=license.id).first()
    if current is not None and current.fingerprint != fingerprint:
        raise _active_elsewhere(current)
    if current is not None:
        before = {"revision": current.revision, "hostname": current.hostname}
        after = {"revision": license.revision, "hostname": hostname}
        updated = await Installation.filter(id=current.id, active_license_id=license.id).update(
            certificate_issued_at=now, ip_address=actor.ip_address[:64], **after
        )
        if not updated:
            raise _Raced
        await current.refresh_from_db()
        await _record(actor, "installation.reactivate", license, current, diff(before, after))
        return current, True
    installation = await Installation.create(
        license_id=license.id,
        active_license_id=license.id,
        fingerprint=fingerprint,
        hostname=hostname,
        revision=license.revision,
        activated_at=now,
        certificate_issued_at=now,
        ip_address=actor.ip_address[:64],
    )
    await _record(
        actor,
        "installation.activate",
        license,
        installation,
        {"fingerprint": fingerprint, "hostname": hostname, "revision": license.revision},
    )
    return installation, False


async def check(*, actor: Actor, key: str, fingerprint: str) -> LicenseCheck:
    """Whether the installation ``fingerprint`` holds a current certificate of ``key``.

    An unknown key and a key not activated on this installation answer alike (NOT_ACTIVATED), so
    the check tells nothing about keys the caller does not hold.
    """
    now = clock.now()
    key = normalize_key(key[:MAX_KEY_INPUT])
    fingerprint = fingerprint.strip()
    attempt = await throttle.note_attempt(
        [(CHECK_KEY, key), (CHECK_ADDRESS, actor.ip_address or "unknown")]
    )
    installation = await _active_installation(key, fingerprint)
    if installation is None:
        return LicenseCheck(status=CheckStatus.NOT_ACTIVATED, checked_at=now)
    await throttle.forgive(attempt[1:])
    await Installation.filter(id=installation.id).update(last_checked_at=now)
    installation.last_checked_at = now
    license = installation.license
    if installation.revision < license.revision:
        status = CheckStatus.REACTIVATION_REQUIRED
    elif now >= license.maintenance_expires_at:
        status = CheckStatus.MAINTENANCE_EXPIRED
    else:
        status = CheckStatus.VALID
    addons = await LicenseAddon.filter(license_id=license.id)
    return LicenseCheck(
        status=status,
        checked_at=now,
        license=license,
        installation=installation,
        addon_ids=tuple(row.addon_id for row in addons),
    )


async def deactivate(
    *,
    actor: Actor,
    installation_id: int | None = None,
    key: str | None = None,
    fingerprint: str | None = None,
) -> Installation:
    """End an installation's activation, so that the key can move to another server.

    By id: a signed-in user allowed to manage installations, within its scope (another
    reseller's installation is not found). By key and fingerprint: the installation itself, or
    anyone holding both, signed in or not.
    """
    if installation_id is not None:
        if key is not None or fingerprint is not None:
            raise DomainError(
                ErrorKind.INVALID,
                "Give either the installation's id, or the license key and fingerprint.",
                field="installation_id",
            )
        actor.require(Permission.INSTALLATIONS_MANAGE)
        installation = (
            await actor.scope(Installation)
            .filter(id=installation_id)
            .select_related("license")
            .first()
        )
        if installation is None:
            raise not_found("installation", "installation_id")
    else:
        installation = await _installation_by_key(actor, key, fingerprint)
    now = clock.now()
    license = installation.license
    auditor = _auditor(actor, installation.hostname)
    async with in_transaction():
        ended = await Installation.filter(
            id=installation.id, active_license_id__isnull=False
        ).update(active_license_id=None, deactivated_at=now, deactivated_by=auditor.label[:300])
        if not ended:
            raise DomainError(
                ErrorKind.CONFLICT,
                "This installation is not active: it was deactivated already.",
                field="installation_id",
            )
        await installation.refresh_from_db()
        await _record(
            auditor, "installation.deactivate", license, installation, {"active": [True, False]}
        )
    return installation


async def _installation_by_key(
    actor: Actor, key: str | None, fingerprint: str | None
) -> Installation:
    key, fingerprint = (key or "").strip(), (fingerprint or "").strip()
    problems = Problems()
    if not key:
        problems.add(ErrorKind.REQUIRED, "Give the license key.", "license_key")
    if not fingerprint:
        problems.add(ErrorKind.REQUIRED, "Give the installation's fingerprint.", "fingerprint")
    problems.raise_if_any()
    key = normalize_key(key[:MAX_KEY_INPUT])
    attempt = await throttle.note_attempt(
        [(ACTIVATION_KEY, key), (ACTIVATION_ADDRESS, actor.ip_address or "unknown")]
    )
    installation = await _active_installation(key, fingerprint)
    if installation is None:
        raise DomainError(
            ErrorKind.NOT_FOUND,
            "No active installation of this license has this fingerprint.",
            field="fingerprint",
        )
    await throttle.forgive(attempt[1:])
    return installation


async def _license(key: str) -> License | None:
    if not is_key(key):  # not a key (the ORM would refuse a value longer than the column)
        return None
    return await License.get_or_none(key=key).select_related("product", "edition", "tier")


async def _active_installation(key: str, fingerprint: str) -> Installation | None:
    if not is_key(key) or FINGERPRINT.fullmatch(fingerprint) is None:
        return None
    return (
        await Installation.filter(
            license__key=key, fingerprint=fingerprint, active_license_id__isnull=False
        )
        .select_related("license")
        .first()
    )


def _checked(fingerprint: str, hostname: str) -> tuple[str, str]:
    fingerprint, hostname = fingerprint.strip(), hostname.strip()
    problems = Problems()
    if not fingerprint:
        problems.add(ErrorKind.REQUIRED, "Give the installation's fingerprint.", "fingerprint")
    elif FINGERPRINT.fullmatch(fingerprint) is None:
        problems.add(
            ErrorKind.INVALID, f"The fingerprint must be {FINGERPRINT_HELP}", "fingerprint"
        )
    if not hostname:
        problems.add(ErrorKind.REQUIRED, "Give the installation's hostname.", "hostname")
    elif len(hostname) > MAX_HOSTNAME or HOSTNAME.fullmatch(hostname) is None:
        problems.add(
            ErrorKind.INVALID,
            "The hostname must be a host name such as mail.example.com: up to 255 characters, "
            "labels of letters, digits, - and _ separated by dots.",
            "hostname",
        )
    problems.raise_if_any()
    return fingerprint, hostname


def _active_elsewhere(current: Installation) -> DomainError:
    since = current.activated_at.strftime("%Y-%m-%d %H:%M UTC")
    return DomainError(
        ErrorKind.CONFLICT,
        f"This license is active on {current.hostname} since {since}. Deactivate that "
        "installation first, then activate this one.",
        field="license_key",
    )


def _auditor(actor: Actor, hostname: str) -> Actor:
    """Who the audit log names: the signed-in caller, or the installation itself."""
    if actor.is_authenticated:
        return actor
    return replace(actor, label=f"installation {hostname}"[:300])


async def _record(
    actor: Actor,
    action: str,
    license: License,
    installation: Installation,
    changes: dict[str, object],
) -> None:
    await record(
        actor,
        action,
        reseller_id=license.reseller_id,
        target=installation,
        target_label=f"{license.key} on {installation.hostname}",
        changes=changes,
    )


def _facts(
    license: License, installation: Installation, addons: tuple[str, ...]
) -> CertificateFacts:
    return CertificateFacts(
        license_key=license.key,
        product=Named(license.product.code, license.product.name),
        edition=Named(license.edition.code, license.edition.name),
        tier=CertifiedTier(license.tier.code, license.tier.name, license.tier.seats),
        addons=addons,
        maintenance_expires_at=license.maintenance_expires_at,
        revision=installation.revision,
        installation_id=installation.id,
        fingerprint=installation.fingerprint,
        hostname=installation.hostname,
        issued_at=installation.certificate_issued_at,
    )
