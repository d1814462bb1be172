"""Activation: installations activate a key and get a certificate, check it, and deactivate.

``activateLicense`` and ``checkLicense`` are open to anonymous callers (installations hold no
login, only the key). ``deactivateInstallation`` is open at the root and decided by the service:
by id it takes a signed-in user allowed to manage installations, by key and fingerprint anyone
holding both (the installation itself).
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from backend.api.catalog.dataloaders import CatalogLoader
from backend.api.context import Info
from backend.api.enums import Permission
from backend.api.errors import ClientError, UserError, errors_field, user_errors
from backend.api.ids import local_id
from backend.api.licensing.installations import Installation
from backend.api.permissions import PUBLIC, access
from backend.errors import DomainError
from backend.licensing import activation, models
from backend.licensing.certificates import Certificate


@strawberry.enum(description="What `checkLicense` found for an installation.")
class LicenseCheckStatus(Enum):
    VALID = strawberry.enum_value(
        "VALID", description="Activated, its certificate is current and M&S is active."
    )
    REACTIVATION_REQUIRED = strawberry.enum_value(
        "REACTIVATION_REQUIRED",
        description="The license changed (upgrade, add-ons): call `activateLicense` again with "
        "the same fingerprint to get the new certificate.",
    )
    NOT_ACTIVATED = strawberry.enum_value(
        "NOT_ACTIVATED",
        description="This key is not active on this installation (or there is no such key).",
    )
    MAINTENANCE_EXPIRED = strawberry.enum_value(
        "MAINTENANCE_EXPIRED",
        description="Activated and current, but M&S has ended: the license keeps working on "
        "builds released before `maintenanceExpiresAt`, and its add-ons stop.",
    )


@strawberry.type(description="A product, edition or add-on of a license: its code and name.")
class LicensedItem:
    code: str = strawberry.field(description="The catalog code, e.g. `smartermail`.")
    name: str = strawberry.field(description="The name people read.")


@strawberry.type(description="The seat tier of a license.")
class LicensedTier:
    code: str = strawberry.field(description='The seat count as a string ("250") or "unlimited".')
    name: str = strawberry.field(description='A label such as "250 mailboxes".')
    seats: int | None = strawberry.field(description="The seat count; null when unlimited.")


@strawberry.type(
    description="A license certificate: JSON signed with the vendor's Ed25519 key, whose public "
    "key is at `/.well-known/license-signing-key` (see docs/license-certificates.md)."
)
class LicenseCertificate:
    payload: str = strawberry.field(
        description="Base64 of the certificate's JSON: exactly the bytes that were signed."
    )
    signature: str = strawberry.field(
        description="Base64 of the Ed25519 signature of the payload's bytes."
    )
    key_id: str = strawberry.field(description="The id of the key that signed it (as in payload).")
    issued_at: datetime = strawberry.field(description="When it was issued.")
    expires_at: datetime = strawberry.field(
        description="When it stops being valid; activate again (same fingerprint) before then."
    )

    @classmethod
    def of(cls, certificate: Certificate) -> LicenseCertificate:
        return cls(
            payload=certificate.payload_base64,
            signature=certificate.signature_base64,
            key_id=certificate.key_id,
            issued_at=certificate.issued_at,
            expires_at=certificate.expires_at,
        )


@strawberry.type(
    description="The answer of `checkLicense`. Every field but `status` and `checkedAt` is null "
    "when the status is NOT_ACTIVATED."
)
class LicenseCheck:
    status: LicenseCheckStatus = strawberry.field(description="What the installation should do.")
    checked_at: datetime = strawberry.field(description="When the check was made.")
    license_key: str | None = strawberry.field(description="The license key.", default=None)
    revision: int | None = strawberry.field(
        description="The license's current revision (the certificate holds its own).", default=None
    )
    maintenance_expires_at: datetime | None = strawberry.field(
        description="When M&S ends or ended; add-ons run until then.", default=None
    )
    product: LicensedItem | None = strawberry.field(description="The product.", default=None)
    edition: LicensedItem | None = strawberry.field(description="The edition.", default=None)
    tier: LicensedTier | None = strawberry.field(description="The seat tier.", default=None)
    addons: list[LicensedItem] | None = strawberry.field(
        description="The license's add-ons (they run only while M&S is active).", default=None
    )
    certificate_expires_at: datetime | None = strawberry.field(
        description="When the installation's current certificate expires.", default=None
    )

    @classmethod
    async def of(cls, found: activation.LicenseCheck, catalog: CatalogLoader) -> LicenseCheck:
        status = LicenseCheckStatus(found.status.value)
        license = found.license
        if license is None:
            return cls(status=status, checked_at=found.checked_at)
        snapshot = await catalog.load()
        product = snapshot.by_id["product"][license.product_id]
        edition = snapshot.by_id["edition"][license.edition_id]
        tier = snapshot.by_id["tier"][license.tier_id]
        return cls(
            status=status,
            checked_at=found.checked_at,
            license_key=license.key,
            revision=license.revision,
            maintenance_expires_at=license.maintenance_expires_at,
            product=LicensedItem(code=product.code, name=product.name),
            edition=LicensedItem(code=edition.code, name=edition.name),
            tier=LicensedTier(code=tier.code, name=tier.name, seats=tier.seats),
            addons=[
                LicensedItem(code=addon.code, name=addon.name)
                for addon in product.addons
                if addon.id in found.addon_ids
            ],
            certificate_expires_at=found.certificate_expires_at,
        )


@strawberry.input(description="An installation activating a license key.")
class ActivateLicenseInput:
    license_key: str = strawberry.field(description="The license key (any case, dashes optional).")
    fingerprint: str = strawberry.field(
        description="The installation's own stable id: 8 to 200 characters of letters, digits "
        "and . _ : + / = - (e.g. a hash of the machine id). The same fingerprint activating "
        "again gets a fresh certificate."
    )
    hostname: str = strawberry.field(description="The server's host name, e.g. mail.example.com.")


@strawberry.type(description="The installation activated and its signed certificate.")
class ActivationPayload:
    activation: Installation | None = strawberry.field(
        description="The installation that now holds the license's activation.", default=None
    )
    certificate: LicenseCertificate | None = strawberry.field(
        description="The certificate to keep on the installation.", default=None
    )
    user_errors: list[UserError] = errors_field()


@strawberry.input(
    description="The installation to deactivate: by its id (signed in), or by the license key "
    "and its fingerprint (the installation itself, no sign-in needed)."
)
class DeactivateInstallationInput:
    installation_id: strawberry.ID | None = strawberry.field(
        description="The installation's id.", default=None
    )
    license_key: str | None = strawberry.field(description="The license key.", default=None)
    fingerprint: str | None = strawberry.field(
        description="The installation's fingerprint.", default=None
    )


@strawberry.type(description="The installation, now deactivated: the key may activate elsewhere.")
class DeactivateInstallationPayload:
    installation: Installation | None = strawberry.field(
        description="The installation.", default=None
    )
    user_errors: list[UserError] = errors_field()


async def _node(info: Info, row: models.Installation) -> Installation:
    """The installation for the caller; its license only if the caller may see that."""
    actor = info.context.actor
    visible = (
        actor.can(Permission.LICENSES_READ)
        and await actor.scope(models.License).filter(id=row.license_id).exists()
    )
    return Installation.from_row(row, license_visible=visible)


@strawberry.type
class ActivationQuery:
    @strawberry.field(
        description="For an installation: whether its certificate of this key is current. "
        "Open to anonymous callers; asking too often is refused with a THROTTLED error.",
        extensions=access(PUBLIC),
    )
    async def check_license(self, info: Info, license_key: str, fingerprint: str) -> LicenseCheck:
        try:
            found = await activation.check(
                actor=info.context.actor, key=license_key, fingerprint=fingerprint
            )
        except DomainError as error:
            problem = error.problems[0]
            raise ClientError(problem.message, code=problem.kind.value) from None
        return await LicenseCheck.of(found, info.context.loaders.catalog)


@strawberry.type
class ActivationMutation:
    @strawberry.mutation(
        description="Activate a license key on an installation and get its signed certificate. "
        "Open to anonymous callers. One installation per key: another fingerprint is refused "
        "until the active one is deactivated; the same fingerprint gets a fresh certificate.",
        extensions=access(PUBLIC),
    )
    async def activate_license(self, info: Info, input: ActivateLicenseInput) -> ActivationPayload:
        try:
            done = await activation.activate(
                actor=info.context.actor,
                key=input.license_key,
                fingerprint=input.fingerprint,
                hostname=input.hostname,
                signing_key=info.context.signing_key,
            )
        except DomainError as error:
            return ActivationPayload(user_errors=user_errors(error))
        return ActivationPayload(
            activation=await _node(info, done.installation),
            certificate=LicenseCertificate.of(done.certificate),
        )

    @strawberry.mutation(
        description="Deactivate an installation so that its key can be activated elsewhere: by "
        "`installationId` (signed in, with the right to manage installations), or by "
        "`licenseKey` and `fingerprint` (the installation itself, no sign-in needed).",
        extensions=access(PUBLIC),
    )
    async def deactivate_installation(
        self, info: Info, input: DeactivateInstallationInput
    ) -> DeactivateInstallationPayload:
        try:
            row = await activation.deactivate(
                actor=info.context.actor,
                installation_id=local_id(
                    input.installation_id,
                    "Installation",
                    what="installation",
                    field="installation_id",
                ),
                key=input.license_key,
                fingerprint=input.fingerprint,
            )
        except DomainError as error:
            return DeactivateInstallationPayload(user_errors=user_errors(error))
        return DeactivateInstallationPayload(installation=await _node(info, row))
