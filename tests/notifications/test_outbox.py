"""Queueing email: rendered at once, stored in the caller's transaction."""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from jinja2 import UndefinedError
from tortoise.transactions import in_transaction

from backend import clock
from backend.notifications.models import OutboxMessage, OutboxStatus
from backend.notifications.outbox import Attachment, enqueue_email
from tests.notifications.conftest import CONTEXTS

pytestmark = pytest.mark.usefixtures("db")

NOW = datetime(2030, 5, 1, 9, 0, tzinfo=UTC)
TO = ["ada@example.com"]
HOSTILE_NAME = '<script>alert("hi")</script> & Co'
MESSAGE_ID = re.compile(r"^<[0-9a-f]{32}@partner-portal>$")


class Rollback(Exception):
    pass


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: NOW)


@pytest.mark.parametrize("template", sorted(CONTEXTS))
async def test_every_template_renders_subject_text_and_html(template: str) -> None:
    # when
    message = await enqueue_email(template=template, to=TO, context=CONTEXTS[template])

    # then
    stored = await OutboxMessage.get(id=message.id)
    assert stored.template == template
    assert stored.recipients == TO
    assert stored.subject.strip() == stored.subject != ""
    assert "\n" not in stored.subject
    greeting = "Hello Ada Lovelace," if "name" in CONTEXTS[template] else "Hello,"
    assert greeting in stored.text_body
    assert "<" not in stored.text_body.replace("<ada@customer.example>", "")
    assert stored.html_body.startswith("<!doctype html>")
    assert greeting in stored.html_body
    assert stored.status == OutboxStatus.PENDING
    assert stored.attempts == 0
    assert stored.created_at == NOW
    assert stored.next_attempt_at == NOW
    assert stored.claimed_by is None
    assert MESSAGE_ID.match(stored.message_id)


async def test_the_invite_names_the_reseller_the_inviter_the_link_and_the_expiry_in_utc() -> None:
    # given
    context = CONTEXTS["invite"] | {
        "expires_at": datetime(2030, 5, 17, 16, 30, tzinfo=timezone(timedelta(hours=2)))
    }

    # when
    message = await enqueue_email(template="invite", to=TO, context=context)

    # then
    assert message.subject == "You're invited to Partner Portal"
    for body in (message.text_body, message.html_body):
        assert "Grace Hopper has invited you to join" in body
        assert "Northwind Hosting" in body
        assert "https://partners.example.com/set-password?token=abc" in body
        assert "17 May 2030 at 14:30 UTC" in body


async def test_an_invite_without_reseller_or_inviter_reads_well() -> None:
    # given
    context = CONTEXTS["invite"] | {"name": "", "reseller_name": None, "invited_by": None}

    # when
    message = await enqueue_email(template="invite", to=TO, context=context)

    # then
    assert message.text_body.startswith("Hello,\n")
    assert "You have been invited to join Partner Portal." in message.text_body
    assert "None" not in message.text_body
    assert "None" not in message.html_body


async def test_html_escapes_what_the_text_keeps_as_is() -> None:
    # given
    context = CONTEXTS["invite"] | {"reseller_name": HOSTILE_NAME, "name": HOSTILE_NAME}

    # when
    message = await enqueue_email(template="invite", to=TO, context=context)

    # then
    assert "<script>" not in message.html_body
    assert "&lt;script&gt;alert(&#34;hi&#34;)&lt;/script&gt; &amp; Co" in message.html_body
    assert HOSTILE_NAME in message.text_body
    assert "token=abc" in message.html_body


async def test_the_message_rolls_back_with_the_callers_transaction() -> None:
    # when
    with pytest.raises(Rollback):
        async with in_transaction():
            await enqueue_email(
                template="password_changed", to=TO, context=CONTEXTS["password_changed"]
            )
            assert await OutboxMessage.all().count() == 1
            raise Rollback

    # then
    assert await OutboxMessage.all().count() == 0


async def test_the_message_commits_with_the_callers_transaction() -> None:
    # when
    async with in_transaction():
        message = await enqueue_email(
            template="password_changed", to=TO, context=CONTEXTS["password_changed"]
        )

    # then
    assert await OutboxMessage.filter(id=message.id).exists()


async def test_attachments_are_stored_as_base64() -> None:
    # given
    invoice = Attachment("invoice-1001.pdf", "application/pdf", b"%PDF-1.7\x00\xff")

    # when
    message = await enqueue_email(
        template="password_changed",
        to=TO,
        context=CONTEXTS["password_changed"],
        attachments=[invoice],
    )

    # then
    stored = await OutboxMessage.get(id=message.id)
    assert stored.attachments == [
        {
            "filename": "invoice-1001.pdf",
            "content_type": "application/pdf",
            "content": base64.b64encode(b"%PDF-1.7\x00\xff").decode(),
        }
    ]
    assert Attachment.from_json(stored.attachments[0]) == invoice


async def test_each_message_gets_its_own_message_id() -> None:
    # when
    ids = {
        (
            await enqueue_email(
                template="password_changed", to=TO, context=CONTEXTS["password_changed"]
            )
        ).message_id
        for _ in range(5)
    }

    # then
    assert len(ids) == 5


async def test_an_unknown_template_is_refused_by_name() -> None:
    # when / then
    with pytest.raises(ValueError, match=r"unknown email template 'welcome'.*invite"):
        await enqueue_email(template="welcome", to=TO, context={})
    with pytest.raises(ValueError, match="unknown email template"):
        await enqueue_email(template="../base", to=TO, context={})
    assert await OutboxMessage.all().count() == 0


async def test_a_missing_variable_fails_loudly() -> None:
    # when / then
    with pytest.raises(UndefinedError, match="expires_at"):
        await enqueue_email(
            template="password_reset", to=TO, context={"name": "Ada", "link": "https://x"}
        )


@pytest.mark.parametrize(
    "to",
    [
        pytest.param([], id="nobody"),
        pytest.param("ada@example.com", id="a string"),
        pytest.param(["not an address"], id="no @"),
        pytest.param(["ada@example.com\r\nBcc: eve@example.com"], id="header injection"),
        pytest.param(["ada@example.com, eve@example.com"], id="two in one"),
    ],
)
async def test_bad_recipients_are_refused(to: list[str]) -> None:
    # when / then
    with pytest.raises(ValueError, match=r"recipient|address"):
        await enqueue_email(
            template="password_changed", to=to, context=CONTEXTS["password_changed"]
        )
    assert await OutboxMessage.all().count() == 0


def test_an_attachment_needs_a_plain_file_name_and_a_mime_type() -> None:
    # when / then
    with pytest.raises(ValueError, match="file name"):
        Attachment("../etc/passwd", "text/plain", b"")
    with pytest.raises(ValueError, match="content type"):
        Attachment("a.pdf", "pdf", b"")
