from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, QuerySet

from momentum.core import memberships


class AuthenticationBackend(AllauthBackend):
    """allauth's e-mail login, without Django's per-user and per-group model permissions.

    Momentum's rules are the ``rules`` predicates; Django's permission tables are unused, so
    asking them would only cost two queries on every refused check. Superusers keep full rights.
    The signed-in user is read with her places in the activities (``core.memberships``), which
    the menu needs on every page, and whether she has a second factor (which the second-factor
    rule asks on every request of a sensitive role), in the same query.
    """

    def get_user(self, user_id: Any) -> Any:
        user_model = get_user_model()
        try:
            users = user_model._default_manager.annotate(
                **memberships.user_annotations(),
                has_second_factor=Exists(Authenticator.objects.filter(user=OuterRef("pk"))),
            )
            user = users.get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    @staticmethod
    def has_second_factor(user: Any) -> bool:
        """Whether ``user`` set up a second factor: read with the signed-in user, or asked."""
        value = getattr(user, "has_second_factor", None)
        if value is None:
            value = Authenticator.objects.filter(user=user).exists()
            user.has_second_factor = value
        return bool(value)

    def _get_user_permissions(self, user_obj: Any) -> QuerySet[Permission]:
        return Permission.objects.none()

    def _get_group_permissions(self, user_obj: Any) -> QuerySet[Permission]:
        return Permission.objects.none()
