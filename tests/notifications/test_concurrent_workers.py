"""Several worker processes on one outbox send each message exactly once."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from backend.notifications.models import OutboxMessage, OutboxStatus
from backend.notifications.outbox import enqueue_email
from backend.settings import Settings
from tests.notifications.conftest import CONTEXTS, SmtpServer

pytestmark = pytest.mark.usefixtures("db")

MESSAGES = 30
REPO = Path(__file__).resolve().parents[2]
WORKER_PROCESS = """
import asyncio, sys
from tortoise import Tortoise
from backend.db import tortoise_config
from backend.notifications.models import OutboxMessage, OutboxStatus
from backend.notifications.worker import MailWorker
from backend.settings import load_settings

async def main():
    settings = load_settings()
    await Tortoise.init(config=tortoise_config(settings.database_url))
    worker = MailWorker(settings, name=sys.argv[1])
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    sent = 0
    try:
        while await OutboxMessage.filter(status=OutboxStatus.PENDING).exists():
            sent += await worker.deliver_due(limit=3)
    finally:
        await Tortoise.close_connections()
    print(sent, flush=True)

asyncio.run(main())
"""


async def start_worker(name: str, settings: Settings, smtp_url: str) -> asyncio.subprocess.Process:
    env = os.environ | {
        "PARTNER_PORTAL_DATA_DIR": str(settings.data_dir),
        "PARTNER_PORTAL_DATABASE_URL": settings.database_url,
        "PARTNER_PORTAL_SMTP_URL": smtp_url,
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        WORKER_PROCESS,
        name,
        cwd=REPO,
        env=env,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None
    assert await asyncio.wait_for(process.stdout.readline(), 30) == b"ready\n"
    return process


async def test_two_worker_processes_send_each_message_exactly_once(
    settings: Settings, smtp_server: SmtpServer
) -> None:
    # given
    queued = [
        await enqueue_email(
            template="password_changed",
            to=[f"user{n}@example.com"],
            context=CONTEXTS["password_changed"],
        )
        for n in range(MESSAGES)
    ]
    smtp_server.handler.delay = 0.01  # each send takes a while, so the workers overlap
    workers = [await start_worker(name, settings, smtp_server.url) for name in ("one", "two")]

    # when both start at once
    for process in workers:
        assert process.stdin is not None
        process.stdin.write(b"go\n")
        await process.stdin.drain()
    outputs = [await asyncio.wait_for(process.communicate(), 60) for process in workers]

    # then
    assert [process.returncode for process in workers] == [0, 0]
    sent_by = [int(stdout) for stdout, _ in outputs]
    assert sum(sent_by) == MESSAGES
    assert all(sent > 0 for sent in sent_by), f"the workers did not overlap: {sent_by}"
    assert sorted(smtp_server.message_ids()) == sorted(m.message_id for m in queued)
    assert await OutboxMessage.filter(status=OutboxStatus.SENT, attempts=1).count() == MESSAGES
    claimers = await OutboxMessage.all().values_list("claimed_by", flat=True)
    assert set(claimers) == {None}
