"""The demo data: the demo customer owns a license of the first demo reseller, assigned once."""

from __future__ import annotations

import pytest

from backend.audit.models import AuditEvent
from backend.demo import seed_demo
from backend.identity.models import User
from backend.licensing.models import License
from backend.notifications.models import OutboxMessage
from tests.identity.factories import DEMO_PASSWORD

pytestmark = pytest.mark.usefixtures("db")


async def test_the_demo_customer_owns_a_license_and_others_wait_for_assignment() -> None:
    # when the demo is seeded twice
    await seed_demo(password=DEMO_PASSWORD, public_url="http://demo.example")
    await seed_demo(password=DEMO_PASSWORD, public_url="http://demo.example")

    # then the demo customer has one license of the first demo reseller, assigned once
    customer = await User.get(email="customer@example.com")
    [license] = await License.filter(customer_id=customer.id).prefetch_related("reseller")
    assert license.reseller.name == "Reseller Example Inc." and not license.personal
    assert await AuditEvent.filter(action="license.assigned").count() == 1
    [mail] = await OutboxMessage.filter(template="license_assigned")
    assert mail.recipients == ["customer@example.com"]
    assert license.key in mail.text_body and "http://demo.example/login" in mail.text_body
    # and a few licenses for resale are still unassigned
    unassigned = License.filter(customer_id__isnull=True, personal=False)
    assert await unassigned.filter(reseller_id=license.reseller_id).count() >= 3
