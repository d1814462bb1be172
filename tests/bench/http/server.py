"""The real server for the bench: uvicorn in a subprocess (one worker process, production
settings) on a free port, serving ``tests.bench.http.app:bench_app``; and its memory figures
from ``/proc/<pid>/status``."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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


class Server:
    """``with Server(database_url, data_dir) as server:`` serves at ``server.base_url``."""

    def __init__(self, database_url: str, data_dir: Path, log: Path) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.database_url = database_url
        self.data_dir = data_dir
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def __enter__(self) -> Server:
        env = {
            **os.environ,
            "PARTNER_PORTAL_ENV": "production",
            "PARTNER_PORTAL_DATA_DIR": str(self.data_dir),
            "PARTNER_PORTAL_DATABASE_URL": self.database_url,
            "PARTNER_PORTAL_PUBLIC_URL": self.base_url,
            "PARTNER_PORTAL_SECRET_KEY": secrets.token_urlsafe(48),
        }
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "tests.bench.http.app:bench_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            "1",
            "--no-access-log",
            "--no-server-header",
            "--log-level",
            "warning",
        ]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped at start: see {self.log}")
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"the server did not answer /healthz within 60 s: see {self.log}")

    def __exit__(self, *exc: object) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
