from django.utils.translation import gettext_lazy as _

from momentum.core.navigation import NavItem, register

register(
    NavItem(_("Home"), "home", order=0),
    NavItem(
        _("Officers"),
        "people:officers",
        permission="people.list_officers",
        order=20,
        group="people",
    ),
    NavItem(
        _("Accounts"),
        "people:accounts",
        permission="people.manage_accounts",
        order=25,
        group="people",
    ),
    NavItem(
        _("Invitations"),
        "people:invitations",
        permission="people.bulk_invite",
        order=30,
        group="people",
    ),
    NavItem(
        _("Audit log"), "core:audit_log", permission="core.view_audit_log", order=90, group="people"
    ),
)
