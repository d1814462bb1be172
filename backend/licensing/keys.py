"""License keys: six groups of six characters, e.g. ``7KQ2MX-R9TP4H-…``.

The alphabet leaves out characters people confuse (0/O, 1/I/L, U/V), so a key read aloud or
typed from paper comes out right. Each character comes from the operating system's
cryptographic random source: 36 characters of a 29-character alphabet are about 175 bits, so
a key cannot be guessed, and the database's unique constraint makes a duplicate impossible.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
GROUPS = 6
GROUP_LENGTH = 6
KEY_PATTERN = re.compile(
    rf"^[{ALPHABET}]{{{GROUP_LENGTH}}}(-[{ALPHABET}]{{{GROUP_LENGTH}}}){{{GROUPS - 1}}}$"
)


def new_key() -> str:
    return "-".join(
        "".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS)
    )


def normalize_key(value: str) -> str:
    """A key as typed (any case, spaces, missing dashes) in its canonical form; may not be valid."""
    compact = re.sub(r"[\s-]", "", value).upper()
    if len(compact) != GROUPS * GROUP_LENGTH:
        return value.strip().upper()
    return "-".join(compact[i : i + GROUP_LENGTH] for i in range(0, len(compact), GROUP_LENGTH))


def key_prefix(value: str) -> str | None:
    """The beginning of a key as typed (any case, spaces, with or without dashes) in canonical
    form, e.g. ``"7kq2mxr9"`` -> ``"7KQ2MX-R9"``; None when no key can begin so."""
    compact = re.sub(r"[\s-]", "", value).upper()
    if not compact or len(compact) > GROUPS * GROUP_LENGTH or set(compact) - set(ALPHABET):
        return None
    return "-".join(compact[i : i + GROUP_LENGTH] for i in range(0, len(compact), GROUP_LENGTH))


def is_key(value: str) -> bool:
    return KEY_PATTERN.match(value) is not None
