"""docs/webhooks.md is real: its GraphQL is an operation of the schema, and its event table
names every event type and its text every refusal code. (The receivers it points to, in
docs/api.md, are tested in test_guide_receivers.py.)"""

from __future__ import annotations

import re
from pathlib import Path

from graphql import parse, validate

from backend.api.schema import schema
from backend.webhooks import signing
from backend.webhooks.models import EventType

DOC = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_graphql_examples_are_valid_operations() -> None:
    [document] = blocks("graphql")
    assert validate(schema._schema, parse(document)) == []


def test_every_event_type_and_code_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for event_type in EventType:
        assert f"`{event_type.value}` (`{event_type.name}`)" in text
    for code in (
        signing.MISSING_SIGNATURE,
        signing.MALFORMED_SIGNATURE,
        signing.TIMESTAMP_OUT_OF_TOLERANCE,
        signing.SIGNATURE_MISMATCH,
    ):
        assert f"`{code}`" in text
    assert f"**{signing.DEFAULT_TOLERANCE} seconds**" in text
