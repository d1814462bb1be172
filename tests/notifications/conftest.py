"""The SMTP server fixtures (the server itself: ``tests.support.smtp``) and ready-made email
contexts."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.support.smtp import Collector, Received, SmtpServer, free_port

__all__ = ["CONTEXTS", "Collector", "Received", "SmtpServer", "free_port", "wait_until"]

EXPIRES_AT = datetime(2030, 5, 17, 14, 30, tzinfo=UTC)
LICENSE: dict[str, Any] = {
    "product": "SmarterMail",
    "edition": "Professional",
    "tier": "250 mailboxes",
    "key": "AAAAAA-BBBBBB-CCCCCC-DDDDDD-EEEEEE-FFFFFF",
    "addons": ["Cyren Antispam"],
    "maintenance_expires_at": EXPIRES_AT,
}
"""A license as the assignment emails list it."""

CONTEXTS: dict[str, dict[str, Any]] = {
    "invite": {
        "name": "Ada Lovelace",
        "reseller_name": "Northwind Hosting",
        "invited_by": "Grace Hopper",
        "link": "https://partners.example.com/set-password?token=abc",
        "expires_at": EXPIRES_AT,
    },
    "password_reset": {
        "name": "Ada Lovelace",
        "link": "https://partners.example.com/set-password?token=def",
        "expires_at": EXPIRES_AT,
    },
    "password_changed": {"name": "Ada Lovelace"},
    "license_assigned": {
        "name": "Ada Lovelace",
        "email": "ada@customer.example",
        "reseller_name": "Northwind Hosting",
        "licenses": [LICENSE],
        "sign_in_link": "https://partners.example.com/login",
    },
    "license_assigned_new_account": {
        "name": "Ada Lovelace",
        "email": "ada@customer.example",
        "reseller_name": "Northwind Hosting",
        "licenses": [LICENSE, LICENSE | {"key": "BBBBBB-CCCCCC-DDDDDD-EEEEEE-FFFFFF-GGGGGG"}],
        "link": "https://partners.example.com/set-password?token=ghi",
        "expires_at": EXPIRES_AT,
        "sign_in_link": "https://partners.example.com/login",
    },
    "license_assigned_notice": {
        "assigned_by": "Grace Hopper",
        "reseller_name": "Northwind Hosting",
        "customer_name": "Ada Lovelace",
        "customer_email": "ada@customer.example",
        "customer_created": True,
        "licenses": [LICENSE],
    },
    "license_changed": {
        "name": "Ada Lovelace",
        "reseller_name": "Northwind Hosting",
        "product": "SmarterMail",
        "key": LICENSE["key"],
        "changes": ["Edition: Professional → Enterprise", "Add-on: Exchange ActiveSync"],
        "reactivate": True,
        "edition": "Enterprise",
        "tier": "250 mailboxes",
        "addons": ["Exchange ActiveSync"],
        "maintenance_expires_at": EXPIRES_AT,
    },
    "invoice_created": {
        "reseller_name": "Northwind Hosting",
        "number": "INV-2030-000123",
        "order_number": "ORD-2030-000042",
        "total": "$1,249.00",
        "amount_due": "$0.00",
        "issued_on": "1 May 2030",
        "due_on": "1 May 2030",
        "status": "Paid on 1 May 2030",
        "paid": True,
        "pending_summary": False,
        "link": "https://partners.example.com/invoices/SW52b2ljZToxMjM=",
    },
    "summary_invoice_created": {
        "reseller_name": "Northwind Hosting",
        "period": "April 2030",
        "number": "INV-2030-000124",
        "total": "$3,747.00",
        "amount_due": "$3,747.00",
        "issued_on": "1 May 2030",
        "due_on": "31 May 2030",
        "status": "Open",
        "paid": False,
        "invoice_count": 3,
        "link": "https://partners.example.com/invoices/SW52b2ljZToxMjQ=",
    },
    "invoice_email": {
        "sender": "Grace Hopper",
        "company": "Northwind Hosting",
        "bill_to": "Northwind Hosting",
        "number": "INV-2030-000123",
        "total": "$1,249.00",
        "amount_due": "$1,249.00",
        "issued_on": "1 May 2030",
        "due_on": None,
        "status": "Pending summary",
        "paid": False,
        "message": "Here is the invoice for the May renewals.\nThanks!",
        "link": "https://partners.example.com/invoices/SW52b2ljZToxMjM=",
    },
}
"""A complete context for every template."""


async def wait_until(condition: Callable[[], bool], *, seconds: float = 10.0) -> None:
    """Poll ``condition``, which another task or thread makes true, or fail after ``seconds``."""
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"still not true after {seconds} s")


@pytest.fixture
def smtp_server_down() -> Iterator[SmtpServer]:
    """Nothing listens on its port until the test calls ``start()``."""
    server = SmtpServer()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def smtp_server(smtp_server_down: SmtpServer) -> SmtpServer:
    smtp_server_down.start()
    return smtp_server_down
