"""In production a delivery connects to public addresses only, checked on every connection on
the addresses it uses: a name that resolves (or comes to resolve) to a private address is
refused, logged and retried; development may deliver to the developer's machine."""

from __future__ import annotations

import dataclasses

import httpcore
import httpx
import pytest

from backend.settings import Environment
from backend.webhooks import services
from backend.webhooks.models import DeliveryStatus, WebhookAttempt, WebhookDelivery
from backend.webhooks.network import PublicAddressesOnly, Resolve, is_public, public_transport
from backend.webhooks.worker import WebhookWorker
from tests.webhooks.conftest import Clock, Hooked


def resolving_to(*addresses: str) -> Resolve:
    async def resolve(host: str, port: int) -> list[str]:
        return list(addresses)

    return resolve


class Recording(httpcore.AsyncNetworkBackend):
    """A network that records where it was asked to connect, and refuses."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, int]] = []

    async def connect_tcp(self, host: str, port: int, **_: object) -> httpcore.AsyncNetworkStream:
        self.asked.append((host, port))
        raise httpcore.ConnectError(f"{host} refused the connection.")


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("fe80::1%eth0", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:10.0.0.1", False),
    ],
)
def test_which_addresses_are_public(address: str, public: bool) -> None:
    assert is_public(address) is public


async def test_the_backend_connects_to_the_address_it_checked() -> None:
    network = Recording()
    backend = PublicAddressesOnly(network, resolving_to("93.184.215.14", "93.184.215.15"))
    with pytest.raises(httpcore.ConnectError):
        await backend.connect_tcp("shop.example.com", 443)
    # the name is never resolved again by the connection: each checked address is tried
    assert network.asked == [("93.184.215.14", 443), ("93.184.215.15", 443)]


@pytest.mark.parametrize("addresses", [("10.0.0.5",), ("93.184.215.14", "127.0.0.1"), ()])
async def test_one_private_address_or_none_refuses_the_connection(
    addresses: tuple[str, ...],
) -> None:
    network = Recording()
    backend = PublicAddressesOnly(network, resolving_to(*addresses))
    with pytest.raises(httpcore.ConnectError) as refused:
        await backend.connect_tcp("shop.example.com", 443)
    assert network.asked == []
    assert "shop.example.com" in str(refused.value)


async def test_a_name_resolving_to_a_private_address_is_refused_logged_and_retried(
    hooked: Hooked, today: Clock
) -> None:
    # given an endpoint whose name resolves to the receiver's loopback address (rebinding)
    delivery = await services.send_test(actor=hooked.owner, endpoint_id=hooked.endpoint.id)
    rebound = hooked.receiver.url.replace("127.0.0.1", "hooks.example.com")
    await type(hooked.endpoint).filter(id=hooked.endpoint.id).update(url=rebound)
    transport = public_transport(resolving_to("127.0.0.1"))

    # when a worker delivers through the production transport
    assert await WebhookWorker(hooked.settings, transport=transport).deliver_due() == 1

    # then nothing reached the receiver; the attempt says why and the delivery waits to retry
    assert hooked.receiver.received == []
    row = await WebhookDelivery.get(id=delivery.id)
    assert (row.status, row.attempts, row.last_status_code) == (DeliveryStatus.PENDING, 1, None)
    assert row.last_error == (
        "Could not connect: hooks.example.com resolves to 127.0.0.1, which is not a public address."
    )
    assert await WebhookAttempt.filter(delivery_id=delivery.id).count() == 1


async def test_a_production_worker_checks_by_itself_and_development_does_not(
    hooked: Hooked, today: Clock
) -> None:
    # given an endpoint on localhost (registered in development, where that is allowed)
    local = hooked.receiver.url.replace("127.0.0.1", "localhost")
    await type(hooked.endpoint).filter(id=hooked.endpoint.id).update(url=local)
    delivery = await services.send_test(actor=hooked.owner, endpoint_id=hooked.endpoint.id)

    # when a production worker, given no transport, tries it: the real resolver, refused
    production = dataclasses.replace(hooked.settings, env=Environment.PRODUCTION)
    assert await WebhookWorker(production).deliver_due() == 1
    row = await WebhookDelivery.get(id=delivery.id)
    assert "localhost resolves to" in row.last_error
    assert "which is not a public address" in row.last_error
    assert hooked.receiver.received == []

    # when a development worker tries it again (now), it is delivered
    await WebhookDelivery.filter(id=delivery.id).update(next_attempt_at=row.created_at)
    assert await WebhookWorker(hooked.settings).deliver_due() == 1
    assert (await WebhookDelivery.get(id=delivery.id)).status is DeliveryStatus.SUCCEEDED
    assert len(hooked.receiver.received) == 1


async def test_the_transport_refuses_before_connecting() -> None:
    transport = public_transport()
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(httpx.ConnectError) as refused:
            await client.get("https://localhost:9/")
    assert "not a public address" in str(refused.value)
