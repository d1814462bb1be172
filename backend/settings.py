"""The one settings object, read from the environment and validated at start.

Every setting is a ``PARTNER_PORTAL_*`` variable. A bad value raises ``SettingsError``, whose
message is one line naming the variable, the value's problem and what is accepted.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import parseaddr
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

PREFIX = "PARTNER_PORTAL_"
SECRET_KEY_FILE = "secret_key"  # noqa: S105 - a file name, not a secret
MIN_SECRET_KEY_LENGTH = 32


class SettingsError(ValueError):
    """A setting has a value the product cannot run with."""


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


@dataclass(frozen=True, slots=True)
class Settings:
    env: Environment
    data_dir: Path
    database_url: str
    smtp_url: str | None
    secret_key: str
    demo_password: str
    public_url: str = "http://127.0.0.1:8000"
    """The address people reach the app at: links in emails, the origin mutations must come from."""
    mail_from: str = "Partner Portal <no-reply@partner-portal.invalid>"
    mail_worker: bool = True
    """Whether this process delivers the email outbox (every process may; they never collide)."""
    webhook_worker: bool = True
    """Whether this process delivers webhooks (every process may; they never collide)."""
    payment_gateway: str = "sandbox"
    """The payment gateway; the product ships the sandbox one (test tokens, no real money)."""
    vendor_name: str = "Partner Portal"
    """Who issues the invoices: the name heading every invoice PDF."""
    vendor_address: tuple[str, ...] = ()
    """The issuer's address lines under that name."""
    rate_limit_points: int = 5000
    """Points each API key, session (and anonymous address) may spend per window; a request
    costs at least one (``backend.api.cost``)."""
    rate_limit_window: int = 3600
    """The rate limit's window, in seconds, from a caller's first request in it."""
    license_signing_key: str | None = field(default=None, repr=False)
    """The Ed25519 private key (PEM) that signs license certificates; None: the one generated
    into the data folder (``backend.licensing.signing``)."""

    @property
    def is_development(self) -> bool:
        return self.env is Environment.DEVELOPMENT

    @property
    def database_engine(self) -> str:
        """``sqlite`` or ``postgres``."""
        return "sqlite" if self.database_url.startswith("sqlite") else "postgres"

    @property
    def mail_dir(self) -> Path:
        """Where email goes when no SMTP server is configured."""
        return self.data_dir / "mail"


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read and validate every setting; create the data folder and the secret key if needed."""
    env_vars = os.environ if environ is None else environ

    def get(name: str) -> str | None:
        value = env_vars.get(PREFIX + name)
        return value.strip() if value is not None and value.strip() else None

    env = _parse_env(get("ENV"))
    data_dir = _prepare_data_dir(get("DATA_DIR") or "./data")
    database_url = _parse_database_url(get("DATABASE_URL"), data_dir)
    smtp_url = _parse_smtp_url(get("SMTP_URL"))
    secret_key = _parse_secret_key(get("SECRET_KEY"), data_dir)
    demo_password = get("DEMO_PASSWORD") or "demo-password"
    if len(demo_password) < 10:
        raise SettingsError(f"{PREFIX}DEMO_PASSWORD must be at least 10 characters long")
    return Settings(
        env=env,
        data_dir=data_dir,
        database_url=database_url,
        smtp_url=smtp_url,
        secret_key=secret_key,
        demo_password=demo_password,
        public_url=_parse_public_url(get("PUBLIC_URL")),
        mail_from=_parse_mail_from(get("MAIL_FROM")),
        mail_worker=_parse_flag("MAIL_WORKER", get("MAIL_WORKER"), default=True),
        webhook_worker=_parse_flag("WEBHOOK_WORKER", get("WEBHOOK_WORKER"), default=True),
        payment_gateway=_parse_gateway(get("PAYMENT_GATEWAY")),
        vendor_name=_parse_vendor_name(get("VENDOR_NAME")),
        vendor_address=_parse_vendor_address(get("VENDOR_ADDRESS")),
        rate_limit_points=_parse_count("RATE_LIMIT_POINTS", get("RATE_LIMIT_POINTS"), 5000),
        rate_limit_window=_parse_count("RATE_LIMIT_WINDOW", get("RATE_LIMIT_WINDOW"), 3600),
        license_signing_key=_parse_signing_key(
            get("LICENSE_SIGNING_KEY"), get("LICENSE_SIGNING_KEY_FILE")
        ),
    )


GATEWAYS = ("sandbox",)
VENDOR_LINE_LENGTH = 100
VENDOR_ADDRESS_LINES = 6


def _parse_vendor_name(value: str | None) -> str:
    if value is None:
        return "Partner Portal"
    if len(value) > VENDOR_LINE_LENGTH or not value.isprintable():
        raise SettingsError(
            f"{PREFIX}VENDOR_NAME must be one line of at most {VENDOR_LINE_LENGTH} characters"
        )
    return value


def _parse_vendor_address(value: str | None) -> tuple[str, ...]:
    """Lines separated by ``|``: ``1 Vendor Way|Springfield, IL 62701|United States``."""
    if value is None:
        return ()
    lines = tuple(line.strip() for line in value.split("|") if line.strip())
    if len(lines) > VENDOR_ADDRESS_LINES or any(
        len(line) > VENDOR_LINE_LENGTH or not line.isprintable() for line in lines
    ):
        raise SettingsError(
            f"{PREFIX}VENDOR_ADDRESS must be at most {VENDOR_ADDRESS_LINES} lines separated by "
            f"'|', each of at most {VENDOR_LINE_LENGTH} characters"
        )
    return lines


def _parse_signing_key(value: str | None, file: str | None) -> str | None:
    """The PEM of the license signing key, given inline or as a file; None: the generated one."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    name = f"{PREFIX}LICENSE_SIGNING_KEY"
    if value is not None and file is not None:
        raise SettingsError(f"{name} and {name}_FILE are both set: give only one")
    if file is not None:
        name += "_FILE"
        try:
            value = Path(file).expanduser().read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "it is not a PEM file"
            raise SettingsError(f"{name} {file!r} cannot be read: {reason}") from None
    if value is None:
        return None
    pem = value.strip().replace("\\n", "\n") + "\n"  # a one-line PEM with \n escapes works too
    try:
        key = load_pem_private_key(pem.encode("ascii"), password=None)
    except (ValueError, TypeError, UnicodeEncodeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise SettingsError(
            f"{name} must hold an unencrypted Ed25519 private key in PEM form "
            "(openssl genpkey -algorithm ed25519)"
        )
    return pem


def _parse_gateway(value: str | None) -> str:
    if value is None:
        return "sandbox"
    if value.lower() not in GATEWAYS:
        raise SettingsError(
            f"{PREFIX}PAYMENT_GATEWAY must be one of {', '.join(GATEWAYS)}, not {value!r}"
        )
    return value.lower()


def _parse_public_url(value: str | None) -> str:
    if value is None:
        return "http://127.0.0.1:8000"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError(
            f"{PREFIX}PUBLIC_URL must be an http:// or https:// address, not {value!r}"
        )
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise SettingsError(
            f"{PREFIX}PUBLIC_URL must be the site's root, as in https://partners.example.com"
        )
    return f"{parts.scheme}://{parts.netloc}"


def _parse_mail_from(value: str | None) -> str:
    if value is None:
        return "Partner Portal <no-reply@partner-portal.invalid>"
    _, address = parseaddr(value)
    if "@" not in address or any(c in value for c in "\r\n"):
        raise SettingsError(
            f"{PREFIX}MAIL_FROM must be an address such as 'Partner Portal <portal@example.com>'"
        )
    return value


def _parse_flag(name: str, value: str | None, *, default: bool) -> bool:
    if value is None:
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{PREFIX}{name} must be 1 or 0 (true or false), not {value!r}")


def _parse_count(name: str, value: str | None, default: int) -> int:
    if value is None:
        return default
    if not value.isdigit() or not 1 <= int(value) <= 10**12:
        raise SettingsError(f"{PREFIX}{name} must be a whole number from 1, not {value!r}")
    return int(value)


def _parse_env(value: str | None) -> Environment:
    if value is None:
        return Environment.DEVELOPMENT
    try:
        return Environment(value.lower())
    except ValueError:
        raise SettingsError(
            f"{PREFIX}ENV must be 'development' or 'production', not {value!r}"
        ) from None


def _prepare_data_dir(value: str) -> Path:
    path = Path(value).expanduser().resolve()
    if path.exists() and not path.is_dir():
        raise SettingsError(f"{PREFIX}DATA_DIR {str(path)!r} exists and is not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SettingsError(
            f"{PREFIX}DATA_DIR {str(path)!r} cannot be created: {exc.strerror}"
        ) from None
    if not os.access(path, os.W_OK):
        raise SettingsError(f"{PREFIX}DATA_DIR {str(path)!r} is not writable")
    return path


def _parse_database_url(value: str | None, data_dir: Path) -> str:
    if value is None:
        return f"sqlite://{data_dir / 'partner-portal.sqlite3'}"
    parts = urlsplit(value)
    if parts.scheme == "sqlite":
        if not (parts.netloc + parts.path):
            raise SettingsError(f"{PREFIX}DATABASE_URL 'sqlite://' needs a file path")
        return value
    if parts.scheme in ("postgres", "postgresql"):
        if not parts.hostname and "host=" not in parts.query:
            raise SettingsError(f"{PREFIX}DATABASE_URL needs a host, as in postgres://user@host/db")
        if not parts.path.strip("/"):
            raise SettingsError(
                f"{PREFIX}DATABASE_URL needs a database name, as in postgres://user@host/db"
            )
        try:
            parts.port  # noqa: B018 - raises ValueError on a bad port
        except ValueError:
            raise SettingsError(f"{PREFIX}DATABASE_URL has an invalid port") from None
        return "postgres" + value[len(parts.scheme) :]
    given = parts.scheme or value
    raise SettingsError(
        f"{PREFIX}DATABASE_URL must start with sqlite:// or postgres://, not {given!r}"
    )


SMTP_SCHEMES = ("smtp", "smtps", "smtp+starttls")


def _parse_smtp_url(value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in SMTP_SCHEMES:
        raise SettingsError(
            f"{PREFIX}SMTP_URL must start with one of {', '.join(s + '://' for s in SMTP_SCHEMES)}"
        )
    if not parts.hostname:
        raise SettingsError(f"{PREFIX}SMTP_URL needs a host, as in smtp://mail.example.com:25")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise SettingsError(f"{PREFIX}SMTP_URL has an invalid port") from None
    return value


def _parse_secret_key(value: str | None, data_dir: Path) -> str:
    if value is not None:
        if len(value) < MIN_SECRET_KEY_LENGTH:
            raise SettingsError(
                f"{PREFIX}SECRET_KEY must be at least {MIN_SECRET_KEY_LENGTH} characters long"
            )
        return value
    return _read_or_create_secret_key(data_dir / SECRET_KEY_FILE)


def _read_or_create_secret_key(path: Path) -> str:
    """The key kept in the data folder; processes starting at once all end up with one key.

    A new key is written to a private temporary file and linked into place, which fails when
    another process got there first, so no process ever reads a half-written key.
    """
    if not path.exists():
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as file:
            file.write(secrets.token_urlsafe(48) + "\n")
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    key = path.read_text(encoding="ascii").strip()
    if len(key) < MIN_SECRET_KEY_LENGTH:
        raise SettingsError(
            f"the secret key file {str(path)!r} is damaged; delete it to make a new one"
        )
    return key
