"""Who may do what in the needs assessment. Pages, the API and exports all ask these."""

from __future__ import annotations

from typing import Any

import rules


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _has_role(user: Any, role: str) -> bool:
    return _signed_in(user) and role in user.roles


@rules.predicate
def is_needs_staff(user: Any) -> bool:
    return _signed_in(user) and bool(user.is_programme_staff)


@rules.predicate
def is_focal_point(user: Any) -> bool:
    from momentum.people.models import Role

    return _signed_in(user) and bool(user.countries_for(Role.FOCAL_POINT))


@rules.predicate
def is_board_member(user: Any) -> bool:
    from momentum.people.models import Role

    return _has_role(user, Role.BOARD_MEMBER)


@rules.predicate
def is_donor(user: Any) -> bool:
    from momentum.people.models import Role

    return _has_role(user, Role.DONOR)


@rules.predicate
def is_focal_point_of_submission(user: Any, submission: Any) -> bool:
    from momentum.people.models import Role

    if submission is None or not _signed_in(user):
        return False
    return submission.country_id in user.countries_for(Role.FOCAL_POINT)


@rules.predicate
def submission_is_editable(user: Any, submission: Any) -> bool:
    return submission is not None and submission.is_editable


@rules.predicate
def submission_is_accepted(user: Any, submission: Any) -> bool:
    from momentum.needs.models import SubmissionStatus

    return submission is not None and submission.status == SubmissionStatus.ACCEPTED


@rules.predicate
def report_is_published(user: Any, report: Any) -> bool:
    from momentum.needs.models import ReportStatus

    return report is not None and report.status == ReportStatus.PUBLISHED


# --- rounds and visits ---
rules.add_perm("needs.see_rounds", is_needs_staff | is_focal_point | is_board_member)
rules.add_perm("needs.manage", is_needs_staff)
rules.add_perm("needs.view_matrix", is_needs_staff | is_board_member)

# --- submissions ---
rules.add_perm(
    "needs.view_submission",
    is_needs_staff | is_focal_point_of_submission | (is_board_member & submission_is_accepted),
)
rules.add_perm("needs.answer_submission", is_focal_point_of_submission & submission_is_editable)
rules.add_perm("needs.review_submission", is_needs_staff)

# --- figures and the report ---
rules.add_perm("needs.view_figures", is_needs_staff | is_focal_point | is_board_member | is_donor)
rules.add_perm("needs.view_report", is_needs_staff | report_is_published)
