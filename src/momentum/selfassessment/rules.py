"""Who may do what in a gender self-assessment. Pages, the API and exports ask these."""

from __future__ import annotations

from typing import Any

import rules

from momentum.core import memberships


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _focal_countries(user: Any) -> set[int]:
    from momentum.people.models import Role

    return set(user.countries_for(Role.FOCAL_POINT)) if _signed_in(user) else set()


def in_a_working_group(user: Any) -> bool:
    """Whether the user leads or sits in any cycle's working group (read with the signed-in
    user)."""
    return memberships.holds(user, "gender_working_group")


@rules.predicate
def is_staff(user: Any) -> bool:
    return _signed_in(user) and bool(user.is_programme_staff)


@rules.predicate
def is_focal_point(user: Any) -> bool:
    return bool(_focal_countries(user))


@rules.predicate
def is_observer(user: Any) -> bool:
    from momentum.people.models import Role

    return _signed_in(user) and bool({Role.DONOR, Role.BOARD_MEMBER} & user.roles)


@rules.predicate
def is_officer(user: Any) -> bool:
    """Officers make up the agencies' working groups: the role alone (no query on every page)
    opens the menu entry and the list, which shows an officer her own cycles only."""
    from momentum.people.models import Role

    return _signed_in(user) and Role.OFFICER in user.roles


@rules.predicate
def is_focal_point_of_cycle(user: Any, cycle: Any) -> bool:
    return cycle is not None and cycle.country_id in _focal_countries(user)


@rules.predicate
def is_in_working_group(user: Any, cycle: Any) -> bool:
    return cycle is not None and _signed_in(user) and cycle.has_in_group(user)


@rules.predicate
def cycle_is_open(user: Any, cycle: Any) -> bool:
    from momentum.selfassessment.models import CycleStatus

    return cycle is not None and cycle.status != CycleStatus.COMPLETED


# The menu entry and the list of cycles.
rules.add_perm("selfassessment.see_in_menu", is_staff | is_focal_point | is_officer | is_observer)
rules.add_perm("selfassessment.list_cycles", is_staff | is_focal_point | is_officer)
# Inviting an agency's working group: its country's focal point, or staff.
rules.add_perm("selfassessment.invite", is_staff | is_focal_point)
# An agency's results belong to its country.
rules.add_perm(
    "selfassessment.view_cycle", is_staff | is_focal_point_of_cycle | is_in_working_group
)
# The working group answers, rates, writes findings and the action plan while the cycle runs.
rules.add_perm("selfassessment.work_on_cycle", (is_staff | is_in_working_group) & cycle_is_open)
# The action plan is followed after the cycle is completed too; the focal point sees progress.
rules.add_perm("selfassessment.update_actions", is_staff | is_in_working_group)
rules.add_perm("selfassessment.manage_cycle", (is_staff | is_focal_point_of_cycle) & cycle_is_open)
# Aggregates over at least three agencies: observers and staff.
rules.add_perm("selfassessment.view_overview", is_staff | is_observer)
rules.add_perm("selfassessment.edit_framework", is_staff)
