"""A leaner execution of the fields whose value is already at hand (issue 8).

graphql-core executes every field of every row the same way: a ``Path``, a ``GraphQLResolveInfo``,
the resolver, an awaitable check, then the completion, which unwraps the non-null type, checks
for a list, a leaf, an abstract type, an object, and recurses. Strawberry adds, for every field
with a resolver, an ``Info``, the argument conversion and the field-extension chain, even when
the field has no argument and no extension. A page of 50 licenses runs about 1,200 fields, so
this per-field cost, not the SQL, was most of the licenses page's time (docs/performance.md).

``LeanExecutionContext`` keeps graphql-core's execution and shortens two kinds of field, chosen
once per field definition from what strawberry declared:

- a **plain attribute** (strawberry's basic field: no resolver, no extension) asked without
  arguments: the attribute is read and completed in place;
- a **plain resolver**: a resolver without arguments and without field extensions (so without
  permission classes either): called directly with the root and an ``Info`` whose
  graphql-core part (path, field nodes, ...) is built only if the resolver reads it, skipping
  strawberry's argument conversion and extension chain.

Their values are completed in place when their type is a scalar, an enum, an object type or a
list of those: a leaf is coerced, an object's fields are executed (these same short paths), a
list's items likewise one by one. Anything else, and anything unusual on the way (a null where
the type forbids it, a value the type refuses, an awaitable, a generator, a ``@defer``), goes
through graphql-core's regular completion, which raises or nulls with the usual located error.
Fields with an extension (``access`` and the like) never take a short path, and nothing does
when a schema extension wraps resolvers (a middleware).
"""

from __future__ import annotations

from binascii import b2a_base64
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, TypeVar

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    InlineFragmentNode,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import AwaitableOrValue, Path, Undefined, gather_with_cancel
from strawberry import relay
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField
from strawberry.types.info import Info

_BACKREF = GraphQLCoreConverter.DEFINITION_BACKREF


@dataclass(frozen=True, slots=True)
class Shape:
    """What a value must be completed as: a leaf (``coerce``), an object (``object_type``) or a
    list of either (``item``)."""

    graphql_type: GraphQLOutputType
    non_null: bool
    coerce: Callable[[Any], Any] | None = None
    object_type: GraphQLObjectType | None = None
    item: Shape | None = None


@dataclass(frozen=True, slots=True)
class PlainAttribute:
    """A basic field: read the attribute (``direct``: with ``getattr``), complete it as
    ``shape``."""

    read: Callable[[Any], Any]
    shape: Shape
    name: str
    direct: bool


@dataclass(frozen=True, slots=True)
class PlainResolver:
    """A resolver without arguments or extensions: how to call it, how to complete its value
    (``shape`` None: always the regular way), and its shortcut (``at_hand``) if it has one."""

    field: StrawberryField
    call: Callable[..., Any]
    pass_self: bool
    root_names: tuple[str, ...]
    info_name: str | None
    shape: Shape | None
    at_hand: Callable[[Any], Any] | None


NOT_AT_HAND = object()
"""What a resolver's shortcut answers when the value is not at hand: the resolver then runs."""

ResolverT = TypeVar("ResolverT", bound=Callable[..., Any])


def at_hand(read: Callable[[Any], Any]) -> Callable[[ResolverT], ResolverT]:
    """Gives a resolver a shortcut: ``read(root)`` answers from the root alone (e.g. from data
    prefetched for a page of rows) or ``NOT_AT_HAND``, without an ``Info`` being built. The
    shortcut must answer exactly what the resolver would; only the execution takes it (a plain
    resolver without arguments or extensions)."""

    def mark(resolver: ResolverT) -> ResolverT:
        resolver.__at_hand__ = read  # type: ignore[attr-defined]
        return resolver

    return mark


Plan = PlainAttribute | PlainResolver | None
Step = tuple[str, FieldDetailsList, Any, Plan, tuple[str, Callable[[Any], Any], bool] | None]
"""A field of a selection: response name, field details, definition, plan, and for a plain
attribute of a leaf type read with ``getattr``: (attribute, coerce, non-null)."""
Op = tuple[str, Callable[[Any], Any], int, Any, bool]
"""A field of a compiled selection (``Program``): response name, how to read it from the
object (an attribute getter or a resolver's shortcut), its kind, what completes it and whether
it is non-null. The kinds and what completes them:

- ``_TEXT``: a String or ID; a ``str`` is its own answer, anything else goes to the coerce;
- ``_ENUM``: a strawberry enum: (its class, names by member value, the coerce);
- ``_LEAF``: any other scalar: the coerce;
- ``_OBJECT``: (the object type, its program, the classes already known to be of the type);
- ``_LIST``: the items' op."""
Program = list[Op]
Answers = dict[tuple[int, int], tuple[Any, dict[str, Any]]]
"""A request's answers of nested objects by (program, object), both by identity: the rows of a
page share their product, edition, tier, reseller, most of their orders (``_answer``)."""
_TEXT, _ENUM, _LEAF, _OBJECT, _LIST = 0, 1, 2, 3, 4
_TEXT_TYPES = frozenset({"String", "ID"})
_plans: dict[int, tuple[GraphQLField, Plan]] = {}
SHARED_SELECTIONS = 4096
"""Selections kept across requests (``_selection``): those of the cached documents."""
_SHARED_SELECTIONS: dict[tuple[int, ...], tuple[tuple[Any, ...], Any]] = {}


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
    shape = _shape(field_def.type)
    if resolver is None:
        if shape is None or not getattr(field_def.resolve, "_is_default", False):
            return None
        name, default = field.python_name, field.default_resolver
        return PlainAttribute(
            read=lambda source: default(source, name),
            shape=shape,
            name=name,
            direct=default is getattr,
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
        shape=shape,
        at_hand=getattr(resolver.wrapped_func, "__at_hand__", None)
        or _relay_id_at_hand(resolver.wrapped_func),
    )


def _relay_id_at_hand(resolver: Any) -> Callable[[Any], Any] | None:
    """The shortcut of relay's ``id`` on a type that keeps relay's own id rules (the id
    attribute, the type's own name): the ``GlobalID``'s serialised text (what the ID scalar
    makes of it) without the resolver's path lookup and the ``GlobalID`` object."""
    function = getattr(resolver, "__func__", None)
    origin = getattr(resolver, "__self__", None)
    if (
        function is None
        or not isinstance(origin, type)
        or not issubclass(origin, relay.Node)
        or function.__qualname__ != "Node._id"
        or function.__module__ != relay.Node.__module__
        or origin.resolve_id.__func__ is not relay.Node.resolve_id.__func__  # type: ignore[attr-defined]
        or origin.resolve_typename.__func__ is not relay.Node.resolve_typename.__func__  # type: ignore[attr-defined]
    ):
        return None
    prefix = origin.__strawberry_definition__.name + ":"  # type: ignore[attr-defined]
    id_attr = origin.resolve_id_attr()

    def read(root: Any) -> Any:
        if type(root) is not origin:
            return NOT_AT_HAND
        text = f"{prefix}{getattr(root, id_attr)}".encode()
        return b2a_base64(text, newline=False).decode()  # relay.to_base64's text

    return read


def _shape(graphql_type: GraphQLOutputType, *, in_list: bool = False) -> Shape | None:
    non_null = isinstance(graphql_type, GraphQLNonNull)
    inner = graphql_type.of_type if isinstance(graphql_type, GraphQLNonNull) else graphql_type
    if isinstance(inner, GraphQLScalarType | GraphQLEnumType):
        coerce = inner.coerce_output_value
        assert coerce is not None  # graphql-core gives every scalar and enum one
        return Shape(graphql_type, non_null, coerce=coerce)
    if isinstance(inner, GraphQLObjectType):
        return Shape(graphql_type, non_null, object_type=inner)
    if isinstance(inner, GraphQLList) and not in_list:
        item = _shape(inner.of_type, in_list=True)
        return Shape(graphql_type, non_null, item=item) if item is not None else None
    return None  # interfaces, unions, lists of lists: the regular completion


_REGULAR = object()
"""A short path's answer when the value needs graphql-core's regular completion."""


class _LazyResolveInfo:
    """Stands for a field's ``GraphQLResolveInfo``: ``context`` at once, anything else (path,
    field nodes, ...) from the real one, built on first use."""

    __slots__ = ("_details", "_executor", "_field_def", "_name", "_parent", "_path", "_real")

    def __init__(  # noqa: PLR0917 - built for every such field: positional for speed
        self,
        executor: LeanExecutionContext,
        field_def: GraphQLField,
        details: FieldDetailsList,
        parent_type: GraphQLObjectType,
        parent_path: Path | None,
        name: str,
    ) -> None:
        self._executor = executor
        self._field_def = field_def
        self._details = details
        self._parent = parent_type
        self._path = parent_path
        self._name = name
        self._real: GraphQLResolveInfo[Any] | None = None

    @property
    def context(self) -> Any:
        return self._executor.context_value

    @property
    def path(self) -> Path:
        """The field's path (relay's ``id`` reads its type name) without the rest."""
        if self._real is not None:
            return self._real.path
        return Path(self._path, self._name, self._parent.name)

    def real(self) -> GraphQLResolveInfo[Any]:
        if self._real is None:
            self._real = self._executor.build_resolve_info(
                self._field_def,
                [d.node for d in self._details],
                self._parent,
                Path(self._path, self._name, self._parent.name),
            )
        return self._real

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real(), name)


class LeanExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context with the short paths described above."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # per request, by identity of graphql-core's memoised objects (kept with them)
        self._lean_steps: dict[int, tuple[Any, list[Step]]] = {}
        self._lean_selections: dict[
            tuple[int, int], tuple[FieldDetailsList, tuple[Any, Program | None] | None]
        ] = {}
        self._lean_answers: Answers = {}

    def execute_fields(  # noqa: PLR0912 - the hot loop: its short paths are inlined on purpose
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: Any,
        position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        manager = self.middleware_manager
        if position_context is not None or (manager is not None and manager.middlewares):
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        try:
            for response_name, details, field_def, plan, leaf in self._steps(
                parent_type, grouped_field_set
            ):
                result: Any = _REGULAR
                if leaf is not None:  # a plain attribute of a leaf type, inlined
                    try:
                        value = getattr(source_value, leaf[0])
                        if value is None:
                            if not leaf[2]:
                                results[response_name] = None
                                continue
                        else:
                            coerced = leaf[1](value)
                            if coerced is not None and coerced is not Undefined:
                                results[response_name] = coerced
                                continue
                    except Exception:  # noqa: S110 - the regular path reports it, located
                        pass
                elif type(plan) is PlainAttribute:
                    result = self._attribute(
                        plan, field_def, parent_type, source_value, details, path, response_name
                    )
                elif type(plan) is PlainResolver:
                    result = self._resolver(
                        plan, field_def, parent_type, source_value, details, path, response_name
                    )
                if result is _REGULAR:
                    result = self.execute_field(
                        parent_type,
                        source_value,
                        details,
                        Path(path, response_name, parent_type.name),
                        position_context,
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

    def _steps(self, parent_type: GraphQLObjectType, grouped_field_set: Any) -> list[Step]:
        """The fields of a selection with their plans, worked out once per request and
        selection (graphql-core keeps one grouped field set per type and field list, so the
        rows of a list share it)."""
        cache = self._lean_steps
        known = cache.get(id(grouped_field_set))
        if known is not None and known[0] is grouped_field_set:
            return known[1]
        fields = parent_type.fields
        steps: list[Step] = []
        for response_name, details in grouped_field_set.items():
            node = details[0].node
            field_def = fields.get(node.name.value)
            plan = _plan(field_def) if field_def is not None and not node.arguments else None
            leaf = None
            if type(plan) is PlainAttribute and plan.shape.coerce is not None and plan.direct:
                leaf = (plan.name, plan.shape.coerce, plan.shape.non_null)
            steps.append((response_name, details, field_def, plan, leaf))
        cache[id(grouped_field_set)] = (grouped_field_set, steps)
        return steps

    def _selection(
        self, object_type: GraphQLObjectType, details: FieldDetailsList
    ) -> tuple[Any, Program | None] | None:
        """The grouped fields of ``details`` on ``object_type`` and their program (``_compile``),
        one lookup per object; None with ``@defer`` (the regular path). A selection without
        directives is the same for every request of the same (cached) document: it is worked
        out once and kept (``_SHARED_SELECTIONS``)."""
        cache = self._lean_selections
        key = (id(object_type), id(details))
        known = cache.get(key)
        if known is not None and known[0] is details:
            return known[1]
        nodes = tuple(d.node for d in details)
        shared_key = (id(object_type), *map(id, nodes))
        shared = _SHARED_SELECTIONS.get(shared_key)
        if shared is not None and shared[0] == (object_type, *nodes):  # identity: same nodes
            selection: tuple[Any, Program | None] | None = shared[1]
        else:
            grouped_field_set, defer_usages, _ = self.collect_subfields(object_type, details)
            selection = None
            if not defer_usages:
                selection = (grouped_field_set, self._compile(object_type, grouped_field_set))
                if self._without_directives(nodes):
                    if len(_SHARED_SELECTIONS) >= SHARED_SELECTIONS:
                        _SHARED_SELECTIONS.clear()
                    _SHARED_SELECTIONS[shared_key] = ((object_type, *nodes), selection)
        cache[key] = (details, selection)
        return selection

    def _without_directives(self, nodes: tuple[FieldNode, ...]) -> bool:
        """Whether nothing below ``nodes`` (fields, fragments, their fields) has a directive:
        then which fields are collected depends on the document alone, not on the variables
        (``@skip``/``@include``) or the request (``@defer``)."""
        pending = [n.selection_set for n in nodes if n.selection_set is not None]
        spread: set[str] = set()
        while pending:
            for selection in pending.pop().selections:
                if selection.directives:
                    return False
                if isinstance(selection, FragmentSpreadNode):
                    name = selection.name.value
                    fragment = self.fragments.get(name)
                    if fragment is None or fragment.variable_signatures:
                        return False
                    if fragment.definition.directives:
                        return False
                    if name not in spread:
                        spread.add(name)
                        pending.append(fragment.definition.selection_set)
                elif (
                    isinstance(selection, FieldNode | InlineFragmentNode)
                    and selection.selection_set is not None
                ):
                    pending.append(selection.selection_set)
        return True

    def _compile(self, parent_type: GraphQLObjectType, grouped_field_set: Any) -> Program | None:
        """The selection as a ``Program`` when every field of it is read from the object alone
        (a plain attribute or a resolver's shortcut, no directive) and completed as a leaf, an
        object of such fields or a list of either; else None. ``_run`` then answers a row of
        the licenses page (its product, edition, add-ons, order, ...) in one loop per object."""
        program: Program = []
        for name, details, _, plan, _ in self._steps(parent_type, grouped_field_set):
            if type(plan) is PlainAttribute:
                read = attrgetter(plan.name) if plan.direct else plan.read
            elif type(plan) is PlainResolver and plan.at_hand is not None:
                read = plan.at_hand
            else:
                return None
            if plan.shape is None or any(d.node.directives for d in details):
                return None
            op = self._op(name, read, plan.shape, details)
            if op is None:
                return None
            program.append(op)
        return program

    def _op(
        self, name: str, read: Callable[[Any], Any], shape: Shape, details: FieldDetailsList
    ) -> Op | None:
        if shape.coerce is not None:
            return (name, read, *_leaf(shape), shape.non_null)
        if shape.object_type is not None:
            selection = self._selection(shape.object_type, details)
            if selection is None or selection[1] is None:
                return None
            known: set[type] = set()
            complete = (shape.object_type, selection[1], known)
            return (name, read, _OBJECT, complete, shape.non_null)
        assert shape.item is not None
        item = self._op(name, read, shape.item, details)
        return None if item is None else (name, read, _LIST, item, shape.non_null)

    def _attribute(  # noqa: PLR0917 - the field's whole situation, kept positional for speed
        self,
        plan: PlainAttribute,
        field_def: Any,
        parent_type: GraphQLObjectType,
        source: Any,
        details: FieldDetailsList,
        path: Path | None,
        name: str,
    ) -> Any:
        """A plain attribute completed in place, or ``_REGULAR`` (nothing done yet)."""
        try:
            value = plan.read(source)
        except Exception:
            return _REGULAR  # the regular path reads it again and reports the error
        shape = plan.shape
        if value is None:
            return _REGULAR if shape.non_null else None
        if shape.coerce is not None:
            return _coerced(shape, value)
        info = _LazyResolveInfo(self, field_def, details, parent_type, path, name)
        return self._guarded(shape, details, info, value)

    def _resolver(  # noqa: PLR0917 - as _attribute
        self,
        plan: PlainResolver,
        field_def: Any,
        parent_type: GraphQLObjectType,
        source: Any,
        details: FieldDetailsList,
        path: Path | None,
        name: str,
    ) -> Any:
        """``execute_field`` for a plain resolver: the same completion and error handling,
        without strawberry's argument conversion and extension chain."""
        return_type = field_def.type
        shape = plan.shape
        info: _LazyResolveInfo | None = None  # built only when something needs it
        try:
            result = NOT_AT_HAND if plan.at_hand is None else plan.at_hand(source)
            if result is NOT_AT_HAND:
                info = _LazyResolveInfo(self, field_def, details, parent_type, path, name)
                kwargs: dict[str, Any] = dict.fromkeys(plan.root_names, source)
                if plan.info_name is not None:
                    kwargs[plan.info_name] = Info(_raw_info=info, _field=plan.field)  # type: ignore[arg-type]
                result = plan.call(source, **kwargs) if plan.pass_self else plan.call(**kwargs)
        except Exception as raw_error:
            info = info or _LazyResolveInfo(self, field_def, details, parent_type, path, name)
            self.handle_field_error(raw_error, return_type, details, info.real().path)
            return None
        if shape is not None and not self.is_awaitable(result):
            if result is None and not shape.non_null:
                return None
            if result is not None and shape.coerce is not None:
                coerced = _coerced(shape, result)
                if coerced is not _REGULAR:
                    return coerced
            elif result is not None:
                info = info or _LazyResolveInfo(self, field_def, details, parent_type, path, name)
                return self._guarded(shape, details, info, result)
        info = info or _LazyResolveInfo(self, field_def, details, parent_type, path, name)
        return self._complete_regularly(return_type, details, info.real(), result)

    def _complete_regularly(
        self,
        return_type: GraphQLOutputType,
        details: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        result: Any,
    ) -> Any:
        """graphql-core's completion of a resolver's result, as ``execute_field`` does it."""
        path = info.path
        try:
            if self.is_awaitable(result):
                return self.complete_awaitable_value(return_type, details, info, path, result, None)
            completed = self.complete_value(return_type, details, info, path, result, None)
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, details, path)
            return None
        if self.is_awaitable(completed):
            return self._settled(completed, return_type, details, path)
        return completed

    def _guarded(
        self, shape: Shape, details: FieldDetailsList, info: _LazyResolveInfo, value: Any
    ) -> Any:
        """An object or list value completed in place, its errors handled as the field's."""
        path = Path(info._path, info._name, info._parent.name)
        try:
            if shape.object_type is not None:
                completed = self._object(shape.object_type, details, path, value)
            else:
                completed = self._list(shape, details, info, path, value)
        except Exception as raw_error:
            self.handle_field_error(raw_error, shape.graphql_type, details, path)
            return None
        if completed is _REGULAR:
            return self._complete_regularly(shape.graphql_type, details, info.real(), value)
        if self.is_awaitable(completed):
            return self._settled(completed, shape.graphql_type, details, path)
        return completed

    def _object(
        self, object_type: GraphQLObjectType, details: FieldDetailsList, path: Path, value: Any
    ) -> Any:
        """An object's fields executed, or ``_REGULAR`` (nothing done yet)."""
        if not _is_type_of(object_type, value):
            return _REGULAR  # refused (or undecided): the regular path says so
        selection = self._selection(object_type, details)
        if selection is None:
            return _REGULAR
        grouped_field_set, program = selection
        if program is not None:
            try:
                done = _run(program, value, self._lean_answers)
            except Exception:  # the regular path runs the fields again and reports it
                done = None
            if done is not None:
                return done
        return self.execute_fields(object_type, value, path, grouped_field_set, None)

    def _list(
        self,
        shape: Shape,
        details: FieldDetailsList,
        info: _LazyResolveInfo,
        path: Path,
        items: Any,
    ) -> Any:
        """A list's items completed one by one, or ``_REGULAR`` (nothing done yet): irregular
        items take graphql-core's item completion, with its item-level error handling."""
        item = shape.item
        if item is None or type(items) not in (list, tuple):
            return _REGULAR  # generators, async iterables, @stream: the regular path
        if any(d.node.directives for d in details):
            return _REGULAR
        completed: list[Any] = []
        append = completed.append
        awaitable_indices: list[int] = []
        is_awaitable = self.is_awaitable
        for index, value in enumerate(items):
            item_path = path.add_key(index, None)
            done = self._item(item, details, item_path, value)
            if done is not _REGULAR:
                append(done)
                if is_awaitable(done):
                    awaitable_indices.append(index)
            elif is_awaitable(value):
                append(
                    self.complete_awaitable_list_item_value(
                        value, item.graphql_type, details, info.real(), item_path, None
                    )
                )
                awaitable_indices.append(index)
            elif self.complete_list_item_value(
                value, completed, item.graphql_type, details, info.real(), item_path, None
            ):
                awaitable_indices.append(index)
        if not awaitable_indices:
            return completed
        return self._gather_items(completed, awaitable_indices)

    def _item(self, item: Shape, details: FieldDetailsList, path: Path, value: Any) -> Any:
        """A list item completed in place (its errors handled as the item's), or
        ``_REGULAR`` (nothing done yet)."""
        if value is None:
            return _REGULAR if item.non_null else None
        if self.is_awaitable(value):
            return _REGULAR
        if item.coerce is not None:
            return _coerced(item, value)
        try:
            done = self._object(item.object_type, details, path, value)  # type: ignore[arg-type]
        except Exception as raw_error:
            self.handle_field_error(raw_error, item.graphql_type, details, path)
            return None
        if done is not _REGULAR and self.is_awaitable(done):
            return self._settled(done, item.graphql_type, details, path)
        return done

    def _settled(
        self, completed: Any, return_type: GraphQLOutputType, details: FieldDetailsList, path: Path
    ) -> Any:
        async def await_completed() -> Any:
            try:
                return await completed
            except Exception as raw_error:
                self.handle_field_error(raw_error, return_type, details, path)
                return None

        return await_completed()

    def _gather_items(self, completed: list[Any], indices: list[int]) -> Any:
        async def get_completed() -> list[Any]:
            awaited = await gather_with_cancel(*(completed[i] for i in indices))
            for index, value in zip(indices, awaited, strict=True):
                completed[index] = value
            return completed

        return get_completed()

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


_TYPE_OF: dict[tuple[int, type], tuple[GraphQLObjectType, bool]] = {}
"""``is_type_of`` verdicts by object type and Python class, for values without a strawberry
cast (the verdict then depends on the class alone)."""


def _is_type_of(object_type: GraphQLObjectType, value: Any) -> bool:
    """``object_type.is_type_of(value)`` (strawberry's ignores its info), remembered per class
    when the value carries no strawberry cast (``strawberry.cast``), which decides per object."""
    is_type_of = object_type.is_type_of
    if is_type_of is None:
        return True
    if getattr(value, "__as_strawberry_type__", None) is not None:
        return is_type_of(value, None) is True  # type: ignore[arg-type]
    key = (id(object_type), type(value))
    known = _TYPE_OF.get(key)
    if known is not None and known[0] is object_type:
        return known[1]
    verdict = is_type_of(value, None) is True  # type: ignore[arg-type]
    _TYPE_OF[key] = (object_type, verdict)
    return verdict


def _leaf(shape: Shape) -> tuple[int, Any]:
    """A leaf's kind and what completes it (see ``Op``)."""
    leaf_type = shape.graphql_type
    if isinstance(leaf_type, GraphQLNonNull):
        leaf_type = leaf_type.of_type
    if isinstance(leaf_type, GraphQLScalarType) and leaf_type.name in _TEXT_TYPES:
        return _TEXT, shape.coerce
    enum_class = getattr(leaf_type, "wrapped_cls", None)
    if isinstance(leaf_type, GraphQLEnumType) and isinstance(enum_class, type):
        names: dict[Any, str] = {}
        for name, value in leaf_type.values.items():  # the first name of a value, as strawberry
            names.setdefault(value.value, name)
        return _ENUM, (enum_class, names, shape.coerce)
    return _LEAF, shape.coerce


def _run(program: Program, value: Any, answers: Answers) -> dict[str, Any] | None:  # noqa: PLR0912
    """An object's compiled selection answered, or None at the first irregular value (a null
    where the type forbids one, a value the type refuses, a shortcut without the value, an
    object of another type): the object then runs the usual way, which reports it. Reading has
    no side effect (attributes, and shortcuts by their contract), so reading again is safe.
    The common cases are inlined: this loop runs for every field of every row of a page."""
    result: dict[str, Any] = {}
    for name, read, kind, complete, non_null in program:
        field = read(value)
        if field is None:
            if non_null:
                return None
            result[name] = None
            continue
        if kind == _TEXT and type(field) is str:
            result[name] = field
            continue
        if field is NOT_AT_HAND:
            return None
        if kind == _ENUM and type(field) is complete[0]:
            name_of = complete[1].get(field.value)
            if name_of is None:
                return None
            result[name] = name_of
            continue
        if kind == _OBJECT:
            object_type, fields, known = complete
            if type(field) not in known:
                if not _is_type_of(object_type, field):
                    return None
                if getattr(field, "__as_strawberry_type__", None) is None:
                    known.add(type(field))  # the verdict is the class's: remembered
            field = _answer(fields, field, answers)
        else:
            field = _completed(kind, complete, field, answers)
        if field is None:
            return None
        result[name] = field
    return result


def _answer(program: Program, value: Any, answers: Answers) -> dict[str, Any] | None:
    """A nested object's answer, made once per request for the same object and selection:
    reading is free of side effects and nothing changes the objects while a request is
    answered, so the same object answers the same (the response shares the dict, which only
    the encoder reads). The key holds the object, so its id cannot be reused meanwhile."""
    key = (id(program), id(value))
    seen = answers.get(key)
    if seen is not None and seen[0] is value:
        return seen[1]
    done = _run(program, value, answers)
    if done is not None:
        answers[key] = (value, done)
    return done


def _completed(kind: int, complete: Any, value: Any, answers: Answers) -> Any:
    """A non-null value completed as its op says (the paths ``_run`` does not inline), or None
    if it is irregular."""
    if value is NOT_AT_HAND:
        return None
    if kind == _LIST:
        return _items(complete, value, answers)
    if kind == _OBJECT:
        object_type, fields, _ = complete
        return _answer(fields, value, answers) if _is_type_of(object_type, value) else None
    coerced = (complete[2] if kind == _ENUM else complete)(value)
    return None if coerced is Undefined else coerced


def _items(item: Op, value: Any, answers: Answers) -> list[Any] | None:
    """A list's items completed as ``item`` says, or None if the list or an item is
    irregular (generators and async iterables take the regular path)."""
    if type(value) not in (list, tuple):
        return None
    _, _, kind, complete, non_null = item
    items: list[Any] = []
    for each in value:
        if each is None:
            if non_null:
                return None
            items.append(None)
            continue
        done = _completed(kind, complete, each, answers)
        if done is None:
            return None
        items.append(done)
    return items


def _coerced(shape: Shape, value: Any) -> Any:
    """A leaf value coerced, or ``_REGULAR`` if the type refuses it."""
    try:
        coerced = shape.coerce(value)  # type: ignore[misc]
    except Exception:
        return _REGULAR
    return _REGULAR if coerced is None or coerced is Undefined else coerced
