"""Where a delivery may connect to: in production, public addresses only.

Registration refuses an endpoint URL naming a local or private IP address, but a name may
resolve to one (an internal host, the cloud's metadata address), today or after the endpoint
was registered (DNS rebinding). So the check is made again on every connection, on the very
addresses the connection uses: ``PublicAddressesOnly`` resolves the name itself, refuses the
connection if any address is not public, and connects to the address it checked. TLS still
verifies the certificate against the URL's name (httpcore starts TLS with the request's host).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
from collections.abc import Awaitable, Callable, Iterable

import httpcore
import httpx

Resolve = Callable[[str, int], Awaitable[list[str]]]
"""A name and port to the addresses to connect to, in order."""


async def resolve(host: str, port: int) -> list[str]:
    """The addresses the system resolver gives ``host``, without repeats."""
    try:
        found = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise httpcore.ConnectError(f"{host} cannot be resolved ({exc.strerror}).") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in found))


def is_public(address: str) -> bool:
    """Whether ``address`` is a globally routable IP address (not loopback, private, link-local,
    shared, reserved, multicast, or an IPv4-mapped form of one)."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:  # a scoped IPv6 address (fe80::1%eth0) is link-local anyway
        return False
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        parsed = parsed.ipv4_mapped
    return parsed.is_global and not parsed.is_multicast


class PublicAddressesOnly(httpcore.AsyncNetworkBackend):
    """A network backend that connects only to public addresses, the ones it checked."""

    def __init__(
        self, inner: httpcore.AsyncNetworkBackend | None = None, resolver: Resolve = resolve
    ) -> None:
        self._inner = inner or httpcore.AnyIOBackend()
        self._resolve = resolver

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await self._resolve(host, port)
        if not addresses:
            raise httpcore.ConnectError(f"{host} has no address.")
        refused = [address for address in addresses if not is_public(address)]
        if refused:
            raise httpcore.ConnectError(
                f"{host} resolves to {refused[0]}, which is not a public address."
            )
        failure: httpcore.ConnectError | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = httpcore.ConnectError(str(exc) or f"{address} refused the connection.")
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore's interface
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("Deliveries do not use Unix sockets.")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def public_transport(resolver: Resolve = resolve) -> httpx.AsyncHTTPTransport:
    """httpx's transport, connecting through ``PublicAddressesOnly``.

    httpx takes no network backend; the connection pool it wraps (httpcore's) does. So the
    transport's pool is replaced by one like it (the default TLS context, one connection per
    request at most ten at once) with that backend."""
    transport = httpx.AsyncHTTPTransport(trust_env=False)
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=ssl.create_default_context(),
        network_backend=PublicAddressesOnly(resolver=resolver),
    )
    return transport
