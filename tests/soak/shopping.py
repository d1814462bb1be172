"""Buying: new licenses through the cart and ``checkout`` (people) or ``purchase`` (a partner's
server, with an API key), upgrades and M&S renewals of licenses, paid on order by card or on the
monthly invoice; sometimes sent twice at once, with one idempotency key or a key each."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from tests.soak.client import TOKENS, Client, nodes, payload, succeeded
from tests.soak.stats import user_error_codes

PURCHASE = """
mutation SoakPurchase($input: PurchaseInput!) {
  purchase(input: $input) {
    order { id number lines { position assignToEmail } }
    invoice { id number status }
    licenses { key status customer { email } }
    replayed
    userErrors { code message field }
  }
}
"""


def _new_lines(client: Client) -> list[dict[str, Any]]:
    lines = []
    for _ in range(client.rng.choice((1, 1, 2))):
        choice = client.rng.choice(client.catalog.choices)
        addons = [a for a in choice.addons if client.rng.random() < 0.3]
        line: dict[str, Any] = {
            "productCode": choice.product,
            "editionCode": choice.edition,
            "tier": choice.tier,
            "addonCodes": addons,
            "quantity": client.rng.choice((1, 1, 2, 3)),
        }
        draw = client.rng.random()
        if draw < 0.2:
            line["assignToEmail"] = client.customer_email()
        elif draw < 0.3:
            line["personal"] = True
        lines.append(line)
    return lines


def _payment(client: Client) -> dict[str, Any]:
    assert client.account is not None
    if client.account.by_invoice and client.rng.random() < 0.7:
        return {"paymentMethod": "INVOICE"}
    [token] = client.rng.choices([t for t, _ in TOKENS], [w for _, w in TOKENS])
    return {"paymentMethod": "PAY_ON_ORDER", "paymentToken": token}


async def checkout(client: Client) -> None:
    if client.persona.name == "automation":
        await place(client, "checkout", "purchase", {"lines": _new_lines(client)})
        return
    for line in _new_lines(client):
        body = await client.gql("checkout", "AddNewLicenseToCart", {"input": line})
        if not succeeded(body, "addNewLicenseToCart"):
            await empty_cart(client, "checkout")
            return
    await place(client, "checkout", "checkout", {})


async def place(client: Client, kind: str, field: str, given: dict[str, Any]) -> None:
    """Check out the cart (``checkout``) or buy ``given`` (``purchase``) with a fresh
    idempotency key; sometimes the same request goes to both servers at once (a retry:
    one order), sometimes with a key each (a double click: one cart makes one order).
    A declined card is tried again with a good one, as a person would."""
    draw = client.rng.random()
    servers = client.both() if draw < 0.3 else [client.home]
    if draw < 0.1:
        keys = [str(uuid.uuid4()) for _ in servers]
    else:
        keys = [str(uuid.uuid4())] * len(servers)
    payment = _payment(client)
    requests = [{**given, **payment, "idempotencyKey": key} for key in keys]
    document = PURCHASE if field == "purchase" else None
    name = "Checkout" if field == "checkout" else "purchase"
    placed: set[str] = set()
    for _attempt in range(2):
        bodies = await asyncio.gather(
            *(
                client.gql(kind, name, {"input": request}, server=server, document=document)
                for server, request in zip(servers, requests, strict=True)
            )
        )
        for key, body in zip(keys, bodies, strict=True):
            if succeeded(body, field):
                client.ledger.orders[(client.who, key)].add(payload(body, field)["order"]["number"])
                client.ledger.replays += bool(payload(body, field).get("replayed"))
        for key in set(keys):
            if len(client.ledger.orders[(client.who, key)]) > 1:
                client.ledger.problems.append(
                    f"idempotency key {key} of {client.who} made orders "
                    f"{sorted(client.ledger.orders[(client.who, key)])}"
                )
        placed = {key for key in set(keys) if client.ledger.orders[(client.who, key)]}
        if field == "checkout" and len(placed) > 1:
            client.ledger.problems.append(f"one cart of {client.who} made {len(placed)} orders")
        declined = any(
            code in ("PAYMENT_DECLINED", "PAYMENT_FAILED")
            for body in bodies
            for code in user_error_codes(body)
        )
        if placed or not declined:
            break
        requests = [{**request, "paymentToken": "tok_success"} for request in requests]
    if not placed and field == "checkout":
        await empty_cart(client, kind)


async def empty_cart(client: Client, kind: str) -> None:
    body = await client.gql(kind, "ShoppingCart")
    for line in (payload(body, "cart").get("lines")) or []:
        await client.gql(kind, "RemoveCartLine", {"input": {"lineId": line["id"]}})


async def modify(client: Client) -> None:
    body = await client.gql("modify", "Licenses", {"first": 50})
    licenses = [
        n
        for n in nodes(body, "licenses")
        if n["maintenanceStatus"] == "ACTIVE" and n["edition"]["code"] != "free"
    ]
    if not licenses:
        return
    license = client.rng.choice(licenses)
    key = license["key"]
    product, edition, tier = (license[f]["code"] for f in ("product", "edition", "tier"))
    targets = client.catalog.upgrades(product, edition, tier)
    if targets and client.rng.random() < 0.5:
        new_edition, new_tier = client.rng.choice(targets)
        change: dict[str, Any] = {"licenseKey": key}
        if new_edition != edition:
            change["editionCode"] = new_edition
        if new_tier != tier:
            change["tier"] = new_tier
        cart_op, purchase_field = "AddLicenseUpgradeToCart", "licenseUpgrades"
    else:
        change = {"licenseKey": key, "years": 1}
        cart_op, purchase_field = "AddMaintenanceToCart", "maintenance"
    if client.persona.name == "automation":
        await place(client, "modify", "purchase", {purchase_field: [change]})
        return
    field = cart_op[0].lower() + cart_op[1:]
    added = await client.gql("modify", cart_op, {"input": change})
    if not succeeded(added, field):
        await empty_cart(client, "modify")
        return
    await place(client, "modify", "checkout", {})
