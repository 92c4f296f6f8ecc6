"""What the support office's views share."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.http import HttpRequest

from momentum.core.forms import add_service_errors
from momentum.support.services.files import CheckedFile, check_files

PER_PAGE = 25


def page_of(request: HttpRequest, items: Any) -> Page:
    return Paginator(items, PER_PAGE).get_page(request.GET.get("page"))


def checked_files(form: Any) -> list[CheckedFile] | None:
    """The form's files checked, or None with the refusals shown beside the field."""
    try:
        return check_files(form.cleaned_data.get("attachments") or [])
    except ValidationError as error:
        add_service_errors(form, error)
        return None


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))
