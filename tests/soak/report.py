"""The soak's figures: one JSON document (``soak/results.json``) and the table printed from it."""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import Any

from tests.soak.invariants import Check
from tests.soak.stats import KINDS, Ledger, Stats
from tests.soak.world import World


def results(
    *,
    options: dict[str, Any],
    machine: dict[str, Any],
    world: World,
    stats: Stats,
    ledger: Ledger,
    checks: list[Check],
    timings: dict[str, float],
    outbox: dict[str, int],
    received: int,
    logs: dict[str, int],
) -> dict[str, Any]:
    whole = stats.total()
    kinds = [k for k in KINDS if k in stats.tallies] + sorted(set(stats.tallies) - set(KINDS))
    seconds = timings.get("traffic_seconds") or 1.0
    return {
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "options": {k: str(v) if not isinstance(v, int | float) else v for k, v in options.items()},
        "machine": machine,
        "timings": {k: round(v, 1) for k, v in timings.items()},
        "world": {
            "resellers": len(world.accounts),
            "by_invoice": sum(a.by_invoice for a in world.accounts),
            "closed_while_seeding": world.closed_months,
            "closed_by_the_servers": world.last_month,
        },
        "requests": {
            "total": whole.figures() | {"per_second": round(whole.requests / seconds, 1)},
            "per_kind": {kind: stats.tallies[kind].figures() for kind in kinds},
        },
        "outcomes": {
            "assignments": sum(len(v) for v in ledger.assigned.values()),
            "assignment_races": ledger.races,
            "orders": sum(len(v) for v in ledger.orders.values()),
            "card_payments": sum(len(v) for v in ledger.payments.values()),
            "replayed_answers": ledger.replays,
            "password_resets_accepted": sum(ledger.resets.values()),
        },
        "email": {"outbox": outbox, "received_by_smtp": received},
        "log_lines": logs,
        "problems": stats.problems + ledger.problems,
        "user_error_messages": {k: sorted(v) for k, v in sorted(stats.messages.items())},
        "invariants": [check.as_json() for check in checks],
        "passed": all(check.passed for check in checks),
        "world_accounts": [asdict(a) | {"customers": len(a.customers)} for a in world.accounts],
    }


def _codes(counts: dict[str, int]) -> str:
    return " ".join(f"{code}:{n}" for code, n in sorted(counts.items())) or "-"


def print_report(report: dict[str, Any]) -> None:
    head = (
        f"{'kind':<9} {'requests':>8} {'2xx':>6} {'4xx':>4} {'5xx':>4} {'trans':>5} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'server 0/1':>11}  graphql errors | user errors"
    )
    print()
    print(head)
    print("-" * len(head))
    rows = [*report["requests"]["per_kind"].items(), ("total", report["requests"]["total"])]
    for kind, f in rows:
        split = "/".join(str(f["by_server"].get(str(n), 0)) for n in range(2))
        print(
            f"{kind:<9} {f['requests']:>8} {f['2xx']:>6} {f['4xx']:>4} {f['5xx']:>4} "
            f"{f['transport_errors']:>5} {f['p50_ms']:>7} {f['p95_ms']:>7} {split:>11}  "
            f"{_codes(f['graphql_errors'])} | {_codes(f['user_errors'])}"
        )
    total = report["requests"]["total"]
    timings = report["timings"]
    print(
        f"\n{total['requests']} requests in {timings.get('traffic_seconds')} s "
        f"({total['per_second']}/s); setup {timings.get('setup_seconds')} s (migrate and seed "
        f"{timings.get('seed_seconds')} s, servers up {timings.get('servers_seconds')} s), "
        f"outbox drained in "
        f"{timings.get('drain_seconds')} s, checks {timings.get('checks_seconds')} s, all "
        f"{timings.get('total_seconds')} s"
    )
    print(f"outcomes: {report['outcomes']}")
    print(
        f"email: outbox {report['email']['outbox']}, received {report['email']['received_by_smtp']}"
    )
    if report["problems"]:
        print("\nproblems (first ones):")
        for text in report["problems"][:20]:
            print(f"  {text}")
    print("\ninvariants:")
    for check in report["invariants"]:
        verdict = "PASS" if check["passed"] else "FAIL"
        print(f"  {verdict}  {check['name']} ({check['rows']} rows)")
        for text in check["failures"]:
            print(f"          {text}")
    print(f"\nsoak: {'PASSED' if report['passed'] else 'FAILED'}")
