"""Rewriting a generated operation as clients write theirs: optional arguments left out,
arguments sent as variables.

hypothesis-graphql writes every argument, nullable ones as null or as a value; a client leaves
most optional ones out (``licenses(first: 20)`` with no ``after`` nor ``before``), which takes
the server past its argument checks more often.

schemathesis writes every argument as a literal in the query text. A value that comes as a
variable takes another road through the server (JSON decoding, then each scalar's
``parse_value`` rather than its ``parse_literal``), and JSON can carry what a GraphQL literal
cannot: a lone UTF-16 surrogate such as ``"\\ud800"`` (the GraphQL lexer refuses one in a
string literal, ``json.loads`` accepts its escape).
"""

from __future__ import annotations

import random
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    GraphQLNonNull,
    GraphQLSchema,
    NameNode,
    OperationDefinitionNode,
    TypeInfo,
    TypeInfoVisitor,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    parse_type,
    value_from_ast_untyped,
    visit,
)
from graphql.language import REMOVE
from graphql.pyutils import Undefined

LONE_SURROGATES = ("\ud800", "\udfff", "\udc00")


def as_variables(
    schema: GraphQLSchema, document: DocumentNode
) -> tuple[DocumentNode, dict[str, Any]]:
    """The same operation with each argument's value in a variable of the argument's type."""
    type_info = TypeInfo(schema)
    definitions: list[VariableDefinitionNode] = []
    variables: dict[str, Any] = {}

    class Lift(Visitor):
        def enter_argument(self, node: ArgumentNode, *_: object) -> ArgumentNode | None:
            argument_type = type_info.get_input_type()
            if argument_type is None or isinstance(node.value, VariableNode):
                return None
            name = f"v{len(definitions)}"
            variables[name] = value_from_ast_untyped(node.value)
            definitions.append(
                VariableDefinitionNode(
                    variable=VariableNode(name=NameNode(value=name)),
                    type=parse_type(str(argument_type)),
                    directives=(),
                )
            )
            return ArgumentNode(name=node.name, value=VariableNode(name=NameNode(value=name)))

    lifted = visit(document, TypeInfoVisitor(type_info, Lift()))
    operations = [
        OperationDefinitionNode(
            operation=d.operation,
            name=d.name,
            variable_definitions=(*(d.variable_definitions or ()), *definitions),
            directives=d.directives,
            selection_set=d.selection_set,
        )
        if isinstance(d, OperationDefinitionNode)
        else d
        for d in lifted.definitions
    ]
    return DocumentNode(definitions=tuple(operations)), variables


def without_optional_arguments(
    schema: GraphQLSchema, document: DocumentNode, rng: random.Random, share: float = 0.5
) -> DocumentNode:
    """The same operation without about ``share`` of its optional arguments (nullable, or with a
    default)."""
    type_info = TypeInfo(schema)

    class Drop(Visitor):
        def enter_argument(self, node: ArgumentNode, *_: object) -> object:
            argument = type_info.get_argument()
            if argument is None:
                return None
            has_default = argument.default is not None or argument.default_value is not Undefined
            optional = has_default or not isinstance(argument.type, GraphQLNonNull)
            return REMOVE if optional and rng.random() < share else None

    lifted: DocumentNode = visit(document, TypeInfoVisitor(type_info, Drop()))
    return lifted


def with_lone_surrogates(value: Any, rng: random.Random, share: float = 0.5) -> Any:
    """``value`` with a lone surrogate put into about ``share`` of its strings."""
    if isinstance(value, str):
        if rng.random() >= share:
            return value
        at = rng.randint(0, len(value))
        return value[:at] + rng.choice(LONE_SURROGATES) + value[at:]
    if isinstance(value, list):
        return [with_lone_surrogates(item, rng, share) for item in value]
    if isinstance(value, dict):
        return {key: with_lone_surrogates(item, rng, share) for key, item in value.items()}
    return value
