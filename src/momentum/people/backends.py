from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import router
from django.db.models import Exists, OuterRef, QuerySet

from momentum.core import memberships
from momentum.core.compiled import CompiledQuery


class AuthenticationBackend(AllauthBackend):
    """allauth's e-mail login, without Django's per-user and per-group model permissions.

    Momentum's rules are the ``rules`` predicates; Django's permission tables are unused, so
    asking them would only cost two queries on every refused check. Superusers keep full rights.
    The signed-in user is read with her places in the activities (``core.memberships``), which
    the menu needs on every page, and whether she has a second factor (which the second-factor
    rule asks on every request of a sensitive role), in the same query.

    That query runs on every request, and building it (an ``EXISTS`` per activity) cost more
    than running it: its SQL is built once per database and list of activities, then reused.
    """

    def get_user(self, user_id: Any) -> Any:
        user_model = get_user_model()
        found = _SIGNED_IN_USER.run(
            user_model,
            user_model._meta.pk.to_python(user_id),
            using=router.db_for_read(user_model),
            variant=memberships.registered(),
        )
        if not found:
            return None
        return found[0] if self.user_can_authenticate(found[0]) else None

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


def _signed_in_user(user_id: Any) -> QuerySet[Any]:
    return (
        get_user_model()
        ._default_manager.annotate(
            **memberships.user_annotations(),
            has_second_factor=Exists(Authenticator.objects.filter(user=OuterRef("pk"))),
        )
        .filter(pk=user_id)
    )


# Built once per database and list of activities; a key no user has stands in for the user's.
_SIGNED_IN_USER = CompiledQuery(_signed_in_user, -0x7A11_5EED)
