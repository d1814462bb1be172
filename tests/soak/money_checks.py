"""The money invariants: every order has one invoice whose amounts are its lines'; a summary
is the sum of its children; payments add up to what invoices have been paid, once per
idempotency key; order and invoice numbers run without a duplicate or a gap; the orders and
payments made are exactly those the clients were told of."""

from __future__ import annotations

import base64

import asyncpg

from tests.soak.checks import Check, Evidence, fetch


async def orders_have_one_invoice(db: asyncpg.Connection, _: Evidence) -> Check:
    check = Check("every order has exactly one invoice", needs=True)
    check.rows = await db.fetchval("SELECT count(*) FROM commerce_order")
    for row in await fetch(
        db,
        """SELECT o.number, count(i.id) AS n, count(*) FILTER (WHERE i.kind <> 'ORDER') AS odd
           FROM commerce_order o LEFT JOIN billing_invoice i ON i.order_id = o.id
           GROUP BY o.id, o.number HAVING count(i.id) <> 1 OR count(*) FILTER
           (WHERE i.kind <> 'ORDER') > 0""",
    ):
        check.fail(f"order {row['number']} has {row['n']} invoices ({row['odd']} not ORDER)")
    return check


async def invoice_totals(db: asyncpg.Connection, _: Evidence) -> Check:
    """An order invoice's amounts are the sums of its lines, equal its order's, and each line
    is its order line's at the order's discount (rounded half up)."""
    check = Check("invoice totals = sum of lines (= order, discount per line)", needs=True)
    check.rows = await db.fetchval("SELECT count(*) FROM billing_invoice WHERE kind = 'ORDER'")
    for row in await fetch(
        db,
        """SELECT i.number, i.subtotal_cents, i.discount_cents, i.total_cents,
                  s.sub, s.disc, s.tot, s.n, o.subtotal_cents AS osub,
                  o.discount_cents AS odisc, o.total_cents AS otot
           FROM billing_invoice i
           JOIN commerce_order o ON o.id = i.order_id
           LEFT JOIN (SELECT invoice_id, sum(subtotal_cents) sub, sum(discount_cents) disc,
                             sum(total_cents) tot, count(*) n
                      FROM billing_invoice_line GROUP BY invoice_id) s ON s.invoice_id = i.id
           WHERE i.kind = 'ORDER' AND (s.n IS NULL OR i.subtotal_cents <> s.sub
                 OR i.discount_cents <> s.disc OR i.total_cents <> s.tot
                 OR i.subtotal_cents <> o.subtotal_cents OR i.discount_cents <> o.discount_cents
                 OR i.total_cents <> o.total_cents)""",
    ):
        check.fail(f"invoice {row['number']}: {dict(row)}")
    for row in await fetch(
        db,
        """SELECT i.number, il.position
           FROM billing_invoice_line il
           JOIN billing_invoice i ON i.id = il.invoice_id
           LEFT JOIN commerce_order_line ol ON ol.id = il.order_line_id
           JOIN commerce_order o ON o.id = i.order_id
           WHERE ol.id IS NULL OR ol.order_id <> o.id OR il.quantity <> ol.quantity
              OR il.unit_price_cents <> ol.unit_price_cents
              OR il.subtotal_cents <> ol.subtotal_cents OR il.discount_cents <> ol.discount_cents
              OR il.total_cents <> ol.total_cents
              OR il.discount_cents <> (2 * il.subtotal_cents * o.discount_bps + 10000) / 20000""",
    ):
        check.fail(f"invoice {row['number']} line {row['position']} disagrees with its order")
    return check


async def summaries(db: asyncpg.Connection, evidence: Evidence) -> Check:
    """A summary's amounts are its children's sums; its children are order invoices of the
    same account issued before the month's end, paid exactly when it is paid."""
    check = Check("summary invoice = sum of its children", needs=True)
    check.rows = await db.fetchval("SELECT count(*) FROM billing_invoice WHERE kind = 'SUMMARY'")
    for row in await fetch(
        db,
        """SELECT s.number, s.status, s.subtotal_cents, s.discount_cents, s.total_cents,
                  c.n, c.sub, c.disc, c.tot, c.wrong
           FROM billing_invoice s
           LEFT JOIN (
             SELECT c.summary_invoice_id AS sid, count(*) n, sum(c.subtotal_cents) sub,
                    sum(c.discount_cents) disc, sum(c.total_cents) tot,
                    count(*) FILTER (WHERE c.kind <> 'ORDER' OR c.reseller_id <> p.reseller_id
                      OR c.issued_at >= to_date(p.period, 'YYYY-MM') + interval '1 month'
                      OR (p.status = 'PAID') <> (c.status = 'PAID')
                      OR (p.status <> 'PAID' AND c.status <> 'PENDING_SUMMARY')) AS wrong
             FROM billing_invoice c JOIN billing_invoice p ON p.id = c.summary_invoice_id
             GROUP BY c.summary_invoice_id) c ON c.sid = s.id
           WHERE s.kind = 'SUMMARY' AND (c.n IS NULL OR s.subtotal_cents <> c.sub
                 OR s.discount_cents <> c.disc OR s.total_cents <> c.tot OR c.wrong > 0)""",
    ):
        check.fail(f"summary {row['number']}: {dict(row)}")
    for row in await fetch(
        db,
        """SELECT i.number FROM billing_invoice i, billing_period p
           WHERE p.closed_at IS NOT NULL AND i.kind = 'ORDER' AND i.status = 'PENDING_SUMMARY'
             AND i.summary_invoice_id IS NULL
             AND i.issued_at < to_date(p.period, 'YYYY-MM') + interval '1 month'""",
    ):
        check.fail(f"invoice {row['number']} of a closed month is in no summary")
    return check


async def payments(db: asyncpg.Connection, evidence: Evidence) -> Check:
    """What an invoice has been paid is the sum of its payments, or (a summary's invoice) its
    total once the summary is paid; each card payment of an invoice has its one idempotency key;
    the payments the clients were told of are exactly those made."""
    check = Check("payments = amounts paid, once per key, as told", needs=True)
    check.rows = await db.fetchval("SELECT count(*) FROM billing_payment")
    for row in await fetch(
        db,
        """SELECT i.number, i.status, i.amount_paid_cents, i.total_cents, p.paid, s.status AS ss
           FROM billing_invoice i
           LEFT JOIN (SELECT invoice_id, sum(amount_cents) paid FROM billing_payment
                      GROUP BY invoice_id) p ON p.invoice_id = i.id
           LEFT JOIN billing_invoice s ON s.id = i.summary_invoice_id
           WHERE NOT ((s.status = 'PAID' AND p.paid IS NULL AND i.status = 'PAID'
                       AND i.amount_paid_cents = i.total_cents)
                   OR ((s.id IS NULL OR s.status <> 'PAID')
                       AND coalesce(p.paid, 0) = i.amount_paid_cents))""",
    ):
        check.fail(f"invoice {row['number']}: {dict(row)}")
    keyed = await fetch(
        db,
        """SELECT p.id, count(r.id) AS keys FROM billing_payment p
           JOIN billing_invoice i ON i.id = p.invoice_id
           LEFT JOIN commerce_idempotency_record r ON r.payment_id = p.id
           WHERE p.kind = 'CARD' AND i.kind = 'SUMMARY' GROUP BY p.id""",
    )
    for row in keyed:
        if row["keys"] != 1:
            check.fail(f"card payment {row['id']} has {row['keys']} idempotency keys")
    made = {str(row["id"]) for row in keyed}
    told = {_pk(gid) for ids in evidence.clients.payments.values() for gid in ids}
    for missing in sorted(told - made):
        check.fail(f"payment {missing} was answered but is not in the database")
    for extra in sorted(made - told):
        check.fail(f"card payment {extra} was made but no client was told")
    for text in evidence.clients.double_payments:
        check.fail(f"two payments of one invoice both succeeded: {text}")
    return check


def _pk(global_id: str) -> str:
    """The primary key in a Relay global id (base64 of ``Type:pk``)."""
    return base64.b64decode(global_id).decode().rsplit(":", 1)[1]


async def orders_as_told(db: asyncpg.Connection, evidence: Evidence) -> Check:
    """Each idempotency key made at most one order, and the orders placed during the soak are
    exactly those the clients were told of."""
    check = Check("one order per idempotency key, as told", needs=True)
    rows = await fetch(
        db,
        """SELECT o.number, o.placed_at, count(r.id) AS keys FROM commerce_order o
           LEFT JOIN commerce_idempotency_record r ON r.order_id = o.id
           GROUP BY o.id, o.number, o.placed_at""",
    )
    check.rows = len(rows)
    for row in rows:
        if row["keys"] != 1:
            check.fail(f"order {row['number']} has {row['keys']} idempotency keys")
    made = {row["number"] for row in rows if row["placed_at"] >= evidence.started_at}
    told = {n for numbers in evidence.clients.orders.values() for n in numbers}
    for missing in sorted(told - made):
        check.fail(f"order {missing} was answered but not placed during the soak")
    for extra in sorted(made - told):
        check.fail(f"order {extra} was placed but no client was told")
    return check


async def unique_numbers(db: asyncpg.Connection, _: Evidence) -> Check:
    """No duplicate order or invoice number, license key or Message-ID; each year's numbers
    run from 1 without a gap, ending at the sequence's last value."""
    check = Check("no duplicate or missing number/key/Message-ID", needs=True)
    for table, column in (
        ("commerce_order", "number"),
        ("billing_invoice", "number"),
        ("licensing_license", "key"),
        ("notifications_outbox_message", "message_id"),
    ):
        total, distinct = await db.fetchrow(
            f"SELECT count(*), count(DISTINCT {column}) FROM {table}"
        )
        check.rows += total
        if total != distinct:
            check.fail(f"{table}.{column}: {total} rows, {distinct} distinct")
    for name, table in (("order", "commerce_order"), ("invoice", "billing_invoice")):
        for row in await fetch(
            db,
            f"""SELECT split_part(t.number, '-', 2)::int AS year, count(*) AS n,
                       max(split_part(t.number, '-', 3)::int) AS top, s.last_value
                FROM {table} t LEFT JOIN commerce_number_sequence s
                  ON s.name = $1 AND s.year = split_part(t.number, '-', 2)::int
                GROUP BY 1, s.last_value""",
            name,
        ):
            if not row["n"] == row["top"] == row["last_value"]:
                check.fail(f"{name} numbers of {row['year']}: {dict(row)}")
    return check
