"""The results framework's entries in the navigation (the "Programme" menu)."""

from django.utils.translation import gettext_lazy as _

from momentum.core.navigation import NavItem, register

register(
    NavItem(
        _("Results dashboard"),
        "results:dashboard",
        permission="results.view_results",
        order=70,
        group="programme",
    ),
    NavItem(
        _("Logframe"),
        "results:logframe",
        permission="results.view_results",
        order=70,
        group="programme",
    ),
    NavItem(
        _("Reported values"),
        "results:values",
        permission="results.report_values",
        order=71,
        group="programme",
    ),
    NavItem(
        _("Reporting periods"),
        "results:periods",
        permission="results.manage_periods",
        order=72,
        group="programme",
    ),
)
