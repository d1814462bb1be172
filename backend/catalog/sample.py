"""The sample catalog that ships with the product (DESIGN.md §2); the vendor edits prices later.

Prices are integer cents. A (edition, tier) pair without a price is not on sale: each Free edition
is sold only at its own small tier, at price 0.
"""

from __future__ import annotations

from dataclasses import dataclass

FREE, PRO, ENT = "free", "professional", "enterprise"
EDITIONS = (
    (FREE, "Free", "The free edition, for small installations."),
    (PRO, "Professional", "For businesses: every core feature."),
    (ENT, "Enterprise", "For organisations: every feature, every add-on."),
)


@dataclass(frozen=True)
class SampleAddon:
    code: str
    name: str
    description: str
    editions: tuple[str, ...]
    yearly_cents: dict[str, int]


@dataclass(frozen=True)
class SampleProduct:
    code: str
    name: str
    unit: str
    description: str
    tiers: tuple[tuple[str, int | None], ...]  # (code, seats); seats None = unlimited
    prices: dict[str, dict[str, int]]  # edition code -> tier code -> cents
    addons: tuple[SampleAddon, ...] = ()


def _cents(dollars: int) -> int:
    return dollars * 100


SAMPLE_PRODUCTS = (
    SampleProduct(
        code="smartermail",
        name="SmarterMail",
        unit="mailboxes",
        description="Email and collaboration server.",
        tiers=(("10", 10), ("250", 250), ("1000", 1000), ("unlimited", None)),
        prices={
            FREE: {"10": 0},
            PRO: {"250": _cents(399), "1000": _cents(799), "unlimited": _cents(1499)},
            ENT: {"250": _cents(749), "1000": _cents(1249), "unlimited": _cents(2499)},
        },
        addons=(
            SampleAddon(
                "activesync",
                "Exchange ActiveSync",
                "Native sync for phones and tablets, per mailbox.",
                (ENT,),
                {"250": _cents(250), "1000": _cents(800), "unlimited": _cents(1600)},
            ),
            SampleAddon(
                "mapi-ews",
                "MAPI/EWS",
                "Outlook and Exchange Web Services connectivity, server-wide.",
                (ENT,),
                {"250": _cents(300), "1000": _cents(900), "unlimited": _cents(1800)},
            ),
            SampleAddon(
                "cyren-antispam",
                "Cyren Antispam",
                "Recurrent-pattern spam detection.",
                (PRO, ENT),
                {"250": _cents(150), "1000": _cents(450), "unlimited": _cents(900)},
            ),
            SampleAddon(
                "cyren-zero-hour",
                "Cyren Zero-hour Antivirus",
                "Catches virus outbreaks before signatures exist.",
                (PRO, ENT),
                {"250": _cents(150), "1000": _cents(450), "unlimited": _cents(900)},
            ),
            SampleAddon(
                "message-sniffer",
                "Message Sniffer",
                "Pattern-based spam and malware filtering.",
                (PRO, ENT),
                {"250": _cents(100), "1000": _cents(300), "unlimited": _cents(600)},
            ),
        ),
    ),
    SampleProduct(
        code="smartertrack",
        name="SmarterTrack",
        unit="agents",
        description="Help desk and customer service.",
        tiers=(("1", 1), ("2", 2), ("5", 5), ("10", 10), ("unlimited", None)),
        prices={
            FREE: {"1": 0},
            PRO: {"2": _cents(199), "5": _cents(449), "10": _cents(799), "unlimited": _cents(1999)},
            ENT: {
                "2": _cents(299),
                "5": _cents(649),
                "10": _cents(1149),
                "unlimited": _cents(2899),
            },
        },
        addons=(
            SampleAddon(
                "communicator",
                "Communicator",
                "Real-time chat, voice and video for agents.",
                (PRO, ENT),
                {"2": _cents(49), "5": _cents(99), "10": _cents(179), "unlimited": _cents(399)},
            ),
        ),
    ),
    SampleProduct(
        code="smarterstats",
        name="SmarterStats",
        unit="sites",
        description="Web analytics and SEO.",
        tiers=(("1", 1), ("50", 50), ("250", 250), ("1000", 1000)),
        prices={
            FREE: {"1": 0},
            PRO: {"50": _cents(199), "250": _cents(499), "1000": _cents(999)},
            ENT: {"50": _cents(349), "250": _cents(799), "1000": _cents(1599)},
        },
    ),
)


def tier_name(code: str, seats: int | None, unit: str) -> str:
    """``"250 mailboxes"``, ``"1 site"``, ``"Unlimited"``."""
    if seats is None:
        return "Unlimited"
    singular = unit[:-1] if unit.endswith("s") else unit
    return f"{seats} {singular if seats == 1 else unit}"
