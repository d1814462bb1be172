"""Paying for an order at checkout: which payment the order takes, and the charge through the
payment gateway (made outside any transaction, refunded by the caller if the order then fails)."""

from __future__ import annotations

from dataclasses import dataclass

from backend.accounts.models import Reseller
from backend.commerce.lines import PricedCart
from backend.commerce.models import PaymentMethod
from backend.errors import DomainError, ErrorKind, Problems
from backend.payments.gateway import (
    Charge,
    GatewayError,
    InvalidPaymentToken,
    PaymentDeclined,
    PaymentGateway,
)


@dataclass(frozen=True, slots=True)
class Payment:
    method: PaymentMethod
    token: str | None = None


def check_payment(
    payment: Payment, reseller: Reseller, cart: PricedCart, problems: Problems
) -> None:
    if payment.method is PaymentMethod.INVOICE:
        if not reseller.may_pay_by_invoice:
            problems.add(
                ErrorKind.INVALID,
                "This account cannot pay by monthly invoice: choose to pay on order.",
                "payment_method",
            )
    elif cart.totals.total > 0 and not (payment.token or "").strip():
        problems.add(ErrorKind.REQUIRED, "Give a payment token to pay on order.", "payment_token")


async def charge_payment(
    gateway: PaymentGateway,
    payment: Payment,
    cart: PricedCart,
    *,
    reseller: Reseller,
    charge_key: str,
) -> Charge | None:
    if payment.method is not PaymentMethod.PAY_ON_ORDER or cart.totals.total == 0:
        return None
    licenses = sum(line.price.quantity for line in cart.lines if line.license is None)
    modified = sum(1 for line in cart.lines if line.license is not None)
    what = [f"{licenses} license(s)"] if licenses else []
    what += [f"{modified} license change(s)"] if modified else []
    return await charge_card(
        gateway,
        token=(payment.token or "").strip(),
        amount_cents=cart.totals.total,
        currency="USD",
        idempotency_key=charge_key,
        description=f"{reseller.name}: {', '.join(what)}",
        undone="bought",
        instead="try another card or pay by invoice",
    )


async def charge_card(
    gateway: PaymentGateway,
    *,
    token: str,
    amount_cents: int,
    currency: str,
    idempotency_key: str,
    description: str,
    undone: str,
    instead: str,
) -> Charge:
    """Charge a card through the gateway; its refusals and failures become the caller's errors
    (field ``payment_token``), saying that nothing was ``undone`` ("bought", "paid") and, for a
    declined card, what to do ``instead``."""
    try:
        return await gateway.charge(
            token=token,
            amount_cents=amount_cents,
            currency=currency,
            idempotency_key=idempotency_key,
            description=description,
        )
    except InvalidPaymentToken as error:
        raise DomainError(ErrorKind.INVALID, str(error), field="payment_token") from None
    except PaymentDeclined as error:
        raise DomainError(
            ErrorKind.PAYMENT_DECLINED,
            f"{error} Nothing was {undone}; {instead}.",
            field="payment_token",
        ) from None
    except GatewayError:
        raise DomainError(
            ErrorKind.PAYMENT_FAILED,
            f"The payment service failed. Nothing was {undone} or charged; please try again.",
            field="payment_token",
        ) from None
