"""Recording changes in the audit log, always inside the transaction of the change."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tortoise.models import Model

from backend import clock
from backend.audit.models import AuditEvent
from backend.identity.actor import Actor


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """The fields whose value changed, as ``{field: [old, new]}``."""
    return {
        key: [before.get(key), value] for key, value in after.items() if before.get(key) != value
    }


async def record(
    actor: Actor,
    action: str,
    *,
    reseller_id: int | None,
    target: Model | None = None,
    target_label: str = "",
    changes: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Add one event; call it inside the transaction that makes the change."""
    return await AuditEvent.create(
        occurred_at=clock.now(),
        reseller_id=reseller_id,
        actor_user_id=actor.user_id,
        actor_api_key_id=actor.api_key_id,
        actor_label=actor.label,
        action=action,
        target_type=type(target).__name__ if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=target_label,
        changes=_jsonable(changes or {}),
        ip_address=actor.ip_address,
        request_id=actor.request_id,
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
