"""Text in a request is text every database stores: no U+0000, no lone UTF-16 surrogate.

PostgreSQL refuses U+0000 (NUL) in a text value, even in a comparison, and a lone surrogate
(U+D800 to U+DFFF on its own, which JSON can carry as ``"\\ud800"``) is not Unicode at all: no
driver encodes it, no JSON encoder writes it back, and graphql-core quotes an invalid enum value
in its error as it came. Either, in any argument, would fail deep in a resolver or while writing
the answer. ``TextInputs`` refuses the request before it runs instead, naming the variable (and
the path inside it) or the string literal at fault.

A literal can hold NUL only through an escape (``"\\u0000"``): the GraphQL lexer refuses the raw
character and every lone surrogate. So the document is walked only when its text has an escape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLError,
    Node,
    OperationDefinitionNode,
    StringValueNode,
    VariableDefinitionNode,
    Visitor,
    visit,
)
from graphql.language import BREAK
from strawberry.extensions import SchemaExtension

_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def _fault(value: str) -> str | None:
    """What makes ``value`` unstorable, or None."""
    match = _NOT_TEXT.search(value)
    if match is None:
        return None
    code = ord(match.group())
    if code == 0:
        return "the NUL character (U+0000), which text may not contain"
    return f"a lone UTF-16 surrogate (U+{code:04X}), which is not valid Unicode"


def variable_problem(name: str, value: Any) -> str | None:
    """Why the variable ``name`` with ``value`` is refused, or None."""
    pending: list[tuple[str, Any]] = [("", value)]
    while pending:
        path, item = pending.pop()
        if isinstance(item, str):
            fault = _fault(item)
            if fault is not None:
                return f"Variable '${name}' holds {fault}" + (f" at {path}." if path else ".")
        elif isinstance(item, dict):
            for key, inner in item.items():
                fault = _fault(key) if isinstance(key, str) else None
                if fault is not None:
                    return f"Variable '${name}' has a field name that holds {fault}."
                pending.append((f"{path}.{key}", inner))
        elif isinstance(item, list):
            pending.extend((f"{path}[{index}]", inner) for index, inner in enumerate(item))
    return None


def literal_problem(document: DocumentNode) -> GraphQLError | None:
    """The first string literal of ``document`` that holds NUL, as an error, or None."""
    found: list[GraphQLError] = []

    class Strings(Visitor):
        def enter_string_value(self, node: StringValueNode, *_: object) -> object:
            fault = _fault(node.value)
            if fault is None:
                return None
            found.append(_refusal(f"A string in the query holds {fault}.", node))
            return BREAK

    visit(document, Strings())
    return found[0] if found else None


def _refusal(message: str, node: Node | None = None) -> GraphQLError:
    return GraphQLError(message, nodes=node, extensions={"code": "BAD_USER_INPUT"})


def _definition(document: DocumentNode, name: str) -> VariableDefinitionNode | None:
    return next(
        (
            definition
            for operation in document.definitions
            if isinstance(operation, OperationDefinitionNode)
            for definition in operation.variable_definitions or ()
            if definition.variable.name.value == name
        ),
        None,
    )


class TextInputs(SchemaExtension):
    """Refuses a valid request whose variables or string literals hold text no database stores
    (see the module's docstring); runs after validation, whose errors come first."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if context.pre_execution_errors or document is None:
            yield
            return
        for name, value in (context.variables or {}).items():
            problem = variable_problem(name, value)
            if problem is not None:
                context.pre_execution_errors = [_refusal(problem, _definition(document, name))]
                break
        else:
            if "\\u" in (context.query or ""):
                error = literal_problem(document)
                if error is not None:
                    context.pre_execution_errors = [error]
        yield
