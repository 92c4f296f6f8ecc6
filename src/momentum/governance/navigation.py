"""The governance app's entries in the navigation, in the programme menu."""

from django.utils.translation import gettext_lazy as _

from momentum.core.navigation import NavItem, register

register(
    NavItem(
        _("Advisory Board"),
        "governance:board",
        permission="governance.view_board",
        order=60,
        group="programme",
    ),
    NavItem(
        _("Board meetings"),
        "governance:meetings",
        permission="governance.view_board",
        order=61,
        group="programme",
    ),
    NavItem(
        _("Written procedures"),
        "governance:procedures",
        permission="governance.view_board",
        order=62,
        group="programme",
    ),
    NavItem(
        _("Recommendations"),
        "governance:recommendations",
        permission="governance.view_board",
        order=63,
        group="programme",
    ),
)
