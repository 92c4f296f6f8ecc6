"""Who is asking, and how often: the client's address (behind trusted proxies) and fixed-window
rate limits whose lock-out lasts exactly what ``Retry-After`` says.

Behind a reverse proxy every request comes from the proxy's address. ``TRUSTED_PROXIES``
(``MOMENTUM_TRUSTED_PROXIES``: addresses or networks, comma-separated) names the proxies
whose ``X-Forwarded-For`` is believed: the client is the right-most address in that header
that is not itself a trusted proxy. Sign-in (allauth's adapter) and every rate limit use
``client_address``, so they agree on who the client is. With no trusted proxy the header is
ignored (anyone can write it).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _is_trusted(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request: HttpRequest) -> str:
    """The address of the person's device, as far as the trusted proxies tell."""
    remote = str(request.META.get("REMOTE_ADDR", "") or "unknown")
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    if not networks or not _is_trusted(remote, networks):
        return remote
    forwarded = [
        part.strip()
        for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
        if part.strip()
    ]
    for address in reversed(forwarded):
        if not _is_trusted(address, networks):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote  # a proxy we trust passed on garbage: count it as the proxy's
    return forwarded[0] if forwarded else remote


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int  # seconds until the window ends


def hit(scope: str, who: str, *, limit: int, window: int) -> Verdict:
    """Count one request of ``who`` in ``scope``; refused once over ``limit`` in the current
    fixed window of ``window`` seconds. The counter's key names the window, so a refused
    request never extends the lock-out: it ends when the window does, as ``retry_after``
    says, whatever the cache backend does with expiry on increment."""
    now = int(timezone.now().timestamp())
    number, elapsed = divmod(now, window)
    key = f"ratelimit:{scope}:{who}:{number}"
    retry_after = window - elapsed
    if cache.add(key, 1, window + 1):
        return Verdict(True, retry_after)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, window + 1)
        return Verdict(True, retry_after)
    return Verdict(count <= limit, retry_after)
