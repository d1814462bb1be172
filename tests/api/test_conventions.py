"""API conventions every domain relies on: pagination, error masking, limits, descriptions."""

from __future__ import annotations

import logging
from decimal import Decimal

import httpx
import pytest
import strawberry
from graphql import GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType
from strawberry import relay
from strawberry.asgi import GraphQL
from strawberry.schema.config import StrawberryConfig

from backend.api.catalog.types import Product
from backend.api.extensions import MAX_ALIASES, MAX_QUERY_DEPTH, MAX_TOKENS, schema_extensions
from backend.api.money import DecimalScalar
from backend.api.pagination import MAX_PAGE_SIZE, paginate
from backend.api.schema import schema
from backend.catalog import models
from backend.logs import RequestIdMiddleware
from tests.catalog.factories import make_product
from tests.conftest import graphql


@strawberry.type
class ProductRow(relay.Node):
    id: relay.NodeID[int]
    code: str


def row(product: models.Product) -> ProductRow:
    return ProductRow(id=product.id, code=product.code)


@strawberry.type
class ProbeQuery:
    @strawberry.field
    async def products_page(
        self, first: int, after: str | None = None
    ) -> relay.Connection[ProductRow]:
        return await paginate(models.Product.all(), first=first, after=after, to_node=row)

    @strawberry.field
    async def products_by_name_desc(
        self, first: int, after: str | None = None
    ) -> relay.Connection[ProductRow]:
        return await paginate(
            models.Product.all(),
            first=first,
            after=after,
            to_node=row,
            order=("-name", "id"),
        )

    @strawberry.field
    def double(self, amount: Decimal) -> Decimal:
        return amount * 2

    @strawberry.field
    def explode(self) -> str:
        raise RuntimeError("secret database password in this message")


@pytest.fixture
def probe() -> httpx.AsyncClient:
    probe_schema = strawberry.Schema(
        query=ProbeQuery,
        extensions=schema_extensions(),
        config=StrawberryConfig(scalar_map={Decimal: DecimalScalar}),
    )
    app = RequestIdMiddleware(GraphQL(probe_schema))
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://probe")


PAGE = """
query Page($first: Int!, $after: String) {
  productsPage(first: $first, after: $after) {
    edges { cursor node { code } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}
"""


@pytest.mark.usefixtures("db")
async def test_a_connection_pages_with_cursors(probe: httpx.AsyncClient) -> None:
    # given
    for i in range(5):
        await make_product(code=f"p{i}", editions=1, tiers=1, addons=0)

    # when
    first = (await graphql(probe, PAGE, {"first": 2}))["data"]["productsPage"]  # type: ignore[index]
    second = (await graphql(probe, PAGE, {"first": 2, "after": first["pageInfo"]["endCursor"]}))[
        "data"
    ]["productsPage"]  # type: ignore[index]
    last = (await graphql(probe, PAGE, {"first": 2, "after": second["pageInfo"]["endCursor"]}))[
        "data"
    ]["productsPage"]  # type: ignore[index]

    # then
    assert [e["node"]["code"] for e in first["edges"]] == ["p0", "p1"]
    assert first["pageInfo"]["hasNextPage"] is True
    assert first["pageInfo"]["hasPreviousPage"] is False
    assert [e["node"]["code"] for e in second["edges"]] == ["p2", "p3"]
    assert [e["node"]["code"] for e in last["edges"]] == ["p4"]
    assert last["pageInfo"]["hasNextPage"] is False


@pytest.mark.usefixtures("db")
async def test_a_connection_pages_on_a_descending_compound_order(
    probe: httpx.AsyncClient,
) -> None:
    for code in ("a", "b", "c"):
        await make_product(code=code, editions=1, tiers=1, addons=0)
    query = PAGE.replace("productsPage", "productsByNameDesc")
    seen: list[str] = []
    after = None
    while True:
        page = (await graphql(probe, query, {"first": 1, "after": after}))["data"][
            "productsByNameDesc"
        ]  # type: ignore[index]
        seen += [e["node"]["code"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    names = [p.code for p in await models.Product.all().order_by("-name", "id")]
    assert seen == names and len(seen) == 3


@pytest.mark.parametrize("first", [0, -1, MAX_PAGE_SIZE + 1])
@pytest.mark.usefixtures("db")
async def test_first_must_be_between_1_and_100(probe: httpx.AsyncClient, first: int) -> None:
    body = await graphql(probe, PAGE, {"first": first})
    assert body["data"] is None
    [error] = body["errors"]  # type: ignore[misc]
    assert error["message"] == f"`first` must be between 1 and 100, not {first}."
    assert error["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.usefixtures("db")
async def test_a_bad_cursor_is_a_clear_error(probe: httpx.AsyncClient) -> None:
    body = await graphql(probe, PAGE, {"first": 1, "after": "bm9wZQ=="})
    assert body["errors"][0]["message"] == "`after` is not a cursor of this list."  # type: ignore[index]


async def test_unexpected_errors_are_masked_with_the_request_id(
    probe: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    # when
    with caplog.at_level(logging.ERROR, logger="backend.api"):
        response = await probe.post(
            "/graphql", json={"query": "{ explode }"}, headers={"X-Request-ID": "req-12345678"}
        )

    # then the client sees the request id, not the message
    [error] = response.json()["errors"]
    assert error["message"] == "Internal server error (request id req-12345678)."
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR", "requestId": "req-12345678"}
    assert "secret" not in response.text
    assert response.headers["x-request-id"] == "req-12345678"
    # and the log has the real error, with the request id
    [record] = [r for r in caplog.records if r.name == "backend.api"]
    assert "secret database password" in record.getMessage()
    assert record.exc_info is not None


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ('{ double(amount: "ten") }', {}),
        ("query($a: Decimal!) { double(amount: $a) }", {"a": "ten"}),
    ],
)
async def test_a_bad_input_value_is_explained_not_masked(
    probe: httpx.AsyncClient, query: str, variables: dict[str, str]
) -> None:
    ok = await graphql(probe, "query($a: Decimal!) { double(amount: $a) }", {"a": "1.25"})
    assert ok == {"data": {"double": "2.50"}}
    body = await graphql(probe, query, variables)
    [error] = body["errors"]  # type: ignore[misc]
    assert "'ten' is not a decimal number" in error["message"]
    assert "Internal server error" not in error["message"]


async def test_an_unusable_request_id_is_replaced(probe: httpx.AsyncClient) -> None:
    response = await probe.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"X-Request-ID": "bad id\n"}
    )
    assert len(response.headers["x-request-id"]) == 32


@pytest.mark.usefixtures("db")
async def test_queries_past_the_depth_limit_are_refused(signed_in: httpx.AsyncClient) -> None:
    client = signed_in
    ok = "{ products { addons { prices { tier { code } } } } }"
    body = await graphql(client, ok)
    assert "errors" not in body
    deep = (
        "{ products { id "
        + "".join("addons { allowedEditions { " for _ in range(MAX_QUERY_DEPTH))
        + "code"
        + " } }" * MAX_QUERY_DEPTH
        + " } }"
    )
    body = await graphql(client, deep)
    assert body["data"] is None
    assert "exceeds maximum operation depth" in body["errors"][0]["message"]  # type: ignore[index]


@pytest.mark.usefixtures("db")
async def test_too_many_aliases_are_refused(client: httpx.AsyncClient) -> None:
    allowed = "{ " + " ".join(f"a{i}: __typename" for i in range(MAX_ALIASES)) + " }"
    refused = "{ " + " ".join(f"a{i}: __typename" for i in range(MAX_ALIASES + 1)) + " }"
    assert "errors" not in await graphql(client, allowed)
    body = await graphql(client, refused)
    assert "aliases found" in body["errors"][0]["message"]  # type: ignore[index]


@pytest.mark.usefixtures("db")
async def test_too_many_tokens_are_refused(client: httpx.AsyncClient) -> None:
    huge = "{ " + " ".join("__typename" for _ in range(6000)) + " }"
    body = await graphql(client, huge)
    assert body["data"] is None
    assert f"more than {MAX_TOKENS} tokens" in body["errors"][0]["message"]  # type: ignore[index]


def test_every_type_and_field_has_a_description() -> None:
    missing = []
    for name, gql_type in schema._schema.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Boolean", "ID", "Float"}:
            continue
        if not gql_type.description:
            missing.append(name)
        if isinstance(gql_type, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            missing += [
                f"{name}.{field}" for field, f in gql_type.fields.items() if not f.description
            ]
    assert missing == []


def test_catalog_types_are_plain_attributes() -> None:
    """List fields of catalog types resolve from the snapshot, without a coroutine per item."""
    fields = [f for f in Product.__strawberry_definition__.fields if f.name != "_id"]
    assert {f.name for f in fields} >= {"editions", "tiers", "addons", "prices"}
    for field in fields:
        assert field.base_resolver is None, field.name
