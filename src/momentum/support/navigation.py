"""The support office's entries in the navigation (the "Help" link sits in the header)."""

from django.utils.translation import gettext_lazy as _

from momentum.core.navigation import NavItem, register

register(
    NavItem(
        _("Support queue"),
        "support:queue",
        permission="support.answer",
        order=80,
        group="programme",
    ),
    NavItem(
        _("My support requests"),
        "support:mine",
        permission="support.ask",
        order=81,
        group="programme",
    ),
    NavItem(
        _("Frequent questions"),
        "support:knowledge",
        permission="support.ask",
        order=82,
        group="programme",
    ),
    NavItem(
        _("Support report"),
        "support:report",
        permission="support.view_report",
        order=83,
        group="programme",
    ),
)
