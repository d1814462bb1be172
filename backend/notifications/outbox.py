"""Putting email in the outbox: rendered now, delivered later by the mail worker.

``enqueue_email`` opens no transaction of its own. Call it inside the transaction of the change
that causes the email, so that both commit or neither does::

    async with in_transaction():
        user = await User.create(...)
        await enqueue_email(template="invite", to=[user.email], context={...})
"""

from __future__ import annotations

import base64
import importlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.utils import getaddresses
from typing import Any

from backend import clock
from backend.notifications.models import OutboxMessage, OutboxStatus
from backend.notifications.rendering import render_email
from backend.settings import Settings

MESSAGE_ID_DOMAIN = "partner-portal"
SUBJECT_MAX_LENGTH = 300  # OutboxMessage.subject


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent along with an email."""

    filename: str
    content_type: str
    """A MIME type such as ``application/pdf``."""
    content: bytes

    def __post_init__(self) -> None:
        if not self.filename.strip() or any(c in self.filename for c in "\r\n/\\"):
            raise ValueError(f"attachment file name {self.filename!r} is not a plain file name")
        maintype, _, subtype = self.content_type.partition("/")
        if not maintype or not subtype or any(c in self.content_type for c in " \r\n;"):
            raise ValueError(f"attachment content type {self.content_type!r} is not type/subtype")

    def to_json(self) -> dict[str, str]:
        """The form kept in ``OutboxMessage.attachments``."""
        return {
            "filename": self.filename,
            "content_type": self.content_type,
            "content": base64.b64encode(self.content).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Attachment:
        return cls(
            filename=data["filename"],
            content_type=data["content_type"],
            content=base64.b64decode(data["content"], validate=True),
        )


@dataclass(frozen=True, slots=True)
class GeneratedAttachment:
    """A file made when the email is sent rather than when it is queued: an invoice's PDF takes
    far longer to render than the transaction that queues the email should last.

    ``generator`` names an entry of ``GENERATORS``: an async function of ``ref`` and the
    settings that returns the file's bytes. The mail worker calls it at each delivery attempt.
    """

    filename: str
    content_type: str
    generator: str
    ref: str

    def __post_init__(self) -> None:
        Attachment(self.filename, self.content_type, b"")  # the same checks
        if self.generator not in GENERATORS:
            raise ValueError(f"unknown attachment generator {self.generator!r}")

    def to_json(self) -> dict[str, str]:
        return {
            "filename": self.filename,
            "content_type": self.content_type,
            "generator": self.generator,
            "ref": self.ref,
        }


GENERATORS = {"invoice_pdf": "backend.billing.emails:invoice_pdf_content"}
"""Generated attachments' makers, as ``module:function`` (imported when first used, so that
the outbox does not depend on the domains that attach files)."""


async def materialize(stored: Sequence[Mapping[str, Any]], settings: Settings) -> list[Attachment]:
    """The attachments of an outbox row with their content, generating what must be."""
    attachments = []
    for data in stored:
        if "generator" not in data:
            attachments.append(Attachment.from_json(data))
            continue
        module, _, name = GENERATORS[data["generator"]].partition(":")
        generate = getattr(importlib.import_module(module), name)
        content = await generate(data["ref"], settings)
        attachments.append(Attachment(data["filename"], data["content_type"], content))
    return attachments


def new_message_id() -> str:
    """A globally unique RFC 5322 Message-ID."""
    return f"<{secrets.token_hex(16)}@{MESSAGE_ID_DOMAIN}>"


async def enqueue_email(
    *,
    template: str,
    to: Sequence[str],
    context: Mapping[str, Any],
    reseller_id: int | None = None,
    attachments: Sequence[Attachment | GeneratedAttachment] = (),
) -> OutboxMessage:
    """Render ``template`` with ``context`` and queue it for ``to``, in the caller's transaction.

    ``to`` holds addresses (``ada@example.com`` or ``Ada <ada@example.com>``). Raises
    ``ValueError`` for an unknown template or bad recipients, and jinja2's ``UndefinedError``
    when the context lacks a variable the template uses.
    """
    recipients = _checked_recipients(to)
    rendered = render_email(template, context)
    now = clock.now()
    return await OutboxMessage.create(
        message_id=new_message_id(),
        template=template,
        reseller_id=reseller_id,
        recipients=recipients,
        subject=rendered.subject[:SUBJECT_MAX_LENGTH],
        text_body=rendered.text,
        html_body=rendered.html,
        attachments=[attachment.to_json() for attachment in attachments],
        status=OutboxStatus.PENDING,
        attempts=0,
        created_at=now,
        next_attempt_at=now,
    )


def _checked_recipients(to: Sequence[str]) -> list[str]:
    if isinstance(to, str):
        raise ValueError("`to` must be a list of addresses, not one string")
    if not to:
        raise ValueError("an email needs at least one recipient")
    for recipient in to:
        addresses = getaddresses([recipient])
        if any(c in recipient for c in "\r\n") or len(addresses) != 1 or "@" not in addresses[0][1]:
            raise ValueError(f"{recipient!r} is not one email address")
    return list(to)
