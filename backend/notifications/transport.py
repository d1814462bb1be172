"""Where email goes: an SMTP server, or, with none configured, a folder of ``.eml`` files.

Both transports take a built message and either deliver it or raise ``DeliveryError``, which says
whether trying again later can help (``permanent=False``) or not.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
from datetime import UTC
from email import policy
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

import aiosmtplib

from backend.notifications.message import envelope_recipients
from backend.notifications.models import OutboxMessage
from backend.settings import Settings

logger = logging.getLogger(__name__)

SMTP_DEFAULT_PORTS = {"smtp": 25, "smtps": 465, "smtp+starttls": 587}
SMTP_COMMAND_TIMEOUT_SECONDS = 30.0
"""The longest wait for the server's answer to one command."""
SMTP_SEND_TIMEOUT_SECONDS = 120.0
"""The longest one delivery may take, connection to QUIT."""


class DeliveryError(Exception):
    """A message was not delivered; ``permanent`` when retrying cannot help."""

    def __init__(self, message: str, *, permanent: bool) -> None:
        super().__init__(message)
        self.permanent = permanent


class Transport(Protocol):
    async def send(self, outbox: OutboxMessage, message: EmailMessage) -> None:
        """Deliver ``message`` (built from ``outbox``) or raise ``DeliveryError``."""


def transport_for(settings: Settings) -> Transport:
    """SMTP when ``smtp_url`` is set, the mail folder otherwise."""
    if settings.smtp_url is None:
        return FolderTransport(settings.mail_dir)
    return SmtpTransport(settings.smtp_url)


class SmtpTransport:
    """One SMTP connection per message: ``smtp://`` plain, ``smtps://`` implicit TLS,
    ``smtp+starttls://`` STARTTLS required; ``user:password@`` in the URL to log in.

    5xx refusals of the sender, of every recipient or of the message are permanent; everything
    else (no connection, timeouts, TLS or login trouble, 4xx answers) is temporary, since it is
    about the server or its configuration rather than the message.
    """

    def __init__(self, url: str, *, timeout: float = SMTP_COMMAND_TIMEOUT_SECONDS) -> None:
        parts = urlsplit(url)
        if parts.scheme not in SMTP_DEFAULT_PORTS or not parts.hostname:
            raise ValueError("the SMTP URL must be smtp://, smtps:// or smtp+starttls://host")
        self.hostname = parts.hostname
        self.port = parts.port or SMTP_DEFAULT_PORTS[parts.scheme]
        self.username = unquote(parts.username) if parts.username else None
        self.password = unquote(parts.password) if parts.password else None
        self.use_tls = parts.scheme == "smtps"
        self.start_tls = parts.scheme == "smtp+starttls"
        self.timeout = timeout

    def __repr__(self) -> str:  # never shows the password
        scheme = "smtps" if self.use_tls else "smtp+starttls" if self.start_tls else "smtp"
        return f"SmtpTransport({scheme}://{self.hostname}:{self.port})"

    async def send(self, outbox: OutboxMessage, message: EmailMessage) -> None:
        try:
            async with asyncio.timeout(SMTP_SEND_TIMEOUT_SECONDS):
                refused, _ = await aiosmtplib.send(
                    message,
                    sender=parseaddr(str(message["From"]))[1],
                    recipients=envelope_recipients(outbox),
                    hostname=self.hostname,
                    port=self.port,
                    username=self.username,
                    password=self.password,
                    use_tls=self.use_tls,
                    start_tls=self.start_tls,
                    timeout=self.timeout,
                )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            codes = [refusal.code for refusal in exc.recipients]
            reasons = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in exc.recipients)
            raise DeliveryError(
                f"every recipient refused: {reasons}", permanent=all(c >= 500 for c in codes)
            ) from exc
        except (aiosmtplib.SMTPSenderRefused, aiosmtplib.SMTPDataError) as exc:
            raise DeliveryError(
                f"{type(exc).__name__}: {exc.code} {exc.message}", permanent=exc.code >= 500
            ) from exc
        except (aiosmtplib.SMTPException, OSError) as exc:  # TimeoutError is an OSError
            raise DeliveryError(f"{type(exc).__name__}: {exc}", permanent=False) from exc
        if refused:
            # the others got it: sending again would give them a second copy
            logger.warning(
                "message %s refused for some recipients: %s",
                outbox.message_id,
                {address: f"{r.code} {r.message}" for address, r in refused.items()},
            )


class FolderTransport:
    """Writes each message to ``<folder>/<queued at>-<outbox id>.eml``, readable only by us.

    The name depends on the message alone, so delivering a message again replaces its file
    rather than adding a copy. The file appears whole or not at all (a temporary file renamed).
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __repr__(self) -> str:
        return f"FolderTransport({str(self.folder)!r})"

    @staticmethod
    def file_name(outbox: OutboxMessage) -> str:
        queued = outbox.created_at.astimezone(UTC)
        return f"{queued:%Y%m%dT%H%M%S%fZ}-{outbox.id:012d}.eml"

    async def send(self, outbox: OutboxMessage, message: EmailMessage) -> None:
        data = message.as_bytes(policy=policy.SMTP)
        try:
            await asyncio.to_thread(self._write, self.file_name(outbox), data)
        except OSError as exc:
            raise DeliveryError(f"cannot write to {self.folder}: {exc}", permanent=False) from exc

    def _write(self, name: str, data: bytes) -> None:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary = self.folder / f".{name}.{secrets.token_hex(4)}.tmp"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.folder / name)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
