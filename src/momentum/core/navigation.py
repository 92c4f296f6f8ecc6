"""The navigation registry: each app adds its entries, shown to those allowed to use them."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    permission: str | None = None  # a rules permission; None means any signed-in user
    order: int = 100
    group: str = ""  # one of GROUPS: the menu the entry belongs to ("" = top level)


@dataclass(frozen=True)
class NavLink:
    label: str | Promise
    url: str
    current: bool


# The menus of the navigation, in order. An activity puts its entries in the group it belongs
# to; a group is shown when at least one of its entries is allowed.
GROUPS: dict[str, str | Promise] = {
    "training": _("Training"),
    "mentoring": _("Mentoring"),
    "hub": _("Knowledge Hub"),
    "programme": _("Programme"),
    "people": _("People"),
}

_ITEMS: list[NavItem] = []


def register(*items: NavItem) -> None:
    for item in items:
        if item not in _ITEMS:
            _ITEMS.append(item)
    _ITEMS.sort(key=lambda item: item.order)


def _is_within(path: str, url: str) -> bool:
    if path == url:
        return True
    # The home page (/en/) is the prefix of everything: it is current only on itself.
    return url.count("/") > 2 and path.startswith(url)


def navigation_for(request: HttpRequest) -> list[NavLink]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    allowed = [
        (item, reverse(item.url_name))
        for item in _ITEMS
        if not item.permission or user.has_perm(item.permission)
    ]
    # The current entry is the one whose address is the longest prefix of the page's, so
    # /training/sessions/3/ marks "Sessions", not also "Training" (/training/).
    matching = [url for _item, url in allowed if _is_within(request.path, url)]
    current = max(matching, key=len, default=None)
    links = [NavLink(item.label, url, url == current) for item, url in allowed]
    return links
