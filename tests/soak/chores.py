"""Everything else partners and staff do: browse the pages, assign licenses (racing for
them), pay invoices by card and record transfers, download exports and PDFs, email invoices,
close the month, ask for password resets, and try what their role does not allow."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any

from tests.soak.client import TOKENS, Client, nodes, payload, succeeded

CHECK_LICENSE = """
query SoakCheckLicense($key: String!, $fingerprint: String!) {
  checkLicense(licenseKey: $key, fingerprint: $fingerprint) { status }
}
"""


def _search_term(client: Client) -> str:
    terms = ["INV", "ORD", "customer", "soak", *list(client.ledger.assigned)[:20]]
    term = client.rng.choice(terms)
    return term[:6] if "-" in term else term


async def browse(client: Client) -> None:
    if client.persona.name == "anonymous":
        await _browse_anonymously(client)
        return
    pages: list[tuple[str, dict[str, Any]]] = [
        ("Licenses", {"first": 50}),
        ("Licenses", {"first": 20, "filter": {"search": _search_term(client)}}),
        ("Licenses", {"first": 50, "filter": {"status": "UNASSIGNED"}}),
        ("ResellerCustomers", {"first": 50}),
        ("ResellerCustomers", {"first": 20, "search": "customer"}),
        ("Orders", {"first": 20}),
        ("Viewer", {}),
    ]
    if client.persona.name != "automation":
        pages += [
            ("GlobalSearch", {"query": _search_term(client), "first": 8}),
            ("Dashboard", {"maintenanceEndingFirst": 5, "activityFirst": 8}),
        ]
    if client.persona.shops:
        pages += [("ShopCatalog", {})]
    if client.persona.shops and client.persona.name != "automation":
        pages += [("ShoppingCart", {})]
    if client.persona.invoices:
        pages += [
            ("Invoices", {"first": 20}),
            ("UnpaidSummaryInvoices", {}),
            ("Payments", {"first": 20}),
        ]
    if client.persona.admin:
        pages += [
            ("Resellers", {"first": 50}),
            ("Emails", {"first": 50}),
            ("AuditEvents", {"first": 50}),
            ("BillingPeriods", {"first": 20}),
        ]
    name, variables = client.rng.choice(pages)
    body = await client.gql("browse", name, variables)
    # open one of the listed orders or invoices, as a person clicks a row
    field = {"Orders": "orders", "Invoices": "invoices"}.get(name)
    rows = nodes(body, field) if field else []
    if rows:
        detail = "Order" if name == "Orders" else "Invoice"
        await client.gql("browse", detail, {"id": client.rng.choice(rows)["id"]})


async def _browse_anonymously(client: Client) -> None:
    keys = list(client.ledger.assigned)
    choice = client.rng.random()
    if choice < 0.4 and keys:
        await client.gql(
            "browse",
            "checkLicense",
            {"key": client.rng.choice(keys), "fingerprint": f"soak-{uuid.uuid4().hex[:8]}"},
            document=CHECK_LICENSE,
            expect=("THROTTLED",),  # anonymous checks are throttled per address
        )
    elif choice < 0.7:
        await client.get("browse", "/.well-known/license-signing-key")
    else:
        await client.get("browse", "/healthz")


async def assign(client: Client) -> None:
    body = await client.gql("assign", "UnassignedLicenses", {"first": 50})
    keys = [n["key"] for n in nodes(body, "licenses")]
    if not keys:
        return
    draw = client.rng.random()
    if draw < 0.15 and len(keys) > 1:  # two licenses to one new customer, at once
        await _assign_at_once(client, client.rng.sample(keys, 2), [client.new_customer()] * 2)
    elif draw < 0.4:  # one license to several customers, at once: one wins
        client.ledger.races += 1
        key = client.rng.choice(keys)
        await _assign_at_once(client, [key] * 3, [client.customer_email() for _ in range(3)])
    else:
        await _assign_at_once(client, [client.rng.choice(keys)], [client.customer_email()])


async def _assign_at_once(client: Client, keys: list[str], emails: list[str]) -> None:
    servers = [client.both()[n % len(client.http)] for n in range(len(keys))]
    bodies = await asyncio.gather(
        *(
            client.gql(
                "assign",
                "AssignLicense",
                {"input": {"licenseKey": key, "email": email, "name": "Soak Customer"}},
                server=server,
            )
            for server, key, email in zip(servers, keys, emails, strict=True)
        )
    )
    winners: dict[str, list[str]] = defaultdict(list)
    created: Counter[str] = Counter()
    for key, email, answer in zip(keys, emails, bodies, strict=True):
        if not succeeded(answer, "assignLicense"):
            continue
        winners[key].append(email)
        client.ledger.assigned[key].append(email)
        done = payload(answer, "assignLicense")
        created[email] += bool(done.get("customerCreated"))
        told = (done.get("license") or {}).get("customer") or {}
        if told.get("email") != email.lower():
            client.ledger.problems.append(f"{key} assigned to {email} but answered {told}")
    for key, won in winners.items():
        if len(won) > 1:
            client.ledger.problems.append(f"{key}: {len(won)} assignments succeeded: {won}")
    for email, count in created.items():
        if count > 1:
            client.ledger.problems.append(f"the customer {email} was created {count} times")


async def pay(client: Client) -> None:
    if client.persona.admin:  # the vendor's staff record transfers; partners pay by card
        await record_payment(client)
        return
    body = await client.gql("pay", "UnpaidSummaryInvoices")
    due = [n for n in nodes(body, "invoices") if Decimal(n["amountDue"]["amount"]) > 0]
    if not due:
        await client.gql("pay", "Payments", {"first": 20})
        return
    invoice = client.rng.choice(due)
    [token] = client.rng.choices([t for t, _ in TOKENS], [w for _, w in TOKENS])
    mode = client.rng.random()
    keys = [str(uuid.uuid4())]
    servers = [client.home]
    if mode >= 0.6:  # the same payment sent twice at once (a double click, a retry)
        servers = client.both()
        keys = keys * len(servers)
    if mode >= 0.85:  # two people paying the same invoice at once
        keys = [str(uuid.uuid4()) for _ in servers]
    bodies = await asyncio.gather(
        *(
            client.gql(
                "pay",
                "PayInvoice",
                {
                    "input": {
                        "invoiceId": invoice["id"],
                        "paymentToken": token,
                        "idempotencyKey": k,
                    }
                },
                server=s,
            )
            for s, k in zip(servers, keys, strict=True)
        )
    )
    made: list[str] = []
    for key, answer in zip(keys, bodies, strict=True):
        if not succeeded(answer, "payInvoice"):
            continue
        paid = payload(answer, "payInvoice")
        client.ledger.payments[(client.who, key)].add(paid["payment"]["id"])
        if paid.get("replayed"):
            client.ledger.replays += 1
        else:
            made.append(paid["payment"]["id"])
    for key in set(keys):
        if len(client.ledger.payments[(client.who, key)]) > 1:
            client.ledger.problems.append(
                f"payment key {key} answered payments {client.ledger.payments[(client.who, key)]}"
            )
    if len(made) > 1:
        client.ledger.double_payments.append(f"{invoice['number']}: payments {made}")


async def record_payment(client: Client) -> None:
    """The vendor's billing team records a bank transfer: part of a summary's amount due,
    sometimes all of it, racing the partners' card payments."""
    body = await client.gql(
        "pay", "Invoices", {"first": 50, "filter": {"unpaid": True, "kind": "SUMMARY"}}
    )
    due = [n for n in nodes(body, "invoices") if Decimal(n["amountDue"]["amount"]) > 0]
    if not due:
        return
    invoice = client.rng.choice(due)
    owed = Decimal(invoice["amountDue"]["amount"])
    part = owed if client.rng.random() < 0.2 else owed * Decimal(client.rng.uniform(0.05, 0.4))
    amount = max(Decimal("0.01"), part.quantize(Decimal("0.01")))
    await client.gql(
        "pay",
        "RecordPayment",
        {
            "input": {
                "invoiceId": invoice["id"],
                "amount": str(amount),
                "reference": f"SOAK-{uuid.uuid4().hex[:12]}",
            }
        },
    )


async def export(client: Client) -> None:
    if client.persona.invoices and client.rng.random() < 0.5:
        body = await client.gql("export", "Invoices", {"first": 20})
        rows = nodes(body, "invoices")
        if rows and not client.persona.admin and client.rng.random() < 0.2:
            await _email_invoice(client, client.rng.choice(rows))
        elif rows:
            invoice = client.rng.choice(rows)
            details = await client.gql("export", "Invoice", {"id": invoice["id"]})
            url = (((details or {}).get("data") or {}).get("node") or {}).get("pdfUrl")
            if url:
                content = await client.get("export", url)
                if content is not None and not content.startswith(b"%PDF-"):
                    client.ledger.problems.append(f"{url} is not a PDF: {content[:40]!r}")
        return
    content = await client.get("export", "/exports/customers.csv")
    if content is not None and not content.startswith(b"email,name,licenses"):
        client.ledger.problems.append(f"the customers CSV starts {content[:60]!r}")


async def _email_invoice(client: Client, invoice: dict[str, Any]) -> None:
    """Send an invoice (its PDF attached) to one or two of the partner's own addresses."""
    to = [
        f"ap-{uuid.uuid4().hex[:8]}@client.soak.example" for _ in range(client.rng.choice((1, 2)))
    ]
    body = await client.gql(
        "export",
        "EmailInvoice",
        {"input": {"invoiceId": invoice["id"], "to": to, "message": "For your records."}},
    )
    if succeeded(body, "emailInvoice"):
        client.ledger.invoice_emails[invoice["number"]] += 1


async def close(client: Client) -> None:
    if client.rng.random() < 0.1:  # the month that has not ended: refused
        now = time.gmtime()
        await client.gql(
            "close",
            "CloseBillingPeriod",
            {"input": {"period": f"{now.tm_year}-{now.tm_mon:02d}"}},
        )
        return
    await client.gql("close", "CloseBillingPeriod", {"input": {"period": client.world.last_month}})


async def reset(client: Client) -> None:
    logins = [client.world.admin]
    for account in client.world.accounts:
        logins += [account.owner, *account.purchasers, account.billing, account.viewer]
    known = client.rng.random() < 0.7
    email = client.rng.choice(logins) if known else f"nobody-{uuid.uuid4().hex[:8]}@soak.example"
    body = await client.gql("reset", "RequestPasswordReset", {"input": {"email": email}})
    if known and succeeded(body, "requestPasswordReset"):
        client.ledger.resets[email] += 1


async def denied(client: Client) -> None:
    """A viewer tries what its role does not allow: refused, nothing changes."""
    body = await client.gql("denied", "UnassignedLicenses", {"first": 5})
    keys = [n["key"] for n in nodes(body, "licenses")] or [
        "AAAAAA-AAAAAA-AAAAAA-AAAAAA-AAAAAA-AAAAAA"
    ]
    answer = await client.gql(
        "denied",
        "AssignLicense",
        {"input": {"licenseKey": keys[0], "email": client.customer_email()}},
        expect=("FORBIDDEN",),
    )
    if succeeded(answer, "assignLicense"):
        client.ledger.problems.append(f"viewer {client.who} assigned {keys[0]}")
