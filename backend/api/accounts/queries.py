"""Account queries: people, mailing lists and (for the vendor) resellers."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry import relay
from tortoise.expressions import Q

from backend.accounts import models
from backend.api.accounts.types import Employee, MailingList, Reseller
from backend.api.context import Info
from backend.api.enums import MailingList as MailingListCode
from backend.api.enums import ResellerStatus, Role
from backend.api.ids import id_filter
from backend.api.pagination import SortDirection, ordering, paginate
from backend.api.permissions import access
from backend.identity.roles import Permission

MAX_SEARCH = 200


def _search(value: str | None) -> str | None:
    value = (value or "").strip()[:MAX_SEARCH]
    return value or None


@strawberry.enum(description="What the people list can be sorted by.")
class EmployeeOrderField(Enum):
    NAME = strawberry.enum_value("name", description="The person's name.")
    EMAIL = strawberry.enum_value("email", description="The person's email (lower case).")
    CREATED_AT = strawberry.enum_value("created_at", description="When the person was added.")


@strawberry.input(description="The order of the people list.")
class EmployeeOrder:
    field: EmployeeOrderField = strawberry.field(description="What to sort by.")
    direction: SortDirection = strawberry.field(
        description="Ascending (when omitted) or descending.", default=SortDirection.ASC
    )


@strawberry.enum(description="What the resellers list can be sorted by.")
class ResellerOrderField(Enum):
    NAME = strawberry.enum_value("name", description="The company name.")
    CREATED_AT = strawberry.enum_value("created_at", description="When the account was created.")
    DISCOUNT = strawberry.enum_value("discount_bps", description="The account's discount.")


@strawberry.input(description="The order of the resellers list.")
class ResellerOrder:
    field: ResellerOrderField = strawberry.field(description="What to sort by.")
    direction: SortDirection = strawberry.field(
        description="Ascending (when omitted) or descending.", default=SortDirection.ASC
    )


@strawberry.type
class AccountsQuery:
    @strawberry.field(
        description="The people of the account, by name unless `orderBy` says otherwise "
        "(vendor admins: of every account, or of one with `resellerId`); `role` keeps those "
        "whose login has that role. Pages forward with `first`/`after`, backward with "
        "`last`/`before`.",
        extensions=access(Permission.ACCOUNT_READ),
    )
    async def employees(
        self,
        info: Info,
        *,
        first: int = 50,
        after: str | None = None,
        search: str | None = None,
        reseller_id: strawberry.ID | None = None,
        order_by: EmployeeOrder | None = None,
        last: int | None = None,
        before: str | None = None,
        role: Role | None = None,
    ) -> relay.Connection[Employee]:
        queryset = info.context.actor.scope(models.Employee)
        if reseller_id is not None:
            queryset = queryset.filter(reseller_id=id_filter(reseller_id, "Reseller"))
        if term := _search(search):
            queryset = queryset.filter(Q(name__icontains=term) | Q(email__icontains=term))
        if role is not None:  # as ``Employee.role`` shows it: an inactive login has none
            queryset = queryset.filter(user__role=role, user__is_active=True)
        return await paginate(
            queryset,
            first=first,
            after=after,
            last=last,
            before=before,
            to_node=Employee.from_row,
            order=ordering(order_by, ("name", "id")),
        )

    @strawberry.field(
        description="The mailing lists, each with the people of the account who receive it.",
        extensions=access(Permission.ACCOUNT_READ),
    )
    async def mailing_lists(
        self, info: Info, reseller_id: strawberry.ID | None = None
    ) -> list[MailingList]:
        actor = info.context.actor
        target = actor.reseller_id
        if reseller_id is not None:
            target = id_filter(reseller_id, "Reseller")
        subscriptions = (
            await actor.scope(models.MailingListSubscription)
            .filter(reseller_id=target or 0)
            .select_related("employee")
            .order_by("employee__name", "employee_id")
        )
        return [
            MailingList.build(
                code,
                [Employee.from_row(s.employee) for s in subscriptions if s.mailing_list is code],
            )
            for code in MailingListCode
        ]

    @strawberry.field(
        description="The reseller accounts, by name unless `orderBy` says otherwise; `search` "
        "matches the name or billing email. Pages forward with `first`/`after`, backward with "
        "`last`/`before`.",
        extensions=access(Permission.RESELLERS_MANAGE),
    )
    async def resellers(
        self,
        info: Info,
        *,
        first: int = 50,
        after: str | None = None,
        search: str | None = None,
        status: ResellerStatus | None = None,
        order_by: ResellerOrder | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> relay.Connection[Reseller]:
        queryset = info.context.actor.scope(models.Reseller)
        if term := _search(search):
            queryset = queryset.filter(Q(name__icontains=term) | Q(billing_email__icontains=term))
        if status is not None:
            queryset = queryset.filter(status=status)
        return await paginate(
            queryset,
            first=first,
            after=after,
            last=last,
            before=before,
            to_node=Reseller.from_row,
            order=ordering(order_by, ("name", "id")),
        )
