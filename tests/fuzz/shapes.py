"""Whether a GraphQL response is one the schema allows for the request that was sent.

``problems(schema, document, variables, body)`` walks ``data`` along the operation's selection:
every selected field is there under its response key (alias or name) and nothing else is; a
non-null field is never null (by the spec a failed non-null field nulls its nearest nullable
parent instead); lists are lists; a scalar has its type's JSON form (``Int`` a 32-bit integer,
``Boolean`` a boolean, ``DateTime`` an ISO date-time, ``Decimal`` a finite decimal string); an
enum value is one of the type's; an object of an interface or union matches one of its possible
types. ``errors``, when present, is a non-empty list of objects with a ``message``, and ``data``
is null or missing only when there are errors. An empty list means the response conforms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from graphql import (
    BooleanValueNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLAbstractType,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionNode,
    SelectionSetNode,
    VariableNode,
    is_abstract_type,
)

MIN_INT, MAX_INT = -(2**31), 2**31 - 1


def problems(
    schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any], body: object
) -> list[str]:
    """What is wrong with ``body`` as the answer to ``document`` (empty: nothing)."""
    if not isinstance(body, dict):
        return [f"the body is not a JSON object: {body!r:.200}"]
    found: list[str] = []
    unknown = set(body) - {"data", "errors", "extensions"}
    if unknown:
        found.append(f"unknown top-level keys {sorted(unknown)}")
    errors = body.get("errors")
    if errors is not None:
        if not isinstance(errors, list) or not errors:
            found.append(f"'errors' is not a non-empty list: {errors!r:.200}")
        else:
            for error in errors:
                if not isinstance(error, dict) or not isinstance(error.get("message"), str):
                    found.append(f"an error without a message: {error!r:.200}")
    data = body.get("data")
    if data is None:
        if not errors:
            found.append("no data and no errors")
        return found
    walker = _Walker(schema, document, variables)
    root = walker.root_type()
    if root is None:
        return [*found, "the document has no operation the schema serves"]
    walker.object(root, [walker.operation.selection_set], data, "data")
    return found + walker.found


class _Walker:
    def __init__(
        self, schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any]
    ) -> None:
        self.schema = schema
        self.variables = variables
        [self.operation] = [
            d for d in document.definitions if isinstance(d, OperationDefinitionNode)
        ]
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.found: list[str] = []

    def root_type(self) -> GraphQLObjectType | None:
        if self.operation.operation is OperationType.MUTATION:
            return self.schema.mutation_type
        if self.operation.operation is OperationType.QUERY:
            return self.schema.query_type
        return None

    def value(
        self, type_: GraphQLOutputType, fields: list[FieldNode], value: Any, path: str
    ) -> None:
        if isinstance(type_, GraphQLNonNull):
            if value is None:
                self.found.append(f"{path}: null for the non-null {type_}")
                return
            type_ = type_.of_type
        if value is None:
            return
        if isinstance(type_, GraphQLList):
            if not isinstance(value, list):
                self.found.append(f"{path}: {value!r:.100} is not a list ({type_})")
                return
            for index, item in enumerate(value):
                self.value(type_.of_type, fields, item, f"{path}[{index}]")
        elif isinstance(type_, GraphQLScalarType):
            if not _scalar_fits(type_.name, value):
                self.found.append(f"{path}: {value!r:.100} is not a {type_.name}")
        elif isinstance(type_, GraphQLEnumType):
            if value not in type_.values:
                self.found.append(f"{path}: {value!r:.100} is not a value of {type_.name}")
        elif isinstance(type_, GraphQLObjectType):
            self.object(type_, [f.selection_set for f in fields if f.selection_set], value, path)
        elif is_abstract_type(type_):
            self.abstract(type_, fields, value, path)
        else:  # pragma: no cover - the schema has no other output types
            self.found.append(f"{path}: unexpected type {type_}")

    def abstract(
        self, type_: GraphQLAbstractType, fields: list[FieldNode], value: Any, path: str
    ) -> None:
        """The value is one of the possible types (a selected ``__typename`` must name it)."""
        if not isinstance(value, dict):
            self.found.append(f"{path}: {value!r:.100} is not an object ({type_.name})")
            return
        selections = [f.selection_set for f in fields if f.selection_set]
        closest: list[str] | None = None
        for candidate in self.schema.get_possible_types(type_):
            mark = len(self.found)
            self.object(candidate, selections, value, path)
            trial = self.found[mark:]
            del self.found[mark:]
            if not trial:
                return
            if closest is None or len(trial) < len(closest):
                closest = trial
        self.found.extend(closest or [f"{path}: {type_.name} has no possible type"])

    def object(
        self,
        type_: GraphQLObjectType,
        selections: Sequence[SelectionSetNode],
        value: Any,
        path: str,
    ) -> None:
        if not isinstance(value, dict):
            self.found.append(f"{path}: {value!r:.100} is not an object ({type_.name})")
            return
        collected = self.collect(type_, selections)
        missing = set(collected) - set(value)
        extra = set(value) - set(collected)
        if missing:
            self.found.append(f"{path}: {type_.name} lacks the selected {sorted(missing)}")
        if extra:
            self.found.append(f"{path}: {type_.name} has unselected {sorted(extra)}")
        for key, nodes in collected.items():
            if key not in value:
                continue
            name = nodes[0].name.value
            if name == "__typename":
                if value[key] != type_.name:
                    self.found.append(f"{path}.{key}: {value[key]!r} is not {type_.name!r}")
                continue
            field = type_.fields.get(name)
            if field is None:
                self.found.append(f"{path}.{key}: {type_.name} has no field {name!r}")
                continue
            self.value(field.type, nodes, value[key], f"{path}.{key}")

    def collect(
        self, type_: GraphQLObjectType, selections: Sequence[SelectionSetNode]
    ) -> dict[str, list[FieldNode]]:
        """Response key -> its field nodes, as graphql's CollectFields does for ``type_``."""
        fields: dict[str, list[FieldNode]] = {}
        visited: set[str] = set()

        def visit(selection_set: SelectionSetNode) -> None:
            for selection in selection_set.selections:
                if not self.included(selection):
                    continue
                if isinstance(selection, FieldNode):
                    key = selection.alias.value if selection.alias else selection.name.value
                    fields.setdefault(key, []).append(selection)
                elif isinstance(selection, InlineFragmentNode):
                    condition = selection.type_condition
                    if condition is None or self.applies(condition.name.value, type_):
                        visit(selection.selection_set)
                elif isinstance(selection, FragmentSpreadNode):
                    name = selection.name.value
                    fragment = self.fragments.get(name)
                    if name in visited or fragment is None:
                        continue
                    visited.add(name)
                    if self.applies(fragment.type_condition.name.value, type_):
                        visit(fragment.selection_set)

        for selection_set in selections:
            visit(selection_set)
        return fields

    def applies(self, condition: str, type_: GraphQLObjectType) -> bool:
        named = self.schema.get_type(condition)
        if named is type_:
            return True
        return is_abstract_type(named) and self.schema.is_sub_type(named, type_)

    def included(self, selection: SelectionNode) -> bool:
        for directive in selection.directives or ():
            if directive.name.value not in ("skip", "include"):
                continue
            [argument] = [a for a in directive.arguments or () if a.name.value == "if"]
            node = argument.value
            if isinstance(node, BooleanValueNode):
                flag = node.value
            elif isinstance(node, VariableNode):
                flag = bool(self.variables.get(node.name.value))
            else:
                continue
            if flag == (directive.name.value == "skip"):
                return False
        return True


def _scalar_fits(name: str, value: object) -> bool:
    if name == "Int":
        return (
            isinstance(value, int) and not isinstance(value, bool) and MIN_INT <= value <= MAX_INT
        )
    if name == "Float":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if name in ("String", "ID"):
        return isinstance(value, str)
    if name == "Boolean":
        return isinstance(value, bool)
    if name == "DateTime":
        if not isinstance(value, str):
            return False
        try:
            datetime.fromisoformat(value)
        except ValueError:
            return False
        return True
    if name == "Decimal":
        if not isinstance(value, str):
            return False
        try:
            return Decimal(value).is_finite()
        except InvalidOperation:
            return False
    return False  # a scalar this checker does not know is a finding in itself
