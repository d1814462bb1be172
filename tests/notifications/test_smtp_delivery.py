"""Delivery to a real SMTP server (aiosmtpd): the message, outages and refusals."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from backend import clock
from backend.notifications import worker as worker_module
from backend.notifications.models import OutboxMessage, OutboxStatus
from backend.notifications.outbox import Attachment, enqueue_email
from backend.notifications.worker import GIVE_UP_AFTER, MAX_ATTEMPTS, MailWorker, backoff
from backend.settings import Settings
from tests.notifications.conftest import CONTEXTS, SmtpServer, wait_until

pytestmark = pytest.mark.usefixtures("db")

NOW = datetime(2030, 5, 1, 9, 0, tzinfo=UTC)
MAIL_FROM = "Partner Portal <portal@vendor.example>"
TO = ["Ada Lovelace <ada@example.com>", "grace@example.com"]
INVOICE = Attachment("invoice-1001.pdf", "application/pdf", b"%PDF-1.7 invoice 1001")


class Clock:
    """A clock the test moves."""

    def __init__(self, now: datetime) -> None:
        self.current = now

    def __call__(self) -> datetime:
        return self.current


@pytest.fixture
def time(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock(NOW)
    monkeypatch.setattr(clock, "now", fake)
    return fake


def unix_lines(text: str) -> str:
    """SMTP carries CRLF line ends; the stored bodies have LF."""
    return text.replace("\r\n", "\n")


def worker_for(settings: Settings, server: SmtpServer) -> MailWorker:
    return MailWorker(replace(settings, smtp_url=server.url, mail_from=MAIL_FROM), name="test")


async def queue_reset() -> OutboxMessage:
    return await enqueue_email(template="password_reset", to=TO, context=CONTEXTS["password_reset"])


async def test_the_server_receives_the_message_with_both_parts_and_the_attachment(
    settings: Settings, smtp_server: SmtpServer, time: Clock
) -> None:
    # given
    queued = await enqueue_email(
        template="password_reset", to=TO, context=CONTEXTS["password_reset"], attachments=[INVOICE]
    )
    time.current += timedelta(seconds=3)

    # when
    sent = await worker_for(settings, smtp_server).deliver_due()

    # then
    assert sent == 1
    [received] = smtp_server.received
    assert received.sender == "portal@vendor.example"
    assert received.recipients == ["ada@example.com", "grace@example.com"]
    message = received.message
    assert message["From"] == MAIL_FROM
    assert message["To"] == "Ada Lovelace <ada@example.com>, grace@example.com"
    assert message["Subject"] == "Reset your Partner Portal password"
    assert message["Message-ID"] == queued.message_id
    assert message["Date"].datetime == NOW
    assert message.get_content_type() == "multipart/mixed"
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text is not None
    assert html is not None
    assert unix_lines(text.get_content()) == queued.text_body
    assert unix_lines(html.get_content()) == queued.html_body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "invoice-1001.pdf"
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == INVOICE.content
    stored = await OutboxMessage.get(id=queued.id)
    assert stored.status == OutboxStatus.SENT
    assert stored.sent_at == NOW + timedelta(seconds=3)
    assert stored.attempts == 1
    assert stored.claimed_by is None
    assert stored.claimed_until is None


async def test_a_message_without_attachments_is_multipart_alternative(
    settings: Settings, smtp_server: SmtpServer, time: Clock
) -> None:
    # given
    await queue_reset()

    # when
    await worker_for(settings, smtp_server).deliver_due()

    # then
    [received] = smtp_server.received
    assert received.message.get_content_type() == "multipart/alternative"
    parts = [part.get_content_type() for part in received.message.iter_parts()]
    assert parts == ["text/plain", "text/html"]


async def test_an_smtp_outage_loses_nothing_and_delivers_once_when_the_server_is_back(
    settings: Settings, smtp_server_down: SmtpServer, time: Clock
) -> None:
    # given
    queued = await queue_reset()
    worker = worker_for(settings, smtp_server_down)

    # when
    sent = await worker.deliver_due()

    # then
    assert sent == 0
    stored = await OutboxMessage.get(id=queued.id)
    assert stored.status == OutboxStatus.PENDING
    assert stored.attempts == 1
    assert "connect" in stored.last_error.lower()
    assert stored.next_attempt_at == NOW + timedelta(seconds=30)
    assert stored.claimed_by is None

    # when the server is back but the retry is not yet due
    smtp_server_down.start()
    time.current = NOW + timedelta(seconds=29)
    assert await worker.deliver_due() == 0
    assert smtp_server_down.received == []

    # when it is due
    time.current = NOW + timedelta(seconds=31)
    assert await worker.deliver_due() == 1
    assert await worker.deliver_due() == 0

    # then
    assert smtp_server_down.message_ids() == [queued.message_id]
    stored = await OutboxMessage.get(id=queued.id)
    assert stored.status == OutboxStatus.SENT
    assert stored.attempts == 2


async def test_a_permanent_refusal_fails_the_message_without_retrying(
    settings: Settings, smtp_server: SmtpServer, time: Clock
) -> None:
    # given
    smtp_server.handler.refusal = "550 5.1.1 No such user"
    queued = await queue_reset()
    worker = worker_for(settings, smtp_server)

    # when
    sent = await worker.deliver_due()
    time.current = NOW + timedelta(days=1)
    again = await worker.deliver_due()

    # then
    assert (sent, again) == (0, 0)
    stored = await OutboxMessage.get(id=queued.id)
    assert stored.status == OutboxStatus.FAILED
    assert stored.attempts == 1
    assert "550" in stored.last_error
    assert "No such user" in stored.last_error
    assert stored.claimed_by is None


async def test_a_temporary_refusal_is_retried(
    settings: Settings, smtp_server: SmtpServer, time: Clock
) -> None:
    # given
    smtp_server.handler.refusal = "451 4.3.0 Try again later"
    queued = await queue_reset()

    # when
    await worker_for(settings, smtp_server).deliver_due()

    # then
    stored = await OutboxMessage.get(id=queued.id)
    assert stored.status == OutboxStatus.PENDING
    assert "451" in stored.last_error
    assert stored.next_attempt_at == NOW + timedelta(seconds=30)


async def test_a_day_long_outage_loses_nothing(
    settings: Settings, smtp_server_down: SmtpServer, time: Clock
) -> None:
    # given
    queued = await queue_reset()
    worker = worker_for(settings, smtp_server_down)

    # when the mail server stays unreachable for a day
    for _ in range(24):
        await worker.deliver_due()
        time.current += timedelta(hours=1, seconds=1)

    # then the message still waits for it, retried hourly
    stored = await OutboxMessage.get(id=queued.id)
    assert stored.status == OutboxStatus.PENDING
    assert stored.attempts == 24
    assert stored.attempts > MAX_ATTEMPTS


async def test_after_a_week_of_outage_the_message_fails(
    settings: Settings, smtp_server_down: SmtpServer, time: Clock
) -> None:
    # given
    queued = await queue_reset()
    worker = worker_for(settings, smtp_server_down)
    await worker.deliver_due()

    # when
    time.current += GIVE_UP_AFTER + timedelta(hours=1)
    await worker.deliver_due()

    # then
    stored = await OutboxMessage.get(id=queued.id)
    assert stored.status == OutboxStatus.FAILED
    assert stored.attempts == 2


def test_the_backoff_doubles_from_30_seconds_up_to_an_hour() -> None:
    # when
    waits = [backoff(attempts) for attempts in (1, 2, 3, 4, 7, 8, 9, 100)]

    # then
    assert [wait.total_seconds() for wait in waits] == [30, 60, 120, 240, 1920, 3600, 3600, 3600]


async def test_a_message_claimed_by_a_live_worker_is_left_alone(
    settings: Settings, smtp_server: SmtpServer, time: Clock
) -> None:
    # given another worker holds the message
    queued = await queue_reset()
    lease_end = NOW + timedelta(minutes=5)
    await OutboxMessage.filter(id=queued.id).update(claimed_by="other", claimed_until=lease_end)
    worker = worker_for(settings, smtp_server)

    # when
    during = await worker.deliver_due()
    time.current = lease_end + timedelta(seconds=1)
    after = await worker.deliver_due()

    # then it is sent again only once that worker's lease has run out
    assert (during, after) == (0, 1)
    assert smtp_server.message_ids() == [queued.message_id]


async def test_the_worker_loop_outlives_errors_and_stops_when_asked(
    settings: Settings,
    smtp_server: SmtpServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # given a worker whose first pass fails as if the database were away
    monkeypatch.setattr(worker_module, "IDLE_POLL_SECONDS", 0.01)
    worker = worker_for(settings, smtp_server)
    real_pass = worker.deliver_due
    passes = 0

    async def flaky_pass(limit: int = 20) -> int:
        nonlocal passes
        passes += 1
        if passes == 1:
            raise ConnectionRefusedError("database unavailable")
        return await real_pass(limit)

    monkeypatch.setattr(worker, "deliver_due", flaky_pass)
    queued = await queue_reset()
    stop = asyncio.Event()

    # when
    task = asyncio.create_task(worker.run(stop))
    await wait_until(lambda: bool(smtp_server.received))
    stop.set()
    await asyncio.wait_for(task, 5)

    # then
    assert smtp_server.message_ids() == [queued.message_id]
    assert "database unavailable" in caplog.text
    assert task.exception() is None
