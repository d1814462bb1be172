"""The MIME message of an outbox row: what the SMTP server receives and the mail folder keeps."""

from __future__ import annotations

from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses

from backend.notifications.models import OutboxMessage
from backend.notifications.outbox import Attachment


def build_email(
    outbox: OutboxMessage, *, mail_from: str, attachments: Sequence[Attachment] | None = None
) -> EmailMessage:
    """multipart/alternative (text, then HTML), inside multipart/mixed when there are attachments.

    Every header comes from the row, so building a message twice gives the same message:
    ``Date`` is when the email was queued and ``Message-ID`` the stored one. ``attachments``:
    the row's, with generated ones made (``outbox.materialize``); by default the row's stored
    files.
    """
    message = EmailMessage()
    message["From"] = mail_from
    message["To"] = ", ".join(outbox.recipients)
    message["Subject"] = outbox.subject
    message["Date"] = format_datetime(outbox.created_at)
    message["Message-ID"] = outbox.message_id
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies, please
    message.set_content(outbox.text_body)
    message.add_alternative(outbox.html_body, subtype="html")
    if attachments is None:
        attachments = [Attachment.from_json(data) for data in outbox.attachments]
    for attachment in attachments:
        maintype, _, subtype = attachment.content_type.partition("/")
        message.add_attachment(
            attachment.content, maintype=maintype, subtype=subtype, filename=attachment.filename
        )
    return message


def envelope_recipients(outbox: OutboxMessage) -> list[str]:
    """The bare addresses the SMTP server is given (``RCPT TO``)."""
    return [address for _, address in getaddresses(outbox.recipients)]
