"""Log lines carry the request id; production writes JSON lines."""

from __future__ import annotations

import json
import logging

import httpx
import pytest

from backend.logs import JsonFormatter, _request_id, _RequestIdFilter
from backend.settings import Settings
from tests.support.servers import ServerProcess


def record(message: str, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc else None
    log_record = logging.LogRecord("backend.api", logging.ERROR, __file__, 1, message, (), exc_info)
    _RequestIdFilter().filter(log_record)
    return log_record


def test_a_json_line_names_the_request() -> None:
    token = _request_id.set("req-abcdef12")
    try:
        line = JsonFormatter().format(record("payment failed"))
    finally:
        _request_id.reset(token)
    entry = json.loads(line)
    assert entry["request_id"] == "req-abcdef12"
    assert entry["level"] == "ERROR"
    assert entry["message"] == "payment failed"


def test_a_json_line_keeps_the_traceback_on_one_line() -> None:
    try:
        raise ValueError("boom")
    except ValueError as exc:
        line = JsonFormatter().format(record("failed", exc))
    assert "\n" not in line
    assert "ValueError: boom" in json.loads(line)["exception"]


def test_outside_a_request_the_id_is_a_dash() -> None:
    assert record("startup").request_id == "-"  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _no_leak() -> None:
    assert _request_id.get() == "-"


@pytest.mark.parametrize("access_log", [True, False])
async def test_uvicorns_access_log_switch_is_honoured(
    settings: Settings, db: str, access_log: bool
) -> None:
    with ServerProcess(settings.database_url, settings.data_dir, access_log=access_log) as server:
        async with httpx.AsyncClient() as http:
            assert (await http.get(f"{server.base_url}/healthz")).status_code == 200
        written = server.stop()

    assert ('"GET /healthz HTTP/1.1" 200' in written) is access_log, written
