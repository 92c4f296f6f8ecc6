"""The mentoring app's entries in the navigation. Each subject adds its own in its section."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from momentum.core import memberships
from momentum.core.navigation import NavItem, register


def _panels_of(user: Any) -> QuerySet[Any]:
    from momentum.mentoring.models import Cohort

    return Cohort.objects.filter(panel=user)


# A panel member (any role) sees the panels' entry; read with the signed-in user.
memberships.register("mentoring_panel", _panels_of)

# --- cohorts and applications ---
register(
    NavItem(
        _("Mentoring"),
        "mentoring:cohorts",
        permission="mentoring.see_in_menu",
        order=50,
        group="mentoring",
    ),
)

# --- panel and selection ---
register(
    NavItem(
        _("Selection panels"),
        "mentoring:cohorts",
        permission="mentoring.see_panel_in_menu",
        order=51,
        group="mentoring",
    ),
)

# --- mentors and matching ---
register(
    NavItem(
        _("Mentors"),
        "mentoring:mentors",
        permission="mentoring.manage_mentors",
        order=53,
        group="mentoring",
    ),
    NavItem(
        _("My mentor profile"),
        "mentoring:my_mentor_profile",
        permission="mentoring.view_own_mentor_profile",
        order=54,
        group="mentoring",
    ),
)

# --- the pair's work ---
register(
    NavItem(
        _("My mentoring pairs"),
        "mentoring:my_mentees",
        permission="mentoring.view_own_mentees",
        order=52,
        group="mentoring",
    ),
)

# --- learning path and opportunities ---
register(
    NavItem(
        _("Opportunities"),
        "mentoring:opportunities",
        permission="mentoring.view_opportunities",
        order=55,
        group="mentoring",
    ),
    NavItem(
        _("My programme"),
        "mentoring:my_programme",
        permission="mentoring.view_own_programme",
        order=56,
        group="mentoring",
    ),
)

# --- completion and alumni ---
register(
    NavItem(
        _("Alumni"),
        "mentoring:alumni",
        permission="mentoring.view_alumni_menu",
        order=57,
        group="mentoring",
    ),
)

# --- api, indicators and demo ---
