"""SMTP down, then back: every email queued meanwhile arrives once; and a server killed while it
delivers loses none, sending at most the message it had in hand a second time.

What the mail worker promises (``backend.notifications.worker``): a message is claimed with a
lease before it is sent and marked SENT after; a temporary failure (no connection) schedules
another attempt (30 s, then doubling) and loses nothing; delivery is exactly once unless the
worker dies after the SMTP server accepted a message and before it was marked SENT, when the
message is sent again once its lease (5 minutes) has expired: at least once, never lost. Every
message keeps one Message-ID across attempts, so a duplicate is recognisable.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from pathlib import Path

import httpx

from tests.faults.support import (
    OWNER,
    PURCHASER,
    SERVER_ENV,
    Answers,
    Api,
    Database,
    api_key,
    signed_in,
    wait_for,
)
from tests.support.servers import ServerProcess
from tests.support.smtp import SmtpServer

SEED = 20_260_522
PURCHASES = 4
"""Each assigns its licenses at checkout: the new customer's email, the account's notice and the
invoice's email (its PDF made when it is sent)."""
INVOICES_EMAILED = 2
RESETS = (OWNER, PURCHASER, "customer@example.com")
DELIVERY_SECONDS = 120.0
"""The bound on the redelivery after the outage: the first retry is due 30 s after the failure."""

BUY = """
mutation Buy($input: PurchaseInput!) {
  purchase(input: $input) { order { number } userErrors { code message field } }
}
"""
RESET = """
mutation Reset($email: String!) {
  requestPasswordReset(input: {email: $email}) { userErrors { code message } }
}
"""
INVOICES = "query Invoices { invoices(first: 5) { edges { node { id number } } } }"
EMAIL_INVOICE = """
mutation Email($id: ID!, $to: [String!]!) {
  emailInvoice(input: {invoiceId: $id, to: $to}) { sentTo userErrors { code message field } }
}
"""
OUTBOX = "SELECT message_id, status, attempts, last_error FROM notifications_outbox_message"


async def cause_emails(base: str, answers: Answers) -> None:
    """Purchases assigned at checkout, password resets and invoices emailed: each answers at
    once, its email queued in the outbox."""
    shop = Api(base, token=await api_key(base, "mail shop"), answers=answers)
    owner = await signed_in(base, OWNER, answers)
    anonymous = Api(base, answers=answers)
    try:
        for number in range(PURCHASES):
            line = {
                "productCode": "smartermail",
                "editionCode": "professional",
                "tier": "250",
                "assignToEmail": f"mail-{number}@customers.example",
            }
            request = {"lines": [line], "paymentMethod": "INVOICE", "idempotencyKey": f"m{number}"}
            await shop.call(BUY, {"input": request}, field="purchase")
        for email in RESETS:
            await anonymous.call(RESET, {"email": email}, field="requestPasswordReset")
        invoices = (await owner.call(INVOICES, field="invoices"))["edges"]
        for edge in invoices[:INVOICES_EMAILED]:
            to = [f"accounts-{edge['node']['number'].lower()}@partner.example"]
            await owner.call(
                EMAIL_INVOICE, {"id": edge["node"]["id"], "to": to}, field="emailInvoice"
            )
    finally:
        for api in (shop, owner, anonymous):
            await api.aclose()


async def test_smtp_down_then_back_delivers_every_queued_email_once(
    postgres_url: str, data_dir: Path
) -> None:
    database = Database(postgres_url)
    smtp = SmtpServer()  # not started: the outage
    env = {**SERVER_ENV, "PARTNER_PORTAL_SMTP_URL": smtp.url, "PARTNER_PORTAL_MAIL_WORKER": "1"}
    answers = Answers()
    server = ServerProcess(postgres_url, data_dir, env=env, access_log=False).start()
    try:
        await asyncio.to_thread(server.wait_until_up)

        # given: emails caused while nothing listens on the SMTP port
        await cause_emails(server.base_url, answers)
        assert set(answers.counts) == {"HTTP 200"}, answers.counts

        # then they wait in the outbox, each tried and failed, and the server goes on
        async def all_tried() -> bool:
            rows = await database.rows(OUTBOX)
            return all(row["attempts"] >= 1 for row in rows)

        await wait_for(all_tried, seconds=60, what="every queued email tried once")
        outbox = await database.rows(OUTBOX)
        queued = {row["message_id"] for row in outbox}
        assert {row["status"] for row in outbox} == {"PENDING"}
        assert all(row["last_error"] for row in outbox), "a failed attempt without its error"
        assert server.running
        async with httpx.AsyncClient() as client:
            assert (await client.get(f"{server.base_url}/healthz")).status_code == 200

        # when: the SMTP server is back on the same port
        smtp.start()

        async def all_sent() -> bool:
            rows = await database.rows(OUTBOX)
            return all(row["status"] == "SENT" for row in rows)

        await wait_for(all_sent, seconds=DELIVERY_SECONDS, what="every queued email sent")
        await asyncio.sleep(2)  # a duplicate would come now, with the worker's next pass

        # then: each queued email arrived exactly once, and nothing else did
        received = Counter(smtp.message_ids())
        assert set(received) == queued
        assert [mid for mid, times in received.items() if times > 1] == []
        assert all(row["attempts"] >= 2 for row in await database.rows(OUTBOX))
        print(
            f"\n{len(queued)} emails queued during the outage "
            f"({len(RESETS)} resets, {PURCHASES} purchases, {INVOICES_EMAILED} invoices emailed, "
            f"the demo's own), each tried and failed, then each delivered once"
        )
    finally:
        server.stop()
        smtp.stop()
    assert "Traceback" not in server.output()


async def test_a_server_killed_while_delivering_loses_no_email(
    postgres_url: str, data_dir: Path
) -> None:
    database = Database(postgres_url)
    rng = random.Random(SEED)
    smtp = SmtpServer()
    smtp.handler.delay = 0.3  # each message takes a while to be accepted: a kill lands mid-send
    env = {**SERVER_ENV, "PARTNER_PORTAL_SMTP_URL": smtp.url}

    # given: the demo's queue of emails (invoices with their PDFs, an assignment's)
    queued = {row["message_id"] for row in await database.rows(OUTBOX)}
    assert len(queued) >= 5
    smtp.start()
    try:
        # when: a server delivering them is killed after a few are through
        delivering = ServerProcess(
            postgres_url,
            data_dir,
            env={**env, "PARTNER_PORTAL_MAIL_WORKER": "1"},
            access_log=False,
        ).start()
        try:
            await asyncio.to_thread(delivering.wait_until_up)

            async def some_received() -> bool:
                return len(smtp.received) >= 3

            await wait_for(some_received, seconds=60, interval=0.02, what="the first emails")
            await asyncio.sleep(rng.uniform(0, smtp.handler.delay))
        finally:
            delivering.kill()
        received_before = len(smtp.received)
        in_hand = {
            row["message_id"]
            for row in await database.rows(
                "SELECT message_id FROM notifications_outbox_message "
                "WHERE status = 'PENDING' AND claimed_by IS NOT NULL"
            )
        }
        # its claim would block the message for the lease's 5 minutes: dated back instead
        await database.execute(
            "UPDATE notifications_outbox_message SET claimed_until = '2000-01-01T00:00:00+00:00' "
            "WHERE status = 'PENDING' AND claimed_by IS NOT NULL"
        )

        # then: a new server delivers the rest
        with ServerProcess(
            postgres_url,
            data_dir,
            env={**env, "PARTNER_PORTAL_MAIL_WORKER": "1"},
            access_log=False,
        ) as successor:

            async def all_sent() -> bool:
                rows = await database.rows(OUTBOX)
                return all(row["status"] == "SENT" for row in rows)

            await wait_for(all_sent, seconds=DELIVERY_SECONDS, what="every email sent")
            await asyncio.sleep(2)
        assert "Traceback" not in successor.output()
    finally:
        smtp.stop()

    received = Counter(smtp.message_ids())
    twice = {mid for mid, times in received.items() if times > 1}
    print(
        f"\n{len(queued)} emails queued; killed after {received_before} received with "
        f"{len(in_hand)} in hand; {len(twice)} received twice"
    )
    assert set(received) == queued, "an email was lost"
    assert twice <= in_hand, "an email not in hand at the crash was sent twice"
    assert max(received.values()) <= 2
    assert len(in_hand) <= 1, "one worker has one message in hand at a time"
