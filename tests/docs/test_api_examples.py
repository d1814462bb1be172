"""docs/api.md is real: every GraphQL document in it is a valid operation of the schema, every
curl, Python and JavaScript example sends one of those documents, and the curl examples run, in
the guide's order and as written, against the application (only the guide's placeholder license
key and invoice id are replaced by real ones); then each flow's effects are checked in the
database. Further tests hold the guide to what it says of errors, idempotency keys, pagination,
rate limits, PDFs and CSV exports."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLSchema,
    OperationDefinitionNode,
    build_schema,
    parse,
    print_ast,
    validate,
)
from graphql.execution.values import get_variable_values
from starlette.applications import Starlette
from strawberry import relay

from backend.app import create_app
from backend.billing.models import Invoice, InvoiceStatus
from backend.commerce.models import Order
from backend.identity.api_keys import create_api_key
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing.models import License
from backend.notifications.models import OutboxMessage
from backend.settings import Settings, load_settings
from tests.billing.test_payments import invoiced, summarize
from tests.commerce.conftest import Shop, shop  # noqa: F401 - the fixture
from tests.identity.factories import make_user

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
SCHEMA: GraphQLSchema = build_schema((ROOT / "schema.graphql").read_text(encoding="utf-8"))

FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
CURL_BODY = re.compile(r"<<'JSON'\n(.*?)\nJSON$", re.MULTILINE | re.DOTALL)
PYTHON_DOCUMENT = re.compile(r'"""\n((?:query|mutation) .*?)\n"""', re.DOTALL)
JS_DOCUMENT = re.compile(r"`\n((?:query|mutation) .*?)\n`;", re.DOTALL)
KEY_VARIABLE = re.compile(r'Authorization: Bearer \$(\w+)"')

LICENSE_PLACEHOLDER = "Q7XK2M-..."
INVOICE_PLACEHOLDER = "SW52b2ljZTo0Mg=="
FLOWS = (
    "Catalog",
    "Purchase",
    "AssignLicense",
    "LicenseOffers",
    "Invoices",
    "PayInvoice",
    "EmailInvoice",
    "Licenses",
    "LicensesBackward",
)
"""The operations of the main flows: each is shown in curl, Python and JavaScript."""


def blocks(language: str) -> list[str]:
    return [body for lang, body in FENCE.findall(GUIDE) if lang == language]


def normal(document: str) -> str:
    return print_ast(parse(document))


def operation_name(document: str) -> str:
    (operation,) = parse(document).definitions
    assert isinstance(operation, OperationDefinitionNode) and operation.name, document
    return operation.name.value


def documented() -> dict[str, str]:
    """The guide's GraphQL documents by operation name."""
    documents: dict[str, str] = {}
    for block in blocks("graphql"):
        name = operation_name(block)
        assert name not in documents, f"two documents named {name}"
        documents[name] = block.strip()
    return documents


DOCUMENTS = documented()


@dataclass
class Curl:
    key_variable: str | None
    """The environment variable of the API key it sends (None: no key)."""
    body: dict[str, Any]

    @property
    def name(self) -> str:
        return operation_name(self.body["query"])


def curls() -> list[Curl]:
    found = []
    for block in blocks("sh"):
        for body in CURL_BODY.findall(block):
            key = KEY_VARIABLE.search(block)
            found.append(Curl(key.group(1) if key else None, json.loads(body)))
    return found


def test_every_graphql_block_is_one_named_operation_valid_against_the_schema() -> None:
    assert set(FLOWS) <= set(DOCUMENTS)
    for name, document in DOCUMENTS.items():
        errors = validate(SCHEMA, parse(document))
        assert not errors, f"{name}: {errors}"


def test_every_curl_example_sends_a_documented_operation_with_valid_variables() -> None:
    shown = set()
    for curl in curls():
        assert curl.name in DOCUMENTS, curl.name
        assert normal(curl.body["query"]) == normal(DOCUMENTS[curl.name]), curl.name
        (operation,) = parse(curl.body["query"]).definitions
        assert isinstance(operation, OperationDefinitionNode)
        coerced = get_variable_values(
            SCHEMA, operation.variable_definitions or [], curl.body.get("variables") or {}
        )
        assert not isinstance(coerced, list), f"{curl.name}: {coerced}"  # a list: errors
        shown.add(curl.name)
    assert shown == set(DOCUMENTS), set(DOCUMENTS) - shown


@pytest.mark.parametrize(
    ("language", "pattern"), [("python", PYTHON_DOCUMENT), ("js", JS_DOCUMENT)]
)
def test_every_python_and_js_example_repeats_a_documented_operation_exactly(
    language: str, pattern: re.Pattern[str]
) -> None:
    found = [document for block in blocks(language) for document in pattern.findall(block)]
    by_name = {operation_name(document): document for document in found}
    assert len(by_name) == len(found), f"a {language} example defines an operation twice"
    for name, document in by_name.items():
        assert document == DOCUMENTS[name], f"{language} {name} differs from the guide's"
    assert set(by_name) == set(FLOWS), set(FLOWS) ^ set(by_name)


def test_every_python_example_is_valid_python() -> None:
    for block in blocks("python"):
        compile(block, "docs/api.md", "exec")


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_every_link_within_the_guide_finds_its_heading() -> None:
    anchors = {slug(h) for h in re.findall(r"^#+ (.+)$", GUIDE, flags=re.MULTILINE)}
    links = re.findall(r"\]\(#([^)]+)\)", GUIDE)
    assert "webhooks" in links
    assert not set(links) - anchors, sorted(set(links) - anchors)


def test_the_webhooks_section_sends_partners_to_the_webhooks_guide() -> None:
    section = GUIDE.split("\n## Webhooks\n", 1)[1]
    assert "[docs/webhooks.md](webhooks.md)" in section
    assert (ROOT / "docs" / "webhooks.md").is_file()


# --- running the examples -------------------------------------------------------------------


@dataclass
class Partner:
    shop: Shop
    keys: dict[str, str]
    """Environment variable name -> API key secret, as the guide's examples name them."""

    def headers(self, variable: str = "PORTAL_API_KEY") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[variable]}"}


@pytest.fixture
async def partner(shop: Shop) -> Partner:  # noqa: F811
    owner = await make_user(Role.RESELLER_OWNER, shop.reseller)
    keys = {}
    for variable, role in (
        ("PORTAL_API_KEY", Role.RESELLER_PURCHASER),
        ("PORTAL_BILLING_KEY", Role.RESELLER_BILLING),
    ):
        _, keys[variable] = await create_api_key(
            actor=actor_for(owner), reseller_id=None, name=variable, role=role
        )
    return Partner(shop, keys)


async def send(
    client: httpx.AsyncClient,
    name: str,
    variables: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Runs the guide's document ``name``; the body, after checking it ran without errors."""
    response = await client.post(
        "/graphql", json={"query": DOCUMENTS[name], "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    return body


def payload(body: dict[str, Any]) -> Any:
    return next(iter(body["data"].values()))


def replaced(value: Any, placeholders: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {k: replaced(v, placeholders) for k, v in value.items()}
    if isinstance(value, list):
        return [replaced(v, placeholders) for v in value]
    return placeholders.get(value, value) if isinstance(value, str) else value


async def test_the_curl_examples_run_in_order_as_written(
    client: httpx.AsyncClient, partner: Partner
) -> None:
    # given: a license bought for resale (the guide's placeholder key), an open summary invoice
    # (its placeholder id) and the user the login example signs in as
    given = partner.shop
    bought = await send(
        client,
        "Purchase",
        {
            "input": {
                "idempotencyKey": "stock-1",
                "paymentMethod": "INVOICE",
                "lines": [
                    {"productCode": "smartermail", "editionCode": "professional", "tier": "250"}
                ],
            }
        },
        partner.headers(),
    )
    stock_key = payload(bought)["licenses"][0]["key"]
    summary = await summarize([await invoiced(given.actor, "earlier")])
    summary_id = str(relay.GlobalID("Invoice", str(summary.id)))
    await make_user(Role.RESELLER_PURCHASER, given.reseller, email="purchaser@reseller.example")
    placeholders = {LICENSE_PLACEHOLDER: stock_key, INVOICE_PLACEHOLDER: summary_id}
    expiry = (await License.get(key=stock_key)).maintenance_expires_at

    # when: every curl example runs as written, with its key
    answers: dict[str, list[dict[str, Any]]] = {}
    for curl in curls():
        body = replaced(curl.body, placeholders)
        if curl.key_variable is None:  # the session example: a browser on the portal's page
            response = await client.post("/graphql", json=body)
        else:
            response = await client.post(
                "/graphql", json=body, headers=partner.headers(curl.key_variable)
            )
        assert response.status_code == 200, (curl.name, response.text)
        answer = response.json()
        assert "errors" not in answer, (curl.name, answer)
        data = payload(answer)
        if isinstance(data, dict) and "userErrors" in data:
            assert data["userErrors"] == [], (curl.name, data)
        answers.setdefault(curl.name, []).append(data)

    # then: the purchase for a customer is assigned at checkout and the customer was emailed
    first = answers["Purchase"][0]
    assert [(lic["status"], lic["customer"]) for lic in first["licenses"]] == [
        ("ASSIGNED", {"email": "it@customer.example"})
    ]
    assert first["invoice"]["status"] == "PENDING_SUMMARY"
    assert await Order.filter(number=first["order"]["number"]).exists()
    emails = await OutboxMessage.all()
    assert any("it@customer.example" in message.recipients for message in emails)
    # the stock license was assigned, upgraded (revision 2) and renewed by 12 months
    assert answers["AssignLicense"][0]["license"]["status"] == "ASSIGNED"
    assert answers["AssignLicense"][0]["customerCreated"] is False  # bought for it above
    offers = answers["LicenseOffers"][0]
    assert offers["upgradeQuote"]["price"] is not None
    assert offers["maintenanceOffer"]["kind"] == "MAINTENANCE_RENEWAL"
    upgrade, renewal = answers["Purchase"][1:]
    assert upgrade["order"]["lines"][0]["kind"] == "UPGRADE"
    assert renewal["order"]["lines"][0]["kind"] == "MAINTENANCE_RENEWAL"
    stock = await License.get(key=stock_key).prefetch_related("edition", "tier", "customer")
    assert (stock.edition.code, stock.tier.code, stock.revision) == ("enterprise", "1000", 2)
    assert stock.customer is not None and stock.customer.email == "it@customer.example"
    assert stock.maintenance_expires_at.year == expiry.year + 1
    # the summary was listed as unpaid, then paid, then emailed
    listed = answers["Invoices"][0]["edges"]
    assert [edge["node"]["number"] for edge in listed] == [summary.number]
    assert (await Invoice.get(id=summary.id)).status is InvoiceStatus.PAID
    assert answers["EmailInvoice"][0]["sentTo"] == ["accounts@partner.example"]
    emailed = await OutboxMessage.all()
    assert any("accounts@partner.example" in message.recipients for message in emailed)
    # the session example signed in
    assert answers["Login"][0]["viewer"]["email"] == "purchaser@reseller.example"


async def test_a_bad_customer_email_is_a_user_error_naming_the_field_and_buys_nothing(
    client: httpx.AsyncClient, partner: Partner
) -> None:
    # when
    body = await send(
        client,
        "Purchase",
        {
            "input": {
                "idempotencyKey": "bad-email",
                "paymentMethod": "INVOICE",
                "lines": [
                    {
                        "productCode": "smartermail",
                        "editionCode": "professional",
                        "tier": "250",
                        "assignToEmail": "not an email",
                    }
                ],
            }
        },
        partner.headers(),
    )

    # then: as the guide shows it
    errors = payload(body)["userErrors"]
    assert [(e["code"], e["field"]) for e in errors] == [
        ("INVALID", ["input", "lines", "0", "assignToEmail"])
    ]
    assert '"field": ["input", "lines", "0", "assignToEmail"]' in GUIDE
    assert await Order.all().count() == 0


async def test_an_idempotency_key_replays_the_same_request_and_refuses_another(
    client: httpx.AsyncClient, partner: Partner
) -> None:
    line = {"productCode": "smarterstats", "editionCode": "professional", "tier": "50"}
    request = {"idempotencyKey": "order-1", "paymentMethod": "INVOICE", "lines": [line]}

    # when: the same request twice, then another with the same key
    first = payload(await send(client, "Purchase", {"input": request}, partner.headers()))
    again = payload(await send(client, "Purchase", {"input": request}, partner.headers()))
    other = {**request, "lines": [{**line, "quantity": 2}]}
    refused = payload(await send(client, "Purchase", {"input": other}, partner.headers()))

    # then
    assert (first["replayed"], again["replayed"]) == (False, True)
    assert again["order"]["number"] == first["order"]["number"]
    assert again["licenses"] == first["licenses"]
    assert [e["code"] for e in refused["userErrors"]] == ["IDEMPOTENCY_KEY_REUSED"]
    assert await Order.all().count() == 1


async def test_a_request_refused_with_user_errors_does_not_use_up_its_key(
    client: httpx.AsyncClient, partner: Partner
) -> None:
    line = {"productCode": "smarterstats", "editionCode": "professional", "tier": "50"}
    wrong = {
        "idempotencyKey": "order-2",
        "paymentMethod": "INVOICE",
        "lines": [{**line, "assignToEmail": "not an email"}],
    }
    corrected = {**wrong, "lines": [{**line, "assignToEmail": "it@customer.example"}]}

    # when
    refused = payload(await send(client, "Purchase", {"input": wrong}, partner.headers()))
    placed = payload(await send(client, "Purchase", {"input": corrected}, partner.headers()))

    # then
    assert [e["code"] for e in refused["userErrors"]] == ["INVALID"]
    assert (placed["userErrors"], placed["replayed"]) == ([], False)
    assert await Order.all().count() == 1


async def test_pagination_forward_and_backward_as_the_guide_pages(
    client: httpx.AsyncClient, partner: Partner
) -> None:
    # given: five licenses
    line = {"productCode": "smarterstats", "editionCode": "professional", "tier": "50"}
    request = {"idempotencyKey": "five", "paymentMethod": "INVOICE", "lines": [line]}
    request["lines"] = [{**line, "quantity": 5}]
    await send(client, "Purchase", {"input": request}, partner.headers())

    # when: forward by two, as all_licenses() does
    forward: list[str] = []
    after = None
    pages = 0
    while True:
        page = payload(
            await send(
                client,
                "Licenses",
                {"filter": {"status": "UNASSIGNED"}, "first": 2, "after": after},
                partner.headers(),
            )
        )
        forward += [edge["node"]["key"] for edge in page["edges"]]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    # and backward by two from the end
    backward: list[str] = []
    before = None
    while True:
        page = payload(
            await send(client, "LicensesBackward", {"last": 2, "before": before}, partner.headers())
        )
        backward = [edge["node"]["key"] for edge in page["edges"]] + backward
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        before = page["pageInfo"]["startCursor"]

    # then
    assert pages == 3 and len(set(forward)) == 5
    assert backward == forward


async def test_a_page_over_100_is_refused_before_anything_runs(
    client: httpx.AsyncClient, partner: Partner
) -> None:
    response = await client.post(
        "/graphql",
        json={"query": DOCUMENTS["Licenses"], "variables": {"first": 101}},
        headers=partner.headers(),
    )
    codes = [error["extensions"]["code"] for error in response.json()["errors"]]
    assert codes == ["BAD_USER_INPUT"]


async def test_a_purchaser_key_cannot_read_invoices_but_a_billing_key_can(
    client: httpx.AsyncClient, partner: Partner
) -> None:
    response = await client.post(
        "/graphql", json={"query": DOCUMENTS["Invoices"]}, headers=partner.headers()
    )
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["FORBIDDEN"]
    await send(client, "Invoices", {}, partner.headers("PORTAL_BILLING_KEY"))


async def test_the_pdf_and_the_csv_export_answer_the_bearer_key(
    client: httpx.AsyncClient, partner: Partner
) -> None:
    # given: a license bought for a customer
    line = {
        "productCode": "smarterstats",
        "editionCode": "professional",
        "tier": "50",
        "assignToEmail": "ops@customer.example",
    }
    request = {"idempotencyKey": "csv", "paymentMethod": "INVOICE", "lines": [line]}
    await send(client, "Purchase", {"input": request}, partner.headers())
    billing = partner.headers("PORTAL_BILLING_KEY")
    invoices = payload(await send(client, "Invoices", {}, billing))["edges"]

    # when
    pdf = await client.get(invoices[0]["node"]["pdfUrl"], headers=billing)
    export = await client.get("/exports/customers.csv", headers=partner.headers())

    # then
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert export.status_code == 200
    header, row = export.text.splitlines()[:2]
    assert header == "email,name,licenses,products,first_assigned_at,last_assigned_at"
    assert row.startswith("ops@customer.example,")


async def test_a_revoked_or_unknown_key_gets_401(client: httpx.AsyncClient, db: str) -> None:
    response = await client.post(
        "/graphql",
        json={"query": DOCUMENTS["Viewer"]},
        headers={"Authorization": "Bearer pp_not-a-key"},
    )
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


@pytest.fixture
def stingy_settings(settings: Settings) -> Settings:
    """Two points an hour."""
    return load_settings(
        {
            "PARTNER_PORTAL_DATA_DIR": str(settings.data_dir),
            "PARTNER_PORTAL_DATABASE_URL": settings.database_url,
            "PARTNER_PORTAL_ENV": "development",
            "PARTNER_PORTAL_RATE_LIMIT_POINTS": "2",
        }
    )


@pytest.fixture
async def stingy_client(
    stingy_settings: Settings, dist: Path, db: str
) -> AsyncIterator[httpx.AsyncClient]:
    app: Starlette = create_app(stingy_settings, dist=dist, manage_database=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        yield client


async def test_cost_and_rate_limits_are_reported_as_the_guide_says(
    stingy_client: httpx.AsyncClient, partner: Partner
) -> None:
    headers = partner.headers()
    # when: within the budget
    answer = await stingy_client.post(
        "/graphql", json={"query": DOCUMENTS["Catalog"]}, headers=headers
    )
    # then: the cost in the body and the headers
    cost = answer.json()["extensions"]["cost"]
    assert set(cost) == {"points", "possibleNodes", "limit", "remaining", "resetAt"}
    assert (cost["limit"], cost["remaining"]) == (2, 2 - cost["points"])
    for header in ("RateLimit-Policy", "RateLimit", "RateLimit-Limit", "RateLimit-Remaining"):
        assert header in answer.headers, header
    assert answer.headers["RateLimit-Limit"] == "2"

    # when: past the budget
    await stingy_client.post("/graphql", json={"query": DOCUMENTS["Catalog"]}, headers=headers)
    refused = await stingy_client.post(
        "/graphql", json={"query": DOCUMENTS["Catalog"]}, headers=headers
    )

    # then: 429, Retry-After, RATE_LIMITED with resetAt, no data
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    body = refused.json()
    assert "data" not in body or body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert "resetAt" in body["errors"][0]["extensions"]


async def test_an_invalid_document_is_a_graphql_error_and_the_graphql_media_type_makes_it_400(
    client: httpx.AsyncClient, partner: Partner
) -> None:
    # when: a field the schema lacks, as JSON and as application/graphql-response+json
    as_json = await client.post(
        "/graphql", json={"query": "{ viewer { nope } }"}, headers=partner.headers()
    )
    as_graphql = await client.post(
        "/graphql",
        json={"query": "{ viewer { nope } }"},
        headers={**partner.headers(), "Accept": "application/graphql-response+json"},
    )

    # then
    assert as_json.status_code == 200
    (error,) = as_json.json()["errors"]
    assert "code" not in error.get("extensions", {})  # the guide: validation errors have none
    assert as_graphql.status_code == 400
    assert "data" not in as_graphql.json()
    assert as_graphql.headers["content-type"].startswith("application/graphql-response+json")
