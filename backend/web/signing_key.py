"""``/.well-known/license-signing-key``: the public key that verifies license certificates.

Public and static for the life of the process: installations and partners may fetch it once and
keep it (the certificate's ``keyId`` tells when a different key signed it).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from backend.licensing.signing import SigningKey

MAX_AGE = 24 * 60 * 60


class PublicSigningKey:
    def __init__(self, signing_key: SigningKey) -> None:
        self.signing_key = signing_key

    async def respond(self, request: Request) -> Response:
        etag = f'"{self.signing_key.key_id}"'
        headers = {
            "Cache-Control": f"public, max-age={MAX_AGE}",
            "ETag": etag,
            "X-Key-Id": self.signing_key.key_id,
            "Access-Control-Allow-Origin": "*",
        }
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        return Response(
            self.signing_key.public_pem, media_type="application/x-pem-file", headers=headers
        )
