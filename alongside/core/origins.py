"""Which web pages may open our sockets: the whole origin (scheme, host and port) of
the page must be one of the site's own.

A browser sends the page's origin with every socket it opens, and a page on another
site can open a socket to ours with our visitor's cookie. Comparing the host alone
would let a page from another port or scheme of the same host in (a test server on
:8080, an old http:// page), so the origin is compared whole against:

- the address the browser reached us at: its Host header, when that is one of
  ALLOWED_HOSTS, with https when the socket is secure (directly, or through the proxy
  named in SECURE_PROXY_SSL_HEADER) and http otherwise;
- ALONGSIDE_SITE_URL, CSRF_TRUSTED_ORIGINS and ALONGSIDE_ALLOWED_ORIGINS.

Matching (default ports, exact hosts) is Channels' own `OriginValidator`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import ParseResult, urlparse

from channels.security.websocket import OriginValidator, WebsocketDenier
from django.conf import settings
from django.http.request import split_domain_port, validate_host


def _header(scope: dict[str, Any], name: bytes) -> str | None:
    for header_name, value in scope.get("headers", []):
        if header_name == name:
            try:
                return str(value.decode("latin1"))
            except UnicodeDecodeError:
                return None
    return None


def _is_secure(scope: dict[str, Any]) -> bool:
    if scope.get("scheme") in ("wss", "https"):
        return True
    proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if not proxy_header:
        return False
    name, secure_value = proxy_header
    meta_name = name.removeprefix("HTTP_").lower().replace("_", "-").encode()
    value = _header(scope, meta_name) or ""
    return bool(value.split(",")[0].strip() == secure_value)


def site_origins(scope: dict[str, Any]) -> list[str]:
    """The origins allowed to open this socket."""
    origins = [
        origin.replace("://*.", "://.")
        for origin in [
            settings.ALONGSIDE_SITE_URL,
            *settings.CSRF_TRUSTED_ORIGINS,
            *settings.ALONGSIDE_ALLOWED_ORIGINS,
        ]
        if origin
    ]
    host = _header(scope, b"host")
    if host:
        domain, _ = split_domain_port(host)
        if domain and validate_host(domain, settings.ALLOWED_HOSTS):
            scheme = "https" if _is_secure(scope) else "http"
            origins.append(f"{scheme}://{host.lower()}")
    return origins


class SiteOriginValidator(OriginValidator):  # type: ignore[misc]
    """Refuses the handshake (HTTP 403) for a socket opened from any other origin."""

    def __init__(self, application: Any) -> None:
        super().__init__(application, allowed_origins=[])

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        if self._is_ours(scope):
            return await self.application(scope, receive, send)
        return await WebsocketDenier()(scope, receive, send)

    def _is_ours(self, scope: dict[str, Any]) -> bool:
        origin = _header(scope, b"origin")
        if not origin:
            return False
        parsed: ParseResult = urlparse(origin)
        try:
            return any(
                self.match_allowed_origin(parsed, allowed)
                for allowed in site_origins(scope)
            )
        except ValueError:
            # A port that is not a number ("http://host:80.evil.example").
            return False
