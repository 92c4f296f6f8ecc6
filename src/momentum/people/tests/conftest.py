"""Fixtures for the people app's tests, beside the personas of the root ``conftest.py``."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from momentum.people.models import Invitation, Role


@pytest.fixture
def invite(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """``invite(by=…, email=…, …)``: an invitation made through the service, its e-mail sent.

    Returns ``(invitation, key)``. Defaults to an officer of the inviter's country in English.
    """
    from momentum.people import services

    def make(
        *,
        by: Any,
        email: str = "new.officer@example.org",
        role: str = Role.OFFICER,
        country: Any = None,
        language: str = "en",
        details: dict[str, Any] | None = None,
    ) -> tuple[Invitation, str]:
        with django_capture_on_commit_callbacks(execute=True):
            return services.invite_person(
                by=by,
                email=email,
                role=role,
                country=country,
                language=language,
                details=details,
            )

    return make


def expire(invitation: Invitation) -> None:
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
