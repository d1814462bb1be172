"""No log line holds a secret: a password, a session token, an API key, a set-password token.

A real server process (uvicorn with its access log, the product's logging) serves the test's
database while a user signs in, creates an API key and calls the API with it (and with a wrong
one), asks for a password reset and opens the emailed link; everything the server wrote is then
searched for each secret. The access line of the link keeps its path without the query.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator

import httpx
import pytest

from backend.identity.roles import Role
from backend.logs import configure_logging
from backend.notifications.models import OutboxMessage
from backend.settings import Settings
from tests.identity.factories import make_reseller, make_user
from tests.support.servers import ServerProcess

PASSWORD = "a long secret password 7"
NEW_PASSWORD = "another secret password 8"


def test_an_access_line_keeps_the_path_without_the_query() -> None:
    root, outbound = logging.getLogger(), logging.getLogger("httpx")
    handlers, level, outbound_level = root.handlers[:], root.level, outbound.level
    configure_logging(json_lines=True)
    written = io.StringIO()
    root.handlers[0].setStream(written)  # type: ignore[attr-defined]
    try:
        # as uvicorn logs a request for a set-password link
        logging.getLogger("uvicorn.access").info(
            '%s - "%s %s HTTP/%s" %d',
            "127.0.0.1:5000",
            "GET",
            "/set-password?token=s3c",
            "1.1",
            200,
        )
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
        outbound.setLevel(outbound_level)

    assert "s3c" not in written.getvalue()
    assert "/set-password?[redacted]" in written.getvalue()


@pytest.fixture
def server(settings: Settings, db: str) -> Iterator[ServerProcess]:
    with ServerProcess(settings.database_url, settings.data_dir) as running:
        yield running


async def _graphql(client: httpx.AsyncClient, query: str, **variables: str) -> dict[str, object]:
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    data: dict[str, object] = response.json()["data"]
    return data


async def test_no_secret_reaches_the_servers_log(server: ServerProcess) -> None:
    base = server.base_url
    owner = await make_user(Role.RESELLER_OWNER, await make_reseller(), password=PASSWORD)
    async with httpx.AsyncClient(base_url=base, headers={"Origin": base}) as client:
        # signs in with the password: the session cookie is a secret too
        await _graphql(
            client,
            "mutation ($e: String!, $p: String!) { login(input: {email: $e, password: $p}) "
            "{ userErrors { code } } }",
            e=owner.email,
            p=PASSWORD,
        )
        session = next(iter(client.cookies.values()))
        # creates an API key, calls the API with it and with a wrong one
        created: dict = await _graphql(  # type: ignore[type-arg]
            client,
            'mutation { createApiKey(input: {name: "Shop", role: RESELLER_PURCHASER}) { secret } }',
        )
        secret = created["createApiKey"]["secret"]
        for key, status in ((secret, 200), (secret + "x", 401)):
            keyed = await client.post(
                "/graphql",
                json={"query": "{ viewer { email } }"},
                headers={"Authorization": f"Bearer {key}"},
            )
            assert keyed.status_code == status
        # asks for a password reset, opens the link and sets a new password
        await _graphql(
            client,
            "mutation ($e: String!) { requestPasswordReset(input: {email: $e}) "
            "{ userErrors { code } } }",
            e=owner.email,
        )
        [mail] = await OutboxMessage.filter(template="password_reset")
        match = re.search(r"/set-password\?token=([\w-]+)", mail.text_body)
        assert match is not None
        token = match.group(1)
        link = await client.get(f"/set-password?token={token}")
        assert link.status_code in {200, 503}  # the SPA's page (503: the SPA is not built)
        reset: dict = await _graphql(  # type: ignore[type-arg]
            client,
            "mutation ($t: String!, $p: String!) { setPassword(input: {token: $t, password: $p}) "
            "{ userErrors { code } } }",
            t=token,
            p=NEW_PASSWORD,
        )
        assert reset["setPassword"]["userErrors"] == []

    lines = server.stop()
    assert "POST /graphql" in lines and "/set-password?[redacted]" in lines  # it did log
    for name, value in {
        "password": PASSWORD,
        "new password": NEW_PASSWORD,
        "session token": session,
        "API key": secret,
        "set-password token": token,
    }.items():
        assert value not in lines, f"the {name} is in the server's log"
