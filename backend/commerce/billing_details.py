"""Who an order is billed to: given at checkout, or else the account's contact information."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from backend.accounts import validation
from backend.accounts.models import Reseller
from backend.errors import ErrorKind, Problems

PREFIX = ("billing",)
LIMITS = {
    "name": 200,
    "contact_name": 200,
    "address_line1": 200,
    "address_line2": 200,
    "city": 100,
    "postal_code": 20,
    "region": 100,
}


@dataclass(frozen=True, slots=True)
class BillingDetails:
    name: str = ""
    contact_name: str = ""
    address_line1: str = ""
    address_line2: str = ""
    city: str = ""
    postal_code: str = ""
    region: str = ""
    country: str = ""
    email: str = ""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> BillingDetails:
        names = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in value.items() if k in names})


@dataclass(frozen=True, slots=True)
class BillingChanges:
    """Billing details given at checkout; a None field takes the account's value."""

    name: str | None = None
    contact_name: str | None = None
    address_line1: str | None = None
    address_line2: str | None = None
    city: str | None = None
    postal_code: str | None = None
    region: str | None = None
    country: str | None = None
    email: str | None = None


def account_billing(reseller: Reseller) -> BillingDetails:
    return BillingDetails(
        name=reseller.name,
        contact_name=reseller.contact_name,
        address_line1=reseller.address_line1,
        address_line2=reseller.address_line2,
        city=reseller.city,
        postal_code=reseller.postal_code,
        region=reseller.region,
        country=reseller.country,
        email=reseller.billing_email,
    )


def billing_details(
    reseller: Reseller, given: BillingChanges | None, problems: Problems
) -> BillingDetails:
    """The account's details overlaid with what was given, checked; problems go to ``problems``
    with paths under ``billing``. A problem with a value taken from the account (a partner's
    order that gave no ``billing``, say) says so, and how to mend it."""
    found = Problems()
    checked = _checked(reseller, given, found)
    for problem in found.found:
        name = problem.field[-1] if problem.field else ""
        from_account = given is None or getattr(given, name, None) is None
        problems.found.append(
            replace(
                problem,
                message=f"{problem.message} (from the account's billing details: complete them "
                f"under Account, or send `billing.{_camel(name)}` with the order)",
            )
            if from_account
            else problem
        )
    return checked


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.title() for part in rest)


def _checked(
    reseller: Reseller, given: BillingChanges | None, problems: Problems
) -> BillingDetails:
    details = account_billing(reseller)
    if given is not None:
        details = replace(
            details,
            **{f.name: v for f in fields(given) if (v := getattr(given, f.name)) is not None},
        )
    cleaned: dict[str, str] = {}
    for name, limit in LIMITS.items():
        cleaned[name] = validation.text(
            problems,
            getattr(details, name),
            (*PREFIX, name),
            limit=limit,
            required=name in ("name", "address_line1", "city"),
        )
    cleaned["country"] = validation.country(problems, details.country, (*PREFIX, "country"))
    if not details.country.strip():
        problems.add(ErrorKind.REQUIRED, "This field is required.", (*PREFIX, "country"))
    cleaned["email"] = validation.email(problems, details.email, (*PREFIX, "email"))
    return BillingDetails(**cleaned)
