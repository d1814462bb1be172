"""Who is asking, and the one place where tenant scoping happens.

Every request has an ``Actor``: a signed-in user, an API key or anonymous. Business code reads
tenant-owned rows only through ``actor.scope(Model)``, which narrows the query to the actor's
reseller (vendor admins see everything, anonymous callers see nothing). A model takes part by
declaring ``tenant_field``, the path from it to the reseller's id. Customers see only the rows
of models that also declare ``customer_field`` (the path to the customer's user id: licenses and
their installations), and only their own. A row outside the scope is indistinguishable from a
missing one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from backend.errors import DomainError, ErrorKind, not_found
from backend.identity.roles import ROLE_PERMISSIONS, Permission, Role

ModelT = TypeVar("ModelT", bound=Model)


@dataclass(frozen=True, slots=True)
class Actor:
    role: Role | None = None
    """None for anonymous callers."""
    user_id: int | None = None
    api_key_id: int | None = None
    session_id: int | None = None
    reseller_id: int | None = None
    label: str = "anonymous"
    """How the audit log names the actor: an email or an API key's prefix."""
    name: str = ""
    """How people call the actor: a user's name, or the API key's label."""
    ip_address: str = ""
    request_id: str = ""

    @property
    def is_authenticated(self) -> bool:
        return self.role is not None

    @property
    def is_vendor(self) -> bool:
        return self.role is Role.VENDOR_ADMIN

    @property
    def is_customer(self) -> bool:
        return self.role is Role.CUSTOMER

    def can(self, permission: Permission) -> bool:
        return self.role is not None and permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise DomainError(ErrorKind.PERMISSION_DENIED, "Your role does not allow this.")

    def scope(self, model: type[ModelT]) -> QuerySet[ModelT]:
        """The rows of ``model`` this actor may see."""
        tenant_field: str | None = getattr(model, "tenant_field", None)
        if tenant_field is None:
            raise TypeError(f"{model.__name__} declares no tenant_field")
        queryset = model.all()
        if self.is_vendor:
            return queryset
        if self.role is Role.CUSTOMER and self.user_id is not None:
            customer_field: str | None = getattr(model, "customer_field", None)
            if customer_field is not None:
                return queryset.filter(**{customer_field: self.user_id})
        if self.reseller_id is None:
            return queryset.filter(id__in=[])
        filters: dict[str, Any] = {tenant_field: self.reseller_id}
        return queryset.filter(**filters)

    def target_reseller(self, reseller_id: int | None, *, field: str = "reseller_id") -> int:
        """The reseller a change is for: the actor's own, or (vendor admins) the one named."""
        if self.is_vendor:
            if reseller_id is None:
                raise DomainError(ErrorKind.REQUIRED, "Name the reseller this is for.", field=field)
            return reseller_id
        if self.reseller_id is None:
            raise DomainError(ErrorKind.PERMISSION_DENIED, "Your role does not allow this.")
        if reseller_id is not None and reseller_id != self.reseller_id:
            raise not_found("reseller", field)
        return self.reseller_id


ANONYMOUS = Actor()
