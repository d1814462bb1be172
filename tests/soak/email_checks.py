"""The email invariants: every message of the outbox sent, received by the SMTP server exactly
once and nothing else received; and one email for each event that sends one."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from datetime import timedelta

import asyncpg

from tests.soak.checks import Check, Evidence, fetch

INVOICE_NUMBER = re.compile(r"INV-\d{4}-\d{6}")
LICENSE_KEY = re.compile(r"\b[0-9A-Z]{6}(?:-[0-9A-Z]{6}){5}\b")
CHANGE_WINDOW = timedelta(seconds=10)
"""How close an assignment and a change of the same license may be for either order of the two
to be right (the change's email goes to whoever the customer was when it committed)."""


async def outbox_delivered(db: asyncpg.Connection, evidence: Evidence) -> Check:
    """Every message sent, none failed or waiting; each received by the SMTP server exactly
    once (by Message-ID), and nothing received that the outbox does not hold."""
    check = Check("every email sent once, none lost (SMTP = outbox)", needs=True)
    rows = await fetch(db, "SELECT message_id, status FROM notifications_outbox_message")
    check.rows = len(rows)
    statuses = Counter(row["status"] for row in rows)
    for status, count in statuses.items():
        if status != "SENT":
            check.fail(f"{count} message(s) {status}")
    sent = {row["message_id"] for row in rows if row["status"] == "SENT"}
    received = Counter(evidence.received_ids)
    for message_id, count in received.items():
        if count > 1:
            check.fail(f"{message_id} received {count} times")
        if message_id not in sent:
            check.fail(f"{message_id} received but not a sent message of the outbox")
    for message_id in sorted(sent - set(received)):
        check.fail(f"{message_id} marked sent but never received")
    return check


async def emails_for_events(db: asyncpg.Connection, evidence: Evidence) -> Check:
    """Each event that emails did so exactly once: an order invoice's notice, a summary's, an
    assignment's email to the customer and notice to the account, a license change's email, an
    accepted password reset."""
    check = Check("one email per event (invoices, assignments, changes, resets)", needs=True)
    messages = await fetch(
        db,
        """SELECT template, recipients::text AS recipients, subject, text_body
           FROM notifications_outbox_message""",
    )
    numbers: dict[str, Counter[str]] = defaultdict(Counter)
    keys: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    resets: Counter[str] = Counter()
    welcomes: Counter[str] = Counter()
    for message in messages:
        template = message["template"]
        recipients = json.loads(message["recipients"])
        if template == "invoice_email":
            numbers[template].update(INVOICE_NUMBER.findall(message["subject"])[:1])
            continue
        if len(recipients) != 1:
            check.fail(f"a {template} email to {recipients}")
            continue
        to = recipients[0]
        if template in ("invoice_created", "summary_invoice_created"):
            numbers[template].update(INVOICE_NUMBER.findall(message["subject"])[:1])
        elif template.startswith("license_"):
            for key in set(LICENSE_KEY.findall(message["text_body"])):
                keys[template][(key, to)] += 1
            welcomes[to] += template == "license_assigned_new_account"
        elif template == "password_reset":
            resets[to] += 1
    invoices = await fetch(
        db,
        """SELECT i.number, i.kind, r.notify_invoice_created AS o,
                  r.notify_summary_invoice_created AS s, r.billing_email
           FROM billing_invoice i JOIN accounts_reseller r ON r.id = i.reseller_id""",
    )
    for row in invoices:
        check.rows += 1
        template = "invoice_created" if row["kind"] == "ORDER" else "summary_invoice_created"
        wanted = int(bool(row["o" if row["kind"] == "ORDER" else "s"] and row["billing_email"]))
        if numbers[template][row["number"]] != wanted:
            check.fail(f"{row['number']}: {numbers[template][row['number']]} {template} emails")
    assigned = await fetch(
        db,
        """SELECT lic.key, u.email, r.billing_email, r.notify_license_assigned AS notify
           FROM licensing_license lic JOIN identity_user u ON u.id = lic.customer_id
           JOIN accounts_reseller r ON r.id = lic.reseller_id""",
    )
    customer_mail = keys["license_assigned"] + keys["license_assigned_new_account"]
    for row in assigned:
        check.rows += 1
        to_customer = customer_mail[(row["key"], row["email"])]
        if to_customer != 1:
            check.fail(f"{row['key']}: {to_customer} assignment emails to {row['email']}")
        wanted = int(bool(row["notify"] and row["billing_email"]))
        notices = keys["license_assigned_notice"][(row["key"], row["billing_email"])]
        if notices != wanted:
            check.fail(f"{row['key']}: {notices} assignment notices")
    changed = await fetch(
        db,
        """SELECT lic.key, u.email, count(DISTINCT ol.order_id) FILTER
                    (WHERE lic.assigned_at < o.placed_at - $1::interval) AS surely,
                  count(DISTINCT ol.order_id) FILTER
                    (WHERE lic.assigned_at < o.placed_at + $1::interval) AS maybe
           FROM commerce_order_line ol JOIN commerce_order o ON o.id = ol.order_id
           JOIN licensing_license lic ON lic.id = ol.license_id
           JOIN identity_user u ON u.id = lic.customer_id
           WHERE ol.kind <> 'NEW_LICENSE' GROUP BY lic.key, u.email""",
        CHANGE_WINDOW,
    )
    for row in changed:
        check.rows += 1
        count = keys["license_changed"][(row["key"], row["email"])]
        if not row["surely"] <= count <= row["maybe"]:
            check.fail(
                f"{row['key']}: {count} change emails for {row['surely']}-{row['maybe']} orders"
            )
    emailed = evidence.clients.invoice_emails
    for number in sorted(set(emailed) | set(numbers["invoice_email"])):
        check.rows += 1
        if numbers["invoice_email"][number] != emailed[number]:
            check.fail(
                f"{number} emailed {emailed[number]} times, {numbers['invoice_email'][number]} sent"
            )
    customers = await fetch(
        db,
        """SELECT u.email, (SELECT count(*) FROM licensing_license lic
                            WHERE lic.customer_id = u.id) AS licenses
           FROM identity_user u WHERE u.role = 'CUSTOMER'""",
    )
    for row in customers:
        check.rows += 1
        if row["licenses"] == 0:
            check.fail(f"the customer {row['email']} has no license (a rolled-back assignment?)")
        if welcomes[row["email"]] != 1:
            check.fail(f"the customer {row['email']} got {welcomes[row['email']]} account emails")
    for email, accepted in evidence.clients.resets.items():
        check.rows += 1
        if resets[email] != accepted:
            check.fail(f"{email}: {accepted} resets accepted, {resets[email]} emails")
    return check
