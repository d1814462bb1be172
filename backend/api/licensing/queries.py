"""Queries of licenses."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry import relay

from backend.api.context import Info
from backend.api.enums import LicenseStatus
from backend.api.ids import id_filter
from backend.api.licensing.types import License, page_query, prefetch
from backend.api.pagination import SortDirection, ordering, paginate
from backend.api.permissions import access
from backend.catalog.models import Product
from backend.identity.roles import Permission
from backend.licensing import models
from backend.licensing.email_search import license_search
from backend.licensing.keys import is_key, normalize_key

MAX_SEARCH = 200
PRODUCT_CODE_LENGTH = Product._meta.fields_map["code"].max_length  # type: ignore[attr-defined]


@strawberry.input(description="Which licenses to list; omitted criteria match every license.")
class LicenseFilter:
    status: LicenseStatus | None = strawberry.field(
        description="Only assigned or only unassigned licenses.", default=None
    )
    product_code: str | None = strawberry.field(
        description="Only licenses of this product, e.g. `smartermail`.", default=None
    )
    search: str | None = strawberry.field(
        description="A license key (or its beginning) or part of the customer's email.",
        default=None,
    )
    personal: bool | None = strawberry.field(
        description="true: only the account's own licenses; false: only those for resale.",
        default=None,
    )
    reseller_id: strawberry.ID | None = strawberry.field(
        description="Vendor admins: one account's licenses.", default=None
    )
    customer_id: strawberry.ID | None = strawberry.field(
        description="Only the licenses assigned to this customer.", default=None
    )


@strawberry.enum(description="What the licenses list can be sorted by.")
class LicenseOrderField(Enum):
    CREATED_AT = strawberry.enum_value("created_at", description="When the license was bought.")
    KEY = strawberry.enum_value("key", description="The license key.")
    MAINTENANCE_EXPIRES_AT = strawberry.enum_value(
        "maintenance_expires_at", description="When its M&S ends."
    )


@strawberry.input(description="The order of the licenses list.")
class LicenseOrder:
    field: LicenseOrderField = strawberry.field(description="What to sort by.")
    direction: SortDirection = strawberry.field(
        description="Ascending (when omitted) or descending.", default=SortDirection.ASC
    )


@strawberry.type
class LicensingQuery:
    @strawberry.field(
        description="The account's licenses, newest first unless `orderBy` says otherwise. "
        "Pages forward with `first`/`after`, backward with `last`/`before`.",
        extensions=access(Permission.LICENSES_READ),
    )
    async def licenses(
        self,
        info: Info,
        *,
        filter: LicenseFilter | None = None,
        first: int = 50,
        after: str | None = None,
        order_by: LicenseOrder | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> relay.Connection[License]:
        queryset = info.context.actor.scope(models.License)
        if filter is not None:
            if filter.status is LicenseStatus.UNASSIGNED:
                queryset = queryset.filter(customer_id__isnull=True)
            elif filter.status is LicenseStatus.ASSIGNED:
                queryset = queryset.filter(customer_id__isnull=False)
            if filter.product_code is not None:
                code = filter.product_code.strip()
                # the ORM refuses to compare a value longer than the column: no product has it
                fits = len(code) <= PRODUCT_CODE_LENGTH
                queryset = queryset.filter(product__code=code) if fits else queryset.filter(id=0)
            if filter.personal is not None:
                queryset = queryset.filter(personal=filter.personal)
            if filter.reseller_id is not None:
                queryset = queryset.filter(reseller_id=id_filter(filter.reseller_id, "Reseller"))
            if filter.customer_id is not None:
                queryset = queryset.filter(customer_id=id_filter(filter.customer_id, "Customer"))
            term = (filter.search or "").strip()[:MAX_SEARCH]
            if term:  # the key typed in any case, with or without dashes, or part of the email
                queryset = queryset.filter(await license_search(term))
        queryset, columns = page_query(info, queryset)
        page = await paginate(
            queryset,
            first=first,
            after=after,
            last=last,
            before=before,
            to_node=License.from_values,
            order=ordering(order_by, ("-created_at", "-id")),
            columns=columns,
        )
        return await prefetch(info, page)

    @strawberry.field(
        description="One license by its key (any case, with or without dashes); null if the "
        "account has none with that key.",
        extensions=access(Permission.LICENSES_READ),
    )
    async def license(self, info: Info, key: str) -> License | None:
        key = normalize_key(key[:MAX_SEARCH])
        if not is_key(key):  # not a key (the ORM would refuse a value longer than the column)
            return None
        row = await info.context.actor.scope(models.License).get_or_none(key=key)
        return License.from_row(row) if row is not None else None
