from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from momentum.core import memberships
from momentum.core.navigation import NavItem, register


def _working_groups_of(user: Any) -> QuerySet[Any]:
    from momentum.selfassessment.models import Cycle

    return Cycle.objects.filter(Q(lead=user) | Q(members=user))


# Whoever leads or sits in a working group sees the entry; read with the signed-in user.
memberships.register("gender_working_group", _working_groups_of)

register(
    NavItem(
        _("Gender self-assessment"),
        "selfassessment:cycles",
        permission="selfassessment.see_in_menu",
        order=75,
        group="programme",
    ),
)
