"""Account queries: people, mailing lists and (for the vendor) resellers."""

from __future__ import annotations

import strawberry
from strawberry import relay
from tortoise.expressions import Q

from backend.accounts import models
from backend.api.accounts.types import Employee, MailingList, Reseller
from backend.api.context import Info
from backend.api.enums import MailingList as MailingListCode
from backend.api.enums import ResellerStatus
from backend.api.ids import id_filter
from backend.api.pagination import paginate
from backend.api.permissions import access
from backend.identity.roles import Permission

MAX_SEARCH = 200


def _search(value: str | None) -> str | None:
    value = (value or "").strip()[:MAX_SEARCH]
    return value or None


@strawberry.type
class AccountsQuery:
    @strawberry.field(
        description="The people of the account, by name (vendor admins: of every account, or "
        "of one with `resellerId`).",
        extensions=access(Permission.ACCOUNT_READ),
    )
    async def employees(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        search: str | None = None,
        reseller_id: strawberry.ID | None = None,
    ) -> relay.Connection[Employee]:
        queryset = info.context.actor.scope(models.Employee)
        if reseller_id is not None:
            queryset = queryset.filter(reseller_id=id_filter(reseller_id, "Reseller"))
        if term := _search(search):
            queryset = queryset.filter(Q(name__icontains=term) | Q(email__icontains=term))
        return await paginate(
            queryset, first=first, after=after, to_node=Employee.from_row, order=("name", "id")
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
        description="The reseller accounts, by name; `search` matches the name or billing email.",
        extensions=access(Permission.RESELLERS_MANAGE),
    )
    async def resellers(
        self,
        info: Info,
        first: int = 50,
        after: str | None = None,
        search: str | None = None,
        status: ResellerStatus | None = None,
    ) -> relay.Connection[Reseller]:
        queryset = info.context.actor.scope(models.Reseller)
        if term := _search(search):
            queryset = queryset.filter(Q(name__icontains=term) | Q(billing_email__icontains=term))
        if status is not None:
            queryset = queryset.filter(status=status)
        return await paginate(
            queryset, first=first, after=after, to_node=Reseller.from_row, order=("name", "id")
        )
