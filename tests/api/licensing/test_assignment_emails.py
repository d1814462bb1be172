"""The assignment's emails reach a real SMTP server (aiosmtpd), and the new customer's link works.

No email carries a password or a stored secret: a new customer chooses its password through the
one-time link, whose token only the email knows (the database keeps its hash).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest

from backend.identity.models import SetPasswordToken, User
from backend.identity.roles import Role
from backend.notifications.worker import MailWorker
from backend.settings import Settings
from tests.commerce.conftest import Shop
from tests.conftest import graphql
from tests.identity.factories import DEMO_PASSWORD, make_user, sign_in
from tests.licensing.assigning import buy
from tests.notifications.conftest import SmtpServer

ASSIGN = """
mutation ($input: AssignLicenseInput!) {
  assignLicense(input: $input) {
    license { key status customer { email } }
    customer { email name }
    customerCreated
    userErrors { code message field }
  }
}
"""
SET_PASSWORD = """
mutation ($token: String!, $password: String!) {
  setPassword(input: {token: $token, password: $password}) {
    viewer { email role }
    userErrors { code message }
  }
}
"""
MY_LICENSES = "{ licenses { edges { node { key status customer { email name } } } } }"
CHOSEN = "a customer's own password"
LINK = re.compile(r"https?://\S+/set-password\?token=([\w-]+)")


@pytest.fixture
def mail_server() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def text_of(message: Any) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")


async def deliver(settings: Settings, server: SmtpServer) -> None:
    worker = MailWorker(replace(settings, smtp_url=server.url), name="test")
    await worker.deliver_due()


async def assign(client: httpx.AsyncClient, key: str, email: str, name: str = "") -> Any:
    body: Any = await graphql(
        client, ASSIGN, {"input": {"licenseKey": key, "email": email, "name": name}}
    )
    assert "errors" not in body, body
    return body["data"]["assignLicense"]


async def test_a_new_customer_is_mailed_a_link_that_sets_its_password(
    client: httpx.AsyncClient, shop: Shop, settings: Settings, mail_server: SmtpServer
) -> None:
    # given a purchaser assigns a license to a new customer
    [license] = await buy(shop.actor)
    await sign_in(client, shop.purchaser)
    payload = await assign(client, license.key, "Pat@Customer.example", "Pat Smith")
    assert payload["userErrors"] == [] and payload["customerCreated"] is True

    # when the mail worker delivers
    await deliver(settings, mail_server)

    # then the customer and the account's billing address each receive their email
    received = {tuple(r.recipients): r.message for r in mail_server.received}
    assert set(received) == {("pat@customer.example",), ("billing@acme.example",)}
    message = received[("pat@customer.example",)]
    # (the stdlib folds a long subject onto a continuation line; unfolded, it keeps the space)
    assert message["Subject"].strip() == (
        "Your SmarterMail license from Acme Hosting and your Partner Portal account"
    )
    text = text_of(message)
    assert license.key in text
    assert "Your username is your email address:\n\npat@customer.example" in text
    html = message.get_body(preferencelist=("html",))
    assert html is not None and license.key in html.get_content()
    notice = text_of(received[("billing@acme.example",)])
    assert license.key in notice and "pat@customer.example" in notice
    assert LINK.search(notice) is None

    # and the link in the email sets the password and signs the customer in
    match = LINK.search(text)
    assert match is not None
    client.cookies.clear()
    body: Any = await graphql(client, SET_PASSWORD, {"token": match[1], "password": CHOSEN})
    assert body["data"]["setPassword"] == {
        "viewer": {"email": "pat@customer.example", "role": "CUSTOMER"},
        "userErrors": [],
    }
    mine: Any = await graphql(client, MY_LICENSES)
    assert mine["data"]["licenses"]["edges"] == [
        {
            "node": {
                "key": license.key,
                "status": "ASSIGNED",
                "customer": {"email": "pat@customer.example", "name": "Pat Smith"},
            }
        }
    ]
    # and a second use of the link is refused
    again: Any = await graphql(client, SET_PASSWORD, {"token": match[1], "password": CHOSEN})
    assert again["data"]["setPassword"]["userErrors"][0]["code"] == "INVALID"

    # and no email holds a password or the stored hash of the token
    customer = await User.get(email="pat@customer.example")
    [token] = await SetPasswordToken.filter(user_id=customer.id)
    for received_message in mail_server.received:
        raw = received_message.message.as_string()
        for secret in (CHOSEN, DEMO_PASSWORD, token.token_hash, customer.password_hash):
            assert secret is not None and secret not in raw


async def test_a_known_customer_is_mailed_the_key_and_no_link(
    client: httpx.AsyncClient, shop: Shop, settings: Settings, mail_server: SmtpServer
) -> None:
    # given a customer who has an account already
    await make_user(Role.CUSTOMER, email="pat@customer.example", name="Pat Smith")
    shop.reseller.notify_license_assigned = False
    shop.reseller.notify_invoice_created = False
    await shop.reseller.save()
    [license] = await buy(shop.actor)
    await sign_in(client, shop.purchaser)

    # when
    payload = await assign(client, license.key, "pat@customer.example")
    await deliver(settings, mail_server)

    # then only the customer is mailed (the account turned its notices off)
    assert payload["customerCreated"] is False
    [received] = mail_server.received
    assert received.recipients == ["pat@customer.example"]
    assert received.message["Subject"] == "Your SmarterMail license from Acme Hosting"
    text = text_of(received.message)
    assert text.startswith("Hello Pat Smith,")
    assert license.key in text and f"{settings.public_url}/login" in text
    assert LINK.search(received.message.as_string()) is None
    assert DEMO_PASSWORD not in received.message.as_string()
