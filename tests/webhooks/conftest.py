"""A shop (seeded catalog, a reseller with an owner and a purchaser), a movable clock and a
loopback receiver registered as the reseller's endpoint for every event type."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from backend import clock
from backend.identity.actor import Actor
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.settings import Settings
from backend.webhooks import services
from backend.webhooks.models import SUBSCRIBABLE, WebhookEndpoint
from tests.commerce.conftest import Shop, shop
from tests.identity.factories import make_user
from tests.webhooks.receiver import Receiver, running_receiver

__all__ = ["Clock", "Hooked", "shop"]

MARCH = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The clock, at 10 March 2026 until a test moves it."""
    moment = Clock(MARCH)
    monkeypatch.setattr(clock, "now", lambda: moment.now)
    return moment


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as running:
        yield running


@dataclass
class Hooked:
    shop: Shop
    owner: Actor
    endpoint: WebhookEndpoint
    secret: str
    receiver: Receiver
    settings: Settings


@pytest.fixture
async def hooked(shop: Shop, receiver: Receiver, settings: Settings, today: Clock) -> Hooked:
    """The shop's reseller with an endpoint on the receiver for every event type."""
    owner = actor_for(await make_user(Role.RESELLER_OWNER, shop.reseller, email="o@acme.example"))
    endpoint, secret = await services.create_endpoint(
        actor=owner,
        reseller_id=None,
        url=receiver.url,
        events=[t.value for t in SUBSCRIBABLE],
        description="All of them",
        secret_key=settings.secret_key,
        allow_http=True,
    )
    return Hooked(shop, owner, endpoint, secret, receiver, settings)
