"""The fuzzer's own parts, on the committed schema: the response-shape check finds what it must
(a check that never fails proves nothing), and the rewrites keep an operation valid."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from graphql import build_schema, parse, print_ast, validate

from tests.fuzz.shapes import problems
from tests.fuzz.variables import (
    LONE_SURROGATES,
    as_variables,
    with_lone_surrogates,
    without_optional_arguments,
)

SCHEMA = build_schema((Path(__file__).resolve().parents[2] / "schema.graphql").read_text())

LICENSE = """
query ($key: String!, $hide: Boolean!) {
  license(key: $key) {
    id
    k: key
    status
    revision
    createdAt
    assignedAt @skip(if: $hide)
    product { ...P }
  }
  node(id: "TGljZW5zZTox") { __typename ... on License { personal } ... on Product { code } }
}
fragment P on Product { code editions { code } }
"""


def _license(**changes: Any) -> dict[str, Any]:
    license = {
        "id": "TGljZW5zZTox",
        "k": "ABCD-EFGH",
        "status": "ASSIGNED",
        "revision": 2,
        "createdAt": "2026-03-01T10:00:00+00:00",
        "product": {"code": "smartermail", "editions": [{"code": "pro"}]},
    }
    return {**license, **changes}


def _check(data: object, *, hide: bool = True, **body: object) -> list[str]:
    node = {"__typename": "License", "personal": False}
    answer = {"data": {"license": data, "node": node} if data != "none" else None, **body}
    return problems(SCHEMA, parse(LICENSE), {"key": "x", "hide": hide}, answer)


def test_a_conforming_answer_passes() -> None:
    assert _check(_license()) == []
    assert _check(None) == []  # a nullable field may be null
    assert _check(_license(assignedAt=None), hide=False) == []


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (_license(status=None), "data.license.status: null for the non-null LicenseStatus!"),
        (_license(status="LOST"), "data.license.status: 'LOST' is not a value of LicenseStatus"),
        (_license(revision="2"), "data.license.revision: '2' is not a Int"),
        (_license(revision=2**31), "data.license.revision: 2147483648 is not a Int"),
        (_license(revision=True), "data.license.revision: True is not a Int"),
        (_license(createdAt="yesterday"), "data.license.createdAt: 'yesterday' is not a DateTime"),
        (_license(k=7), "data.license.k: 7 is not a String"),
        (_license(product=[]), "data.license.product: [] is not an object (Product)"),
        (
            _license(product={"code": "x", "editions": {"code": "pro"}}),
            "data.license.product.editions: {'code': 'pro'} is not a list ([Edition!])",
        ),
        (_license(key="ABCD"), "data.license: License has unselected ['key']"),
        ({"id": "TGljZW5zZTox"}, "data.license: License lacks the selected"),
        (_license(assignedAt=None), "data.license: License has unselected ['assignedAt']"),
    ],
)
def test_an_answer_that_breaks_the_schema_is_found(data: object, found: str) -> None:
    reported = _check(data)

    assert any(problem.startswith(found) for problem in reported), reported


def test_an_object_of_an_interface_must_be_one_of_its_types() -> None:
    answer = {"data": {"license": None, "node": {"__typename": "Invoice", "personal": False}}}

    [problem] = problems(SCHEMA, parse(LICENSE), {"hide": True}, answer)

    assert problem.startswith("data.node:")


def test_the_envelope_is_checked() -> None:
    assert _check("none") == ["no data and no errors"]
    assert _check("none", errors=[{"message": "refused"}]) == []
    assert _check("none", errors=[{"code": 1}]) == ["an error without a message: {'code': 1}"]
    assert _check(_license(), errors=[]) == ["'errors' is not a non-empty list: []"]
    assert _check(_license(), trace=1) == ["unknown top-level keys ['trace']"]
    assert problems(SCHEMA, parse(LICENSE), {}, [1]) == ["the body is not a JSON object: [1]"]


PURCHASE = """
mutation {
  purchase(input: {idempotencyKey: "k1", lines: [{productCode: "smartermail",
    editionCode: "pro", tier: "250", quantity: 2, addonCodes: ["a", "b"]}],
    paymentMethod: INVOICE}) {
    userErrors { code field }
  }
  addNewLicenseToCart(input: {productCode: "x", editionCode: "y", tier: "z"}) {
    userErrors { code }
  }
}
"""


def test_arguments_become_variables_of_their_types_with_the_same_values() -> None:
    document = parse(PURCHASE)
    assert validate(SCHEMA, document) == []

    lifted, variables = as_variables(SCHEMA, document)

    assert validate(SCHEMA, lifted) == []
    assert "$v0: PurchaseInput!" in print_ast(lifted)
    assert variables["v0"]["lines"] == [
        {
            "productCode": "smartermail",
            "editionCode": "pro",
            "tier": "250",
            "quantity": 2,
            "addonCodes": ["a", "b"],
        }
    ]
    assert variables["v0"]["paymentMethod"] == "INVOICE"
    assert variables["v1"] == {"productCode": "x", "editionCode": "y", "tier": "z"}


def test_only_optional_arguments_are_left_out() -> None:
    document = parse(
        '{ licenses(first: 3, after: "a", before: "b", last: 2) { edges { cursor } } '
        'license(key: "k") { id } }'
    )
    required_only = parse('{ licenses { edges { cursor } } license(key: "k") { id } }')

    trimmed = without_optional_arguments(SCHEMA, document, random.Random(1), share=1)
    kept = [without_optional_arguments(SCHEMA, document, random.Random(n)) for n in range(20)]

    assert print_ast(trimmed) == print_ast(required_only)
    assert all('license(key: "k")' in print_ast(some) for some in kept)
    assert len({print_ast(some) for some in kept}) > 2  # some of the optional ones, each time
    assert all(validate(SCHEMA, some) == [] for some in [trimmed, *kept])


def test_lone_surrogates_go_into_strings_only() -> None:
    value = {"a": "text", "b": ["x", 1, None], "c": {"d": "y"}}

    spoiled = with_lone_surrogates(value, random.Random(1), share=1)

    for text in (spoiled["a"], spoiled["b"][0], spoiled["c"]["d"]):
        assert sum(text.count(s) for s in LONE_SURROGATES) == 1
    assert spoiled["b"][1:] == [1, None]
