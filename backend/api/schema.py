"""The composed GraphQL schema: each domain contributes its Query and Mutation classes."""

from __future__ import annotations

from decimal import Decimal

import strawberry
from graphql import GraphQLError
from strawberry import relay
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from backend.api.accounts.mutations import AccountsMutation
from backend.api.accounts.queries import AccountsQuery
from backend.api.audit.queries import AuditQuery
from backend.api.billing.emailing import InvoiceEmailMutation
from backend.api.billing.payments import PaymentsMutation, PaymentsQuery
from backend.api.billing.periods import BillingPeriodsMutation, BillingPeriodsQuery
from backend.api.billing.queries import BillingQuery
from backend.api.catalog.mutations import CatalogMutation
from backend.api.catalog.queries import CatalogQuery
from backend.api.commerce.mutations import CommerceMutation
from backend.api.commerce.queries import CommerceQuery
from backend.api.dashboard.queries import DashboardQuery
from backend.api.errors import UserError
from backend.api.execution import LeanExecutionContext
from backend.api.extensions import schema_extensions
from backend.api.identity.mutations import IdentityMutation
from backend.api.identity.queries import IdentityQuery
from backend.api.licensing.activation import ActivationMutation, ActivationQuery
from backend.api.licensing.customers import CustomersQuery
from backend.api.licensing.mutations import LicensingMutation
from backend.api.licensing.queries import LicensingQuery
from backend.api.money import DecimalScalar
from backend.api.node import resolve_node
from backend.api.notifications.queries import NotificationsQuery
from backend.api.pagination import MAX_PAGE_SIZE
from backend.api.permissions import PUBLIC, access, check_every_root_field_has_a_rule
from backend.api.webhooks.mutations import WebhooksMutation
from backend.api.webhooks.queries import WebhooksQuery


@strawberry.type(description="Everything a client can read.")
class Query(
    IdentityQuery,
    AccountsQuery,
    AuditQuery,
    NotificationsQuery,
    CatalogQuery,
    CommerceQuery,
    BillingQuery,
    BillingPeriodsQuery,
    PaymentsQuery,
    LicensingQuery,
    CustomersQuery,
    ActivationQuery,
    DashboardQuery,
    WebhooksQuery,
):
    node: relay.Node | None = strawberry.field(
        resolver=resolve_node,
        description="Any object by its global id; null when it does not exist or is not yours.",
        extensions=access(PUBLIC),
    )


@strawberry.type(description="Everything a client can change.")
class Mutation(
    IdentityMutation,
    AccountsMutation,
    CatalogMutation,
    CommerceMutation,
    LicensingMutation,
    ActivationMutation,
    InvoiceEmailMutation,
    BillingPeriodsMutation,
    PaymentsMutation,
    WebhooksMutation,
):
    pass


check_every_root_field_has_a_rule(Query, Mutation)


class Schema(strawberry.Schema):
    """Strawberry's schema without its error log: ``MaskUnexpectedErrors`` logs what is
    unexpected, with the request id; a refused or malformed request is the client's business."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        return None


schema = Schema(
    query=Query,
    mutation=Mutation,
    types=[UserError],
    extensions=schema_extensions(),
    execution_context_class=LeanExecutionContext,
    config=StrawberryConfig(
        relay_max_results=MAX_PAGE_SIZE,
        scalar_map={Decimal: DecimalScalar},
        # "Did you mean ...?" would name fields to anyone, signed in or not; partners read the
        # schema by introspection (signed in) or in schema.graphql
        disable_field_suggestions=True,
    ),
)


def schema_sdl() -> str:
    """The schema in SDL, as committed in ``schema.graphql``."""
    return schema.as_str() + "\n"
