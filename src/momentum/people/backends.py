from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import router
from django.db.models import Exists, OuterRef, QuerySet

from momentum.core import memberships


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
        alias = router.db_for_read(user_model)
        sql, params, position = _signed_in_user_sql(alias)
        params[position] = user_model._meta.pk.to_python(user_id)
        found = list(user_model._default_manager.db_manager(alias).raw(sql, params))
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


# A key no user has, put in the query's parameters where the signed-in user's key goes.
_PLACEHOLDER = -0x7A11_5EED
_COMPILED: dict[tuple[str, tuple[str, ...]], tuple[str, tuple[Any, ...], int]] = {}


def _signed_in_user_sql(alias: str) -> tuple[str, list[Any], int]:
    """The SQL of "the user with this key, her places in the activities and whether she has a
    second factor", its parameters and the position of the user's key among them."""
    key = (alias, memberships.registered())
    compiled = _COMPILED.get(key)
    if compiled is None:
        users = (
            get_user_model()
            ._default_manager.db_manager(alias)
            .annotate(
                **memberships.user_annotations(),
                has_second_factor=Exists(Authenticator.objects.filter(user=OuterRef("pk"))),
            )
            .filter(pk=_PLACEHOLDER)
        )
        sql, params = users.query.sql_with_params()
        compiled = (sql, tuple(params), list(params).index(_PLACEHOLDER))
        _COMPILED[key] = compiled
    sql, params, position = compiled
    return sql, list(params), position
