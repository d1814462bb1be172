"""A tiny partner shop: sells a license to a visitor through the Partner Portal's API.

It is a partner's own code: it talks to the portal over HTTP only, with the partner's API key
(a RESELLER_PURCHASER key), exactly as docs/api.md describes.

- ``GET /``: the products (from the portal's catalog, list prices) and a form per product: an
  edition and tier, the visitor's email and name.
- ``POST /buy``: checks the form's CSRF token, then calls the portal's ``purchase`` with
  ``assignToEmail`` and the form's idempotency key (one per form shown, so a double submit buys
  once), and shows the license key. Problems the portal reports (``userErrors``) are shown on the
  form, and nothing is bought.

Settings (environment): ``PORTAL_URL`` (default ``http://127.0.0.1:8000``), ``PORTAL_API_KEY``
(required), ``STOREFRONT_PRODUCTS`` (product codes, comma-separated; default ``smartermail``),
``STOREFRONT_PAYMENT_TOKEN`` (pay each order at once with this gateway token, e.g. the sandbox's
``tok_success``; default: the orders go on the partner's monthly invoice).

Run: ``PORTAL_API_KEY=ppk_... uvicorn app:app --app-dir examples/storefront --port 8080``.
"""

from __future__ import annotations

import html
import os
import secrets
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

PRODUCT = """
query StorefrontProduct($code: String!) {
  product(code: $code) {
    code
    name
    unit
    description
    prices { edition { code name } tier { code name } price { amount currency } }
  }
}
"""
PURCHASE = """
mutation StorefrontPurchase($input: PurchaseInput!) {
  purchase(input: $input) {
    order { number }
    licenses { key product { name } edition { name } tier { name } maintenanceExpiresAt }
    replayed
    userErrors { code field message }
  }
}
"""
CSRF_COOKIE = "storefront_csrf"
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
.product { border: 1px solid #ccc; border-radius: 8px; padding: 1rem 1.5rem; margin: 1rem 0; }
label { display: block; margin: .75rem 0 .25rem; }
input, select { font: inherit; width: 100%; box-sizing: border-box; padding: .4rem; }
button { font: inherit; margin-top: 1rem; padding: .5rem 1.5rem; }
.errors { background: #fdecea; border: 1px solid #d93025; padding: .5rem 1rem; border-radius: 6px; }
code { font-size: 1.2rem; background: #f3f3f3; padding: .2rem .4rem; }
"""


class PortalUnavailable(Exception):
    """The portal could not be reached, or refused the request: nothing was bought."""


@dataclass(frozen=True)
class Settings:
    portal_url: str
    api_key: str
    products: tuple[str, ...] = ("smartermail",)
    payment_token: str | None = None

    @classmethod
    def from_environment(cls) -> Settings:
        api_key = os.environ.get("PORTAL_API_KEY", "")
        if not api_key:
            raise RuntimeError("Set PORTAL_API_KEY to the partner's API key (a purchaser key).")
        codes = os.environ.get("STOREFRONT_PRODUCTS", "smartermail")
        return cls(
            portal_url=os.environ.get("PORTAL_URL", "http://127.0.0.1:8000").rstrip("/"),
            api_key=api_key,
            products=tuple(code.strip() for code in codes.split(",") if code.strip()),
            payment_token=os.environ.get("STOREFRONT_PAYMENT_TOKEN") or None,
        )


@dataclass
class Portal:
    """The portal's GraphQL API, with the partner's key."""

    settings: Settings
    transport: httpx.AsyncBaseTransport | None = None

    async def graphql(self, document: str, variables: dict[str, Any]) -> dict[str, Any]:
        try:
            async with httpx.AsyncClient(
                base_url=self.settings.portal_url,
                headers={"Authorization": f"Bearer {self.settings.api_key}"},
                transport=self.transport,
                timeout=30,
            ) as client:
                response = await client.post(
                    "/graphql", json={"query": document, "variables": variables}
                )
        except httpx.HTTPError as failed:
            raise PortalUnavailable(f"the portal did not answer: {failed!r}") from failed
        if response.status_code != 200:
            raise PortalUnavailable(f"the portal answered {response.status_code}")
        body: dict[str, Any] = response.json()
        if body.get("errors"):
            raise PortalUnavailable(f"the portal refused the request: {body['errors']}")
        data: dict[str, Any] = body["data"]
        return data

    async def products(self) -> list[dict[str, Any]]:
        found = []
        for code in self.settings.products:
            product = (await self.graphql(PRODUCT, {"code": code}))["product"]
            if product is not None:
                found.append(product)
        return found

    async def purchase(
        self, *, product: str, offer: str, email: str, idempotency_key: str
    ) -> dict[str, Any]:
        edition, _, tier = offer.partition(":")
        payment: dict[str, Any] = (
            {"paymentMethod": "PAY_ON_ORDER", "paymentToken": self.settings.payment_token}
            if self.settings.payment_token
            else {"paymentMethod": "INVOICE"}
        )
        line = {
            "productCode": product,
            "editionCode": edition,
            "tier": tier,
            "quantity": 1,
            "assignToEmail": email,
        }
        variables = {"input": {"idempotencyKey": idempotency_key, "lines": [line], **payment}}
        result: dict[str, Any] = (await self.graphql(PURCHASE, variables))["purchase"]
        return result


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def page(title: str, body: str, status: int = 200, csrf: str | None = None) -> HTMLResponse:
    document = (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{STYLE}</style></head>"
        f"<body><h1>{esc(title)}</h1>{body}</body></html>"
    )
    response = HTMLResponse(document, status_code=status, headers=SECURITY_HEADERS)
    if csrf is not None:
        response.set_cookie(
            CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/", secure=False
        )
    return response


@dataclass
class Form:
    """What the visitor entered, and what went wrong with it."""

    product: str = ""
    offer: str = ""
    email: str = ""
    name: str = ""
    errors: list[str] = field(default_factory=list)


def _offer_label(row: dict[str, Any]) -> str:
    price = row["price"]
    return f"{row['edition']['name']}, {row['tier']['name']}: {price['amount']} {price['currency']}"


def product_form(product: dict[str, Any], csrf: str, form: Form) -> str:
    chosen = form.offer if form.product == product["code"] else ""
    options = "".join(
        f'<option value="{esc(value)}"{" selected" if value == chosen else ""}>'
        f"{esc(_offer_label(row))}</option>"
        for row in product["prices"]
        for value in [f"{row['edition']['code']}:{row['tier']['code']}"]
    )
    errors = ""
    if form.errors and form.product == product["code"]:
        items = "".join(f"<li>{esc(message)}</li>" for message in form.errors)
        errors = (
            "<div class=errors role=alert><p>We could not complete the order:</p>"
            f"<ul>{items}</ul></div>"
        )
    ident = esc(product["code"])
    email = esc(form.email if form.product == product["code"] else "")
    name = esc(form.name if form.product == product["code"] else "")
    return (
        f"<section class=product><h2>{esc(product['name'])}</h2>"
        f"<p>{esc(product['description'])}</p>{errors}"
        '<form method=post action="/buy">'
        f'<input type=hidden name=csrf value="{esc(csrf)}">'
        f'<input type=hidden name=order value="{uuid.uuid4()}">'
        f'<input type=hidden name=product value="{ident}">'
        f'<label for="offer-{ident}">Edition and size (per {esc(product["unit"])})</label>'
        f'<select id="offer-{ident}" name=offer>{options}</select>'
        f'<label for="email-{ident}">Your email (the license key is sent there)</label>'
        f'<input id="email-{ident}" name=email type=email required value="{email}">'
        f'<label for="name-{ident}">Your name</label>'
        f'<input id="name-{ident}" name=name value="{name}">'
        "<button type=submit>Buy</button></form></section>"
    )


class Storefront:
    def __init__(self, settings: Settings, transport: httpx.AsyncBaseTransport | None) -> None:
        self.portal = Portal(settings, transport)

    async def shop_page(
        self, request: Request, form: Form | None = None, status: int = 200
    ) -> Response:
        csrf = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
        try:
            products = await self.portal.products()
        except PortalUnavailable:
            return unavailable()
        sections = "".join(product_form(p, csrf, form or Form()) for p in products)
        return page("Licenses for your mail server", sections, status=status, csrf=csrf)

    async def index(self, request: Request) -> Response:
        return await self.shop_page(request)

    async def buy(self, request: Request) -> Response:
        fields = parse_qs((await request.body()).decode("utf-8", "replace"))

        def get(name: str) -> str:
            return fields.get(name, [""])[0].strip()

        cookie = request.cookies.get(CSRF_COOKIE, "")
        if not cookie or not secrets.compare_digest(cookie, get("csrf")):
            return page(
                "Please try again",
                '<p>Your session expired. <a href="/">Back to the shop</a>.</p>',
                status=403,
            )
        form = Form(get("product"), get("offer"), get("email"), get("name"))
        if form.product not in self.portal.settings.products:
            form.errors.append("Choose one of our products.")
        if not form.email:
            form.errors.append("Enter your email: the license key is sent there.")
        if form.errors:
            return await self.shop_page(request, form, status=422)
        try:
            result = await self.portal.purchase(
                product=form.product,
                offer=form.offer,
                email=form.email,
                idempotency_key=get("order") or str(uuid.uuid4()),
            )
        except PortalUnavailable:
            return unavailable()
        if result["userErrors"]:
            form.errors += [visitor_message(error) for error in result["userErrors"]]
            return await self.shop_page(request, form, status=422)
        return thank_you(form, result)


def visitor_message(error: dict[str, Any]) -> str:
    """A userError as the visitor reads it: its message, naming the visitor's own field."""
    if (error.get("field") or [""])[-1] == "assignToEmail":
        return f"Your email: {error['message']}"
    return str(error["message"])


def thank_you(form: Form, result: dict[str, Any]) -> HTMLResponse:
    licenses = "".join(
        f"<li>{esc(lic['product']['name'])} {esc(lic['edition']['name'])}, "
        f"{esc(lic['tier']['name'])}: <code>{esc(lic['key'])}</code> "
        f"(maintenance and support until {esc(lic['maintenanceExpiresAt'][:10])})</li>"
        for lic in result["licenses"]
    )
    greeting = f"Thank you, {esc(form.name)}!" if form.name else "Thank you!"
    body = (
        f"<p>{greeting} Your order {esc(result['order']['number'])} is complete.</p>"
        f"<p>Your license key:</p><ul>{licenses}</ul>"
        f"<p>We have also emailed the key to <strong>{esc(form.email)}</strong>. If this is "
        "your first license from us, that email also has a link to choose a password for "
        "your customer account, where you can see your licenses and their installations.</p>"
        '<p><a href="/">Back to the shop</a></p>'
    )
    return page("Your license", body)


def unavailable() -> HTMLResponse:
    return page(
        "Please try again in a moment",
        "<p>Our license server is not answering. Nothing was bought or charged.</p>"
        '<p><a href="/">Back to the shop</a></p>',
        status=502,
    )


def create_app(
    settings: Settings | None = None, transport: httpx.AsyncBaseTransport | None = None
) -> Starlette:
    """The shop; ``settings`` default to the environment's, ``transport`` to the network."""
    shop = Storefront(settings or Settings.from_environment(), transport)
    return Starlette(
        routes=[
            Route("/", shop.index, methods=["GET"]),
            Route("/buy", shop.buy, methods=["POST"]),
        ]
    )


def __getattr__(name: str) -> Starlette:
    """``app``, for ``uvicorn app:app``: built from the environment when first asked for."""
    if name == "app":
        return create_app()
    raise AttributeError(name)
