"""What a request may cost, worked out before it runs, as GitHub's GraphQL API does it.

Every list a client can page through takes ``first`` (or ``last``), a number from 1 to 100 on
connections; the field's default stands for it when the client leaves it out. From the
operation and its variables, before anything executes:

- **possible nodes**: for each such list, its page size times the page sizes of the lists it
  sits in (``customers(first: 100) { licenses(first: 50) }`` can return 100 + 100 * 50 nodes).
  Above ``MAX_NODES`` the request is refused whole.
- **points**: the page reads the request may make (each list once per node of the lists it sits
  in), divided by 100 and rounded, at least 1; a document with several mutations costs at least
  one point for each. Points are what the rate limit counts (``backend.api.rate_limit``).

Fragments are followed; every branch of a fragment on a union or interface counts, so the figures
are an upper bound. Introspection fields are not lists of data and cost nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    Node,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    get_named_type,
    value_from_ast,
)
from graphql.execution.values import get_variable_values

from backend.api.pagination import MAX_PAGE_SIZE

MAX_NODES = 20_000
"""Possible nodes a request may ask for. The SPA's operations ask for at most 100
(``tests/api/test_cost.py`` reads them all); a full page of customers with a full page of
licenses each is 10,100."""
PAGE_ARGUMENTS = ("first", "last")


class CostError(Exception):
    """A request refused before execution for what it would cost; ``code`` for the client."""

    def __init__(self, message: str, code: str, node: Node | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.node = node
        """Where in the query: the argument at fault."""


@dataclass(frozen=True, slots=True)
class Cost:
    nodes: int
    """Possible nodes: the most the request's lists can return together."""
    reads: int
    """Page reads: each list once per possible node of the lists around it."""
    mutations: int = 0

    @property
    def points(self) -> int:
        return max(1, round(self.reads / 100), self.mutations)


def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name is not None and o.name.value == name), None)


def _page_size(
    parent: GraphQLNamedType, field: GraphQLField, node: FieldNode, variables: dict[str, Any]
) -> int | None:
    """The page size a list field is asked for (``last`` over ``first``, the default when not
    given); None for a field that is no list of pages, or a value coercion will refuse."""
    if not any(name in field.args for name in PAGE_ARGUMENTS):
        return None
    given = {
        argument.name.value: argument
        for argument in node.arguments or ()
        if argument.name.value in PAGE_ARGUMENTS and argument.name.value in field.args
    }
    size: Any = None
    for argument in ("last", "first"):
        if argument in given:
            size = value_from_ast(given[argument].value, field.args[argument].type, variables)
        elif argument in field.args:
            size = field.args[argument].default_value
        if isinstance(size, int) and not isinstance(size, bool):
            break
    else:
        return None
    connection = get_named_type(field.type).name.endswith("Connection")
    if connection and not 1 <= size <= MAX_PAGE_SIZE:
        raise CostError(
            f"`{argument}` must be between 1 and {MAX_PAGE_SIZE}, not {size}.",
            "BAD_USER_INPUT",
            given.get(argument, node),
        )
    return max(size, 0)


class _Walk:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: dict[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables
        self.nodes = 0
        self.reads = 0

    def selections(
        self,
        selection_set: SelectionSetNode,
        parent: GraphQLNamedType,
        around: int,
        seen: frozenset[str],
    ) -> None:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                self.field(selection, parent, around, seen)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                if inner is not None:
                    self.selections(selection.selection_set, inner, around, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:
                    continue  # validation reports unknown and cyclic fragments
                inner = self.schema.get_type(fragment.type_condition.name.value)
                if inner is not None:
                    self.selections(fragment.selection_set, inner, around, seen | {name})

    def field(
        self, node: FieldNode, parent: GraphQLNamedType, around: int, seen: frozenset[str]
    ) -> None:
        if node.name.value.startswith("__") or not isinstance(
            parent, GraphQLObjectType | GraphQLInterfaceType
        ):
            return
        field = parent.fields.get(node.name.value)
        if field is None:
            return
        size = _page_size(parent, field, node, self.variables)
        if size is not None:
            self.reads += around
            self.nodes += around * size
            around *= size
        if node.selection_set is not None:
            self.selections(node.selection_set, get_named_type(field.type), around, seen)


def query_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: dict[str, Any] | None,
) -> Cost:
    """The cost of the operation ``operation_name`` of a valid ``document``; ``CostError`` for a
    page size out of range or more than ``MAX_NODES`` possible nodes."""
    operation = _operation(document, operation_name)
    if operation is None:
        return Cost(nodes=0, reads=0)  # execution reports the missing operation
    root = schema.get_root_type(operation.operation)
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    coerced = get_variable_values(schema, operation.variable_definitions or (), variables or {})
    if isinstance(coerced, list):
        return Cost(nodes=0, reads=0)  # execution reports the variables' errors
    walk = _Walk(schema, fragments, coerced.coerced)
    if root is not None:
        walk.selections(operation.selection_set, root, 1, frozenset())
    mutations = 0
    if operation.operation is OperationType.MUTATION:
        mutations = sum(isinstance(s, FieldNode) for s in operation.selection_set.selections)
    cost = Cost(nodes=walk.nodes, reads=walk.reads, mutations=mutations)
    if cost.nodes > MAX_NODES:
        raise CostError(
            f"This query could return {cost.nodes:,} nodes, more than the {MAX_NODES:,} a request "
            "may: ask for smaller pages (`first`), or fewer nested lists, and page through them.",
            "MAX_NODE_LIMIT_EXCEEDED",
        )
    return cost
