"""``/invoices/{id}/pdf``: the invoice's PDF for who may read it, a 404 for anyone else's."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest
from pypdf import PdfReader
from strawberry import relay

from backend.commerce import checkout
from backend.commerce.cart import NewLicenseRequest
from backend.commerce.models import PaymentMethod
from backend.identity.actor import Actor
from backend.identity.api_keys import create_api_key
from backend.identity.roles import Role
from backend.identity.sessions import actor_for
from backend.payments.gateway import SandboxGateway
from tests.commerce.conftest import Shop
from tests.conftest import graphql
from tests.identity.factories import make_reseller, make_user, sign_in

STATS = NewLicenseRequest("smarterstats", "professional", "50")
INVOICES = "{ invoices { edges { node { id number pdfUrl } } } }"


async def buy(actor: Actor, key: str = "pdf-order") -> checkout.Placed:
    return await checkout.purchase(
        actor=actor,
        lines=[STATS],
        payment=checkout.Payment(PaymentMethod.PAY_ON_ORDER, "tok_success"),
        idempotency_key=key,
        gateway=SandboxGateway(),
    )


def url(invoice_id: int, type_name: str = "Invoice") -> str:
    return f"/invoices/{relay.GlobalID(type_name, str(invoice_id))}/pdf"


def pdf_text(response: httpx.Response) -> str:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["cache-control"] == "private, no-store"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


async def other_resellers_invoice() -> checkout.Placed:
    other = await make_reseller(
        "Other Hosting",
        address_line1="2 Side St",
        city="Shelbyville",
        country="US",
        billing_email="billing@other.example",
    )
    return await buy(actor_for(await make_user(Role.RESELLER_OWNER, other)), "other")


async def test_the_account_downloads_its_invoice_from_its_pdf_url(
    billing: httpx.AsyncClient, shop: Shop
) -> None:
    # given
    placed = await buy(shop.actor)
    body: Any = await graphql(billing, INVOICES)
    [node] = [edge["node"] for edge in body["data"]["invoices"]["edges"]]

    # when
    response = await billing.get(node["pdfUrl"])

    # then
    assert node["pdfUrl"] == url(placed.invoice.id)
    assert response.headers["content-disposition"] == (
        f'attachment; filename="{placed.invoice.number}.pdf"'
    )
    text = pdf_text(response)
    assert placed.invoice.number in text
    assert "Acme Hosting" in text


async def test_inline_shows_it_in_the_browser(billing: httpx.AsyncClient, shop: Shop) -> None:
    placed = await buy(shop.actor)

    response = await billing.get(url(placed.invoice.id), params={"inline": "1"})

    assert response.headers["content-disposition"] == (
        f'inline; filename="{placed.invoice.number}.pdf"'
    )
    assert placed.invoice.number in pdf_text(response)


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("other", id="another reseller's invoice"),
        pytest.param(url(2**20), id="no such invoice"),
        pytest.param(url(2**40), id="beyond the column"),
        pytest.param("order", id="an order's id"),
        pytest.param("/invoices/not-a-global-id/pdf", id="malformed"),
        pytest.param("/invoices/SW52b2ljZTotMQ==/pdf", id="Invoice:-1"),
    ],
)
async def test_any_invoice_but_ones_own_is_not_found(
    billing: httpx.AsyncClient, shop: Shop, path: str
) -> None:
    # given
    mine = await buy(shop.actor)
    theirs = await other_resellers_invoice()
    path = {"other": url(theirs.invoice.id), "order": url(mine.order.id, "Order")}.get(path, path)

    # when
    response = await billing.get(path)

    # then
    assert response.status_code == 404
    assert response.text == "No such invoice."
    assert response.headers["cache-control"] == "private, no-store"


async def test_without_signing_in_it_is_401(client: httpx.AsyncClient, shop: Shop) -> None:
    placed = await buy(shop.actor)

    anonymous = await client.get(url(placed.invoice.id))
    bad_key = await client.get(
        url(placed.invoice.id), headers={"Authorization": "Bearer pp_nonsense"}
    )

    assert anonymous.status_code == 401
    assert bad_key.status_code == 401
    assert bad_key.headers["www-authenticate"] == "Bearer"


async def test_a_role_that_may_not_read_invoices_is_refused(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    placed = await buy(shop.actor)
    await sign_in(client, shop.purchaser)  # purchasers buy; they do not read invoices

    response = await client.get(url(placed.invoice.id))

    assert response.status_code == 403


async def test_an_api_key_may_download(client: httpx.AsyncClient, shop: Shop) -> None:
    # given
    placed = await buy(shop.actor)
    owner = await make_user(Role.RESELLER_OWNER, shop.reseller)
    _, secret = await create_api_key(
        actor=actor_for(owner), reseller_id=None, name="Accounting", role=Role.RESELLER_BILLING
    )

    # when
    response = await client.get(
        url(placed.invoice.id), headers={"Authorization": f"Bearer {secret}"}
    )

    # then
    assert placed.invoice.number in pdf_text(response)


async def test_the_vendor_downloads_any_resellers_invoice(
    client: httpx.AsyncClient, shop: Shop
) -> None:
    # given
    mine = await buy(shop.actor)
    theirs = await other_resellers_invoice()
    await sign_in(client, await make_user(Role.VENDOR_ADMIN))

    # when
    texts = [pdf_text(await client.get(url(p.invoice.id))) for p in (mine, theirs)]

    # then
    assert mine.invoice.number in texts[0]
    assert theirs.invoice.number in texts[1]
    assert "Other Hosting" in texts[1]
