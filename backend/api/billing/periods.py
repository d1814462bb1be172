"""Closing a month into summary invoices, and the months closed (vendor admins)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import strawberry
from strawberry import relay

from backend.api.commerce.types import money
from backend.api.context import Info
from backend.api.errors import UserError, errors_field, user_errors
from backend.api.ids import is_database_id
from backend.api.money import Money
from backend.api.pagination import paginate
from backend.api.permissions import access
from backend.billing import models
from backend.billing.closing import close_period
from backend.billing.periods import Period
from backend.errors import DomainError, ErrorKind
from backend.identity.roles import Permission


@strawberry.type(description="A month closed into summary invoices, with what the close made.")
class BillingPeriod(relay.Node):
    id: relay.NodeID[int]
    period: str = strawberry.field(description='The month, "YYYY-MM" (UTC).')
    closed_at: datetime | None = strawberry.field(
        description="When it was first closed; null while a close is running."
    )
    closed_by: str = strawberry.field(
        description="Who closed it: an admin, the command line or the scheduler."
    )
    summary_count: int = strawberry.field(description="Summary invoices of the month.")
    invoice_count: int = strawberry.field(description="Invoices those summaries collect.")
    total: Money = strawberry.field(description="The summaries' total.")

    @classmethod
    def from_row(cls, row: models.BillingPeriod) -> BillingPeriod:
        return cls(
            id=row.id,
            period=row.period,
            closed_at=row.closed_at,
            closed_by=row.closed_by_label,
            summary_count=row.summary_count,
            invoice_count=row.invoice_count,
            total=money(row.total_cents),
        )

    @classmethod
    async def resolve_nodes(  # type: ignore[override]
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[BillingPeriod | None]:
        """Vendor admins' only: a month's close is not a tenant's row."""
        wanted = [str(node_id) for node_id in node_ids]
        rows = {}
        if info.context.actor.can(Permission.BILLING_MANAGE):
            ids = [int(node_id) for node_id in wanted if is_database_id(node_id)]
            rows = {str(r.id): r for r in await models.BillingPeriod.filter(id__in=ids)}
        return [cls.from_row(rows[n]) if n in rows else None for n in wanted]


@strawberry.input(description="The month to close.")
class CloseBillingPeriodInput:
    period: str = strawberry.field(
        description='The month, "YYYY-MM" (UTC); it must have ended. Closing it again creates '
        "nothing new."
    )


@strawberry.type(description="What closing the month made.")
class CloseBillingPeriodPayload:
    billing_period: BillingPeriod | None = strawberry.field(
        description="The month with the figures of all its summaries.", default=None
    )
    summary_invoices_created: int = strawberry.field(
        description="Summary invoices this request made (0 when it was already closed).",
        default=0,
    )
    invoices_summarized: int = strawberry.field(
        description="Invoices those new summaries collect.", default=0
    )
    user_errors: list[UserError] = errors_field()


@strawberry.type
class BillingPeriodsQuery:
    @strawberry.field(
        description="The months closed into summary invoices, newest first (vendor admins).",
        extensions=access(Permission.BILLING_MANAGE),
    )
    async def billing_periods(
        self, first: int = 20, after: str | None = None
    ) -> relay.Connection[BillingPeriod]:
        return await paginate(
            models.BillingPeriod.all(),
            first=first,
            after=after,
            to_node=BillingPeriod.from_row,
            order=("-period", "id"),
        )


@strawberry.type
class BillingPeriodsMutation:
    @strawberry.mutation(
        description="Close a month: each reseller's invoices waiting for the summary become one "
        "summary invoice, due in 30 days. Idempotent and safe to run while the scheduler or "
        "another admin closes the same month.",
        extensions=access(Permission.BILLING_MANAGE),
    )
    async def close_billing_period(
        self, info: Info, input: CloseBillingPeriodInput
    ) -> CloseBillingPeriodPayload:
        try:
            try:
                period = Period.parse(input.period)
            except ValueError as exc:
                raise DomainError(ErrorKind.INVALID, f"{exc}.", field="period") from None
            closed = await close_period(
                period,
                actor=info.context.actor,
                public_url=info.context.settings.public_url,
            )
        except DomainError as error:
            return CloseBillingPeriodPayload(user_errors=user_errors(error))
        return CloseBillingPeriodPayload(
            billing_period=BillingPeriod.from_row(closed.record),
            summary_invoices_created=closed.summaries_created,
            invoices_summarized=closed.invoices_summarized,
        )
