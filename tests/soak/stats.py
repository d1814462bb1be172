"""What the soak's clients saw: every request tallied by kind, and what they were told.

``Stats`` counts each request under the kind of work it was part of (browse, checkout, …):
its HTTP status class, each GraphQL error by ``extensions.code`` and each user error by
``code``, its latency and which server answered. A request is *unexpected* when it fails at the
transport, answers 5xx, carries ``INTERNAL_SERVER_ERROR``, or answers another error its caller
did not expect (a 4xx or GraphQL error code not listed in ``expect``); the first few are kept
with their text for the report.

``Ledger`` is what the clients were told had happened (assignments, orders, payments, password
resets), for the invariants to compare with the database.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from tests.bench.http.scenarios import percentile

KINDS = ("browse", "checkout", "assign", "modify", "pay", "export", "close", "reset", "denied")
KEEP_PROBLEMS = 25


@dataclass
class Tally:
    requests: int = 0
    status: Counter[str] = field(default_factory=Counter)
    """``2xx``, ``3xx``, ``4xx``, ``5xx`` or ``transport`` (no answer)."""
    graphql_errors: Counter[str] = field(default_factory=Counter)
    user_errors: Counter[str] = field(default_factory=Counter)
    servers: Counter[int] = field(default_factory=Counter)
    latencies_ms: list[float] = field(default_factory=list)
    unexpected: int = 0

    def figures(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "2xx": self.status["2xx"],
            "4xx": self.status["4xx"],
            "5xx": self.status["5xx"],
            "transport_errors": self.status["transport"],
            "graphql_errors": dict(self.graphql_errors),
            "internal_errors": self.graphql_errors["INTERNAL_SERVER_ERROR"],
            "user_errors": dict(self.user_errors),
            "unexpected": self.unexpected,
            "by_server": {str(k): v for k, v in sorted(self.servers.items())},
            "p50_ms": round(statistics.median(self.latencies_ms), 1) if self.latencies_ms else 0,
            "p95_ms": round(percentile(self.latencies_ms, 95), 1),
            "max_ms": round(max(self.latencies_ms, default=0.0), 1),
        }


def user_errors(body: Any) -> list[dict[str, Any]]:
    """Every user error in any payload of a GraphQL answer."""
    found: list[dict[str, Any]] = []
    data = body.get("data") if isinstance(body, dict) else None
    for payload in (data or {}).values():
        if isinstance(payload, dict):
            found += payload.get("userErrors") or []
    return found


def user_error_codes(body: Any) -> list[str]:
    return [str(error.get("code")) for error in user_errors(body)]


def graphql_error_codes(body: Any) -> list[str]:
    errors = body.get("errors") if isinstance(body, dict) else None
    return [str((e.get("extensions") or {}).get("code", "NO_CODE")) for e in errors or []]


class Stats:
    def __init__(self) -> None:
        self.tallies: dict[str, Tally] = defaultdict(Tally)
        self.problems: list[str] = []
        self.unexpected = 0
        self.messages: dict[str, set[str]] = defaultdict(set)
        """A few user error messages of each kind and code, for the report."""

    def _problem(self, tally: Tally, text: str) -> None:
        tally.unexpected += 1
        self.unexpected += 1
        if len(self.problems) < KEEP_PROBLEMS:
            self.problems.append(text[:600])

    def answered(
        self,
        kind: str,
        server: int,
        what: str,
        status: int,
        body: Any,
        ms: float,
        *,
        expect: Collection[str] = (),
        text: str = "",
    ) -> None:
        """One answered request; ``expect`` lists the GraphQL error codes (or HTTP statuses,
        as strings) its caller counts as a normal outcome."""
        tally = self.tallies[kind]
        tally.requests += 1
        tally.servers[server] += 1
        tally.latencies_ms.append(ms)
        status_class = f"{status // 100}xx"
        tally.status[status_class] += 1
        codes = graphql_error_codes(body)
        tally.graphql_errors.update(codes)
        for error in user_errors(body):
            tally.user_errors[str(error.get("code"))] += 1
            said = self.messages[f"{kind}/{what} {error.get('code')}"]
            if len(said) < 3:
                said.add(str(error.get("message"))[:160])
        where = f"{kind}/{what} on server {server}"
        if status >= 500:
            self._problem(tally, f"{where}: HTTP {status}: {text or body}")
        elif "INTERNAL_SERVER_ERROR" in codes:
            self._problem(tally, f"{where}: INTERNAL_SERVER_ERROR: {body.get('errors')}")
        elif status >= 400 and str(status) not in expect:
            self._problem(tally, f"{where}: HTTP {status}: {text or body}")
        elif any(code not in expect for code in codes):
            self._problem(tally, f"{where}: GraphQL errors: {body.get('errors')}")

    def failed(self, kind: str, server: int, what: str, error: Exception, ms: float) -> None:
        """A request that got no answer (connection refused or reset, timeout)."""
        tally = self.tallies[kind]
        tally.requests += 1
        tally.servers[server] += 1
        tally.latencies_ms.append(ms)
        tally.status["transport"] += 1
        self._problem(tally, f"{kind}/{what} on server {server}: {type(error).__name__}: {error}")

    def total(self) -> Tally:
        whole = Tally()
        for tally in self.tallies.values():
            whole.requests += tally.requests
            whole.status.update(tally.status)
            whole.graphql_errors.update(tally.graphql_errors)
            whole.user_errors.update(tally.user_errors)
            whole.servers.update(tally.servers)
            whole.latencies_ms += tally.latencies_ms
            whole.unexpected += tally.unexpected
        return whole


@dataclass
class Ledger:
    """What the servers told the clients had happened."""

    assigned: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    """License key -> the email of each successful ``assignLicense`` (one at most, if right)."""
    races: int = 0
    """Assignments of one license sent at once from several clients to both servers."""
    orders: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    """(buyer, idempotency key) -> order numbers answered (one, if right)."""
    payments: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    """(payer, idempotency key) -> payment ids answered (one, if right)."""
    double_payments: list[str] = field(default_factory=list)
    """Invoices two concurrent payments (different keys) were both told they paid."""
    invoice_emails: Counter[str] = field(default_factory=Counter)
    """Invoice number -> how many times a partner emailed it (``emailInvoice``)."""
    resets: Counter[str] = field(default_factory=Counter)
    """Logins whose password reset was accepted (not throttled): one email each."""
    replays: int = 0
    """Answers marked ``replayed`` (a duplicate request answered with the first result)."""
    problems: list[str] = field(default_factory=list)
    """Answers that contradict each other, as the clients saw them."""
