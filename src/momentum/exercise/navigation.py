from django.utils.translation import gettext_lazy as _

from momentum.core.navigation import NavItem, register

register(
    NavItem(
        _("Field exercise"),
        "exercise:list",
        permission="exercise.see_in_menu",
        order=78,
        group="programme",
    ),
)
