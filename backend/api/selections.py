"""What a query asks below the current field, worked out once per cached document.

strawberry's ``info.selected_fields`` rebuilds the selection tree as its own objects on every
call; a list's prefetch only needs the names asked at one path (``edges.node`` of a page), and
the same document (the parser cache keeps it) always asks the same.
"""

from __future__ import annotations

from collections.abc import Iterable

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionNode,
)

from backend.api.context import Info

_ASKED: dict[tuple[int, tuple[str, ...]], tuple[FieldNode, frozenset[str]]] = {}
"""``asked_below``'s answers by field node (of a cached document) and path."""


def asked_below(info: Info, path: tuple[str, ...]) -> frozenset[str]:
    """The names of the fields asked at ``path`` below the current field, through fragments
    (directives aside: what might be asked). Worked out once per document: the parsed
    documents are cached, so the same query brings the same field node."""
    raw = info._raw_info
    node = raw.field_nodes[0]
    key = (id(node), path)
    known = _ASKED.get(key)
    if known is not None and known[0] is node:
        return known[1]
    below = [c for n in raw.field_nodes if n.selection_set for c in n.selection_set.selections]
    found = frozenset(_names(below, path, raw.fragments))
    if len(_ASKED) > CACHED_SELECTIONS:
        _ASKED.clear()
    _ASKED[key] = (node, found)
    return found


CACHED_SELECTIONS = 1024


def _names(
    nodes: Iterable[SelectionNode],
    path: tuple[str, ...],
    fragments: dict[str, FragmentDefinitionNode],
) -> set[str]:
    found: set[str] = set()
    for node in nodes:
        found |= _selected(node, path, fragments)
    return found


def _selected(
    node: SelectionNode, path: tuple[str, ...], fragments: dict[str, FragmentDefinitionNode]
) -> set[str]:
    """The names ``node`` selects at ``path`` (relative to the field that holds it)."""
    if isinstance(node, FragmentSpreadNode):
        fragment = fragments.get(node.name.value)
        return _names(fragment.selection_set.selections, path, fragments) if fragment else set()
    if isinstance(node, InlineFragmentNode):
        return _names(node.selection_set.selections, path, fragments)
    if not isinstance(node, FieldNode):
        return set()
    if not path:
        return {node.name.value}
    if node.name.value == path[0] and node.selection_set is not None:
        return _names(node.selection_set.selections, path[1:], fragments)
    return set()
