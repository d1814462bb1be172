"""The ``partner-portal`` command, run as a newcomer would: as a real process."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from backend.api.schema import schema_sdl
from tests.conftest import ENGINE

COMMAND = [sys.executable, "-m", "backend.cli"]
ROOT = Path(__file__).resolve().parents[1]
LOGIN = """mutation { login(input: {email: "owner@reseller.example", password: "demo-password"}) {
  userErrors { message } } }"""


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        check=False,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def data_env(tmp_path: Path) -> dict[str, str]:
    return {"PARTNER_PORTAL_DATA_DIR": str(tmp_path / "data"), "PARTNER_PORTAL_ENV": "development"}


def test_export_schema_prints_the_sdl() -> None:
    result = run("export-schema")
    assert result.returncode == 0
    assert result.stdout == schema_sdl()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "the following arguments are required: COMMAND"),
        (("frobnicate",), "invalid choice: 'frobnicate'"),
        (("serve", "--port", "99999"), "a port is between 1 and 65535, not 99999"),
        (("serve", "--port", "http"), "not a port number: 'http'"),
        (("serve", "--workers", "0"), "workers must be between 1 and 64, not 0"),
        (("close-month", "2026-9"), "'2026-9' is not a month written YYYY-MM, e.g. 2026-10"),
        (("close-month", "2026-10", "--as-of", "soon"), "not an ISO 8601 time: 'soon'"),
    ],
)
def test_bad_arguments_get_one_clear_line(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert message in line
    assert line.endswith("--help`)")


def test_a_bad_setting_gets_one_line(data_env: dict[str, str]) -> None:
    result = run("migrate", env={**data_env, "PARTNER_PORTAL_ENV": "staging"})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "partner-portal: configuration error: PARTNER_PORTAL_ENV must be 'development' or "
        "'production', not 'staging'"
    ]


def test_an_unreachable_database_gets_one_line(data_env: dict[str, str]) -> None:
    url = f"postgres://portal:s3cret@127.0.0.1:{free_port()}/portal"
    result = run("migrate", env={**data_env, "PARTNER_PORTAL_DATABASE_URL": url})
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("partner-portal: error: database postgres://portal:***@127.0.0.1:")
    assert "s3cret" not in result.stderr


def test_export_schema_to_an_unwritable_place(tmp_path: Path) -> None:
    result = run("export-schema", "--output", str(tmp_path / "no" / "such" / "dir" / "s.graphql"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(ENGINE != "sqlite", reason="the process test runs on the embedded default")
def test_migrate_seed_and_serve_with_two_workers(data_env: dict[str, str], tmp_path: Path) -> None:
    # given a migrated, seeded database
    assert run("migrate", env=data_env).returncode == 0
    assert run("seed-demo", env=data_env).returncode == 0
    second = run("seed-demo", env=data_env)
    assert second.returncode == 0, second.stderr

    # when the server runs with two worker processes
    port = free_port()
    server = subprocess.Popen(
        [*COMMAND, "serve", "--port", str(port), "--workers", "2"],
        env={**os.environ, **data_env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            assert server.poll() is None, server.stdout.read() if server.stdout else ""
            time.sleep(0.2)

        # then a demo user signs in, and every request (whichever process answers it) knows
        # the session and answers with the catalog
        with httpx.Client(base_url=base, headers={"Origin": base}) as browser:
            login = browser.post("/graphql", json={"query": LOGIN})
            assert login.json()["data"]["login"]["userErrors"] == [], login.text
            for _ in range(6):
                response = browser.post("/graphql", json={"query": "{ products { code } }"})
                assert response.json()["data"]["products"][0]["code"] == "smartermail"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    assert output.count("Started server process") == 2, output
    assert "Traceback" not in output
    assert f"Links in emails point to http://127.0.0.1:{port}" in output


def test_migrate_reports_what_it_applied(data_env: dict[str, str]) -> None:
    first = run("migrate", env=data_env)
    again = run("migrate", env=data_env)
    assert first.returncode == 0
    assert "Applied models.0001_initial" in first.stdout
    assert "Applied" not in again.stdout
    assert "is up to date" in again.stdout


def test_serve_refuses_a_database_without_its_migrations(data_env: dict[str, str]) -> None:
    result = run("serve", "--port", str(free_port()), env=data_env)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    migrations = sorted(p.stem for p in (ROOT / "backend" / "migrations").glob("0*.py"))
    listed = ", ".join(f"models.{name}" for name in migrations)
    assert line.endswith(
        f"lacks {len(migrations)} migration(s) ({listed}): run `partner-portal migrate` first"
    )


def test_serve_refuses_a_damaged_signing_key_in_one_line(data_env: dict[str, str]) -> None:
    # given a migrated database and a license signing key file that is not a key
    assert run("migrate", env=data_env).returncode == 0
    key_file = Path(data_env["PARTNER_PORTAL_DATA_DIR"]) / "license_signing_key.pem"
    key_file.write_text("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")

    # when
    result = run("serve", "--port", str(free_port()), env=data_env)

    # then
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "license signing key file" in line and "is damaged" in line
    assert "not a key" in key_file.read_text()  # never replaced


def test_concurrent_processes_seed_one_catalog(database_url: str, data_env: dict[str, str]) -> None:
    # given a migrated database and six processes seeding it at the same moment
    env = {**os.environ, **data_env, "PARTNER_PORTAL_DATABASE_URL": database_url}
    processes = [
        subprocess.Popen(
            [*COMMAND, "seed-demo"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]

    # then every one succeeds (SQLite writers wait for the lock instead of failing)
    errors = [p.communicate(timeout=60)[1] for p in processes]
    assert [p.returncode for p in processes] == [0] * 6, errors

    counts = subprocess.run(
        [sys.executable, "-c", COUNT_ROWS, database_url],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    # and the catalog exists once, and the demo customer got one license
    assert counts.stdout.split() == ["3", "23", "2", "1"]


COUNT_ROWS = """
import asyncio, sys
from tortoise import Tortoise
from backend.db import tortoise_config
from backend.accounts.models import Reseller
from backend.catalog.models import ListPrice, Product
from backend.licensing.models import License

async def main():
    await Tortoise.init(config=tortoise_config(sys.argv[1]))
    print(await Product.all().count(), await ListPrice.all().count(), await Reseller.all().count())
    print(await License.filter(customer__email="customer@example.com").count())
    await Tortoise.close_connections()

asyncio.run(main())
"""


def test_create_admin_prints_a_link_that_lets_the_admin_in(data_env: dict[str, str]) -> None:
    # given
    assert run("migrate", env=data_env).returncode == 0

    # when
    created = run("create-admin", "Boss@Vendor.example", "--name", "Boss", env=data_env)
    again = run("create-admin", "boss@vendor.example", env=data_env)
    refused = run("create-admin", "not an address", env=data_env)

    # then
    assert created.returncode == 0, created.stderr
    assert "Created vendor admin boss@vendor.example." in created.stdout
    assert "Found vendor admin boss@vendor.example." in again.stdout
    first_link = created.stdout.strip().splitlines()[-1]
    second_link = again.stdout.strip().splitlines()[-1]
    assert first_link.startswith("http://127.0.0.1:8000/set-password?token=")
    assert first_link != second_link
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "partner-portal: error: 'not an address' is not a valid email address."
    )
    # and the newest link works, the older one no longer does
    script = f"""
import asyncio, sys
from tortoise import Tortoise
from backend.db import tortoise_config
from backend.errors import DomainError
from backend.identity.set_password import set_password
from backend.settings import load_settings

async def main():
    await Tortoise.init(config=tortoise_config(load_settings().database_url))
    results = []
    for token in ({first_link.split("=", 1)[1]!r}, {second_link.split("=", 1)[1]!r}):
        try:
            await set_password(token=token, password="a good long password", ip_address="")
            results.append("ok")
        except DomainError:
            results.append("refused")
    await Tortoise.close_connections()
    print(",".join(results))

asyncio.run(main())
"""
    used = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **data_env},
        check=False,
    )
    assert used.stdout.strip() == "refused,ok", used.stderr


async def test_two_processes_closing_a_month_at_once_make_one_set_of_summaries(
    db: str, data_env: dict[str, str]
) -> None:
    # given forty resellers with invoices waiting from September
    from backend.billing.models import Invoice, InvoiceKind
    from backend.billing.periods import Period
    from tests.billing.invoicing import make_pending_invoices
    from tests.identity.factories import make_reseller

    resellers = [await make_reseller() for _ in range(40)]
    invoices = await make_pending_invoices(resellers, 5, start=Period(2026, 9).start)
    env = {**os.environ, **data_env, "PARTNER_PORTAL_DATABASE_URL": db}
    command = [*COMMAND, "close-month", "2026-09", "--as-of", "2026-10-01T00:30:00Z"]

    # when two processes close September at the same moment
    processes = [
        await asyncio.create_subprocess_exec(
            *command, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        for _ in range(2)
    ]
    results = await asyncio.wait_for(asyncio.gather(*(p.communicate() for p in processes)), 120)
    outputs = [(out.decode(), err.decode()) for out, err in results]

    # then both succeed, and together they made exactly one summary per reseller
    assert [p.returncode for p in processes] == [0, 0], outputs
    summaries = await Invoice.filter(kind=InvoiceKind.SUMMARY).all()
    assert sorted(s.reseller_id for s in summaries) == sorted(r.id for r in resellers)
    assert sum(s.total_cents for s in summaries) == sum(i.total_cents for i in invoices)
    made = [int(out.split(": ", 1)[1].split()[0]) for out, _ in outputs if out.startswith("Closed")]
    assert sum(made) == 40
    for out, _ in outputs:
        assert "2026-09 in all: 40 summary invoice(s) of 200 invoice(s)" in out

    # and a third run finds nothing to do; a month not over is refused in one line
    again = run("close-month", "2026-09", env={**data_env, "PARTNER_PORTAL_DATABASE_URL": db})
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("2026-09 is closed: nothing new to summarize.")
    early = run(
        "close-month",
        "2026-09",
        "--as-of",
        "2026-09-30T23:00:00",
        env={**data_env, "PARTNER_PORTAL_DATABASE_URL": db},
    )
    assert early.returncode == 1
    assert early.stderr == (
        "partner-portal: error: 2026-09 has not ended yet: it can be closed from 2026-10-01 "
        "00:00 UTC.\n"
    )
