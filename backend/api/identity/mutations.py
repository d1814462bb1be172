"""Identity mutations: signing in and out, passwords, API keys."""

from __future__ import annotations

import strawberry

from backend.api.context import Info
from backend.api.enums import Permission, Role
from backend.api.errors import UserError, errors_field, user_errors
from backend.api.identity.types import ApiKey, Viewer, viewer_of
from backend.api.ids import local_id, required_id
from backend.api.permissions import AUTHENTICATED, PUBLIC, access
from backend.errors import DomainError
from backend.identity import api_keys, profile, sessions, set_password
from backend.web.auth import clear_session_cookie, client_address, set_session_cookie


@strawberry.input(description="Credentials to sign in with.")
class LoginInput:
    email: str = strawberry.field(description="The account's email address.")
    password: str = strawberry.field(description="The password.")


@strawberry.type(description="The result of signing in: a session cookie is set on success.")
class LoginPayload:
    viewer: Viewer | None = strawberry.field(description="Who is now signed in.", default=None)
    user_errors: list[UserError] = strawberry.field(
        description="Why it failed.", default_factory=list
    )


@strawberry.input(description="Signing out.")
class LogoutInput:
    everywhere: bool = strawberry.field(
        description="End every session of this user, on every device.", default=False
    )


@strawberry.type(description="The result of signing out.")
class LogoutPayload:
    user_errors: list[UserError] = strawberry.field(
        description="Always empty.", default_factory=list
    )


@strawberry.input(description="A new password, with the token of a set-password link.")
class SetPasswordInput:
    token: str = strawberry.field(description="The token from the link.")
    password: str = strawberry.field(description="The new password, 10 characters or more.")


@strawberry.type(description="The result of setting a password: the user is then signed in.")
class SetPasswordPayload:
    viewer: Viewer | None = strawberry.field(description="Who is now signed in.", default=None)
    user_errors: list[UserError] = strawberry.field(
        description="Why it failed.", default_factory=list
    )


@strawberry.input(description="Ask for a link to choose a new password.")
class RequestPasswordResetInput:
    email: str = strawberry.field(description="The account's email address.")


@strawberry.type(description="Always the same answer, whether or not the address has a login.")
class RequestPasswordResetPayload:
    user_errors: list[UserError] = errors_field("Only when asking too often.")


@strawberry.input(description="A new API key.")
class CreateApiKeyInput:
    name: str = strawberry.field(description="What the key is for, e.g. 'Web shop'.")
    role: Role = strawberry.field(description="Purchaser, billing or viewer.")
    reseller_id: strawberry.ID | None = strawberry.field(
        description="The account (vendor admins only; others get their own).", default=None
    )


@strawberry.type(description="The new key and its secret, which is shown only this once.")
class CreateApiKeyPayload:
    api_key: ApiKey | None = strawberry.field(description="The key.", default=None)
    secret: str | None = strawberry.field(
        description="Send as `Authorization: Bearer <secret>`. Store it now: it cannot be "
        "shown again.",
        default=None,
    )
    user_errors: list[UserError] = strawberry.field(
        description="Why it failed.", default_factory=list
    )


@strawberry.input(description="The API key to revoke.")
class RevokeApiKeyInput:
    api_key_id: strawberry.ID = strawberry.field(description="The key's id.")


@strawberry.type(description="The revoked key.")
class RevokeApiKeyPayload:
    api_key: ApiKey | None = strawberry.field(description="The key, now revoked.", default=None)
    user_errors: list[UserError] = strawberry.field(
        description="Why it failed.", default_factory=list
    )


@strawberry.input(description="A new password for the signed-in user.")
class ChangePasswordInput:
    current_password: str = strawberry.field(description="The password used today.")
    new_password: str = strawberry.field(description="The new password, 10 characters or more.")


@strawberry.type(description="The result of changing the password; other sessions are ended.")
class ChangePasswordPayload:
    user_errors: list[UserError] = errors_field()


def _user_agent(info: Info) -> str:
    return info.context.request.headers.get("user-agent", "")


async def _start(info: Info, new: sessions.NewSession) -> Viewer | None:
    if info.context.response is not None:
        set_session_cookie(info.context.response, info.context.settings, new.token)
    actor = sessions.actor_for(
        new.user, ip_address=info.context.actor.ip_address, session_id=new.session.id
    )
    info.context.actor = actor
    return viewer_of(actor)


@strawberry.type
class IdentityMutation:
    @strawberry.mutation(description="Sign in; sets the session cookie.", extensions=access(PUBLIC))
    async def login(self, info: Info, input: LoginInput) -> LoginPayload:
        try:
            new = await sessions.login(
                email=input.email,
                password=input.password,
                ip_address=client_address(info.context.request),
                user_agent=_user_agent(info),
                request_id=info.context.actor.request_id,
            )
        except DomainError as error:
            return LoginPayload(user_errors=user_errors(error))
        await sessions.logout(info.context.actor)  # the browser's previous session ends
        return LoginPayload(viewer=await _start(info, new))

    @strawberry.mutation(description="Sign out: ends the session.", extensions=access(PUBLIC))
    async def logout(self, info: Info, input: LogoutInput | None = None) -> LogoutPayload:
        actor = info.context.actor
        if input is not None and input.everywhere and actor.user_id is not None:
            await sessions.logout_everywhere(actor)
        else:
            await sessions.logout(actor)
        if info.context.response is not None:
            clear_session_cookie(info.context.response, info.context.settings)
        return LogoutPayload()

    @strawberry.mutation(
        description="Choose a password with the token of an invitation or reset link; signs in.",
        extensions=access(PUBLIC),
    )
    async def set_password(self, info: Info, input: SetPasswordInput) -> SetPasswordPayload:
        try:
            new = await set_password.set_password(
                token=input.token,
                password=input.password,
                ip_address=client_address(info.context.request),
                user_agent=_user_agent(info),
                request_id=info.context.actor.request_id,
            )
        except DomainError as error:
            return SetPasswordPayload(user_errors=user_errors(error))
        return SetPasswordPayload(viewer=await _start(info, new))

    @strawberry.mutation(
        description="Email a link to choose a new password, if the address has a login.",
        extensions=access(PUBLIC),
    )
    async def request_password_reset(
        self, info: Info, input: RequestPasswordResetInput
    ) -> RequestPasswordResetPayload:
        try:
            await set_password.request_reset(
                email=input.email,
                ip_address=client_address(info.context.request),
                public_url=info.context.settings.public_url,
            )
        except DomainError as error:
            return RequestPasswordResetPayload(user_errors=user_errors(error))
        return RequestPasswordResetPayload()

    @strawberry.mutation(
        description="Change your password; signs out your other sessions.",
        extensions=access(AUTHENTICATED),
    )
    async def change_password(
        self, info: Info, input: ChangePasswordInput
    ) -> ChangePasswordPayload:
        try:
            await profile.change_password(
                actor=info.context.actor,
                current_password=input.current_password,
                new_password=input.new_password,
            )
        except DomainError as error:
            return ChangePasswordPayload(user_errors=user_errors(error))
        return ChangePasswordPayload()

    @strawberry.mutation(
        description="Create an API key; its secret is in the answer and never again.",
        extensions=access(Permission.API_KEYS_MANAGE),
    )
    async def create_api_key(self, info: Info, input: CreateApiKeyInput) -> CreateApiKeyPayload:
        try:
            key, secret = await api_keys.create_api_key(
                actor=info.context.actor,
                reseller_id=local_id(
                    input.reseller_id, "Reseller", what="reseller", field="reseller_id"
                ),
                name=input.name,
                role=input.role,
            )
        except DomainError as error:
            return CreateApiKeyPayload(user_errors=user_errors(error))
        return CreateApiKeyPayload(api_key=ApiKey.from_row(key), secret=secret)

    @strawberry.mutation(
        description="Revoke an API key: it stops working at once.",
        extensions=access(Permission.API_KEYS_MANAGE),
    )
    async def revoke_api_key(self, info: Info, input: RevokeApiKeyInput) -> RevokeApiKeyPayload:
        try:
            key = await api_keys.revoke_api_key(
                actor=info.context.actor,
                api_key_id=required_id(
                    input.api_key_id, "ApiKey", what="API key", field="api_key_id"
                ),
            )
        except DomainError as error:
            return RevokeApiKeyPayload(user_errors=user_errors(error))
        return RevokeApiKeyPayload(api_key=ApiKey.from_row(key))
