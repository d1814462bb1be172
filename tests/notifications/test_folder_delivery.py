"""With no SMTP server configured, each email becomes an .eml file in the mail folder."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest

from backend import clock
from backend.notifications.models import OutboxMessage, OutboxStatus
from backend.notifications.outbox import enqueue_email
from backend.notifications.transport import FolderTransport
from backend.notifications.worker import MailWorker
from backend.settings import Settings
from tests.notifications.conftest import CONTEXTS

pytestmark = pytest.mark.usefixtures("db")

NOW = datetime(2030, 5, 1, 9, 0, 0, 250_000, tzinfo=UTC)
TO = ["ada@example.com"]


def read_eml(path: Path) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)
    return message


async def queue(template: str, at: datetime, monkeypatch: pytest.MonkeyPatch) -> OutboxMessage:
    monkeypatch.setattr(clock, "now", lambda: at)
    return await enqueue_email(template=template, to=TO, context=CONTEXTS[template])


async def test_each_message_becomes_one_parseable_eml_file_named_by_time_and_id(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given
    assert settings.smtp_url is None
    first = await queue("invite", NOW, monkeypatch)
    second = await queue("password_changed", NOW + timedelta(minutes=1), monkeypatch)
    worker = MailWorker(settings)

    # when
    sent = await worker.deliver_due()

    # then
    assert sent == 2
    files = sorted(settings.mail_dir.iterdir())
    assert [f.name for f in files] == [
        f"20300501T090000250000Z-{first.id:012d}.eml",
        f"20300501T090100250000Z-{second.id:012d}.eml",
    ]
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    message = read_eml(files[0])
    assert message["Message-ID"] == first.message_id
    assert message["To"] == "ada@example.com"
    assert message["From"] == settings.mail_from
    assert message["Subject"] == "You're invited to Partner Portal"
    html = message.get_body(preferencelist=("html",))
    assert html is not None
    assert "Grace Hopper" in html.get_content()
    assert read_eml(files[1])["Message-ID"] == second.message_id
    assert await OutboxMessage.filter(status=OutboxStatus.SENT).count() == 2


async def test_delivering_a_message_again_replaces_its_file(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a message written once already, as after a crash before it was marked sent
    message = await queue("password_changed", NOW, monkeypatch)
    transport = FolderTransport(settings.mail_dir)
    await MailWorker(settings).deliver_due()
    await OutboxMessage.filter(id=message.id).update(status=OutboxStatus.PENDING)

    # when
    await MailWorker(settings).deliver_due()

    # then
    assert [f.name for f in settings.mail_dir.iterdir()] == [transport.file_name(message)]


async def test_an_unwritable_folder_is_a_temporary_failure(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given
    settings.mail_dir.parent.mkdir(parents=True, exist_ok=True)
    settings.mail_dir.write_text("a file where the folder should be")
    message = await queue("password_changed", NOW, monkeypatch)

    # when
    sent = await MailWorker(settings).deliver_due()

    # then
    assert sent == 0
    stored = await OutboxMessage.get(id=message.id)
    assert stored.status == OutboxStatus.PENDING
    assert "cannot write" in stored.last_error
    assert stored.attempts == 1
