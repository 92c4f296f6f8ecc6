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
def is_contributor_to_submission(user: Any, submission: Any) -> bool:
    """A colleague the focal point asked to answer sections: one query, remembered on the
    submission for the rest of the request."""
    if submission is None or not _signed_in(user):
        return False
    known: dict[int, bool] = submission.__dict__.setdefault("_contributors_known", {})
    if user.pk not in known:
        from momentum.needs.models import Contributor

        known[user.pk] = Contributor.objects.filter(
            submission_id=submission.pk, user_id=user.pk
        ).exists()
    return known[user.pk]


@rules.predicate
def is_focal_point_of_country(user: Any, country: Any) -> bool:
    from momentum.people.models import Role

    if country is None or not _signed_in(user):
        return False
    return getattr(country, "pk", country) in user.countries_for(Role.FOCAL_POINT)


@rules.predicate
def is_focal_point_of_visit(user: Any, visit: Any) -> bool:
    return visit is not None and is_focal_point_of_country(user, visit.country_id)


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
    is_needs_staff
    | is_focal_point_of_submission
    | is_contributor_to_submission
    | (is_board_member & submission_is_accepted),
)
# Colleagues save drafts of their sections; only the focal point validates and submits.
rules.add_perm(
    "needs.answer_submission",
    (is_focal_point_of_submission | is_contributor_to_submission) & submission_is_editable,
)
rules.add_perm("needs.validate_submission", is_focal_point_of_submission & submission_is_editable)
rules.add_perm("needs.see_colleagues", is_needs_staff | is_focal_point_of_submission)
rules.add_perm("needs.invite_colleagues", is_focal_point_of_submission & submission_is_editable)
rules.add_perm("needs.review_submission", is_needs_staff)

# --- inventories (a country's training offer and gender initiatives) ---
rules.add_perm("needs.see_inventories", is_needs_staff | is_focal_point | is_board_member)
rules.add_perm("needs.view_inventory", is_needs_staff | is_focal_point_of_country | is_board_member)
rules.add_perm("needs.edit_inventory", is_needs_staff | is_focal_point_of_country)

# --- a visit's participants and documents ---
rules.add_perm(
    "needs.view_visit_documents", is_needs_staff | is_focal_point_of_visit | is_board_member
)

# --- figures and the report ---
rules.add_perm("needs.view_figures", is_needs_staff | is_focal_point | is_board_member | is_donor)
rules.add_perm("needs.view_report", is_needs_staff | report_is_published)


@rules.predicate
def is_focal_point_of_figure(user: Any, figure: Any) -> bool:
    return figure is not None and is_focal_point_of_country(user, figure.country_id)


@rules.predicate
def figure_is_draft(user: Any, figure: Any) -> bool:
    from momentum.needs.models import FigureStatus

    return figure is not None and figure.status == FigureStatus.DRAFT


# The country's focal point confirms her country's draft figures before staff publish them.
rules.add_perm("needs.validate_figure", is_focal_point_of_figure & figure_is_draft)
