"""Who may do what in the results framework. Pages, the API and exports all ask these."""

from __future__ import annotations

from typing import Any

import rules


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


@rules.predicate
def is_results_staff(user: Any) -> bool:
    return _signed_in(user) and bool(user.is_programme_staff)


@rules.predicate
def is_results_focal_point(user: Any) -> bool:
    from momentum.people.models import Role

    return _signed_in(user) and bool(user.countries_for(Role.FOCAL_POINT))


@rules.predicate
def is_results_observer(user: Any) -> bool:
    """The donor and the Advisory Board: aggregates of the whole programme, small cells hidden."""
    from momentum.people.models import Role

    return _signed_in(user) and bool({Role.DONOR, Role.BOARD_MEMBER} & user.roles)


@rules.predicate
def may_report_for(user: Any, value: Any) -> bool:
    """Staff for any country; a focal point for her country's values."""
    from momentum.people.models import Role

    if value is None or not _signed_in(user):
        return False
    if user.is_programme_staff:
        return True
    return value.country_id is not None and value.country_id in user.countries_for(Role.FOCAL_POINT)


@rules.predicate
def did_not_submit(user: Any, value: Any) -> bool:
    """Someone other than the person who submitted it (a reported value or the logframe)."""
    return value is not None and value.submitted_by_id != user.pk


@rules.predicate
def is_submitted(user: Any, logframe: Any) -> bool:
    return logframe is not None and logframe.status == "submitted"


# --- dashboard and exports ---
rules.add_perm(
    "results.view_results", is_results_staff | is_results_focal_point | is_results_observer
)
rules.add_perm("results.drill_down", is_results_staff)
# --- logframe and periods ---
rules.add_perm("results.manage_logframe", is_results_staff)
rules.add_perm("results.submit_logframe", is_results_staff)
# Approving and returning: a submitted logframe, by someone other than who submitted it.
rules.add_perm("results.approve_logframe", is_results_staff & is_submitted & did_not_submit)
rules.add_perm("results.return_logframe", is_results_staff & is_submitted & did_not_submit)
rules.add_perm("results.manage_periods", is_results_staff)
# --- reported values ---
rules.add_perm("results.report_values", is_results_staff | is_results_focal_point)
rules.add_perm("results.edit_value", may_report_for)
rules.add_perm("results.decide_value", is_results_staff & did_not_submit)
