"""Request-wide rules about people: a second factor for sensitive roles, their time zone."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from momentum.people.backends import AuthenticationBackend

# Paths a user without a second factor can still reach: setting one up, signing out.
_MFA_SETUP_PREFIXES = ("/accounts/", "/static/", "/healthz", "/i18n/")


def _path_without_language(path: str) -> str:
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


class RequireMFAMiddleware:
    """Staff, focal points and board members must set up a second factor before anything else
    (outside demo mode)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.MOMENTUM_MFA_REQUIRED
            and user.is_authenticated
            and user.needs_mfa
            and not _path_without_language(request.path).startswith(_MFA_SETUP_PREFIXES)
            and not AuthenticationBackend.has_second_factor(user)
        ):
            message = _(
                "Your role gives access to officers' personal data, so your account "
                "needs two-factor authentication. Set it up to continue."
            )
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"error": {"code": "mfa_required", "message": message}}, status=403
                )
            messages.warning(request, message)
            setup_url = f"{reverse('mfa_activate_totp')}?required=1"
            if getattr(request, "htmx", False):
                return HttpResponseClientRedirect(setup_url)  # a full page, not a fragment
            return redirect(setup_url)
        return self.get_response(request)


class UserTimezoneMiddleware:
    """Show times in the signed-in user's own time zone."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        tz_name = getattr(request.user, "time_zone", "") if request.user.is_authenticated else ""
        try:
            timezone.activate(zoneinfo.ZoneInfo(tz_name or "UTC"))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.deactivate()
        return self.get_response(request)
