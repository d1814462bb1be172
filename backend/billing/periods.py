"""Billing periods: calendar months in UTC, written ``YYYY-MM``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

PERIOD_PATTERN = re.compile(r"(\d{4})-(\d{2})")
FIRST_YEAR = 2000
LAST_YEAR = 9998
"""A period's end (the next month's first instant) must still be a valid datetime."""


@dataclass(frozen=True, slots=True, order=True)
class Period:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not between 1 and 12")
        if not FIRST_YEAR <= self.year <= LAST_YEAR:
            raise ValueError(f"year {self.year} is not between {FIRST_YEAR} and {LAST_YEAR}")

    @classmethod
    def parse(cls, text: str) -> Period:
        """``2026-10``; raises ``ValueError`` with a sentence for anything else."""
        match = PERIOD_PATTERN.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"{text.strip()!r} is not a month written YYYY-MM, e.g. 2026-10")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def containing(cls, moment: datetime) -> Period:
        utc = moment.astimezone(UTC)
        return cls(utc.year, utc.month)

    @property
    def start(self) -> datetime:
        """Its first instant, in UTC."""
        return datetime(self.year, self.month, 1, tzinfo=UTC)

    @property
    def end(self) -> datetime:
        """The first instant after it: the next month's start."""
        return self.next().start

    def next(self) -> Period:
        return Period(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Period:
        return Period(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
