from django.utils.translation import gettext_lazy as _

from momentum.core.navigation import NavItem, register

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
