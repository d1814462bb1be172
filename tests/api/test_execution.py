"""``LeanExecutionContext`` answers exactly what graphql-core's regular execution answers.

Each query runs on a small schema twice, once with strawberry's own execution context and once
with the lean one: data and errors (messages, paths, locations) must be equal. The cases are the
short paths' edges: leaves of every kind, nulls where they may and may not be, values a type
refuses, resolvers that raise, awaitables, field extensions and schema middleware.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from enum import Enum
from typing import Any

import pytest
import strawberry
from strawberry import relay
from strawberry.extensions import FieldExtension, ParserCache, SchemaExtension
from strawberry.permission import BasePermission
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from backend.api.execution import (
    NOT_AT_HAND,
    LeanExecutionContext,
    PlainAttribute,
    PlainResolver,
    _plan,
    at_hand,
)
from backend.api.schema import schema as product_schema

CALLS: list[str] = []


@strawberry.enum
class Colour(Enum):
    RED = "red"
    BLUE = "blue"


class Never(BasePermission):
    message = "not for you"

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        CALLS.append("permission")
        return False


class Upper(FieldExtension):
    def resolve(self, next_: Any, source: Any, info: strawberry.Info, **kwargs: Any) -> Any:
        CALLS.append("extension")
        return str(next_(source, info, **kwargs)).upper()


@strawberry.type
class Leaf:
    code: str


@strawberry.type
class Row:
    name: str
    count: int
    ratio: float
    flag: bool
    colour: Colour
    when: datetime
    maybe: str | None
    broken: str  # holds None: the regular path reports it
    huge: int  # beyond GraphQL's Int: refused
    leaf: Leaf
    leaves: list[Leaf]

    @strawberry.field
    def doubled(self) -> int:
        return self.count * 2

    @strawberry.field
    def with_info(self, info: strawberry.Info) -> str:
        return f"{info.field_name}:{info.path.key}:{self.name}"

    @strawberry.field
    def raises(self) -> str:
        raise ValueError(f"no value for {self.name}")

    @strawberry.field
    def raises_nullable(self) -> str | None:
        raise ValueError("nullable refusal")

    @strawberry.field
    def later(self) -> int:
        async def value() -> int:
            await asyncio.sleep(0)
            return self.count + 1

        return value()  # type: ignore[return-value]

    @strawberry.field
    async def awaited(self) -> str:
        return self.name.lower()

    @strawberry.field
    def child(self) -> Leaf:
        return Leaf(code=f"c-{self.name}")

    @strawberry.field
    def argued(self, suffix: str = "!") -> str:
        return self.name + suffix

    @strawberry.field
    @at_hand(lambda root: root.name.upper() if root.count % 2 else NOT_AT_HAND)
    def upper(self) -> str:
        CALLS.append(f"upper:{self.name}")
        return self.name.upper()

    @strawberry.field
    @at_hand(lambda root: root.leaves[0] if root.count else NOT_AT_HAND)
    def first_leaf(self, info: strawberry.Info) -> Leaf:
        CALLS.append(f"first_leaf:{info.path.key}")
        return self.leaves[0]

    @strawberry.field
    @at_hand(lambda root: 1 // 0)
    def shortcut_raises(self) -> int | None:
        return 1

    @strawberry.field(permission_classes=[Never])
    def guarded(self) -> str | None:
        return "secret"

    @strawberry.field(extensions=[Upper()])
    def shouted(self) -> str:
        return self.name


def _rows() -> list[Row]:
    return [
        Row(
            name=f"Row{i}",
            count=i,
            ratio=i / 2,
            flag=i % 2 == 0,
            colour=Colour.RED if i % 2 else Colour.BLUE,
            when=datetime(2026, 1, 1 + i, tzinfo=UTC),
            maybe=None if i % 2 else "here",
            broken=None,  # type: ignore[arg-type]
            huge=2**40 if i == 1 else i,
            leaf=Leaf(code=f"l{i}"),
            leaves=[Leaf(code=f"a{i}"), Leaf(code=f"b{i}")],
        )
        for i in range(3)
    ]


@strawberry.type
class Thing(relay.Node):
    id: relay.NodeID[int]
    name: str


@strawberry.type
class Query:
    @strawberry.field
    def rows(self) -> list[Row]:
        return _rows()

    @strawberry.field
    def things(self) -> list[Thing]:
        return [Thing(id=i, name=f"thing {i}") for i in (1, 22, 333)]

    @strawberry.field
    def row(self) -> Row:
        return _rows()[0]


class Trace(SchemaExtension):
    def resolve(self, _next: Any, root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
        CALLS.append(f"middleware:{info.field_name}")
        return _next(root, info, *args, **kwargs)


def _schema(lean: bool, *extensions: type[SchemaExtension]) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        extensions=list(extensions),
        execution_context_class=LeanExecutionContext
        if lean
        else StrawberryGraphQLCoreExecutionContext,
    )


QUERIES = {
    "leaves": "{ rows { name count ratio flag colour when maybe leaf { code } leaves { code } } }",
    "aliases and fragments": """{ rows { a: name b: name ...F ... on Row { count } } }
        fragment F on Row { colour doubled }""",
    "resolvers": '{ rows { doubled withInfo later awaited child { code } argued(suffix: "?") } }',
    "a non-null field holding null": "{ rows { name broken } }",
    "a value the type refuses": "{ rows { name huge } }",
    "a resolver that raises, non-null": "{ rows { name raises } }",
    "a resolver that raises, nullable": "{ rows { name raisesNullable } }",
    "a field with a permission": "{ rows { name guarded } }",
    "a field with an extension": "{ row { shouted } }",
    "skip and include": "{ rows { name @skip(if: true) count @include(if: true) } }",
    "typename": "{ rows { __typename name } }",
    "resolvers with shortcuts": "{ rows { upper firstLeaf { code } } }",
    "relay ids": "{ things { id name } }",
}


def _result(result: Any) -> dict[str, Any]:
    return {
        "data": result.data,
        "errors": [(e.message, e.path, e.locations) for e in result.errors or []],
    }


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
async def test_the_lean_execution_answers_as_the_regular_one(query: str) -> None:
    regular = await _schema(False).execute(query)
    CALLS.clear()
    lean = await _schema(True).execute(query)
    assert _result(lean) == _result(regular)


async def test_field_permissions_and_extensions_still_run() -> None:
    CALLS.clear()
    result = await _schema(True).execute("{ row { guarded shouted } }")
    assert "permission" in CALLS and "extension" in CALLS
    assert result.data == {"row": {"guarded": None, "shouted": "ROW0"}}
    assert [e.message for e in result.errors or []] == ["not for you"]


async def test_a_schema_middleware_sees_every_field() -> None:
    CALLS.clear()
    result = await _schema(True, Trace).execute("{ row { name count doubled } }")
    assert result.errors is None
    assert {"middleware:name", "middleware:count", "middleware:doubled"} <= set(CALLS)


async def test_a_shortcut_answers_when_it_can_and_the_resolver_runs_when_it_cannot() -> None:
    CALLS.clear()
    result = await _schema(True).execute("{ rows { upper firstLeaf { code } } }")

    assert result.errors is None
    assert result.data == {
        "rows": [{"upper": f"ROW{i}", "firstLeaf": {"code": f"a{i}"}} for i in range(3)]
    }
    # rows 0 and 2 (even count) took the resolver, row 1 the shortcut; row 0 had no leaf at hand
    assert CALLS == ["upper:Row0", "first_leaf:firstLeaf", "upper:Row2"]


async def test_a_shortcut_that_raises_is_an_error_of_its_field() -> None:
    regular_like = {"rows": [{"name": f"Row{i}", "shortcutRaises": None} for i in range(3)]}
    result = await _schema(True).execute("{ rows { name shortcutRaises } }")

    assert result.data == regular_like
    assert [(e.message, e.path) for e in result.errors or []] == [
        ("integer division or modulo by zero", ["rows", i, "shortcutRaises"]) for i in range(3)
    ]


async def test_relay_ids_are_the_ones_relay_gives() -> None:
    result = await _schema(True).execute("{ things { id } }")

    assert result.data == {"things": [{"id": relay.to_base64("Thing", i)} for i in (1, 22, 333)]}


def test_the_product_schema_takes_short_paths_only_where_nothing_guards_the_field() -> None:
    """The licenses page's row fields are short; a field with ``access`` never is."""
    graphql_schema = product_schema._schema
    license_type = graphql_schema.get_type("License")
    query_type = graphql_schema.get_type("Query")
    assert license_type is not None and query_type is not None
    fields = license_type.fields  # type: ignore[union-attr]
    assert isinstance(_plan(fields["key"]), PlainAttribute)
    assert isinstance(_plan(fields["maintenanceExpiresAt"]), PlainAttribute)
    for name in ("product", "addons", "order", "reseller", "maintenanceStatus", "id"):
        assert isinstance(_plan(fields[name]), PlainResolver), name
    assert _plan(query_type.fields["licenses"]) is None  # type: ignore[union-attr]
    assert _plan(query_type.fields["viewer"]) is None  # type: ignore[union-attr]


DIRECTED = """query ($show: Boolean!) {
  rows { name leaf @include(if: $show) { code } leaves { code @skip(if: $show) } ...F }
}
fragment F on Row { count @include(if: $show) }"""


async def test_a_cached_document_answers_each_request_by_its_own_variables() -> None:
    """Selections are kept across requests of a cached document only without directives:
    here the variables decide which fields are asked, request by request."""
    lean = _schema(True, ParserCache)
    for show in (True, False, True, False):
        regular = await _schema(False).execute(DIRECTED, variable_values={"show": show})
        answered = await lean.execute(DIRECTED, variable_values={"show": show})
        assert _result(answered) == _result(regular), show


async def test_a_cached_document_without_directives_is_compiled_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compiled: list[str] = []
    original = LeanExecutionContext._compile

    def counting(self: LeanExecutionContext, parent_type: Any, fields: Any) -> Any:
        compiled.append(parent_type.name)
        return original(self, parent_type, fields)

    monkeypatch.setattr(LeanExecutionContext, "_compile", counting)
    lean = _schema(True, ParserCache)
    query = "{ rows { name colour leaf { code } leaves { code } } }"

    first = await lean.execute(query)
    after_first = len(compiled)
    second = await lean.execute(query)

    assert first.errors is None and second.data == first.data
    assert after_first > 0 and len(compiled) == after_first  # the second made none
