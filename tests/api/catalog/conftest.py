from __future__ import annotations

import httpx
import pytest


@pytest.fixture(autouse=True)
def _signed_in(signed_in: httpx.AsyncClient) -> None:
    """The catalog is for signed-in users: these tests read it as a purchaser."""
