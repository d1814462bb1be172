"""Error codes of the catalog domain."""

from __future__ import annotations

from enum import StrEnum


class CatalogErrorCode(StrEnum):
    UNKNOWN_PRODUCT = "UNKNOWN_PRODUCT"
    UNKNOWN_EDITION = "UNKNOWN_EDITION"
    UNKNOWN_TIER = "UNKNOWN_TIER"
    UNKNOWN_ADDON = "UNKNOWN_ADDON"
