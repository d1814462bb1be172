"""Fuzzing the GraphQL API with schemathesis, as a reseller, against the real server.

A uvicorn process (production settings, the rate limit out of the way) serves a database seeded
with a reseller's world: an order with its invoice and payment, licenses bought on invoice, one
assigned and activated, a customer, a cart line, an audit event, an email, and a second reseller
whose objects must stay out of reach. schemathesis loads the schema by introspection (with an API
key) and generates, for every query and then every mutation, ``EXAMPLES`` operations
(hypothesis, derandomized: the same operations on every run), each sent as one of the reseller's
callers: its three API keys (purchaser, billing, viewer: every role a key may have) and its
owner's session, which reaches what keys may not (API keys, people, the account). ``ID``,
``String`` and ``Int`` arguments draw now and then from the seeded world's ids, codes, keys and
emails and from page sizes, and half the operations leave some optional arguments out, so that
generated operations get past "not found" and "`first` must be between 1 and 100".

A third of the operations go as written (arguments as literals), a third with their arguments as
variables, and a third as variables with lone UTF-16 surrogates in some strings (JSON carries
them; a GraphQL literal cannot). Every response must pass:

- no 5xx, and the status of a well-formed request: 200;
- schemathesis's GraphQL checks: ``not_a_server_error`` (an error with a path counts unless it is
  one of the API's refusals: ``FORBIDDEN``, ``BAD_USER_INPUT``, ``THROTTLED``...) and
  ``response_schema_conformance`` (a JSON object, no null in a non-null field);
- no error masked as ``INTERNAL_SERVER_ERROR`` (``backend/api/extensions.py`` turns every
  unexpected exception into one: each is a crash);
- ``data`` is the selection's shape (``tests/fuzz/shapes.py``).

Findings are collected over the whole run and reported together, each with the request to replay.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import graphql
import hypothesis
import pytest
import requests
import schemathesis
from hypothesis import strategies as st
from schemathesis.checks import CheckContext, not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import FailureGroup
from schemathesis.core.transport import Response
from schemathesis.generation.case import Case
from schemathesis.graphql import nodes
from schemathesis.graphql.checks import GraphQLServerError
from schemathesis.schemas import APIOperation
from schemathesis.specs.graphql.scalars import CUSTOM_SCALARS
from schemathesis.specs.openapi.checks import response_schema_conformance

from backend.accounts.models import Employee, Reseller
from backend.billing.models import Invoice
from backend.catalog.models import Addon, Edition, Product, Tier
from backend.commerce.models import Order
from backend.errors import ErrorKind
from backend.identity.api_keys import create_api_key
from backend.identity.roles import Role
from backend.identity.sessions import actor_for, start_session
from backend.licensing.models import Installation, License
from backend.settings import Settings
from tests.api.world import CUSTOMER_A, FINGERPRINT_A, build_world, gid
from tests.fuzz import shapes
from tests.fuzz.variables import as_variables, with_lone_surrogates, without_optional_arguments
from tests.licensing.assigning import MAIL, PERSONAL, STATS, buy
from tests.support.servers import ServerProcess

EXAMPLES = 40
"""Generated operations per query field and per mutation field: the fixed budget."""
MODES = ("literals", "variables", "surrogates")
LAST = ("Mutation.changePassword", "Mutation.logout")
"""Fuzzed last, in this order: the owner's session may not survive them."""
REFUSALS = frozenset({"FORBIDDEN", "UNAUTHENTICATED", "BAD_USER_INPUT", *ErrorKind})
"""``extensions.code`` of the errors the API raises on purpose (``backend/api/errors.py``; a
query refused by a business rule carries its kind, e.g. ``checkLicense``'s ``THROTTLED``)."""
SHOWN_PER_OPERATION = 3
"""Findings kept per operation for the report."""


@dataclass
class Seeded:
    """Reseller A's callers, and the values that steer generation towards its world."""

    keys: dict[str, str]
    """Caller -> the secret of the reseller's API key with that role."""
    owner_session: str
    """The session token of the reseller's owner."""
    ids: list[str]
    strings: list[str]


async def _seed() -> Seeded:
    world = await build_world()
    reseller = world.reseller_a
    reseller.may_pay_by_invoice = True
    await reseller.save(update_fields=["may_pay_by_invoice"])
    owner = actor_for(world.owner_a)
    await buy(owner, MAIL, STATS, PERSONAL)
    keys = {"purchaser key": world.headers["api_key"]["Authorization"].removeprefix("Bearer ")}
    for role in (Role.RESELLER_BILLING, Role.RESELLER_VIEWER):
        _, keys[f"{role.label.lower()} key"] = await create_api_key(
            actor=owner, reseller_id=reseller.id, name=f"Fuzz {role.label}", role=role
        )
    session = await start_session(world.owner_a, ip_address="127.0.0.1", user_agent="fuzz")
    ids = [  # not the API keys' own: the owner would revoke them
        *(id_ for id_ in world.ids_of_a() if id_ != gid("ApiKey", world.api_key_a.id)),
        gid("Reseller", world.reseller_b.id),
        gid("Employee", world.invited_a.id),
        gid("CartLine", world.cart_line_a),
    ]
    for model in (License, Order, Invoice, Installation, Product, Edition, Tier, Addon):
        ids += [gid(model.__name__, pk) for pk in await model.all().values_list("id", flat=True)]
    codes = {
        code
        for model in (Product, Edition, Tier, Addon)
        for code in await model.all().values_list("code", flat=True)
    }
    strings = [
        *sorted(codes),
        *await License.all().values_list("key", flat=True),
        *await Order.all().values_list("number", flat=True),
        *await Invoice.all().values_list("number", flat=True),
        *await Employee.all().values_list("email", flat=True),
        *await Reseller.all().values_list("name", flat=True),
        CUSTOMER_A,
        FINGERPRINT_A,
        "tok_success",  # the sandbox gateway's accepted card token
        "",
        " ",
    ]
    return Seeded(keys, session.token, sorted(set(ids)), strings)


@pytest.fixture
def steered_scalars() -> Iterator[None]:
    """Leaves schemathesis's registry of scalar strategies as the test found it."""
    saved = dict(CUSTOM_SCALARS)
    yield
    CUSTOM_SCALARS.clear()
    CUSTOM_SCALARS.update(saved)


def _steer(seeded: Seeded) -> None:
    """Scalar strategies that mix the seeded world's values into hypothesis's own."""
    text = st.text(max_size=40)
    any_int = st.integers(min_value=-(2**31), max_value=2**31 - 1)
    schemathesis.graphql.scalar(
        "ID",
        st.one_of(st.sampled_from(seeded.ids), text).map(nodes.String) | any_int.map(nodes.Int),
    )
    schemathesis.graphql.scalar(
        "String", st.one_of(st.sampled_from(seeded.strings), text, st.text()).map(nodes.String)
    )
    schemathesis.graphql.scalar("Int", st.one_of(st.integers(1, 100), any_int).map(nodes.Int))
    decimals = st.decimals(allow_nan=False, allow_infinity=False).map(lambda d: format(d, "f"))
    odd = st.sampled_from(["1e999999999", "-0", "NaN", "Infinity", "1_000", " 1", "0x10", ""])
    schemathesis.graphql.scalar("Decimal", st.one_of(decimals, odd, text).map(nodes.String))


@dataclass
class Finding:
    operation: str
    caller: str
    problems: list[str]
    query: str
    variables: dict[str, Any]
    status: int
    body: str

    def report(self) -> str:
        return (
            f"{self.operation} (as the {self.caller}): "
            + "; ".join(self.problems)
            + f"\n  query: {self.query!r}\n  variables: {self.variables!r}"
            + f"\n  -> {self.status} {self.body[:600]}"
        )


@dataclass
class Run:
    """Sends generated operations to the server and checks each answer."""

    url: str
    callers: dict[str, dict[str, str]]
    """Caller -> the headers that authenticate it."""
    schema: graphql.GraphQLSchema
    session: requests.Session = field(default_factory=requests.Session)
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    modes: Counter[str] = field(default_factory=Counter)
    outcomes: Counter[str] = field(default_factory=Counter)
    findings: dict[str, list[Finding]] = field(default_factory=dict)

    def send(self, case: Case[Any], caller: str, mode: str, rng: random.Random) -> None:
        assert isinstance(case.body, str)  # schemathesis writes the operation as its text
        document = graphql.parse(case.body)
        if rng.random() < 0.5:
            document = without_optional_arguments(self.schema, document, rng)
        variables: dict[str, Any] = {}
        if mode != "literals":
            document, variables = as_variables(self.schema, document)
            if mode == "surrogates":
                variables = with_lone_surrogates(variables, rng)
        query = graphql.print_ast(document)
        self.session.cookies.clear()  # a mutation may set one (login): not the caller's
        response = case.call(
            base_url=self.url,
            session=self.session,
            headers=self.callers[caller],
            json={"query": query, "variables": variables},
            timeout=30,
        )
        self.requests += 1
        self.modes[mode] += 1
        self.statuses[response.status_code] += 1
        found = self.check(case, response, document, variables)
        kept = self.findings.setdefault(case.operation.label, [])
        if found and len(kept) < SHOWN_PER_OPERATION:
            body = response.content.decode("utf-8", "replace")
            kept.append(
                Finding(
                    case.operation.label,
                    caller,
                    found,
                    query,
                    variables,
                    response.status_code,
                    body,
                )
            )

    def check(
        self,
        case: Case[Any],
        response: Response,
        document: graphql.DocumentNode,
        variables: dict[str, Any],
    ) -> list[str]:
        found: list[str] = []
        if response.status_code != 200:
            found.append(f"HTTP {response.status_code}")
        try:
            case.validate_response(response, checks=[_no_server_error, response_schema_conformance])
        except FailureGroup as group:
            found.extend(
                f"{failure.title}: {failure.message}"[:300] for failure in group.exceptions
            )
        try:
            body = response.json()
        except ValueError:
            return [*found, "the body is not JSON"]
        for error in (body.get("errors") or ()) if isinstance(body, dict) else ():
            if isinstance(error, dict) and _code(error) == "INTERNAL_SERVER_ERROR":
                found.append(f"a masked crash at {error.get('path')}")
        found.extend(shapes.problems(self.schema, document, variables, body))
        self.outcomes[_outcome(body)] += 1
        return found

    def fuzz(self, operation: APIOperation[Any, Any, Any, Any]) -> None:
        @hypothesis.settings(
            max_examples=EXAMPLES,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[hypothesis.Phase.generate],
            suppress_health_check=list(hypothesis.HealthCheck),
            print_blob=False,
        )
        @hypothesis.given(
            case=operation.as_strategy(),
            caller=st.sampled_from(sorted(self.callers)),
            mode=st.sampled_from(MODES),
            rng=st.randoms(use_true_random=True),  # seeded by hypothesis, once per example
        )
        def one(case: Case[Any], caller: str, mode: str, rng: random.Random) -> None:
            self.send(case, caller, mode, rng)

        one()


def _outcome(body: object) -> str:
    """``served`` (data, no error), ``partly`` (data and errors), ``refused`` (no data)."""
    if not isinstance(body, dict) or body.get("data") is None:
        return "refused"
    return "partly" if body.get("errors") else "served"


def _code(error: dict[str, Any]) -> object:
    extensions = error.get("extensions")
    return extensions.get("code") if isinstance(extensions, dict) else None


def _no_server_error(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """schemathesis's ``not_a_server_error``, except for the API's refusals: a field the key's
    role may not read is null with a ``FORBIDDEN`` error at its path, by design."""
    try:
        return not_a_server_error(ctx, response, case)
    except GraphQLServerError as failure:
        if all(_code(dict(error)) in REFUSALS for error in failure.errors):
            return None
        raise


async def test_the_api_withstands_fuzzing_as_a_resellers_api_keys(
    settings: Settings, db: str, steered_scalars: None, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded = await _seed()
    _steer(seeded)
    env = {"PARTNER_PORTAL_ENV": "production", "PARTNER_PORTAL_RATE_LIMIT_POINTS": "10000000"}
    with ServerProcess(settings.database_url, settings.data_dir, env=env) as server:
        url = f"{server.base_url}/graphql"
        callers = {
            caller: {"Authorization": f"Bearer {secret}"} for caller, secret in seeded.keys.items()
        }
        callers["owner's session"] = {
            "Cookie": f"__Host-pp_session={seeded.owner_session}",
            "Origin": server.base_url,  # as the SPA sends it (CSRF)
        }
        schema = schemathesis.graphql.from_url(
            url, config=SchemathesisConfig(), headers=callers["purchaser key"], timeout=30
        )
        run = Run(url, callers, schema.client_schema)
        operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
        queries = [op for op in operations if op.label.startswith("Query.")]
        mutations = sorted(
            (op for op in operations if op.label.startswith("Mutation.")),
            key=lambda op: LAST.index(op.label) + 1 if op.label in LAST else 0,
        )
        started = time.monotonic()
        for operation in [*queries, *mutations]:  # the reads first, on the seeded world
            run.fuzz(operation)
        elapsed = time.monotonic() - started
        output = server.stop()

    with capsys.disabled():
        print(
            f"\nGraphQL fuzzing: budget {EXAMPLES} examples per operation x ({len(queries)} "
            f"queries + {len(mutations)} mutations) = {run.requests} requests in {elapsed:.0f} s;"
            f" statuses {dict(run.statuses)}; sent as {dict(run.modes)}; {dict(run.outcomes)}"
        )
    assert len(queries) >= 20 and len(mutations) >= 25, "introspection lost operations"
    assert run.outcomes["served"] > run.requests / 4, "most requests never reached a resolver"
    findings = [finding for kept in run.findings.values() for finding in kept]
    assert not findings, (
        f"{sum(1 for kept in run.findings.values() if kept)} operations answered wrongly:\n\n"
        + "\n\n".join(finding.report() for finding in findings)
        + "\n\nthe server's log (its end):\n"
        + output[-4000:]
    )
