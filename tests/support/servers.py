"""Real server processes for the tests that cross process boundaries: uvicorn serving an app
factory on a free port of 127.0.0.1, started in its own process group, its output in a file.

``with ServerProcess(database_url, data_dir) as server:`` serves at ``server.base_url`` once
``/healthz`` answers; leaving the block stops it (SIGTERM, then SIGKILL after 30 s). ``kill()``
plays a crash (SIGKILL to the whole group), ``output()`` is everything it has written.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Self

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServerProcess:
    """One uvicorn process (one worker) serving ``factory`` with the given database.

    The environment is the test's own, plus the data directory, the database, the public URL
    (this server's), ``env`` (which wins) and, unless ``env`` says otherwise, development
    settings (plain HTTP: production's session cookie is ``Secure``) without the mail worker.
    """

    def __init__(
        self,
        database_url: str,
        data_dir: Path,
        *,
        env: Mapping[str, str] | None = None,
        factory: str = "backend.app:serve_app",
        log: Path | None = None,
        access_log: bool = True,
        port: int | None = None,
        arguments: tuple[str, ...] = (),
    ) -> None:
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log = log or data_dir / f"server-{self.port}.log"
        self.env = {
            **os.environ,
            "PARTNER_PORTAL_ENV": "development",
            "PARTNER_PORTAL_MAIL_WORKER": "0",
            "PARTNER_PORTAL_DATA_DIR": str(data_dir),
            "PARTNER_PORTAL_DATABASE_URL": database_url,
            "PARTNER_PORTAL_PUBLIC_URL": self.base_url,
            **(env or {}),
        }
        self.command = [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            factory,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--no-server-header",
            *([] if access_log else ["--no-access-log"]),
            *arguments,
        ]
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None, "not started"
        return self.process.pid

    def start(self) -> Self:
        """Starts the process without waiting for it (see ``wait_until_up``)."""
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def wait_until_up(self, seconds: float = 60) -> Self:
        assert self.process is not None, "not started"
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped at start:\n{self.output()}")
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"the server did not answer /healthz in {seconds} s:\n{self.output()}")

    def __enter__(self) -> Self:
        return self.start().wait_until_up()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> str:
        """Stops the server as an operator would (SIGTERM); everything it wrote."""
        if self.running:
            assert self.process is not None
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        return self.output()

    def kill(self) -> None:
        """A crash: SIGKILL to the process group, no chance to finish anything."""
        if self.running:
            assert self.process is not None
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def output(self) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""
