"""The ``partner-portal`` command.

Each subcommand reads the settings from the environment first; a bad setting, a bad argument or an
unreachable database ends the command with one clear line on stderr and exit status 2 (1 for
a failure while working), never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit, urlunsplit

from tortoise import Tortoise
from tortoise.exceptions import BaseORMException

from backend import clock
from backend.billing.periods import Period
from backend.settings import PREFIX, Settings, SettingsError, load_settings

PROG = "partner-portal"


class CommandError(Exception):
    """A failure to report in one line."""


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is between 1 and 65535, not {port}")
    return port


def _workers(value: str) -> int:
    try:
        workers = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of workers: {value!r}") from None
    if not 1 <= workers <= 64:
        raise argparse.ArgumentTypeError(f"workers must be between 1 and 64, not {workers}")
    return workers


def _period(value: str) -> Period:
    try:
        return Period.parse(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _moment(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an ISO 8601 time: {value!r} (e.g. 2026-11-01T00:10:00Z)"
        ) from None
    return clock.utc(moment)


class _Parser(argparse.ArgumentParser):
    """Reports a bad argument in one line, pointing at ``--help`` for the usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Partner Portal: the reseller back office. Settings come from "
        "PARTNER_PORTAL_* environment variables (see README.md).",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    serve = commands.add_parser("serve", help="serve the API and the web app")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8000, help="port to bind (default 8000)")
    serve.add_argument("--workers", type=_workers, default=1, help="server processes (default 1)")

    commands.add_parser("migrate", help="apply the database migrations")
    commands.add_parser("seed-demo", help="load the sample catalog and demo data (idempotent)")

    admin = commands.add_parser(
        "create-admin",
        help="create a vendor admin (or give an existing one a new link) and print the link "
        "to set the password",
    )
    admin.add_argument("email", help="the admin's email address: their login")
    admin.add_argument("--name", default="", help="the admin's name")

    close = commands.add_parser(
        "close-month",
        help="close a month: each reseller's invoices waiting for the summary become one "
        "summary invoice (idempotent; the server also does it shortly after a month begins)",
    )
    close.add_argument("period", type=_period, help="the month, YYYY-MM (UTC)")
    close.add_argument(
        "--as-of",
        type=_moment,
        help="act as if it were this time (ISO 8601, UTC unless an offset is given); the "
        "summaries are issued then (default: now)",
    )

    export = commands.add_parser("export-schema", help="print the GraphQL schema (SDL)")
    export.add_argument("--output", type=Path, help="write to this file instead of stdout")
    return parser


def redact(database_url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(database_url)
    if parts.password is None:
        return database_url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def _is_database_failure(exc: Exception) -> bool:
    return isinstance(exc, OSError | BaseORMException) or type(exc).__module__.startswith("asyncpg")


@asynccontextmanager
async def _database(settings: Settings, *, connect: bool = True) -> AsyncIterator[None]:
    """Connects the ORM (unless the work does it itself) and turns any failure to reach or use
    the database into one ``CommandError`` line."""
    from backend.db import tortoise_config

    try:
        if connect:
            await Tortoise.init(config=tortoise_config(settings.database_url))
            await Tortoise.get_connection("default").execute_query("SELECT 1")
        yield
    except Exception as exc:
        if _is_database_failure(exc):
            raise CommandError(f"database {redact(settings.database_url)}: {exc}") from None
        raise
    finally:
        await Tortoise.close_connections()


async def _migrate(settings: Settings) -> None:
    from backend.db import migrate

    async with _database(settings, connect=False):  # the migration engine connects itself
        await migrate(settings.database_url, report=print)
    print(f"Database {redact(settings.database_url)} is up to date.")


async def _seed_demo(settings: Settings) -> None:
    from backend.demo import seed_demo

    async with _database(settings):
        await seed_demo(password=settings.demo_password, public_url=settings.public_url)
    print("Demo data is in place.")


async def _create_admin(settings: Settings, args: argparse.Namespace) -> None:
    from backend.errors import DomainError
    from backend.identity.admins import create_admin

    async with _database(settings):
        try:
            user, link, created = await create_admin(
                email=args.email, name=args.name.strip(), public_url=settings.public_url
            )
        except DomainError as exc:
            raise CommandError(str(exc)) from None
    print(f"{'Created' if created else 'Found'} vendor admin {user.email}.")
    print(f"They choose a password at (valid 7 days, also sent by email):\n{link}")


async def _close_month(settings: Settings, args: argparse.Namespace) -> None:
    from backend.billing.closing import close_period
    from backend.billing.formatting import format_money
    from backend.errors import DomainError
    from backend.identity.actor import Actor
    from backend.identity.roles import Role

    actor = Actor(role=Role.VENDOR_ADMIN, label=f"{PROG} close-month")
    async with _database(settings):
        try:
            closed = await close_period(
                args.period, actor=actor, public_url=settings.public_url, as_of=args.as_of
            )
        except DomainError as exc:
            raise CommandError(str(exc)) from None
    record = closed.record
    if closed.summaries_created:
        print(
            f"Closed {closed.period}: {closed.summaries_created} summary invoice(s) of "
            f"{closed.invoices_summarized} invoice(s), {format_money(closed.total_cents)}."
        )
    else:
        print(f"{closed.period} is closed: nothing new to summarize.")
    print(
        f"{closed.period} in all: {record.summary_count} summary invoice(s) of "
        f"{record.invoice_count} invoice(s), {format_money(record.total_cents)}."
    )


async def _check_ready(settings: Settings) -> None:
    """Refuse to serve a database that is unreachable or not migrated: every request would fail."""
    from backend.db import pending_migrations

    async with _database(settings):
        pending = await pending_migrations(settings.database_url)
    if pending:
        raise CommandError(
            f"database {redact(settings.database_url)} lacks {len(pending)} migration(s) "
            f"({', '.join(pending)}): run `{PROG} migrate` first"
        )


def _serve(settings: Settings, args: argparse.Namespace) -> None:
    import uvicorn

    from backend.licensing.signing import load_signing_key

    asyncio.run(_check_ready(settings))
    # made (or checked) once here: a damaged key stops the command with one line, not a
    # traceback in every worker process
    load_signing_key(settings)

    if settings.database_engine == "sqlite" and args.workers > 1:
        logging.getLogger(PROG).warning(
            "several workers on SQLite share one file; use PostgreSQL for real scale"
        )
    print(f"Serving Partner Portal on http://{args.host}:{args.port} ({settings.env} mode)")
    public_url = f"{PREFIX}PUBLIC_URL"
    if not os.environ.get(public_url, "").strip():
        # links in emails point at this server; the worker processes read it from the environment
        host = "127.0.0.1" if args.host in ("0.0.0.0", "::", "") else args.host  # noqa: S104
        os.environ[public_url] = f"http://{host}:{args.port}"
        print(f"Links in emails point to {os.environ[public_url]} (set {public_url} to change)")
    uvicorn.run(
        "backend.app:serve_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_config=None,
        proxy_headers=True,
        server_header=False,
    )


def _export_schema(args: argparse.Namespace) -> None:
    from backend.api.schema import schema_sdl

    sdl = schema_sdl()
    if args.output is None:
        sys.stdout.write(sdl)
        return
    try:
        args.output.write_text(sdl, encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"cannot write {args.output}: {exc.strerror}") from None
    print(f"Wrote {args.output}")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "export-schema":
            _export_schema(args)
            return 0
        settings = load_settings()
        if args.command == "serve":
            _serve(settings, args)
        elif args.command == "migrate":
            asyncio.run(_migrate(settings))
        elif args.command == "seed-demo":
            asyncio.run(_seed_demo(settings))
        elif args.command == "create-admin":
            asyncio.run(_create_admin(settings, args))
        elif args.command == "close-month":
            asyncio.run(_close_month(settings, args))
    except SettingsError as exc:
        print(f"{PROG}: configuration error: {exc}", file=sys.stderr)
        return 2
    except CommandError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
