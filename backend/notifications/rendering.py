"""Email templates: each email is a subject, a plain text body and an HTML body.

An email named ``invite`` is three files in ``templates/``: ``invite.subject.txt``,
``invite.txt`` and ``invite.html`` (which extends the shared ``base.html`` layout). HTML is
autoescaped, text is not; a variable missing from the context fails loudly (``StrictUndefined``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

SUBJECT_SUFFIX = ".subject.txt"
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_utc(value: datetime) -> str:
    """A point in time for people, in UTC: ``17 May 2030 at 14:30 UTC``."""
    if value.tzinfo is None:
        raise ValueError(f"a naive datetime ({value}) cannot be shown in UTC")
    utc = value.astimezone(UTC)
    return f"{utc.day} {MONTHS[utc.month - 1]} {utc.year} at {utc:%H:%M} UTC"


_environment = Environment(
    loader=PackageLoader("backend.notifications", "templates"),
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_environment.filters["utc"] = format_utc

TEMPLATE_NAMES = frozenset(
    name.removesuffix(SUBJECT_SUFFIX)
    for name in _environment.list_templates()
    if name.endswith(SUBJECT_SUFFIX)
)
"""Every email the product can send."""


@dataclass(frozen=True, slots=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


def render_email(template: str, context: Mapping[str, Any]) -> RenderedEmail:
    """Render the three parts of one email; an unknown template name raises ``ValueError``."""
    if template not in TEMPLATE_NAMES:
        known = ", ".join(sorted(TEMPLATE_NAMES))
        raise ValueError(f"unknown email template {template!r}; the templates are: {known}")
    subject = _environment.get_template(template + SUBJECT_SUFFIX).render(context)
    return RenderedEmail(
        # one line whatever the template holds: a header cannot contain line breaks
        subject=" ".join(subject.split()),
        text=_environment.get_template(f"{template}.txt").render(context),
        html=_environment.get_template(f"{template}.html").render(context),
    )
