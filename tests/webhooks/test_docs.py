"""docs/webhooks.md is real: its GraphQL is an operation of the schema, its event table names
every event type, and its JavaScript verifier accepts what the portal signs and refuses with the
documented codes what it must."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
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


def test_the_javascript_verifier_agrees_with_the_portal(tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node is not None, "Node.js is needed (it builds the SPA too)"
    [verifier] = blocks("js")
    (tmp_path / "verify.mjs").write_text(verifier, encoding="utf-8")
    body = b'{"id":"evt_1","type":"webhook.test","data":{"message":"h\\u00e9"}}'
    header = signing.sign("whsec_docs", 1_700_000_000, body)
    cases = [
        (header, body, 1_700_000_100),
        (header, body.replace(b"evt_1", b"evt_2"), 1_700_000_100),
        (header, body, 1_700_000_301),
        ("", body, 1_700_000_000),
        ("t=1700000000", body, 1_700_000_000),
    ]
    script = "\n".join(
        [
            'import { verify } from "./verify.mjs";',
            f"const cases = {json.dumps([[h, b.decode(), n] for h, b, n in cases])};",
            "for (const [header, body, now] of cases) {",
            "  try { console.log(verify('whsec_docs', header, Buffer.from(body), { now })); }",
            "  catch (error) { console.log(error.code); }",
            "}",
        ]
    )
    (tmp_path / "run.mjs").write_text(script, encoding="utf-8")
    run = subprocess.run(
        [node, "run.mjs"], cwd=tmp_path, capture_output=True, text=True, check=True, timeout=60
    )
    assert run.stdout.split() == [
        "1700000000",
        signing.SIGNATURE_MISMATCH,
        signing.TIMESTAMP_OUT_OF_TOLERANCE,
        signing.MISSING_SIGNATURE,
        signing.MALFORMED_SIGNATURE,
    ]
