from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.models import Permission
from django.db.models import QuerySet


class AuthenticationBackend(AllauthBackend):
    """allauth's e-mail login, without Django's per-user and per-group model permissions.

    Momentum's rules are the ``rules`` predicates; Django's permission tables are unused, so
    asking them would only cost two queries on every refused check. Superusers keep full rights.
    """

    def _get_user_permissions(self, user_obj: Any) -> QuerySet[Permission]:
        return Permission.objects.none()

    def _get_group_permissions(self, user_obj: Any) -> QuerySet[Permission]:
        return Permission.objects.none()
