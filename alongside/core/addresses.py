"""The address a request came from, for per-address limits (signing in, signing up).

The server hands Django the address that connected (REMOTE_ADDR; `scripts/serve.sh`
runs uvicorn with `--no-proxy-headers`, so no header changes it first). Headers such
as X-Forwarded-For can be written by anyone, so they are believed only when the
connection comes from a proxy the operator lists in `ALONGSIDE_TRUSTED_PROXIES`
(addresses or networks). Then the client is the right-most forwarded address that is
not itself one of those proxies: the one the nearest trusted proxy saw. Behind no
proxy, a forged header changes nothing.
"""

from __future__ import annotations

import ipaddress
from functools import cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@cache
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    networks = _networks(tuple(settings.ALONGSIDE_TRUSTED_PROXIES))
    return any(ip in network for network in networks)


def client_address(request: HttpRequest) -> str:
    """The client's address, believing forwarded headers only from trusted proxies."""
    address = str(request.META.get("REMOTE_ADDR") or "")
    if not _is_trusted_proxy(address):
        return address
    forwarded = request.headers.get("X-Forwarded-For", "")
    for hop in reversed([part.strip() for part in forwarded.split(",")]):
        if not hop:
            continue
        if not _is_trusted_proxy(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return address  # junk from the far side: keep the proxy's own
    return address
