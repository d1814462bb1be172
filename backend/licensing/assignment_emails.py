"""The emails of an assignment: the customer's, with the keys (and, for a new customer, a
one-time link to choose a password, never a password), and the account's notice."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from backend.accounts.models import Reseller
from backend.catalog.services import Catalog
from backend.identity.models import TokenPurpose, User
from backend.identity.set_password import issue_token, set_password_link
from backend.licensing.models import License, LicenseAddon
from backend.notifications.outbox import enqueue_email

SIGN_IN_PATH = "/login"


@dataclass(frozen=True, slots=True)
class LicenseSummary:
    """A license as the emails describe it."""

    key: str
    product: str
    edition: str
    tier: str
    addons: tuple[str, ...]
    maintenance_expires_at: datetime


async def summaries(licenses: Sequence[License], catalog: Catalog) -> list[LicenseSummary]:
    """How the emails describe ``licenses``: names from the catalog, add-ons in one query."""
    addon_ids: dict[int, set[int]] = defaultdict(set)
    rows = await LicenseAddon.filter(license_id__in=[lic.id for lic in licenses]).values_list(
        "license_id", "addon_id"
    )
    for license_id, addon_id in rows:
        addon_ids[license_id].add(addon_id)
    found = []
    for license in licenses:
        product = catalog.by_id["product"][license.product_id]
        found.append(
            LicenseSummary(
                key=license.key,
                product=product.name,
                edition=catalog.by_id["edition"][license.edition_id].name,
                tier=catalog.by_id["tier"][license.tier_id].name,
                addons=tuple(a.name for a in product.addons if a.id in addon_ids[license.id]),
                maintenance_expires_at=license.maintenance_expires_at,
            )
        )
    return found


async def notify(
    *,
    reseller: Reseller,
    customer: User,
    created: bool,
    licenses: Sequence[LicenseSummary],
    public_url: str,
    assigned_by: str,
) -> None:
    """The customer's email (with a link to choose a password when new) and, if the account
    wants it, a notice to its billing address."""
    context: dict[str, object] = {
        "name": customer.name,
        "email": customer.email,
        "reseller_name": reseller.name,
        "licenses": list(licenses),
        "sign_in_link": f"{public_url}{SIGN_IN_PATH}",
    }
    if created:
        token, row = await issue_token(customer, TokenPurpose.NEW_CUSTOMER)
        context |= {"link": set_password_link(public_url, token), "expires_at": row.expires_at}
    await enqueue_email(
        template="license_assigned_new_account" if created else "license_assigned",
        to=[customer.email],
        reseller_id=reseller.id,
        context=context,
    )
    if reseller.notify_license_assigned and reseller.billing_email:
        await enqueue_email(
            template="license_assigned_notice",
            to=[reseller.billing_email],
            reseller_id=reseller.id,
            context={
                "reseller_name": reseller.name,
                "customer_name": customer.name,
                "customer_email": customer.email,
                "customer_created": created,
                "assigned_by": assigned_by,
                "licenses": list(licenses),
            },
        )
