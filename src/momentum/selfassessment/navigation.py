from django.utils.translation import gettext_lazy as _

from momentum.core.navigation import NavItem, register

register(
    NavItem(
        _("Gender self-assessment"),
        "selfassessment:cycles",
        permission="selfassessment.see_in_menu",
        order=75,
        group="programme",
    ),
)
