"""The signature partners verify: HMAC-SHA256 of "<t>.<body>", a 300 s replay window, and a
documented code for each refusal. Checked on a real delivery received on loopback."""

from __future__ import annotations

import pytest

from backend import clock
from backend.webhooks import services, signing
from backend.webhooks.worker import WebhookWorker
from tests.webhooks.conftest import Clock, Hooked
from tests.webhooks.receiver import Received


async def received(hooked: Hooked) -> Received:
    await services.send_test(actor=hooked.owner, endpoint_id=hooked.endpoint.id)
    assert await WebhookWorker(hooked.settings).deliver_due() == 1
    [request] = hooked.receiver.received
    return request


def code_of(secret: str, header: str | None, body: bytes, now: float) -> str:
    with pytest.raises(signing.SignatureError) as refused:
        signing.verify(secret, header, body, now=now)
    return refused.value.code


async def test_a_delivery_verifies_and_tampering_does_not(hooked: Hooked, today: Clock) -> None:
    request = await received(hooked)
    header = request.headers["partner-portal-signature"]
    now = clock.now().timestamp()
    assert signing.verify(hooked.secret, header, request.body, now=now) == int(now)
    # a tampered body, a tampered signature, another secret: SIGNATURE_MISMATCH
    tampered = request.body.replace(b"webhook.test", b"webhook.tesT")
    assert code_of(hooked.secret, header, tampered, now) == signing.SIGNATURE_MISMATCH
    flipped = header[:-1] + ("0" if header[-1] != "0" else "1")
    assert code_of(hooked.secret, flipped, request.body, now) == signing.SIGNATURE_MISMATCH
    assert code_of("whsec_other", header, request.body, now) == signing.SIGNATURE_MISMATCH
    # a replay after the window (or a clock far ahead): TIMESTAMP_OUT_OF_TOLERANCE
    for later in (now + 301, now - 301):
        assert code_of(hooked.secret, header, request.body, later) == (
            signing.TIMESTAMP_OUT_OF_TOLERANCE
        )
    assert signing.verify(hooked.secret, header, request.body, now=now + 300) == int(now)
    # a re-signed old timestamp with the body unchanged does not verify either
    old = header.replace(f"t={int(now)}", f"t={int(now) - 1}")
    assert code_of(hooked.secret, old, request.body, now) == signing.SIGNATURE_MISMATCH


@pytest.mark.parametrize(
    ("header", "code"),
    [
        (None, signing.MISSING_SIGNATURE),
        ("  ", signing.MISSING_SIGNATURE),
        ("v1=" + "a" * 64, signing.MALFORMED_SIGNATURE),
        ("t=1700000000", signing.MALFORMED_SIGNATURE),
        ("t=soon,v1=" + "a" * 64, signing.MALFORMED_SIGNATURE),
        ("t=1700000000,v1=XYZ", signing.MALFORMED_SIGNATURE),
        ("t=1700000000;v1=" + "a" * 64, signing.MALFORMED_SIGNATURE),
        ("t=1700000000,t=1700000001,v1=" + "a" * 64, signing.MALFORMED_SIGNATURE),
    ],
)
def test_malformed_headers_have_their_codes(header: str | None, code: str) -> None:
    assert code_of("whsec_x", header, b"{}", 1_700_000_000) == code


def test_sign_and_verify_agree_and_ignore_unknown_schemes() -> None:
    header = signing.sign("whsec_a", 1_700_000_000, b'{"id":"evt_1"}', "whsec_b")
    assert header.count("v1=") == 2
    for secret in ("whsec_a", "whsec_b"):
        assert signing.verify(secret, header + ",v2=zzz", b'{"id":"evt_1"}', now=1_700_000_100)
    # the documented algorithm, computed independently
    import hashlib
    import hmac

    expected = hmac.new(b"whsec_a", b'1700000000.{"id":"evt_1"}', hashlib.sha256).hexdigest()
    assert f"v1={expected}" in header


def test_the_module_imports_nothing_of_the_product() -> None:
    import ast
    from pathlib import Path

    tree = ast.parse(Path(signing.__file__).read_text(encoding="utf-8"))
    imported = [
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    assert not [name for name in imported if name and name.startswith("backend")]
