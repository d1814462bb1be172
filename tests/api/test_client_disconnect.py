"""A client that goes away before its request body arrives ends the request quietly."""

from __future__ import annotations

import logging

import pytest
from starlette.types import Message

from backend.api.app import GraphQLApp
from backend.settings import Settings


async def test_a_disconnect_before_the_body_is_not_an_error(
    settings: Settings, db: str, caplog: pytest.LogCaptureFixture
) -> None:
    # given a POST whose client disconnects before sending its body
    app = GraphQLApp(settings)
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "query_string": b"",
        "headers": [(b"content-type", b"application/json"), (b"content-length", b"100")],
        "client": ("127.0.0.1", 1234),
        "server": ("127.0.0.1", 8000),
        "scheme": "http",
        "root_path": "",
        "http_version": "1.1",
    }

    # when
    with caplog.at_level(logging.ERROR):
        await app(scope, receive, send)

    # then nothing is answered and nothing is logged as an error
    assert sent == []
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
