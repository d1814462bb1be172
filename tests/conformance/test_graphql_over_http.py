"""GraphQL over HTTP conformance: the audit suite of graphql-http (``auditServer``) against the
real server, a uvicorn process with production settings serving the test's migrated database.

Every audit passes for a caller with an API key. An anonymous caller passes them all but the
ones that look a type up with ``__type``: introspection is for signed-in callers, and those
audits get the refusal (a 401 when the client accepts ``application/graphql-response+json``).

Needs Node and ``node_modules/graphql-http`` (``make install-dev``): skipped without them
locally, failed under CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from backend.api.extensions import INTROSPECTION_REFUSED
from backend.identity.api_keys import create_api_key
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.settings import Settings
from tests.identity.factories import make_reseller, make_user
from tests.support.servers import ROOT, ServerProcess

AUDIT = Path(__file__).with_name("audit.mjs")
INTROSPECTING_AUDITS = {"28B9", "2EA1", "D6D5", "6A70"}
"""The audits whose queries select ``__type``: refused to anonymous callers."""
FEWEST_AUDITS = 50
"""graphql-http 1.23 has 61 audits; far fewer would mean the suite did not run as meant."""
LINE = re.compile(r"^(ok|notice|warn|error) +(\S+) +(MUST|SHOULD|MAY) ", re.MULTILINE)


def _node() -> str:
    node = shutil.which("node")
    missing = (
        "node is not on PATH"
        if node is None
        else "node_modules/graphql-http is missing: run make install-dev"
        if not (ROOT / "node_modules" / "graphql-http" / "package.json").is_file()
        else None
    )
    if missing is not None:
        if os.environ.get("CI"):
            pytest.fail(f"the conformance audit cannot run: {missing}")
        pytest.skip(missing)
    assert node is not None
    return node


def _audit(url: str, api_key: str | None = None) -> tuple[int, str, dict[str, str]]:
    """Runs the audit script: its exit status, its output and each audit's status by id."""
    env = {k: v for k, v in os.environ.items() if k != "PARTNER_PORTAL_AUDIT_API_KEY"}
    if api_key is not None:
        env["PARTNER_PORTAL_AUDIT_API_KEY"] = api_key
    run = subprocess.run(
        [_node(), str(AUDIT), url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = run.stdout + run.stderr
    statuses = {audit_id: status for status, audit_id, _ in LINE.findall(run.stdout)}
    return run.returncode, output, statuses


@pytest.fixture
def server(settings: Settings, db: str) -> Iterator[ServerProcess]:
    _node()  # skips (or fails under CI) before starting anything
    with ServerProcess(
        settings.database_url, settings.data_dir, env={"PARTNER_PORTAL_ENV": "production"}
    ) as running:
        yield running


async def test_every_audit_passes_for_a_caller_with_an_api_key(server: ServerProcess) -> None:
    # given a partner's API key
    owner = await make_user(Role.RESELLER_OWNER, await make_reseller())
    _, secret = await create_api_key(
        actor=actor_for(owner), reseller_id=None, name="Audit", role=Role.RESELLER_PURCHASER
    )

    # when the audit suite runs against the server with it
    status, output, audits = _audit(f"{server.base_url}/graphql", api_key=secret)

    # then every audit is ok, and the script says so
    assert len(audits) >= FEWEST_AUDITS, output
    assert [i for i, s in audits.items() if s != "ok"] == [], output
    assert status == 0, output
    assert f"{len(audits)} audits: {len(audits)} ok, 0 not ok (with an API key)" in output


def test_an_anonymous_caller_fails_only_the_introspecting_audits(server: ServerProcess) -> None:
    # when the audit suite runs against the server without a key
    status, output, audits = _audit(f"{server.base_url}/graphql")

    # then only the audits that introspect fail, refused as introspection, and the run fails
    assert len(audits) >= FEWEST_AUDITS, output
    assert {i for i, s in audits.items() if s != "ok"} == INTROSPECTING_AUDITS, output
    assert INTROSPECTION_REFUSED in output
    assert status == 1, output
