"""The licensing invariants: one license per seat bought, keys unique; no license assigned
twice, each assignment the one the clients were told of; upgrades and renewals of a license
form one chain, none lost."""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from datetime import datetime
from typing import Any

import asyncpg

from tests.soak.checks import Check, Evidence, fetch


async def licenses(db: asyncpg.Connection, _: Evidence) -> Check:
    check = Check("licenses: keys unique, one per seat bought", needs=True)
    total, distinct = await db.fetchrow(
        "SELECT count(*), count(DISTINCT key) FROM licensing_license"
    )
    check.rows = total
    if total != distinct:
        check.fail(f"{total} licenses but {distinct} distinct keys")
    for row in await fetch(
        db,
        """SELECT o.number, l.position, l.quantity, count(lic.id) AS n
           FROM commerce_order_line l JOIN commerce_order o ON o.id = l.order_id
           LEFT JOIN licensing_license lic ON lic.order_line_id = l.id
           WHERE l.kind = 'NEW_LICENSE' GROUP BY o.number, l.id, l.position, l.quantity
           HAVING count(lic.id) <> l.quantity
              OR count(*) FILTER (WHERE lic.order_id <> l.order_id) > 0""",
    ):
        check.fail(f"order {row['number']} line {row['position']}: {row['n']} of {row['quantity']}")
    return check


async def assignments(db: asyncpg.Connection, evidence: Evidence) -> Check:
    """No license assigned twice: one audit entry per assignment, the customer the one success
    the clients saw (or the checkout line's address), and no assignment nobody was told of."""
    check = Check("no license assigned twice; assignments as told", needs=True)
    rows = await fetch(
        db,
        """SELECT lic.key, lic.id, lic.assigned_at, u.email, ol.assign_to_email,
                  (SELECT count(*) FROM audit_event a WHERE a.action = 'license.assigned'
                     AND a.target_type = 'License' AND a.target_id = lic.id::text) AS audited
           FROM licensing_license lic
           JOIN identity_user u ON u.id = lic.customer_id
           JOIN commerce_order_line ol ON ol.id = lic.order_line_id""",
    )
    check.rows = len(rows)
    told = evidence.clients.assigned
    for key, emails in told.items():
        if len(emails) > 1:
            check.fail(f"{key} was assigned {len(emails)} times: {emails}")
    seen = set()
    for row in rows:
        key = row["key"]
        seen.add(key)
        if row["assign_to_email"] is not None:
            if row["email"] != row["assign_to_email"] or key in told:
                check.fail(f"{key} bought for {row['assign_to_email']} is {row['email']}'s")
            continue
        if row["audited"] != 1:
            check.fail(f"{key} has {row['audited']} assignment audit entries")
        if key in told:
            if [row["email"]] != [e.lower() for e in told[key]]:
                check.fail(f"{key} is {row['email']}'s; the clients were told {told[key]}")
        elif row["assigned_at"] >= evidence.started_at:
            check.fail(f"{key} was assigned to {row['email']} but no client was told")
    for key in sorted(set(told) - seen):
        check.fail(f"{key} was answered assigned but has no customer")
    return check


def _state(snapshot: dict[str, Any]) -> tuple[Any, ...]:
    expires = datetime.fromisoformat(snapshot["maintenance_expires_at"])
    return (
        snapshot["edition"],
        snapshot["tier"],
        tuple(sorted(snapshot["addons"])),
        snapshot["revision"],
        expires,
    )


async def license_changes(db: asyncpg.Connection, _: Evidence) -> Check:
    """No lost update: the upgrades and renewals bought for a license form one chain, each
    starting from the state the one before left (every change raises the revision or the M&S
    expiry), and the license is what the last one left."""
    check = Check("license changes chain, none lost", needs=True)
    rows = await fetch(
        db,
        """SELECT lic.key, ol.change::text AS change, e.code AS edition, t.code AS tier,
                  lic.revision, lic.maintenance_expires_at,
                  (SELECT coalesce(array_agg(a.code ORDER BY a.code), '{}')
                     FROM licensing_license_addon la JOIN catalog_addon a ON a.id = la.addon_id
                     WHERE la.license_id = lic.id) AS addons
           FROM commerce_order_line ol JOIN licensing_license lic ON lic.id = ol.license_id
           JOIN catalog_edition e ON e.id = lic.edition_id JOIN catalog_tier t ON t.id = lic.tier_id
           WHERE ol.kind <> 'NEW_LICENSE' ORDER BY lic.key""",
    )
    check.rows = len(rows)
    chains: dict[str, list[asyncpg.Record]] = defaultdict(list)
    for row in rows:
        chains[row["key"]].append(row)
    for key, lines in chains.items():
        changes = sorted(
            (json.loads(line["change"]) for line in lines),
            key=lambda c: (c["after"]["revision"], c["after"]["maintenance_expires_at"]),
        )
        if changes[0]["before"]["revision"] != 1:
            check.fail(f"{key}: its first change starts at revision {changes[0]['before']}")
        for earlier, later in itertools.pairwise(changes):
            if _state(earlier["after"]) != _state(later["before"]):
                check.fail(f"{key}: a change from {later['before']} follows {earlier['after']}")
        now = lines[0]
        current = (
            now["edition"],
            now["tier"],
            tuple(now["addons"]),
            now["revision"],
            now["maintenance_expires_at"],
        )
        if _state(changes[-1]["after"]) != current:
            check.fail(f"{key} is {current}, its last change left {changes[-1]['after']}")
    return check
