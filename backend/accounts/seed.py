"""The demo resellers of DESIGN.md §7."""

from __future__ import annotations

from backend.accounts.models import Reseller

DEMO_RESELLERS = (
    ("Reseller Example Inc.", 2000),
    ("Second Reseller Example LLC", 3000),
)


async def seed_demo_resellers() -> None:
    """Idempotent: existing resellers (and the vendor's changes to them) are left alone."""
    for name, discount_bps in DEMO_RESELLERS:
        await Reseller.get_or_create(
            name=name, defaults={"discount_bps": discount_bps, "may_pay_by_invoice": True}
        )
