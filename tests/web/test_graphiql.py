"""GraphiQL at ``/graphql``: the SPA build's page for a session, the login page for anybody else,
in development and production alike; queries over GET still reach the API."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from backend.app import create_app
from backend.identity.api_keys import create_api_key
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.settings import Environment, Settings
from backend.web.graphiql import LOGIN
from tests.identity.factories import make_reseller, make_user, sign_in

PAGE = "<!doctype html><title>GraphiQL · Partner Portal</title><div id=graphiql></div>"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(params=[Environment.DEVELOPMENT, Environment.PRODUCTION])
def environment(request: pytest.FixtureRequest) -> Environment:
    env: Environment = request.param
    return env


@pytest.fixture
def built(dist: Path) -> Path:
    """The SPA's build with GraphiQL's page in it."""
    (dist / "graphiql").mkdir()
    (dist / "graphiql" / "index.html").write_text(PAGE)
    return dist


def _app(settings: Settings, dist: Path, environment: Environment) -> Starlette:
    if environment is Environment.PRODUCTION:
        settings = dataclasses.replace(
            settings, env=environment, secret_key="x" * 64, public_url="https://portal.example"
        )
    return create_app(settings, dist=dist, manage_database=False)


@pytest.fixture
async def browser(
    settings: Settings, built: Path, environment: Environment, db: str
) -> AsyncIterator[httpx.AsyncClient]:
    """A browser on the portal (HTTPS in production: its session cookie is ``__Host-``)."""
    app = _app(settings, built, environment)
    base_url = "https://portal.example" if environment is Environment.PRODUCTION else "http://t"
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base_url) as c:
        yield c


def _cookie(environment: Environment) -> str:
    return "__Host-pp_session" if environment is Environment.PRODUCTION else "pp_session"


async def test_a_signed_in_user_gets_graphiql(
    browser: httpx.AsyncClient, environment: Environment
) -> None:
    user = await make_user(Role.RESELLER_PURCHASER, await make_reseller())
    await sign_in(browser, user, cookie=_cookie(environment))

    response = await browser.get("/graphql", headers={"Accept": BROWSER})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.text == PAGE
    assert response.headers["cache-control"] == "no-cache"


async def test_a_customer_with_a_session_gets_it_too(
    browser: httpx.AsyncClient, environment: Environment
) -> None:
    await sign_in(browser, await make_user(Role.CUSTOMER), cookie=_cookie(environment))

    response = await browser.get("/graphql", headers={"Accept": "text/html"})

    assert response.status_code == 200
    assert response.text == PAGE


async def test_an_anonymous_visitor_is_sent_to_sign_in_and_back(
    browser: httpx.AsyncClient,
) -> None:
    response = await browser.get("/graphql", headers={"Accept": BROWSER})

    assert response.status_code == 303
    assert response.headers["location"] == LOGIN == "/login?next=%2Fgraphql"
    assert "GraphiQL" not in response.text


async def test_an_unknown_or_ended_session_is_anonymous(
    browser: httpx.AsyncClient, environment: Environment
) -> None:
    browser.cookies.set(_cookie(environment), "not-a-session")

    response = await browser.get("/graphql", headers={"Accept": BROWSER})

    assert response.status_code == 303
    assert response.headers["location"] == LOGIN


async def test_an_api_key_gets_no_page(browser: httpx.AsyncClient) -> None:
    reseller = await make_reseller()
    owner = await make_user(Role.RESELLER_OWNER, reseller)
    _, secret = await create_api_key(
        actor=actor_for(owner), reseller_id=None, name="tests", role=Role.RESELLER_VIEWER
    )
    for token in (secret, "ppk_unknown_key"):
        response = await browser.get(
            "/graphql", headers={"Accept": BROWSER, "Authorization": f"Bearer {token}"}
        )
        assert response.status_code == 303, token
        assert response.headers["location"] == LOGIN


async def test_graphiql_not_built_is_a_503_that_says_so(
    settings: Settings, tmp_path: Path, environment: Environment, db: str
) -> None:
    app = _app(settings, tmp_path / "missing", environment)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="https://portal.example"
    ) as client:
        owner = await make_user(Role.RESELLER_OWNER, await make_reseller())
        await sign_in(client, owner, cookie=_cookie(environment))
        response = await client.get("/graphql", headers={"Accept": BROWSER})

    assert response.status_code == 503
    assert response.headers["content-type"].startswith("text/html")
    assert "npm run build" in response.text
    assert response.headers["cache-control"] == "no-cache"


async def test_queries_over_get_still_reach_the_api(
    browser: httpx.AsyncClient, environment: Environment
) -> None:
    user = await make_user(Role.RESELLER_PURCHASER, await make_reseller(), email="p@r.example")
    await sign_in(browser, user, cookie=_cookie(environment))

    for accept in (BROWSER, "application/json"):
        response = await browser.get(
            "/graphql", params={"query": "{ viewer { email } }"}, headers={"Accept": accept}
        )
        assert response.status_code == 200, accept
        assert response.headers["content-type"] == "application/json"
        assert response.json()["data"] == {"viewer": {"email": "p@r.example"}}


async def test_a_get_without_a_query_that_is_not_a_browser_goes_to_the_api(
    browser: httpx.AsyncClient,
) -> None:
    response = await browser.get("/graphql", headers={"Accept": "application/json"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_the_spa_does_not_serve_the_page_at_another_path(
    browser: httpx.AsyncClient,
) -> None:
    for path in ("/graphiql/index.html", "/graphiql/", "/graphiql"):
        response = await browser.get(path)
        assert PAGE not in response.text, path
