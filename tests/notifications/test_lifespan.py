"""The app starts the mail worker with the database, and stops it before the database closes."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest

from backend.app import create_app
from backend.notifications import worker as worker_module
from backend.notifications.outbox import enqueue_email
from backend.settings import Settings
from tests.notifications.conftest import CONTEXTS, wait_until

TO = ["ada@example.com"]


def mail_worker_tasks() -> list[asyncio.Task[object]]:
    return [task for task in asyncio.all_tasks() if task.get_name() == "mail-worker"]


async def test_the_lifespan_runs_the_worker_that_delivers_queued_mail(
    settings: Settings, dist: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given
    monkeypatch.setattr(worker_module, "IDLE_POLL_SECONDS", 0.01)
    app = create_app(settings, dist=dist, manage_database=True)

    # when
    async with app.router.lifespan_context(app):
        [task] = mail_worker_tasks()
        message = await enqueue_email(
            template="password_changed", to=TO, context=CONTEXTS["password_changed"]
        )
        await wait_until(lambda: settings.mail_dir.exists() and any(settings.mail_dir.iterdir()))

    # then
    assert task.done()
    assert not task.cancelled()
    assert task.exception() is None
    [eml] = settings.mail_dir.iterdir()
    assert eml.name.endswith(f"-{message.id:012d}.eml")


async def test_no_worker_runs_when_the_settings_say_so(settings: Settings, dist: Path) -> None:
    # given
    app = create_app(replace(settings, mail_worker=False), dist=dist, manage_database=True)

    # when / then
    async with app.router.lifespan_context(app):
        assert mail_worker_tasks() == []


async def test_no_worker_runs_when_the_caller_manages_the_database(
    settings: Settings, dist: Path
) -> None:
    # given
    app = create_app(settings, dist=dist, manage_database=False)

    # when / then
    async with app.router.lifespan_context(app):
        assert mail_worker_tasks() == []
