"""What the shop sells, as the soak's clients read it from the ``ShopCatalog`` page: the
choices on sale and, for a license, the dearer edition and tier pairs it may be upgraded to."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Choice:
    """A product, edition and tier on sale, with the add-ons that edition may have there."""

    product: str
    edition: str
    tier: str
    cents: int
    addons: tuple[str, ...]


class Catalog:
    """What the shop sells, read once from the ``ShopCatalog`` page."""

    def __init__(self, products: list[dict[str, Any]]) -> None:
        self.choices: list[Choice] = []
        self.prices: dict[tuple[str, str, str], int] = {}
        self.editions: dict[str, list[str]] = {}
        self.tiers: dict[str, list[str]] = {}
        for product in products:
            code = product["code"]
            self.editions[code] = [e["code"] for e in product["editions"]]
            self.tiers[code] = [t["code"] for t in product["tiers"]]
            for price in product["prices"]:
                edition, tier = price["edition"]["code"], price["tier"]["code"]
                cents = int(Decimal(price["price"]["amount"]) * 100)
                self.prices[(code, edition, tier)] = cents
                addons = tuple(
                    a["code"]
                    for a in product["addons"]
                    if edition in {e["code"] for e in a["allowedEditions"]}
                    and tier in {p["tier"]["code"] for p in a["prices"]}
                )
                self.choices.append(Choice(code, edition, tier, cents, addons))

    def upgrades(self, product: str, edition: str, tier: str) -> list[tuple[str, str]]:
        """(edition, tier) pairs on sale at least as high in both and dearer than the current."""
        current = self.prices.get((product, edition, tier))
        if current is None:
            return []
        editions, tiers = self.editions[product], self.tiers[product]
        return [
            (e, t)
            for (p, e, t), cents in self.prices.items()
            if p == product
            and cents > current
            and editions.index(e) >= editions.index(edition)
            and tiers.index(t) >= tiers.index(tier)
        ]
