from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from momentum.core.navigation import navigation_for


def platform(request: HttpRequest) -> dict[str, Any]:
    return {
        "DEMO": settings.DEMO,
        "navigation": navigation_for(request),
    }
