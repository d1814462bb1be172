"""The GraphQL operations the bench sends: the SPA's own, read from its source.

Every ``graphql(`...`)`` document under ``frontend/src`` (outside the generated ``gql`` folder)
is collected; an operation is sent with the fragments it spreads (transitively), exactly as
graphql-codegen assembles it for the browser. So the bench cannot drift from the pages.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

FRONTEND = Path(__file__).resolve().parents[3] / "frontend" / "src"
_DOCUMENT = re.compile(r"graphql\(\s*`(.*?)`\s*\)", re.S)
_DEFINITION = re.compile(r"\b(query|mutation|fragment)\s+(\w+)")
_SPREAD = re.compile(r"\.\.\.\s*(\w+)")


@cache
def _documents() -> dict[str, str]:
    """Every operation and fragment of the SPA by name."""
    found: dict[str, str] = {}
    for path in sorted(FRONTEND.rglob("*.ts*")):
        if "gql" in path.relative_to(FRONTEND).parts[:1]:
            continue
        for document in _DOCUMENT.findall(path.read_text(encoding="utf-8")):
            match = _DEFINITION.search(document)
            if match:
                found[match.group(2)] = document.strip()
    return found


def operation(name: str) -> str:
    """The SPA's operation ``name`` with every fragment it needs."""
    documents = _documents()
    needed: list[str] = []
    pending = [name]
    while pending:
        current = pending.pop()
        if current in needed:
            continue
        if current not in documents:
            raise KeyError(f"no GraphQL document named {current!r} under {FRONTEND}")
        needed.append(current)
        body = documents[current]
        pending.extend(s for s in _SPREAD.findall(body) if s not in ("on",))
    return "\n\n".join(documents[n] for n in needed)
