"""The example storefront (examples/storefront) sells a license against the real portal.

The portal runs as a real server process on the test's database, with the seeded catalog and a
reseller whose owner made a purchaser API key; the storefront (a partner's separate app that
only talks HTTP to the portal) is driven in-process as a visitor's browser would: the product
page, the form with an email, the thank-you page with the key. The database then holds the
order, the license assigned to the visitor's email, and the email to the visitor.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from html import unescape

import httpx
import pytest

from backend.catalog.seed import seed_catalog
from backend.commerce.models import Order
from backend.identity.api_keys import create_api_key
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.licensing.models import License
from backend.notifications.models import OutboxMessage
from backend.settings import Settings
from examples.storefront.app import Settings as StorefrontSettings
from examples.storefront.app import create_app
from tests.identity.factories import make_reseller, make_user
from tests.support.servers import ServerProcess

KEY = re.compile(r"<code>([A-Z0-9]{6}(?:-[A-Z0-9]{6}){5})</code>")
HIDDEN = re.compile(r'<input type=hidden name=(\w+) value="([^"]*)">')


@pytest.fixture
async def api_key(db: str) -> str:
    """A purchaser key of a reseller allowed to buy on the monthly invoice."""
    await seed_catalog()
    reseller = await make_reseller(
        "Mail Hosting Ltd",
        may_pay_by_invoice=True,
        address_line1="1 Main Street",
        city="Springfield",
        country="US",
        billing_email="billing@mailhosting.example",
    )
    owner = await make_user(Role.RESELLER_OWNER, reseller)
    _, secret = await create_api_key(
        actor=actor_for(owner), reseller_id=None, name="Storefront", role=Role.RESELLER_PURCHASER
    )
    return secret


@pytest.fixture
def portal(settings: Settings, api_key: str) -> Iterator[ServerProcess]:
    with ServerProcess(settings.database_url, settings.data_dir) as running:
        yield running


@pytest.fixture
async def visitor(portal: ServerProcess, api_key: str) -> AsyncIterator[httpx.AsyncClient]:
    """A browser on the storefront, which calls the real portal over HTTP."""
    app = create_app(StorefrontSettings(portal_url=portal.base_url, api_key=api_key))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://shop.test"
    ) as client:
        yield client


def form_fields(page: str, product: str = "smartermail") -> dict[str, str]:
    """The hidden fields of ``product``'s form."""
    section = page.split(f'name=product value="{product}"', maxsplit=1)[0].rsplit("<form", 1)[1]
    return {**dict(HIDDEN.findall(section)), "product": product}


async def test_a_visitor_buys_a_license_and_sees_its_key(visitor: httpx.AsyncClient) -> None:
    # given: the product page, read from the portal's catalog
    shop = await visitor.get("/")
    assert shop.status_code == 200
    assert "SmarterMail" in shop.text
    assert "Professional, 250 mailboxes: 399.00 USD" in shop.text
    assert "default-src 'none'" in shop.headers["content-security-policy"]
    fields = form_fields(shop.text)

    # when: the visitor buys with its email
    bought = await visitor.post(
        "/buy",
        data={
            **fields,
            "offer": "professional:250",
            "email": "Visitor@Customer.example",
            "name": "<b>Ada</b>",
        },
    )

    # then: the thank-you page shows the key, and says where it was emailed
    assert bought.status_code == 200, bought.text
    (key,) = KEY.findall(bought.text)
    assert "Thank you, &lt;b&gt;Ada&lt;/b&gt;!" in bought.text
    assert "Visitor@Customer.example" in bought.text
    # and the portal has the order, the license assigned to the visitor, and the email to it
    license = await License.get(key=key).prefetch_related("customer", "edition", "tier", "order")
    assert license.customer is not None
    assert license.customer.email == "visitor@customer.example"
    assert (license.edition.code, license.tier.code) == ("professional", "250")
    assert await Order.filter(id=license.order.id).exists()
    assert await Order.all().count() == 1
    to_visitor = [
        m for m in await OutboxMessage.all() if "visitor@customer.example" in m.recipients
    ]
    assert to_visitor and any(key in message.text_body for message in to_visitor)

    # when: the same form is sent again (a double click): the same order, nothing bought twice
    again = await visitor.post(
        "/buy",
        data={**fields, "offer": "professional:250", "email": "Visitor@Customer.example"},
    )
    assert KEY.findall(again.text) == [key]
    assert await Order.all().count() == 1


async def test_a_bad_email_shows_the_portals_user_error_and_buys_nothing(
    visitor: httpx.AsyncClient,
) -> None:
    # given
    fields = form_fields((await visitor.get("/")).text)

    # when: an address that is not one, with markup in it
    refused = await visitor.post(
        "/buy", data={**fields, "offer": "enterprise:1000", "email": "<i>nope</i>"}
    )

    # then: the form again, with the portal's message (escaped) and what the visitor chose
    assert refused.status_code == 422
    assert "We could not complete the order" in refused.text
    assert "<i>nope</i>" not in refused.text
    assert "<li>Your email: '<i>nope</i>' is not a valid email address.</li>" in unescape(
        refused.text
    )
    assert '<option value="enterprise:1000" selected>' in refused.text
    assert not KEY.findall(refused.text)
    assert await Order.all().count() == 0
    assert await License.all().count() == 0


async def test_a_post_without_the_forms_token_is_refused(visitor: httpx.AsyncClient) -> None:
    # given: a page from another site posting to the shop, without the visitor's cookie token
    fields = form_fields((await visitor.get("/")).text)
    visitor.cookies.clear()

    # when
    forged = await visitor.post(
        "/buy", data={**fields, "offer": "professional:250", "email": "victim@customer.example"}
    )

    # then
    assert forged.status_code == 403
    assert await Order.all().count() == 0
