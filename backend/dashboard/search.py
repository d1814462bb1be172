"""The header's jump-to search: a license key, a customer's email, an invoice or order number.

One query per kind at most, each through the actor's tenant scope and only for the kinds the
actor may read. Hits are ranked: an exact match (the whole key, email or number) comes first,
then keys that begin with the text, numbers that end with it and emails that contain it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum
from typing import TypeVar

from tortoise.expressions import Case, Q, When

from backend.billing.models import Invoice
from backend.commerce.models import Order
from backend.commerce.numbers import DIGITS, PREFIXES
from backend.identity.actor import Actor
from backend.identity.models import User
from backend.identity.roles import Permission
from backend.licensing.customers import customers
from backend.licensing.email_search import customers_matching, key_range
from backend.licensing.keys import key_prefix
from backend.licensing.models import License

MAX_QUERY = 100
"""Longer text is cut: no key, email or number is that long."""
MAX_HITS = 20
NUMBER = re.compile(r"(?:(?P<kind>[A-Z]{3})[-\s]?)?(?:(?P<year>\d{4})-)?(?P<digits>\d{1,10})")
"""``INV-2026-000123``, ``ord-2026-123``, ``2026-000123``, ``000123`` or ``123``."""
KIND_OF_PREFIX = {prefix: kind for kind, prefix in PREFIXES.items()}
NumberedT = TypeVar("NumberedT", Invoice, Order)


class Rank(IntEnum):
    EXACT = 0
    PARTIAL = 1


def _ranked(exact: Q) -> Case:
    """The rank of a row as SQL, to sort by (text: PostgreSQL types a CASE's parameters so)."""
    return Case(When(exact, then=str(int(Rank.EXACT))), default=str(int(Rank.PARTIAL)))


@dataclass(frozen=True, slots=True)
class Hit:
    """A row that matches, and how well."""

    rank: Rank
    row: License | User | Invoice | Order


@dataclass(frozen=True, slots=True)
class NumberQuery:
    """An invoice or order number as typed: its kind, if given, and the ends it may have."""

    kind: str | None
    """``invoice`` or ``order``; None for both."""
    exact: str
    """The end of a number that is exactly the one typed, e.g. ``-2026-000123``."""
    loose: str
    """The end of a number that merely ends with the digits typed, e.g. ``123``."""

    @classmethod
    def parse(cls, text: str) -> NumberQuery | None:
        match = NUMBER.fullmatch(text.upper())
        if match is None:
            return None
        kind = None
        if match["kind"] is not None:
            kind = KIND_OF_PREFIX.get(match["kind"])
            if kind is None:
                return None
        digits, year = match["digits"], match["year"]
        padded = digits.zfill(DIGITS)
        return cls(
            kind=kind,
            exact=f"-{year}-{padded}" if year else f"-{padded}",
            loose=f"{year}-{digits}" if year else digits,
        )

    def wants(self, kind: str) -> bool:
        return self.kind in (None, kind)


async def search(*, actor: Actor, text: str, first: int) -> list[Hit]:
    """At most ``first`` hits for ``text``, the best first; among equally good hits the kinds
    take turns (a license, an invoice, an order, a customer, ...), so none crowds out the rest."""
    term = text.strip()[:MAX_QUERY]
    if not term or first < 1:
        return []
    first = min(first, MAX_HITS)
    kinds: list[list[Hit]] = []
    if actor.can(Permission.LICENSES_READ):
        kinds.append(await _licenses(actor, term, first))
    number = NumberQuery.parse(term)
    if number is not None and number.wants("invoice") and actor.can(Permission.INVOICES_READ):
        kinds.append(await _numbered(actor, Invoice, number, first, order=("-issued_at", "-id")))
    if number is not None and number.wants("order") and actor.can(Permission.ORDERS_READ):
        kinds.append(await _numbered(actor, Order, number, first, order=("-placed_at", "-id")))
    if actor.can(Permission.CUSTOMERS_READ) and _may_be_email(term):
        kinds.append(await _customers(actor, term, first))
    return _interleave(kinds)[:first]


def _interleave(kinds: list[list[Hit]]) -> list[Hit]:
    """The hits by rank; within a rank, one of each kind in turn (each kind comes ranked)."""
    ordered: list[Hit] = []
    for rank in Rank:
        queues = [[hit for hit in hits if hit.rank is rank] for hits in kinds]
        for turn in range(max(map(len, queues), default=0)):
            ordered += [queue[turn] for queue in queues if turn < len(queue)]
    return ordered


async def _licenses(actor: Actor, term: str, first: int) -> list[Hit]:
    prefix = key_prefix(term)  # any case, with or without dashes
    if prefix is None:
        return []
    low, high = key_range(prefix)  # a range of the (reseller_id, key) index, not a LIKE
    keys = actor.scope(License).filter(key__gte=low)
    if high is not None:
        keys = keys.filter(key__lt=high)
    rows = await keys.order_by("key").limit(first)
    return [Hit(Rank.EXACT if row.key == prefix else Rank.PARTIAL, row) for row in rows]


async def _numbered(
    actor: Actor, model: type[NumberedT], number: NumberQuery, first: int, *, order: tuple[str, ...]
) -> list[Hit]:
    exact = Q(number__endswith=number.exact)
    rows = (
        await actor.scope(model)
        .filter(exact | Q(number__endswith=number.loose))
        .annotate(rank=_ranked(exact))
        .order_by("rank", *order)
        .limit(first)
    )
    return [
        Hit(Rank.EXACT if row.number.endswith(number.exact) else Rank.PARTIAL, row) for row in rows
    ]


def _may_be_email(term: str) -> bool:
    """Part of an email: no spaces (a number or key is looked up as one too)."""
    return not any(c.isspace() for c in term)


async def _customers(actor: Actor, term: str, first: int) -> list[Hit]:
    # the customers whose email contains the text, from the emails' trigram index; when too many
    # do, the account's customers are filtered by email as they are read
    ids = await customers_matching(term)
    if ids == []:
        return []
    exact = Q(email__iexact=term)
    rows = (
        await customers(actor=actor)
        .filter(Q(email__icontains=term) if ids is None else Q(id__in=ids))
        .annotate(rank=_ranked(exact))
        .order_by("rank", "email")
        .limit(first)
    )
    needle = term.lower()
    return [Hit(Rank.EXACT if row.email.lower() == needle else Rank.PARTIAL, row) for row in rows]
