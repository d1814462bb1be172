"""A named check of the soak and what it compares: the rows it covered, what broke it.

A check that finds nothing to cover fails too (``needs``): a soak whose traffic never made a
summary invoice or an assignment has not shown that they hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import asyncpg

from tests.soak.stats import Ledger, Stats

SHOW = 5
"""Failures shown per check (all are counted)."""


@dataclass
class Check:
    name: str
    rows: int = 0
    failures: list[str] = field(default_factory=list)
    failed: int = 0
    needs: bool = False
    """Fails when it covered no rows."""

    def fail(self, text: str) -> None:
        self.failed += 1
        if len(self.failures) < SHOW:
            self.failures.append(text[:400])

    @property
    def passed(self) -> bool:
        return self.failed == 0 and (self.rows > 0 or not self.needs)

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "rows": self.rows,
            "passed": self.passed,
            "failed": self.failed,
            "failures": self.failures or (["nothing to check"] if not self.passed else []),
        }


@dataclass
class Evidence:
    """What the checks compare the database with."""

    clients: Ledger
    stats: Stats
    received_ids: list[str]
    logs: dict[str, str]
    started_at: datetime
    """When the traffic began (the database's clock)."""


Rows = list[asyncpg.Record]


async def fetch(db: asyncpg.Connection, sql: str, *args: object) -> Rows:
    found: Rows = await db.fetch(sql, *args)
    return found
