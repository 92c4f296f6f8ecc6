"""The screening simulator's entries in the navigation, in the training menu."""

from django.utils.translation import gettext_lazy as _

from momentum.core.navigation import NavItem, register

register(
    NavItem(
        _("Screening simulator"),
        "screening:index",
        permission="screening.use_console",
        order=30,
        group="training",
    ),
    NavItem(
        _("Screening results"),
        "screening:summary",
        permission="screening.view_summary",
        order=31,
        group="programme",
    ),
)
