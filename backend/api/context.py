"""The one typed context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field

import strawberry
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.dataloader import DataLoader

from backend.accounts.models import Employee, MailingListSubscription, Reseller
from backend.api.catalog.dataloaders import CatalogLoader
from backend.api.dataloaders import rows_by, rows_by_id
from backend.api.licensing.dataloaders import CustomerLicensesLoader, CustomerStatsLoader
from backend.api.webhooks.dataloaders import (
    DeliveriesKey,
    deliveries_by_endpoint,
    delivery_counts_by_endpoint,
)
from backend.billing.models import Invoice, InvoiceLine, Payment
from backend.commerce.models import Order, OrderLine
from backend.identity.actor import Actor
from backend.identity.models import User
from backend.licensing.models import Installation, License, LicenseAddon
from backend.licensing.signing import SigningKey
from backend.payments.gateway import PaymentGateway
from backend.settings import Settings
from backend.webhooks.models import (
    DeliveryStatus,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)


@dataclass
class Loaders:
    """Per-request loaders: each batches and caches its reads for one request."""

    catalog: CatalogLoader = field(default_factory=CatalogLoader)
    reseller_by_id: DataLoader[int, Reseller | None] = field(
        default_factory=lambda: rows_by_id(Reseller)
    )
    user_by_id: DataLoader[int, User | None] = field(default_factory=lambda: rows_by_id(User))
    subscriptions_by_employee: DataLoader[int, list[MailingListSubscription]] = field(
        default_factory=lambda: rows_by(MailingListSubscription, "employee_id")
    )
    owners_by_reseller: DataLoader[int, list[User]] = field(
        default_factory=lambda: rows_by(User, "reseller_id", role="RESELLER_OWNER", is_active=True)
    )
    employee_by_user: DataLoader[int, list[Employee]] = field(
        default_factory=lambda: rows_by(Employee, "user_id")
    )
    order_by_id: DataLoader[int, Order | None] = field(default_factory=lambda: rows_by_id(Order))
    order_lines_by_order: DataLoader[int, list[OrderLine]] = field(
        default_factory=lambda: rows_by(OrderLine, "order_id")
    )
    invoice_by_id: DataLoader[int, Invoice | None] = field(
        default_factory=lambda: rows_by_id(Invoice)
    )
    invoices_by_order: DataLoader[int, list[Invoice]] = field(
        default_factory=lambda: rows_by(Invoice, "order_id")
    )
    invoices_by_summary: DataLoader[int, list[Invoice]] = field(
        default_factory=lambda: rows_by(Invoice, "summary_invoice_id")
    )
    invoice_lines_by_invoice: DataLoader[int, list[InvoiceLine]] = field(
        default_factory=lambda: rows_by(InvoiceLine, "invoice_id")
    )
    payments_by_invoice: DataLoader[int, list[Payment]] = field(
        default_factory=lambda: rows_by(Payment, "invoice_id")
    )
    licenses_by_order: DataLoader[int, list[License]] = field(
        default_factory=lambda: rows_by(License, "order_id")
    )
    addons_by_license: DataLoader[int, list[LicenseAddon]] = field(
        default_factory=lambda: rows_by(LicenseAddon, "license_id")
    )
    license_by_id: DataLoader[int, License | None] = field(
        default_factory=lambda: rows_by_id(License)
    )
    installations_by_license: DataLoader[int, list[Installation]] = field(
        default_factory=lambda: rows_by(Installation, "license_id")
    )
    customer_stats: CustomerStatsLoader = field(default_factory=CustomerStatsLoader)
    licenses_by_customer: CustomerLicensesLoader = field(default_factory=CustomerLicensesLoader)
    webhook_endpoint_by_id: DataLoader[int, WebhookEndpoint | None] = field(
        default_factory=lambda: rows_by_id(WebhookEndpoint)
    )
    webhook_deliveries_by_endpoint: DataLoader[DeliveriesKey, list[WebhookDelivery]] = field(
        default_factory=deliveries_by_endpoint
    )
    webhook_delivery_counts: DataLoader[int, dict[DeliveryStatus, int]] = field(
        default_factory=delivery_counts_by_endpoint
    )
    webhook_attempts_by_delivery: DataLoader[int, list[WebhookAttempt]] = field(
        default_factory=lambda: rows_by(WebhookAttempt, "delivery_id")
    )


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | None
    settings: Settings
    actor: Actor
    gateway: PaymentGateway
    signing_key: SigningKey
    """Signs license certificates (loaded once per process)."""
    loaders: Loaders = field(default_factory=Loaders)


Info = strawberry.Info[Context, None]
