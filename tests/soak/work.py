"""The kinds of work a soak client does, by name (a persona's weights name them)."""

from __future__ import annotations

from collections.abc import Mapping

from tests.soak import chores, shopping
from tests.soak.client import Work

WORK: Mapping[str, Work] = {
    "browse": chores.browse,
    "checkout": shopping.checkout,
    "assign": chores.assign,
    "modify": shopping.modify,
    "pay": chores.pay,
    "export": chores.export,
    "close": chores.close,
    "reset": chores.reset,
    "denied": chores.denied,
}
