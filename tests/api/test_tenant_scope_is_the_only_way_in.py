"""The API layer reads tenant-owned rows only through ``Actor.scope``.

Scoping is one mechanism, not a check each resolver must remember: this test fails when a module
under ``backend/api`` queries a tenant-owned model directly. (The per-request loaders in
``context.py`` load rows by ids that already came out of a scoped query.)
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from tortoise.models import Model

import backend.api
from backend.db import MODEL_MODULES

API = Path(backend.api.__file__).parent
QUERY_METHODS = "filter|all|get|get_or_none|first|exclude|create|update|delete|raw"


def tenant_models() -> set[str]:
    """Models that declare a tenant, and the secrets of identity, which the API never reads."""
    return {
        model.__name__
        for module in map(importlib.import_module, MODEL_MODULES)
        for model in vars(module).values()
        if isinstance(model, type)
        and issubclass(model, Model)
        and getattr(model, "tenant_field", None) is not None
    } | {"Session", "SetPasswordToken", "LoginFailure"}


def test_no_api_module_queries_a_tenant_model_directly() -> None:
    names = "|".join(sorted(tenant_models()))
    direct = re.compile(rf"\b(?:models\.)?(?:{names})\.(?:{QUERY_METHODS})\(")
    offenders = [
        f"{path.relative_to(API)}:{number}: {line.strip()}"
        for path in sorted(API.rglob("*.py"))
        if path.name != "context.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if direct.search(line)
    ]
    assert offenders == [], "read through info.context.actor.scope(Model) instead"


def test_the_check_recognises_a_direct_query() -> None:
    names = "|".join(sorted(tenant_models()))
    direct = re.compile(rf"\b(?:models\.)?(?:{names})\.(?:{QUERY_METHODS})\(")
    assert direct.search("rows = await models.Employee.filter(reseller_id=1)")
    assert direct.search("await ApiKey.get_or_none(id=1)")
    assert not direct.search("await info.context.actor.scope(models.Employee).filter(id=1)")
