"""A leaner execution of the fields whose value is already at hand (issue 8).

graphql-core executes every field of every row the same way: a ``Path``, a ``GraphQLResolveInfo``,
the resolver, an awaitable check, then the completion, which unwraps the non-null type and
coerces the leaf. Strawberry adds, for every field with a resolver, an ``Info``, the argument
conversion and the field-extension chain, even when the field has no argument and no extension.
A page of 50 licenses runs about 1,200 fields, so this per-field cost, not the SQL, was most of
the licenses page's time (docs/performance.md).

``LeanExecutionContext`` keeps graphql-core's execution and shortens two kinds of field, chosen
once per field definition from what strawberry declared:

- a **plain attribute** (strawberry's basic field: no resolver, no extension) of a leaf type
  (scalar or enum) asked without arguments: the attribute is read and coerced in place, without
  a path, an info or the completion's recursion;
- a **plain resolver**: a resolver without arguments and without field extensions (so without
  permission classes either): called directly with the root and the ``Info`` it asks for,
  skipping strawberry's argument conversion and extension chain; the result is completed by
  graphql-core as before.

Anything else, and anything unusual on the short path (a null for a non-null field, a value the
type refuses, an exception), goes through the regular execution, which raises or nulls with the
usual located error. Fields with an extension (``access`` and the like) never take a short path,
and neither does anything when a schema extension wraps resolvers (a middleware).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import AwaitableOrValue, Path, Undefined, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField
from strawberry.types.info import Info

_BACKREF = GraphQLCoreConverter.DEFINITION_BACKREF


@dataclass(frozen=True, slots=True)
class PlainAttribute:
    """A basic field of a leaf type: read the attribute, coerce it."""

    read: Callable[[Any], Any]
    coerce: Callable[[Any], Any]
    non_null: bool


@dataclass(frozen=True, slots=True)
class PlainResolver:
    """A resolver without arguments or extensions: how to call it."""

    field: StrawberryField
    call: Callable[..., Any]
    pass_self: bool
    root_names: tuple[str, ...]
    info_name: str | None


Plan = PlainAttribute | PlainResolver | None
_plans: dict[int, tuple[GraphQLField, Plan]] = {}


def _plan(field_def: GraphQLField) -> Plan:
    """How to run ``field_def`` on the short path, or None; decided once per field."""
    known = _plans.get(id(field_def))
    if known is not None and known[0] is field_def:
        return known[1]
    plan = _decide(field_def)
    _plans[id(field_def)] = (field_def, plan)
    return plan


def _decide(field_def: GraphQLField) -> Plan:
    field = (field_def.extensions or {}).get(_BACKREF)
    if not isinstance(field, StrawberryField) or field.extensions or field_def.args:
        return None
    resolver = field.base_resolver
    if resolver is None:
        if not getattr(field_def.resolve, "_is_default", False):
            return None
        return_type = field_def.type
        non_null = isinstance(return_type, GraphQLNonNull)
        leaf = return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
        if not isinstance(leaf, GraphQLScalarType | GraphQLEnumType):
            return None
        name, default = field.python_name, field.default_resolver
        return PlainAttribute(
            read=lambda source: default(source, name),
            coerce=_coercer(leaf),
            non_null=non_null,
        )
    if resolver.arguments or not callable(resolver.wrapped_func):
        return None
    return PlainResolver(
        field=field,
        call=resolver.wrapped_func,
        pass_self=resolver.self_parameter is not None,
        root_names=tuple(
            p.name for p in (resolver.parent_parameter, resolver.root_parameter) if p is not None
        ),
        info_name=resolver.info_parameter.name if resolver.info_parameter else None,
    )


def _coercer(leaf: GraphQLScalarType | GraphQLEnumType) -> Callable[[Any], Any]:
    coerce = leaf.coerce_output_value
    assert coerce is not None  # graphql-core gives every scalar and enum one
    return coerce


_REGULAR = object()
"""What ``_read`` answers when the value needs the regular path."""


def _read(plan: PlainAttribute, source: Any) -> Any:
    """The attribute's coerced value, or ``_REGULAR`` for a null where it may not be, a value
    the type refuses or an exception: the regular path reports those with their location."""
    try:
        value = plan.read(source)
        if value is None:
            return _REGULAR if plan.non_null else None
        coerced = plan.coerce(value)
    except Exception:
        return _REGULAR
    return _REGULAR if coerced is None or coerced is Undefined else coerced


class LeanExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context with the short paths described above."""

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: Any,
        position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        manager = self.middleware_manager
        if manager is not None and manager.middlewares:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        fields = parent_type.fields
        try:
            for response_name, field_details_list in grouped_field_set.items():
                node = field_details_list[0].node
                field_def = fields.get(node.name.value)
                plan = _plan(field_def) if field_def is not None and not node.arguments else None
                if type(plan) is PlainAttribute:
                    value = _read(plan, source_value)
                    if value is not _REGULAR:
                        results[response_name] = value
                        continue
                field_path = Path(path, response_name, parent_type.name)
                if type(plan) is PlainResolver:
                    result = self._execute_plain(
                        plan,
                        field_def,
                        parent_type,
                        source_value,
                        field_details_list,
                        path=field_path,
                        position_context=position_context,
                    )
                else:
                    result = self.execute_field(
                        parent_type, source_value, field_details_list, field_path, position_context
                    )
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[field] for field in awaitable_fields])
            raise
        if not awaitable_fields:
            return results
        gathered: AwaitableOrValue[dict[str, Any]] = self._gather(results, awaitable_fields)
        return gathered

    def _execute_plain(
        self,
        plan: PlainResolver,
        field_def: GraphQLField,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        *,
        path: Path,
        position_context: Any,
    ) -> Any:
        """``execute_field`` for a plain resolver: the same completion and error handling,
        without strawberry's argument conversion and extension chain."""
        return_type = field_def.type
        info = self.build_resolve_info(
            field_def, [d.node for d in field_details_list], parent_type, path
        )
        kwargs: dict[str, Any] = dict.fromkeys(plan.root_names, source)
        if plan.info_name is not None:
            kwargs[plan.info_name] = Info(_raw_info=info, _field=plan.field)
        try:
            result = plan.call(source, **kwargs) if plan.pass_self else plan.call(**kwargs)
            if self.is_awaitable(result):
                return self.complete_awaitable_value(
                    return_type, field_details_list, info, path, result, position_context
                )
            completed = self.complete_value(
                return_type, field_details_list, info, path, result, position_context
            )
            if self.is_awaitable(completed):

                async def await_completed() -> Any:
                    try:
                        return await completed
                    except Exception as raw_error:
                        self.handle_field_error(raw_error, return_type, field_details_list, path)
                        return None

                return await_completed()
            return completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None

    def _gather(self, results: dict[str, Any], awaitable_fields: list[str]) -> Any:
        """graphql-core's ending of ``execute_fields``: the awaitable fields awaited together
        (so their DataLoader calls batch)."""

        async def get_results() -> dict[str, Any]:
            if len(awaitable_fields) == 1:
                name = awaitable_fields[0]
                results[name] = await results[name]
            else:
                awaited = await gather_with_cancel(*(results[name] for name in awaitable_fields))
                results.update(zip(awaitable_fields, awaited, strict=True))
            return results

        return get_results()
