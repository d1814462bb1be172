"""The webhook receivers of docs/api.md work as written: the Python and the JavaScript one each
verify what the portal signs and refuse with the documented codes what they must, take a real
delivery from the portal's worker, and handle a redelivered event once; the guide's curl command
signs a request they accept."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import HTTPServer
from pathlib import Path
from typing import Any

import pytest

from backend.webhooks import services, signing
from backend.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from backend.webhooks.worker import WebhookWorker
from tests.webhooks.conftest import Clock, Hooked

GUIDE = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
SECTION = GUIDE[GUIDE.index("\n### Verify the signature\n") :]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def block(language: str, containing: str) -> str:
    [found] = [
        body for lang, body in FENCE.findall(SECTION) if lang == language and containing in body
    ]
    return found


PYTHON = block("python", "class Receiver")
JAVASCRIPT = block("js", "export function verify")
CURL = block("sh", "openssl dgst")

NOW = 1_700_000_000
BODY = b'{"id":"evt_1","type":"webhook.test","data":{"message":"h\\u00e9 \xc3\xa9"}}'
CASES: list[tuple[str | None, bytes, int, str]] = [
    # (header, body, the receiver's clock, what verify says)
    (signing.sign("whsec_docs", NOW, BODY), BODY, NOW + 100, str(NOW)),
    (signing.sign("whsec_docs", NOW, BODY, "whsec_old"), BODY, NOW - 300, str(NOW)),
    (signing.sign("whsec_new", NOW, BODY, "whsec_docs"), BODY, NOW, str(NOW)),  # after a roll
    (
        signing.sign("whsec_docs", NOW, BODY),
        BODY.replace(b"evt_1", b"evt_2"),
        NOW,
        "SIGNATURE_MISMATCH",
    ),
    (signing.sign("whsec_other", NOW, BODY), BODY, NOW, "SIGNATURE_MISMATCH"),
    (signing.sign("whsec_docs", NOW, BODY), BODY, NOW + 301, "TIMESTAMP_OUT_OF_TOLERANCE"),
    (signing.sign("whsec_docs", NOW, BODY), BODY, NOW - 301, "TIMESTAMP_OUT_OF_TOLERANCE"),
    (None, BODY, NOW, "MISSING_SIGNATURE"),
    ("  ", BODY, NOW, "MISSING_SIGNATURE"),
    (f"t={NOW}", BODY, NOW, "MALFORMED_SIGNATURE"),
    ("v1=" + "a" * 64, BODY, NOW, "MALFORMED_SIGNATURE"),
    (f"t={NOW},v1=XYZ", BODY, NOW, "MALFORMED_SIGNATURE"),
    (f"t=soon,v1={'a' * 64}", BODY, NOW, "MALFORMED_SIGNATURE"),
    (f"t={NOW},t={NOW},v1={'a' * 64}", BODY, NOW, "MALFORMED_SIGNATURE"),
    (f"t={NOW};v1={'a' * 64}", BODY, NOW, "MALFORMED_SIGNATURE"),
    (f"t={NOW},v1={'a' * 64}=", BODY, NOW, "MALFORMED_SIGNATURE"),
]


def portal_says(header: str | None, body: bytes, now: int) -> str:
    try:
        return str(signing.verify("whsec_docs", header, body, now=now))
    except signing.SignatureError as refused:
        return refused.code


def test_the_cases_are_what_the_portal_itself_says() -> None:
    assert [portal_says(h, b, n) for h, b, n, _ in CASES] == [said for *_, said in CASES]


def guide_python() -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "receiver"}
    exec(compile(PYTHON, "docs/api.md", "exec"), namespace)
    return namespace


def test_the_python_verifier_agrees_with_the_portal() -> None:
    guide = guide_python()
    verify, refusal = guide["verify"], guide["SignatureError"]
    said = []
    for header, body, now, _ in CASES:
        try:
            said.append(str(verify("whsec_docs", header, body, now=now)))
        except refusal as refused:
            said.append(refused.code)
    assert said == [expected for *_, expected in CASES]


def node() -> str:
    found = shutil.which("node")
    assert found is not None, "Node.js is needed (it builds the SPA too)"
    return found


def test_the_javascript_verifier_agrees_with_the_portal(tmp_path: Path) -> None:
    (tmp_path / "receiver.mjs").write_text(JAVASCRIPT, encoding="utf-8")
    cases = [[h, b.decode("utf-8"), n] for h, b, n, _ in CASES]
    (tmp_path / "run.mjs").write_text(
        'import { verify } from "./receiver.mjs";\n'
        f"for (const [header, body, now] of {json.dumps(cases)}) {{\n"
        "  try {\n"
        "    console.log(verify('whsec_docs', header ?? undefined, Buffer.from(body), { now }));\n"
        "  }\n"
        "  catch (error) { console.log(error.code); }\n"
        "}\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [node(), "run.mjs"], cwd=tmp_path, capture_output=True, text=True, check=True, timeout=60
    )
    assert run.stdout.split() == [expected for *_, expected in CASES]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def python_receiver(
    secret: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, list[str]]]:
    """The guide's Python receiver on loopback, and the ids of the events it handled."""
    monkeypatch.setenv("PORTAL_WEBHOOK_SECRET", secret)
    namespace = guide_python()
    handled: list[str] = []
    namespace["handle"] = lambda event: handled.append(event["id"])
    server = HTTPServer(("127.0.0.1", 0), namespace["Receiver"])
    server.RequestHandlerClass.log_message = lambda *_: None  # type: ignore[attr-defined, method-assign]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/portal-hooks", handled
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def node_receiver(secret: str, tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    """The guide's JavaScript receiver, run with Node on a free port, and the lines it printed
    (once the block is left)."""
    (tmp_path / "receiver.mjs").write_text(JAVASCRIPT, encoding="utf-8")
    port = free_port()
    env = {**os.environ, "PORTAL_WEBHOOK_SECRET": secret, "PORT": str(port)}
    process = subprocess.Popen(
        [node(), "receiver.mjs"], cwd=tmp_path, env=env, stdout=subprocess.PIPE, text=True
    )
    printed: list[str] = []
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "node did not start"
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/", printed
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=10)
        printed.extend(output.splitlines())


async def deliver_a_test_event(hooked: Hooked, url: str) -> WebhookDelivery:
    await WebhookEndpoint.filter(id=hooked.endpoint.id).update(url=url)
    delivery = await services.send_test(actor=hooked.owner, endpoint_id=hooked.endpoint.id)
    assert await WebhookWorker(hooked.settings).deliver_due() == 1
    return await WebhookDelivery.get(id=delivery.id).select_related("event")


async def redeliver(hooked: Hooked, delivery: WebhookDelivery) -> WebhookDelivery:
    await services.redeliver(actor=hooked.owner, delivery_id=delivery.id)
    assert await WebhookWorker(hooked.settings).deliver_due() == 1
    return await WebhookDelivery.get(id=delivery.id)


async def test_the_python_receiver_takes_a_delivery_and_handles_a_redelivery_once(
    hooked: Hooked, today: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    today.now = datetime.now(UTC)  # the receiver checks the signed time against its own clock
    with python_receiver(hooked.secret, monkeypatch) as (url, handled):
        delivery = await deliver_a_test_event(hooked, url)
        assert (delivery.status, delivery.last_status_code) == (DeliveryStatus.SUCCEEDED, 204)
        assert handled == [delivery.event.id]
        again = await redeliver(hooked, delivery)
        assert (again.status, again.attempts, again.last_status_code) == (
            DeliveryStatus.SUCCEEDED,
            1,
            204,
        )
        assert handled == [delivery.event.id]
    # with another secret the receiver refuses, and the portal logs its answer
    with python_receiver("whsec_another", monkeypatch) as (url, handled):
        refused = await deliver_a_test_event(hooked, url)
        assert (refused.status, refused.last_status_code) == (DeliveryStatus.PENDING, 400)
        assert refused.last_error == "HTTP 400: SIGNATURE_MISMATCH"
        assert handled == []


async def test_the_node_receiver_takes_a_delivery_and_handles_a_redelivery_once(
    hooked: Hooked, today: Clock, tmp_path: Path
) -> None:
    today.now = datetime.now(UTC)  # the receiver checks the signed time against its own clock
    with node_receiver(hooked.secret, tmp_path) as (url, printed):
        delivery = await deliver_a_test_event(hooked, url)
        assert (delivery.status, delivery.last_status_code) == (DeliveryStatus.SUCCEEDED, 204)
        again = await redeliver(hooked, delivery)
        assert (again.status, again.last_status_code) == (DeliveryStatus.SUCCEEDED, 204)
    assert printed == [f"webhook.test {delivery.event.id}"]


@pytest.mark.parametrize("receiver", ["python", "node"])
def test_the_curl_command_signs_a_request_the_receivers_accept(
    receiver: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for tool in ("bash", "curl", "openssl"):
        assert shutil.which(tool), f"{tool} is needed"

    def run(url: str, secret: str) -> str:
        env = {**os.environ, "PORTAL_WEBHOOK_SECRET": secret, "RECEIVER_URL": url}
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", CURL],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        return done.stdout

    if receiver == "python":
        with python_receiver("whsec_try", monkeypatch) as (url, handled):
            accepted, refused = run(url, "whsec_try"), run(url, "whsec_wrong")
        assert handled == ["evt_try_1"]
    else:
        with node_receiver("whsec_try", tmp_path) as (url, _):
            accepted, refused = run(url, "whsec_try"), run(url, "whsec_wrong")
    assert accepted.startswith("HTTP/1.") and accepted.split()[1] == "204", accepted
    assert refused.split()[1] == "400" and refused.rstrip().endswith("SIGNATURE_MISMATCH"), refused
