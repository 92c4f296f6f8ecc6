"""The needs assessment's entries in the navigation (the "programme" menu)."""

from django.utils.translation import gettext_lazy as _

from momentum.core.navigation import NavItem, register

register(
    NavItem(
        _("Needs assessment"),
        "needs:rounds",
        permission="needs.see_rounds",
        order=60,
        group="programme",
    ),
    NavItem(
        _("Training and gender inventories"),
        "needs:inventories",
        permission="needs.see_inventories",
        order=60,
        group="programme",
    ),
    NavItem(
        _("Women in law enforcement"),
        "needs:figures",
        permission="needs.view_figures",
        order=61,
        group="programme",
    ),
    NavItem(
        _("Regional report"),
        "needs:reports",
        permission="needs.view_figures",
        order=62,
        group="programme",
    ),
)
