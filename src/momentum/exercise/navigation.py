from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from momentum.core import memberships
from momentum.core.navigation import NavItem, register


def _places_of(user: Any) -> QuerySet[Any]:
    from momentum.exercise.models import Member

    return Member.objects.filter(user=user)


# A participant (screener, controller, evaluator…) sees the menu entry for her exercise.
memberships.register("exercise", _places_of)

register(
    NavItem(
        _("Field exercise"),
        "exercise:list",
        permission="exercise.see_in_menu",
        order=78,
        group="programme",
    ),
)
