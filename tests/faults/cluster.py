"""A private PostgreSQL cluster that a test may stop, crash and restart: never the machine's
shared server, which other tests use.

``initdb`` into a temporary folder, served on a free port of 127.0.0.1 by ``pg_ctl``, with the
binaries of ``pg_config --bindir`` (or ``/usr/lib/postgresql/<version>/bin``). PostgreSQL refuses
to run as root: as root (CI), the cluster belongs to the ``postgres`` user (``nobody`` where there
is none) and every ``initdb``/``pg_ctl`` runs as that user through ``runuser``.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tests.support.servers import free_port


def postgres_bindir() -> Path:
    """Where ``initdb`` and ``pg_ctl`` are; AssertionError when PostgreSQL is not installed."""
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        done = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if done.returncode == 0:
            candidates.append(Path(done.stdout.strip()))
    versions = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(
        versions, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0
    )[::-1]
    for path in candidates:
        if (path / "initdb").is_file() and (path / "pg_ctl").is_file():
            return path
    raise AssertionError(
        "the PostgreSQL server binaries (initdb, pg_ctl) are not installed: "
        f"looked in {[str(p) for p in candidates] or 'pg_config --bindir, /usr/lib/postgresql'}"
    )


class PrivateCluster:
    """``start()``, ``restart(mode)``, ``stop(mode)``, ``destroy()``; ``url(database)``."""

    def __init__(self) -> None:
        self.bindir = postgres_bindir()
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="pp-faults-postgres-"))
        self.data = self.root / "data"
        self.log = self.root / "postgres.log"
        self.user: str | None = None
        if os.geteuid() == 0:
            self.user = _unprivileged_user()
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self.root.chmod(0o755)  # the socket folder is this one

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def copy_database(self, source_url: str, name: str) -> str:
        """A new database ``name`` holding what ``source_url`` holds (pg_dump, then psql)."""
        dump = self.root / f"{name}.sql"
        subprocess.run(
            [self.bindir / "pg_dump", "--no-owner", "--no-privileges", "-f", dump, source_url],
            check=True,
            capture_output=True,
            timeout=120,
        )
        subprocess.run(
            [
                self.bindir / "psql",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                self.url("postgres"),
                "-c",
                f'CREATE DATABASE "{name}"',
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
        subprocess.run(
            [self.bindir / "psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", dump, self.url(name)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return self.url(name)

    def _run(self, *command: str, timeout: float = 120) -> str:
        program = [str(self.bindir / command[0]), *command[1:]]
        if self.user is not None:
            program = ["runuser", "-u", self.user, "--", *program]
        done = subprocess.run(
            program, capture_output=True, text=True, timeout=timeout, check=False, cwd=self.root
        )
        assert done.returncode == 0, (
            f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}\n{self.server_log()}"
        )
        return done.stdout

    def init(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def restart(self, mode: str) -> float:
        """``pg_ctl restart -m <mode>``; the seconds it took (the outage, at most)."""
        began = time.monotonic()
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-m", mode, "-w", "restart")
        return time.monotonic() - began

    @property
    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def server_log(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-5000:]
        except OSError:
            return ""

    def destroy(self) -> None:
        if self.running:
            with contextlib.suppress(AssertionError):
                self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


def _unprivileged_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise AssertionError("running as root, and neither a postgres nor a nobody user to run as")
