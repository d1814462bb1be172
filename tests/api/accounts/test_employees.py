"""People of an account: adding with an invitation, changing roles, removing, the last owner."""

from __future__ import annotations

import asyncio
import re

import httpx
import pytest

from backend.accounts.models import Employee
from backend.audit.models import AuditEvent
from backend.identity.models import User
from backend.identity.roles import Role
from backend.notifications.models import OutboxMessage
from tests.api.world import gid
from tests.conftest import graphql
from tests.identity.factories import make_reseller, make_user, sign_in

ADD = """
mutation ($input: AddEmployeeInput!) {
  addEmployee(input: $input) {
    employee { id name email role loginStatus }
    userErrors { code message field }
  }
}
"""
UPDATE = """
mutation ($input: UpdateEmployeeInput!) {
  updateEmployee(input: $input) {
    employee { id name role loginStatus jobTitle }
    userErrors { code message field }
  }
}
"""
REMOVE = """mutation ($id: ID!) {
  removeEmployee(input: {employeeId: $id}) { removedEmployeeId userErrors { code message } } }"""
SET_PASSWORD = """mutation ($token: String!) {
  setPassword(input: {token: $token, password: "a fine new password"}) {
    viewer { email role reseller { name } } userErrors { code } } }"""

VIEWER = "RESELLER_VIEWER"
PURCHASER = "RESELLER_PURCHASER"

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
async def owner(client: httpx.AsyncClient) -> User:
    user = await make_user(Role.RESELLER_OWNER, await make_reseller("Acme"), email="o@acme.example")
    await sign_in(client, user)
    return user


async def add(client: httpx.AsyncClient, **fields: object) -> dict[str, object]:
    body = await graphql(client, ADD, {"input": fields})
    result: dict[str, object] = body["data"]["addEmployee"]  # type: ignore[index]
    return result


async def test_an_employee_with_a_role_is_invited_and_can_set_a_password(
    client: httpx.AsyncClient, owner: User
) -> None:
    # when
    result = await add(client, name="Pat Buyer", email="Pat@Acme.example", role=PURCHASER)

    # then the person is listed as invited
    assert result["userErrors"] == []
    assert result["employee"] == {
        "id": result["employee"]["id"],  # type: ignore[index]
        "name": "Pat Buyer",
        "email": "pat@acme.example",
        "role": "RESELLER_PURCHASER",
        "loginStatus": "INVITED",
    }
    # and an invitation with a one-time link is in the outbox
    [mail] = await OutboxMessage.filter(template="invite")
    assert mail.recipients == ["pat@acme.example"]
    assert "Acme" in mail.text_body
    token = re.search(r"/set-password\?token=([\w-]+)", mail.text_body).group(1)  # type: ignore[union-attr]
    # and the link signs them in with the role given
    client.cookies.clear()
    body = await graphql(client, SET_PASSWORD, {"token": token})
    assert body["data"]["setPassword"]["viewer"] == {  # type: ignore[index]
        "email": "pat@acme.example",
        "role": "RESELLER_PURCHASER",
        "reseller": {"name": "Acme"},
    }
    # and the change is in the audit log with who did it
    event = await AuditEvent.get(action="employee.add")
    assert event.actor_label == "o@acme.example"
    assert event.changes["role"] == "RESELLER_PURCHASER"


async def test_a_contact_without_login_gets_no_email(
    client: httpx.AsyncClient, owner: User
) -> None:
    result = await add(client, name="Carla", email="carla@acme.example", jobTitle="IT")
    assert result["employee"]["role"] is None  # type: ignore[index]
    assert result["employee"]["loginStatus"] == "NONE"  # type: ignore[index]
    assert await OutboxMessage.all().count() == 0
    assert await User.filter(email="carla@acme.example").count() == 0


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"name": "X", "email": "not-an-email"}, "INVALID", "email"),
        ({"name": "", "email": "x@acme.example"}, "REQUIRED", "name"),
        ({"name": "X", "email": "x@acme.example", "role": "VENDOR_ADMIN"}, "INVALID", "role"),
        ({"name": "X", "email": "x@acme.example", "role": "CUSTOMER"}, "INVALID", "role"),
        ({"name": "X", "email": "x@acme.example", "phone": "call me"}, "INVALID", "phone"),
        ({"name": "X", "email": "o@acme.example"}, "CONFLICT", "email"),
    ],
)
async def test_bad_input_gets_a_user_error_naming_the_field(
    client: httpx.AsyncClient, owner: User, fields: dict[str, object], code: str, field: str
) -> None:
    result = await add(client, **fields)
    assert result["employee"] is None
    assert [(e["code"], e["field"]) for e in result["userErrors"]] == [  # type: ignore[attr-defined]
        (code, ["input", field])
    ]
    assert await Employee.all().count() == 1  # only the owner: nothing was added
    assert await AuditEvent.filter(action="employee.add").count() == 0


async def test_an_unknown_role_value_is_refused_naming_the_field(
    client: httpx.AsyncClient, owner: User
) -> None:
    body = await graphql(
        client, ADD, {"input": {"name": "X", "email": "x@acme.example", "role": "SUPERUSER"}}
    )
    assert body["data"] is None
    message = body["errors"][0]["message"]  # type: ignore[index]
    assert "invalid value at .role" in message
    assert "'SUPERUSER' does not exist" in message


async def test_the_email_of_someone_with_a_login_elsewhere_is_a_conflict(
    client: httpx.AsyncClient, owner: User
) -> None:
    await make_user(Role.RESELLER_OWNER, await make_reseller("Other"), email="taken@other.example")
    result = await add(client, name="T", email="taken@other.example", role="RESELLER_VIEWER")
    assert result["userErrors"][0]["field"] == ["input", "email"]  # type: ignore[index]
    assert result["userErrors"][0]["code"] == "CONFLICT"  # type: ignore[index]


async def test_roles_change_and_logins_can_be_removed(
    client: httpx.AsyncClient, owner: User
) -> None:
    added = await add(client, name="Pat", email="pat@acme.example", role="RESELLER_VIEWER")
    employee_id = added["employee"]["id"]  # type: ignore[index]

    changed = await graphql(
        client, UPDATE, {"input": {"employeeId": employee_id, "role": "RESELLER_BILLING"}}
    )
    assert changed["data"]["updateEmployee"]["employee"]["role"] == "RESELLER_BILLING"  # type: ignore[index]

    removed = await graphql(
        client, UPDATE, {"input": {"employeeId": employee_id, "removeLogin": True}}
    )
    employee = removed["data"]["updateEmployee"]["employee"]  # type: ignore[index]
    assert (employee["role"], employee["loginStatus"]) == (None, "NONE")
    assert not (await User.get(email="pat@acme.example")).is_active


async def test_the_last_owner_stays(client: httpx.AsyncClient, owner: User) -> None:
    me = gid("Employee", (await Employee.get(user_id=owner.id)).id)

    own_role = await graphql(
        client, UPDATE, {"input": {"employeeId": me, "role": "RESELLER_VIEWER"}}
    )
    removed = await graphql(client, REMOVE, {"id": me})

    assert own_role["data"]["updateEmployee"]["userErrors"][0]["code"] == "CONFLICT"  # type: ignore[index]
    assert removed["data"]["removeEmployee"]["userErrors"][0]["code"] == "CONFLICT"  # type: ignore[index]
    assert (await User.get(id=owner.id)).role is Role.RESELLER_OWNER


async def test_two_owners_demoting_each_other_at_once_leave_one_owner(
    app: object, owner: User
) -> None:
    # given a second owner, each signed in on their own client
    second = await make_user(Role.RESELLER_OWNER, await owner.reseller, email="s@acme.example")  # type: ignore[misc]
    clients = []
    for user in (owner, second):
        c = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),  # type: ignore[arg-type]
            base_url="http://testserver",
            headers={"Origin": "http://testserver"},
        )
        await sign_in(c, user)
        clients.append(c)
    first_id = gid("Employee", (await Employee.get(user_id=owner.id)).id)
    second_id = gid("Employee", (await Employee.get(user_id=second.id)).id)

    # when each demotes the other at the same moment
    results = await asyncio.gather(
        graphql(
            clients[0], UPDATE, {"input": {"employeeId": second_id, "role": "RESELLER_VIEWER"}}
        ),
        graphql(clients[1], UPDATE, {"input": {"employeeId": first_id, "role": VIEWER}}),
    )
    for c in clients:
        await c.aclose()

    # then exactly one succeeded and an owner remains
    errors = [r["data"]["updateEmployee"]["userErrors"] for r in results]  # type: ignore[index]
    assert sorted(len(e) for e in errors) == [0, 1]
    assert await User.filter(role=Role.RESELLER_OWNER, is_active=True).count() == 1


async def test_removing_a_person_ends_their_login(client: httpx.AsyncClient, owner: User) -> None:
    buyer = await make_user(Role.RESELLER_PURCHASER, await owner.reseller)  # type: ignore[misc]
    employee = await Employee.get(user_id=buyer.id)

    result = await graphql(client, REMOVE, {"id": gid("Employee", employee.id)})

    assert result["data"]["removeEmployee"]["userErrors"] == []  # type: ignore[index]
    assert not await Employee.filter(id=employee.id).exists()
    assert not (await User.get(id=buyer.id)).is_active


RESEND = """mutation ($id: ID!) {
  resendInvitation(input: {employeeId: $id}) { employee { loginStatus } userErrors { code } } }"""


async def test_a_new_invitation_replaces_the_old_link(
    client: httpx.AsyncClient, owner: User
) -> None:
    added = await add(client, name="Pat", email="pat@acme.example", role=PURCHASER)
    employee_id = added["employee"]["id"]  # type: ignore[index]

    resent = await graphql(client, RESEND, {"id": employee_id})

    assert resent["data"]["resendInvitation"]["userErrors"] == []  # type: ignore[index]
    first, second = [
        re.search(r"token=([\w-]+)", m.text_body).group(1)  # type: ignore[union-attr]
        for m in await OutboxMessage.filter(template="invite").order_by("id")
    ]
    client.cookies.clear()
    old = await graphql(client, SET_PASSWORD, {"token": first})
    new = await graphql(client, SET_PASSWORD, {"token": second})
    assert old["data"]["setPassword"]["userErrors"] == [{"code": "INVALID"}]  # type: ignore[index]
    assert new["data"]["setPassword"]["userErrors"] == []  # type: ignore[index]


async def test_only_someone_still_invited_can_be_invited_again(
    client: httpx.AsyncClient, owner: User
) -> None:
    me = gid("Employee", (await Employee.get(user_id=owner.id)).id)
    result = await graphql(client, RESEND, {"id": me})
    assert result["data"]["resendInvitation"]["userErrors"] == [{"code": "CONFLICT"}]  # type: ignore[index]
