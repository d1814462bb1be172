"""A worker with a backlog goes from one full pass to the next without its pause.

The soak (``make soak``) queued about 20 emails a second while the two workers, pausing a second
after every pass of 20, fell minutes behind; a full pass now means more are due.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from backend.notifications import worker as worker_module
from backend.notifications.outbox import enqueue_email
from backend.notifications.worker import MailWorker
from backend.settings import Settings
from tests.notifications.conftest import CONTEXTS, SmtpServer, wait_until

pytestmark = pytest.mark.usefixtures("db")

PASS = 20
"""What one pass takes (``MailWorker.deliver_due``'s default limit)."""


async def test_a_backlog_is_delivered_pass_after_pass_without_pausing(
    settings: Settings, smtp_server: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given more than two passes' worth of due messages, and a pause after a pass that sent
    # something that would outlast the test
    monkeypatch.setattr(worker_module, "BUSY_POLL_SECONDS", 3600.0)
    queued = [
        (
            await enqueue_email(
                template="password_changed",
                to=[f"user{n}@example.com"],
                context=CONTEXTS["password_changed"],
            )
        ).message_id
        for n in range(2 * PASS + 5)
    ]
    worker = MailWorker(replace(settings, smtp_url=smtp_server.url), name="backlog")
    stop = asyncio.Event()

    # when
    task = asyncio.create_task(worker.run(stop))
    try:
        await wait_until(lambda: len(smtp_server.received) == len(queued), seconds=30)
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)

    # then every message went out once, in passes that followed each other
    assert sorted(smtp_server.message_ids()) == sorted(queued)
    assert task.exception() is None
