from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from momentum.core.navigation import menus_for, navigation_for


def platform(request: HttpRequest) -> dict[str, Any]:
    return {
        "DEMO": settings.DEMO,
        # Lazy: fragments (htmx) and plain pages never pay for permission checks they don't show.
        "navigation": SimpleLazyObject(lambda: navigation_for(request)),
        "navigation_menus": SimpleLazyObject(lambda: menus_for(request)),
    }
