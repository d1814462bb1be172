"""The objects events carry, as the API shows them: camelCase names, Relay global ids, money
as ``{"amount": "1249.00", "currency": "USD"}`` and times in ISO 8601 UTC.

Each builder reads what it needs with a fixed number of queries, however many objects.
"""

from __future__ import annotations

import base64
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from backend.billing.models import Invoice
from backend.catalog.services import load_catalog
from backend.commerce.models import Order, OrderLine
from backend.identity.models import User
from backend.licensing.models import License, LicenseAddon
from backend.money import Amount

Json = dict[str, Any]


def global_id(type_name: str, pk: int | str) -> str:
    """The Relay global id the API gives the object (``base64("Type:id")``)."""
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode("ascii")


def money(cents: int, currency: str = "USD") -> Json:
    return {"amount": str(Amount(cents, currency).decimal), "currency": currency}


def moment(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


async def licenses(license_ids: Sequence[int]) -> list[Json]:
    """The licenses in the order of ``license_ids``."""
    rows = {row.id: row for row in await License.filter(id__in=list(license_ids))}
    catalog = await load_catalog()
    addons: dict[int, list[int]] = defaultdict(list)
    for addon in await LicenseAddon.filter(license_id__in=list(rows)).order_by("id"):
        addons[addon.license_id].append(addon.addon_id)
    customer_ids = {row.customer_id for row in rows.values() if row.customer_id is not None}
    customers = {user.id: user for user in await User.filter(id__in=customer_ids)}
    numbers = dict(
        await Order.filter(id__in={row.order_id for row in rows.values()}).values_list(
            "id", "number"
        )
    )

    def named(kind: str, pk: int) -> Json:
        item = catalog.by_id[kind][pk]
        return {"code": item.code, "name": item.name}

    def one(row: License) -> Json:
        customer = customers.get(row.customer_id) if row.customer_id is not None else None
        return {
            "id": global_id("License", row.id),
            "key": row.key,
            "status": row.status.value,
            "personal": row.personal,
            "product": named("product", row.product_id),
            "edition": named("edition", row.edition_id),
            "tier": named("tier", row.tier_id),
            "addons": [named("addon", pk) for pk in addons[row.id]],
            "maintenanceExpiresAt": moment(row.maintenance_expires_at),
            "revision": row.revision,
            "createdAt": moment(row.created_at),
            "assignedAt": moment(row.assigned_at),
            "customer": None
            if customer is None
            else {
                "id": global_id("Customer", customer.id),
                "email": customer.email,
                "name": customer.name,
            },
            "order": {"id": global_id("Order", row.order_id), "number": numbers[row.order_id]},
        }

    return [one(rows[pk]) for pk in license_ids]


def invoice(row: Invoice, *, order_number: str | None = None) -> Json:
    """An invoice; ``order_number`` names its order (an order's invoice)."""
    return {
        "id": global_id("Invoice", row.id),
        "number": row.number,
        "kind": row.kind.value,
        "status": row.status.value,
        "period": row.period,
        "issuedAt": moment(row.issued_at),
        "dueAt": moment(row.due_at),
        "paidAt": moment(row.paid_at),
        "subtotal": money(row.subtotal_cents, row.currency),
        "discount": money(row.discount_cents, row.currency),
        "total": money(row.total_cents, row.currency),
        "amountPaid": money(row.amount_paid_cents, row.currency),
        "amountDue": money(row.total_cents - row.amount_paid_cents, row.currency),
        "notes": row.notes,
        "order": None
        if row.order_id is None
        else {"id": global_id("Order", row.order_id), "number": order_number},
    }


async def summary_invoice(row: Invoice) -> Json:
    """A summary invoice with the invoices it collects."""
    collected = (
        await Invoice.filter(summary_invoice_id=row.id).order_by("id").values_list("id", "number")
    )
    return invoice(row) | {
        "summarizedInvoices": [
            {"id": global_id("Invoice", pk), "number": number} for pk, number in collected
        ]
    }


async def order(row: Order, *, invoice_row: Invoice, issued: Sequence[License]) -> Json:
    """An order with its lines, its invoice, the licenses it issued and the keys it changed."""
    lines = await OrderLine.filter(order_id=row.id).order_by("position")
    changed = [line.license_id for line in lines if line.license_id is not None]
    keys = dict(await License.filter(id__in=changed).values_list("id", "key")) if changed else {}
    return {
        "id": global_id("Order", row.id),
        "number": row.number,
        "placedAt": moment(row.placed_at),
        "placedBy": row.placed_by_label,
        "paymentMethod": row.payment_method.value,
        "subtotal": money(row.subtotal_cents, row.currency),
        "discount": money(row.discount_cents, row.currency),
        "total": money(row.total_cents, row.currency),
        "lines": [
            {
                "position": line.position,
                "kind": line.kind.value,
                "description": line.description,
                "quantity": line.quantity,
                "unitPrice": money(line.unit_price_cents, row.currency),
                "total": money(line.total_cents, row.currency),
                "assignToEmail": line.assign_to_email,
                "licenseKey": keys.get(line.license_id) if line.license_id else None,
            }
            for line in lines
        ],
        "invoice": {"id": global_id("Invoice", invoice_row.id), "number": invoice_row.number},
        "licenses": [{"id": global_id("License", lic.id), "key": lic.key} for lic in issued],
    }
