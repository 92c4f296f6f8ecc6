"""The navigation registry: each app adds its entries, shown to those allowed to use them."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    permission: str | None = None  # a rules permission; None means any signed-in user
    order: int = 100


@dataclass(frozen=True)
class NavLink:
    label: str | Promise
    url: str
    current: bool


_ITEMS: list[NavItem] = []


def register(*items: NavItem) -> None:
    for item in items:
        if item not in _ITEMS:
            _ITEMS.append(item)
    _ITEMS.sort(key=lambda item: item.order)


def navigation_for(request: HttpRequest) -> list[NavLink]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    links = []
    for item in _ITEMS:
        if item.permission and not user.has_perm(item.permission):
            continue
        url = reverse(item.url_name)
        current = request.path == url or (url.count("/") > 2 and request.path.startswith(url))
        links.append(NavLink(item.label, url, current))
    return links
