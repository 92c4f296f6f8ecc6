"""The navigation registry: each app adds its entries, shown to those allowed to use them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import rules
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import Promise
from django.utils.translation import get_language
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


@dataclass(frozen=True)
class NavMenu:
    """One place in the navigation bar: a group's menu, or a single link (``label`` is None
    for a top-level entry, and a group with one allowed entry is shown as that entry)."""

    key: str
    label: str | Promise | None
    links: tuple[NavLink, ...]

    @property
    def current(self) -> bool:
        return any(link.current for link in self.links)

    @property
    def is_menu(self) -> bool:
        return self.label is not None


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


def group_of(item: NavItem) -> str:
    """The menu an entry is shown in: an unknown group goes to "programme" rather than out of
    sight, so an entry never disappears because of a misspelt group."""
    if not item.group:
        return ""
    return item.group if item.group in GROUPS else "programme"


def allowed_items(user: object) -> list[NavItem]:
    """Every registered entry ``user`` may open (the menus show exactly these)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    if getattr(user, "is_active", False) and getattr(user, "is_superuser", False):
        return list(_ITEMS)
    # The rules themselves, as ``user.has_perm`` would ask them after its superuser check, without
    # going through every authentication backend for each of some forty entries.
    return [item for item in _ITEMS if not item.permission or rules.has_perm(item.permission, user)]


def all_items() -> list[NavItem]:
    return list(_ITEMS)


def navigation_for(request: HttpRequest) -> list[NavLink]:
    return [link for _item, link in _links_for(request)]


# The entries' addresses take no arguments: each depends only on the language (its prefix),
# the script prefix and the URLconf, so it is reversed once per process for each of them.
_ADDRESSES: dict[tuple[str, str | None, str, Any], str] = {}


def _address(url_name: str, context: tuple[str | None, str, Any]) -> str:
    key = (url_name, *context)
    address = _ADDRESSES.get(key)
    if address is None:
        address = _ADDRESSES[key] = reverse(url_name)
    return address


@receiver(setting_changed)
def _forget_addresses(*, setting: str, **kwargs: Any) -> None:
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE", "FORCE_SCRIPT_NAME"}:
        _ADDRESSES.clear()


def _links_for(request: HttpRequest) -> list[tuple[NavItem, NavLink]]:
    context = (get_language(), get_script_prefix(), get_urlconf())
    allowed = [
        (item, _address(item.url_name, context))
        for item in allowed_items(getattr(request, "user", None))
    ]
    # The current entry is the one whose address is the longest prefix of the page's, so
    # /training/sessions/3/ marks "Sessions", not also "Training" (/training/).
    matching = [url for _item, url in allowed if _is_within(request.path, url)]
    current = max(matching, key=len, default=None)
    return [(item, NavLink(item.label, url, url == current)) for item, url in allowed]


def menus_for(request: HttpRequest) -> list[NavMenu]:
    """The navigation bar: top-level entries first, then each group's menu in the order of
    GROUPS; a group none of whose entries is allowed is not shown at all."""
    top: list[NavMenu] = []
    grouped: dict[str, list[NavLink]] = {key: [] for key in GROUPS}
    for item, link in _links_for(request):
        group = group_of(item)
        if group:
            grouped[group].append(link)
        else:
            top.append(NavMenu(key="", label=None, links=(link,)))
    menus = list(top)
    for key, links in grouped.items():
        if len(links) == 1:
            menus.append(NavMenu(key=key, label=None, links=(links[0],)))
        elif links:
            menus.append(NavMenu(key=key, label=GROUPS[key], links=tuple(links)))
    return menus
