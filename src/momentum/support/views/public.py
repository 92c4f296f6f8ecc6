"""The public contact form (anyone, no account) and the private page where a visitor follows
her request by the link she received. Nothing on these pages is loaded from elsewhere."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.support import selectors
from momentum.support.forms import AskerReplyForm, PublicAskForm
from momentum.support.services import requests as services
from momentum.support.views.asker import _asker_page, answer, rate_and_return
from momentum.support.views.common import checked_files, client_address

logger = logging.getLogger(__name__)


def contact(request: HttpRequest) -> HttpResponse:
    form = PublicAskForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get("website"):
            # The honeypot was filled in: a program, not a person. Nothing is saved.
            logger.info("Support contact form: a submission filled the hidden field.")
            return render(request, "support/contact_sent.html", {"reference": None})
        files = checked_files(form)
        if files is not None:
            try:
                opened = services.open_public_request(
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    language=translation.get_language() or "en",
                    country=form.cleaned_data["country"],
                    category=form.cleaned_data["category"],
                    subject=form.cleaned_data["subject"],
                    description=form.cleaned_data["description"],
                    files=files,
                    address=client_address(request),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return render(
                    request,
                    "support/contact_sent.html",
                    {
                        "reference": opened.reference,
                        "follow_url": reverse("support:follow", args=[opened.access_token]),
                    },
                )
    return render(request, "support/contact.html", {"form": form})


def follow(request: HttpRequest, token: str) -> HttpResponse:
    support_request = selectors.get_request_by_token(token)
    return _asker_page(request, support_request, AskerReplyForm(), token=token)


@require_POST
def follow_answer(request: HttpRequest, token: str) -> HttpResponse:
    support_request = selectors.get_request_by_token(token)
    return answer(
        request, support_request, back=reverse("support:follow", args=[token]), token=token
    )


@require_POST
def follow_rate(request: Any, token: str) -> HttpResponse:
    support_request = selectors.get_request_by_token(token)
    return rate_and_return(request, support_request, reverse("support:follow", args=[token]))
