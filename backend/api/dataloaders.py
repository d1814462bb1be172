"""Generic per-request DataLoaders over Tortoise models: one query per batch of keys."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

ModelT = TypeVar("ModelT", bound=Model)


def rows_by_id(model: type[ModelT]) -> DataLoader[int, ModelT | None]:
    """``<Model>ById``: rows by primary key (callers have already scoped the ids they load)."""

    async def load(keys: Sequence[int]) -> list[ModelT | None]:
        found = {row.pk: row for row in await model.filter(pk__in=list(set(keys)))}
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


def rows_by(model: type[ModelT], field: str, **filters: Any) -> DataLoader[int, list[ModelT]]:
    """``<Model>By<Field>``: the rows whose ``field`` equals each key, in the model's order."""

    async def load(keys: Sequence[int]) -> list[list[ModelT]]:
        groups: dict[int, list[ModelT]] = defaultdict(list)
        for row in await model.filter(**{f"{field}__in": list(set(keys))}, **filters):
            groups[getattr(row, field)].append(row)
        return [groups.get(key, []) for key in keys]

    return DataLoader(load_fn=load)
