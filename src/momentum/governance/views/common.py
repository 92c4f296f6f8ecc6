"""What the governance views share: the staff check and the redirect after a refusal."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest

from momentum.governance.rules import sees_board_business


def require_board(request: HttpRequest) -> None:
    if not sees_board_business(request.user):
        raise PermissionDenied


def require_staff(request: HttpRequest) -> None:
    if not request.user.has_perm("governance.manage_board"):
        raise PermissionDenied


def show_refusal(request: HttpRequest, error: ValidationError) -> None:
    """A service's refusal, shown at the top of the page the user is sent back to."""
    for message in error.messages:
        messages.error(request, message)
