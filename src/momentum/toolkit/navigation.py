from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from momentum.core import memberships
from momentum.core.navigation import NavItem, register


def _chapters_given_to(user: Any) -> QuerySet[Any]:
    from momentum.toolkit.models import ChapterAuthor

    return ChapterAuthor.objects.filter(user=user)


# An author who is neither staff nor a representative sees the menu entry for her chapters.
memberships.register("toolkit_author", _chapters_given_to)

register(
    NavItem(
        _("Toolkit"),
        "toolkit:index",
        permission="toolkit.see_in_menu",
        order=76,
        group="programme",
    ),
    NavItem(
        _("Curricula"),
        "toolkit:curricula",
        permission="toolkit.view_curricula",
        order=77,
        group="programme",
    ),
)
