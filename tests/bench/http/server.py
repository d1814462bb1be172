"""The real server for the bench: uvicorn in a subprocess (one worker process, production
settings) on a free port, serving ``tests.bench.http.app:bench_app``; and its memory figures
from ``/proc/<pid>/status``."""

from __future__ import annotations

import secrets
from pathlib import Path

from tests.support.servers import ROOT, ServerProcess

__all__ = ["ROOT", "Server", "memory_kib"]


def memory_kib(pid: int, field: str) -> int:
    """``VmRSS`` (now) or ``VmHWM`` (the peak) of a process, in KiB; 0 if unknown."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Server(ServerProcess):
    """``with Server(database_url, data_dir, log) as server:`` serves at ``server.base_url``,
    as production does (the mail worker on), logging warnings only."""

    def __init__(self, database_url: str, data_dir: Path, log: Path) -> None:
        super().__init__(
            database_url,
            data_dir,
            env={
                "PARTNER_PORTAL_ENV": "production",
                "PARTNER_PORTAL_SECRET_KEY": secrets.token_urlsafe(48),
                "PARTNER_PORTAL_MAIL_WORKER": "1",
                "PARTNER_PORTAL_RATE_LIMIT_POINTS": "100000000",
            },
            factory="tests.bench.http.app:bench_app",
            log=log,
            access_log=False,
            arguments=("--workers", "1", "--log-level", "warning"),
        )
