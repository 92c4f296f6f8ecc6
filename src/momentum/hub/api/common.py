"""What the hub's API modules share: the caller's language, how an author appears, the error
shape for a service's refusal, and a page of results."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as RefusalError
from django.http import HttpRequest
from django.utils import translation
from ninja import Schema, Status

from momentum.hub.selectors.members import Display

LANGUAGES = ("ar", "fr", "en")


class ErrorDetail(Schema):
    code: str
    message: str
    details: Any = None


class ErrorOut(Schema):
    """The API's one error shape."""

    error: ErrorDetail


class AuthorOut(Schema):
    """An author as they chose to appear: full name (in the caller's script) or initials, and
    their photo only if they agreed. Nobody's e-mail address, account id or handle."""

    name: str
    photo_url: str | None = None


def author_out(display: Display | None) -> dict[str, Any]:
    if display is None:
        return {"name": str(translation.gettext("A former member")), "photo_url": None}
    return {"name": display.name, "photo_url": display.photo_url}


def caller_language(request: HttpRequest) -> str:
    """The language answers are written in: ``Accept-Language`` (or the language cookie) when
    the caller sends one, else the person's preferred language, else English."""
    sent = request.META.get("HTTP_ACCEPT_LANGUAGE") or request.COOKIES.get(
        settings.LANGUAGE_COOKIE_NAME
    )
    if sent:
        language = (translation.get_language() or "en")[:2]
    else:
        language = str(getattr(request.user, "preferred_language", "") or "en")[:2]
    return language if language in LANGUAGES else "en"


@contextmanager
def in_callers_language(request: HttpRequest) -> Iterator[str]:
    language = caller_language(request)
    with translation.override(language):
        yield language


def require_hub(request: HttpRequest) -> None:
    """Donors (and anyone else outside the programme's networks) never use the hub."""
    if not request.user.has_perm("hub.use_hub"):
        raise PermissionDenied


def refusal(error: RefusalError) -> Status[dict[str, Any]]:
    """A service's refusal in the error shape: 429 for the rate limit, 400 otherwise, with
    every message (and the fields they concern)."""
    if hasattr(error, "error_dict"):
        errors = [each for field in error.error_dict.values() for each in field]
        details: dict[str, list[str]] | None = error.message_dict
    else:
        errors, details = error.error_list, None
    codes = [each.code or "refused" for each in errors]
    status = 429 if "rate_limited" in codes else 400
    body: dict[str, Any] = {"code": codes[0], "message": " ".join(error.messages)}
    if details is not None:
        body["details"] = details
    return Status(status, {"error": body})


def page_number(value: int) -> int:
    return max(1, value)
