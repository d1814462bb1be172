"""Query cost, worked out before execution (``backend.api.cost``): possible nodes, points, the
page-size range and the node limit, on the SPA's own operations and on partners' queries."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from graphql import OperationDefinitionNode, parse

from backend.api.cost import MAX_NODES, Cost, CostError, query_cost
from backend.api.schema import schema
from tests.bench.http.operations import _documents, operation
from tests.conftest import graphql

NESTED = """
query ($outer: Int!, $inner: Int!) {
  customers(first: $outer) {
    edges { node { email licenses(first: $inner) { edges { node { key } } } } }
  }
}
"""


def cost(query: str, variables: dict[str, Any] | None = None, name: str | None = None) -> Cost:
    return query_cost(schema._schema, parse(query), name, variables)


def spa_operations() -> list[str]:
    return [name for name, text in _documents().items() if not text.startswith("fragment")]


@pytest.mark.parametrize("name", spa_operations())
def test_every_spa_operation_fits_with_the_largest_pages(name: str) -> None:
    # given the operation with every page-size variable at the most a page may hold
    document = parse(operation(name))
    [op] = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    sizes = {
        v.variable.name.value: 100
        for v in op.variable_definitions or ()
        if v.variable.name.value in ("first", "last")
    }

    # when its cost is worked out
    found = query_cost(schema._schema, document, None, sizes)

    # then it is one point, far below the node limit
    assert found.points == 1
    assert found.nodes <= 100 < MAX_NODES // 4


def test_possible_nodes_multiply_down_nested_lists() -> None:
    assert cost(NESTED, {"outer": 100, "inner": 50}) == Cost(nodes=100 + 100 * 50, reads=101)
    assert cost(NESTED, {"outer": 3, "inner": 2}) == Cost(nodes=3 + 3 * 2, reads=4)


def test_a_page_size_left_out_counts_as_the_fields_default() -> None:
    # customers and licenses both default to 50
    assert (
        cost("{ customers { edges { node { licenses { edges { cursor } } } } } }").nodes
        == 50 + 2500
    )


def test_a_variables_default_and_last_over_first_are_what_count() -> None:
    query = "query ($n: Int = 7) { licenses(first: $n) { edges { cursor } } }"
    assert cost(query).nodes == 7
    assert cost(query, {"n": 9}).nodes == 9
    assert cost("{ licenses(first: 90, last: 4) { edges { cursor } } }").nodes == 4


def test_fragments_are_followed_and_every_branch_counts() -> None:
    query = """
    query { ...Lists node(id: "x") { ... on Customer { licenses(first: 3) { edges { cursor } } } } }
    fragment Lists on Query {
      invoices(first: 5) { edges { cursor } }
      orders(first: 6) { edges { cursor } }
    }
    """
    assert cost(query) == Cost(nodes=5 + 6 + 3, reads=3)


def test_points_are_page_reads_over_a_hundred_and_one_per_mutation() -> None:
    assert cost("{ __typename }").points == 1
    assert cost(NESTED, {"outer": 100, "inner": 1}).points == 1  # 101 reads
    query = (
        "mutation { " + " ".join(f"{a}: logout {{ userErrors {{ code }} }}" for a in "abc") + " }"
    )
    assert cost(query).points == 3


@pytest.mark.parametrize("size", [0, -1, 101, 10_000])
def test_a_connection_page_size_out_of_range_is_refused_before_execution(size: int) -> None:
    with pytest.raises(CostError) as refused:
        cost("query ($n: Int!) { licenses(first: $n) { edges { cursor } } }", {"n": size})
    assert refused.value.code == "BAD_USER_INPUT"
    assert str(refused.value) == f"`first` must be between 1 and 100, not {size}."


def test_at_the_node_limit_a_query_passes_and_one_node_more_fails() -> None:
    # two aliased pages of 100 customers with 99 licenses each: 2 * (100 + 9,900) = 20,000
    page = "customers(first: 100) { edges { node { licenses(first: 99) { edges { cursor } } } } }"
    pages = f"{{ a: {page} "
    pages += f"b: {page} "
    assert MAX_NODES == 20_000
    assert cost(pages + "}").nodes == MAX_NODES
    with pytest.raises(CostError) as refused:
        cost(pages + "c: invoices(first: 1) { edges { cursor } } }")
    assert refused.value.code == "MAX_NODE_LIMIT_EXCEEDED"
    assert "20,001 nodes, more than the 20,000" in str(refused.value)


async def test_the_api_refuses_a_too_costly_request_without_running_it(
    signed_in: httpx.AsyncClient,
) -> None:
    response = await signed_in.post(
        "/graphql",
        json={"query": "{ licenses(first: 500) { edges { node { key } } } }"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert body["errors"] == [
        {
            "message": "`first` must be between 1 and 100, not 500.",
            "locations": [{"line": 1, "column": 12}],
            "extensions": {"code": "BAD_USER_INPUT"},
        }
    ]


async def test_each_charged_response_reports_its_cost(signed_in: httpx.AsyncClient) -> None:
    response = await signed_in.post(
        "/graphql", json={"query": "{ licenses(first: 20) { edges { cursor } } }"}
    )
    report = response.json()["extensions"]["cost"]
    assert report["points"] == 1 and report["possibleNodes"] == 20
    assert report["limit"] == 5000 and report["remaining"] == 4999
    body = await graphql(signed_in, "{ licenses(first: 20) { edges { cursor } } }")
    assert "extensions" not in body  # the helper checked it and took it out
