"""The page behind the unsubscribe link of every hub e-mail (no sign-in needed: the signed
token says who and what).

A GET only asks for confirmation (one button), so a mail scanner following links stops
nothing. A POST of ``List-Unsubscribe=One-Click`` (RFC 8058, sent by mail programs without
any cookie) unsubscribes at once, which is why the view is exempt from CSRF; the button's own
POST is still checked for its CSRF token."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from momentum.core.notifications import email_settings_url, read_unsubscribe_token
from momentum.hub.selectors.members import settings_of
from momentum.hub.services import unsubscribe as service
from momentum.people.models import User

WHAT_STOPS = {
    service.MENTION: gettext_lazy("e-mails when someone mentions you in the Knowledge Hub"),
    service.REPLY: gettext_lazy(
        "e-mails when someone replies in a Knowledge Hub thread you take part in"
    ),
    service.DIGEST: gettext_lazy("the Knowledge Hub digest"),
}


def _person_and_topic(token: str) -> tuple[User, str] | None:
    try:
        user_pk, topic = read_unsubscribe_token(token)
    except signing.BadSignature:
        return None
    user = User.objects.filter(pk=user_pk, is_active=True).first()
    if user is None or topic not in service.TOPICS:
        return None
    return user, topic


def _invalid(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "error.html",
        {
            "status": 400,
            "title": _("This link does not work"),
            "message": _(
                "This unsubscribe link is incomplete or was changed. Open the link from the "
                "e-mail again, or choose which e-mails you receive in your hub settings once "
                "signed in."
            ),
        },
        status=400,
    )


def _is_one_click(request: HttpRequest) -> bool:
    return request.POST.get("List-Unsubscribe") == "One-Click"


def _csrf_refusal(request: HttpRequest) -> HttpResponse | None:
    """The usual CSRF check, for the confirmation button's POST (the view itself is exempt so
    that mail programs can POST the one-click form)."""

    def checked_view(request: HttpRequest) -> HttpResponse:  # not exempt
        return HttpResponse()

    middleware = CsrfViewMiddleware(checked_view)
    return middleware.process_view(request, checked_view, (), {})


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    found = _person_and_topic(token)
    if found is None:
        return _invalid(request)
    person, topic = found
    if request.method == "POST":
        one_click = _is_one_click(request)
        if not one_click:
            refusal = _csrf_refusal(request)
            if refusal is not None:
                return refusal
        service.unsubscribe(user=person, topic=topic, one_click=one_click)
        if one_click:
            return HttpResponse(
                _("You will no longer receive %(what)s.") % {"what": WHAT_STOPS[topic]},
                content_type="text/plain; charset=utf-8",
            )
        messages.success(
            request, _("Done: you will no longer receive %(what)s.") % {"what": WHAT_STOPS[topic]}
        )
        return redirect(request.path)
    context: dict[str, Any] = {
        "what": WHAT_STOPS[topic],
        "subscribed": service.is_subscribed(settings_of(person), topic),
        "settings_url": email_settings_url(get_language()),
    }
    return render(request, "hub/unsubscribe/confirm.html", context)
