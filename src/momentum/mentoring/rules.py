"""Who may do what in the mentoring app. Pages, the API and exports all ask these predicates."""

from __future__ import annotations

from typing import Any

import rules

from momentum.core import memberships


# --- cohorts and applications ---
def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


@rules.predicate
def is_staff_for_cohorts(user: Any) -> bool:
    return _signed_in(user) and bool(user.is_programme_staff)


@rules.predicate
def is_focal_point_for_mentoring(user: Any) -> bool:
    from momentum.people.models import Role

    return _signed_in(user) and bool(user.countries_for(Role.FOCAL_POINT))


@rules.predicate
def is_officer_for_mentoring(user: Any) -> bool:
    from momentum.people.models import Role

    return _signed_in(user) and Role.OFFICER in user.roles


@rules.predicate
def is_mentor_for_mentoring(user: Any) -> bool:
    from momentum.people.models import Role

    return _signed_in(user) and Role.MENTOR in user.roles


def sits_on_a_panel(user: Any) -> bool:
    """Whether the user sits on any cohort's selection panel (read with the signed-in user)."""
    return memberships.holds(user, "mentoring_panel")


@rules.predicate
def is_panel_member_anywhere(user: Any) -> bool:
    return sits_on_a_panel(user)


@rules.predicate
def cohort_is_announced(user: Any, cohort: Any) -> bool:
    from momentum.mentoring.models import CohortStatus

    return cohort is not None and cohort.status != CohortStatus.DRAFT


@rules.predicate
def is_own_application(user: Any, application: Any) -> bool:
    if application is None or not _signed_in(user):
        return False
    return bool(application.applicant.user_id == user.pk)


@rules.predicate
def is_focal_point_of_application(user: Any, application: Any) -> bool:
    from momentum.people.models import Role

    if application is None or not _signed_in(user):
        return False
    return application.country_id in user.countries_for(Role.FOCAL_POINT)


@rules.predicate
def is_panelist_of_endorsed_application(user: Any, application: Any) -> bool:
    from momentum.mentoring.models import ApplicationStatus

    if application is None or not _signed_in(user):
        return False
    if application.status in (
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.SUPERVISOR_ENDORSED,
        ApplicationStatus.NOT_ENDORSED,
        ApplicationStatus.WITHDRAWN,
    ):
        return False
    return application.cohort.panel.filter(pk=user.pk).exists()


# The mentoring pages and the cohort list: staff, focal points, officers, mentors and the
# members of a selection panel (any role: staff put them there). Roles are cached with the
# user; only those with none of these roles cost one query, to look for a panel seat.
_mentoring_roles = (
    is_staff_for_cohorts
    | is_focal_point_for_mentoring
    | is_officer_for_mentoring
    | is_mentor_for_mentoring
)
use_mentoring = _mentoring_roles | is_panel_member_anywhere
rules.add_perm("mentoring.use_mentoring", use_mentoring)
# "Mentoring" in the menu, asked on every page: the same people by their roles alone, so the
# menu costs no query. A panel member with none of these roles reaches the programme from the
# notifications that call her to the panel.
rules.add_perm("mentoring.see_in_menu", _mentoring_roles)
# A panel member holding none of those roles (her seat is her only link to the programme) gets
# her own entry; the roles are asked first, so only people without them pay the one query.
rules.add_perm("mentoring.see_panel_in_menu", ~_mentoring_roles & is_panel_member_anywhere)
# Creating and editing cohorts, and moving them from one stage to the next: staff.
rules.add_perm("mentoring.manage_cohorts", is_staff_for_cohorts)
# A cohort's page: staff also before it is announced; the others of the menu once announced.
rules.add_perm(
    "mentoring.view_cohort", is_staff_for_cohorts | (use_mentoring & cohort_is_announced)
)
# An officer applies for herself (the service checks the window and her eligibility).
rules.add_perm("mentoring.apply", is_officer_for_mentoring)
# A focal point proposes an officer of their country; staff propose anyone.
rules.add_perm("mentoring.propose", is_staff_for_cohorts | is_focal_point_for_mentoring)
# An application: the applicant, her country's focal points, staff, and the cohort's panel
# once nationally endorsed (as ``Application.objects.visible_to``).
rules.add_perm(
    "mentoring.view_application",
    is_staff_for_cohorts
    | is_own_application
    | is_focal_point_of_application
    | is_panelist_of_endorsed_application,
)
# The supervisor's e-mail address and the endorsement record: not for the panel.
rules.add_perm(
    "mentoring.view_endorsements",
    is_staff_for_cohorts | is_own_application | is_focal_point_of_application,
)
# Recording the supervisor's endorsement and giving or refusing the national endorsement:
# her country's focal points, and staff.
rules.add_perm(
    "mentoring.endorse_application", is_staff_for_cohorts | is_focal_point_of_application
)
# Withdrawing an application before it is accepted: the applicant, her focal points, staff.
rules.add_perm(
    "mentoring.withdraw_application",
    is_staff_for_cohorts | is_own_application | is_focal_point_of_application,
)
# A country's applications on the cohort page: staff (every country), focal points (theirs).
rules.add_perm(
    "mentoring.view_country_applications", is_staff_for_cohorts | is_focal_point_for_mentoring
)
# "My mentoring": officers (their applications and where each stands).
rules.add_perm("mentoring.view_own_applications", is_officer_for_mentoring)


# --- panel and selection ---
# Panel scores (each panelist's review, an application's aggregate score and its number of
# reviews) are read by the cohort's panel and by staff only: never by the applicant, her focal
# point or anyone else. A panelist sees her own reviews on the panel page; staff see every
# panelist's totals and the aggregate on the selection board.
@rules.predicate
def is_panelist_of_cohort(user: Any, cohort: Any) -> bool:
    if cohort is None or not _signed_in(user):
        return False
    return bool(cohort.panel.filter(pk=user.pk).exists())


# The panel page of a cohort: its panel members.
rules.add_perm("mentoring.view_panel", is_panelist_of_cohort)
# Scoring an application: the panel of its cohort once nationally endorsed (the service
# checks the stage of the application and of the cohort).
rules.add_perm("mentoring.score_application", is_panelist_of_endorsed_application)
# The scores of an application: staff and the panel of its cohort.
rules.add_perm(
    "mentoring.view_panel_scores", is_staff_for_cohorts | is_panelist_of_endorsed_application
)
# The selection board, offers and "not selected": staff.
rules.add_perm("mentoring.select_applicants", is_staff_for_cohorts)
# Accepting or declining an offer: the applicant herself.
rules.add_perm("mentoring.respond_to_offer", is_own_application)


# --- mentors and matching ---
@rules.predicate
def is_mentoring_staff(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_programme_staff)


@rules.predicate
def has_mentor_role(user: Any) -> bool:
    from momentum.people.models import Role

    return bool(getattr(user, "is_authenticated", False) and Role.MENTOR in user.roles)


@rules.predicate
def is_the_mentor(user: Any, mentor_profile: Any) -> bool:
    if mentor_profile is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(mentor_profile.user_id == user.pk)


# The mentors' list, creating a mentor, the matching pages and every matching decision: staff.
rules.add_perm("mentoring.manage_mentors", is_mentoring_staff)
rules.add_perm("mentoring.run_matching", is_mentoring_staff)
# A mentor's profile (with the names of her current mentees): staff and the mentor herself.
rules.add_perm("mentoring.view_mentor", is_mentoring_staff | is_the_mentor)
rules.add_perm("mentoring.change_mentor", is_mentoring_staff | is_the_mentor)
# "My mentor profile" in the menu: those who hold the mentor role (no query: roles are cached).
rules.add_perm("mentoring.view_own_mentor_profile", has_mentor_role)


# --- the pair's work ---
# Who sees what of a pair (the pair page, the plan, the meeting log, the check-ins):
# - the mentee and her mentor: everything of their pair, and each her or his own private
#   meeting notes only (a MeetingNote is read by its author alone, never by the other side,
#   staff, exports, the API or the programme-health view);
# - programme staff: everything but the private notes; they may mark the plan reviewed;
# - the focal points of the mentee's country: a read-only summary (the plan, the dates,
#   durations and modes of the meetings, which check-ins are answered) without the meetings'
#   topics and next steps or anyone's check-in answers;
# - a check-in's answers are shown to the person who gave them and to staff only;
# - a proposed pair (not published) is seen by staff only; everyone else gets 404.
@rules.predicate
def is_mentee_of_pair(user: Any, pairing: Any) -> bool:
    if pairing is None or not _signed_in(user):
        return False
    return bool(pairing.mentee.applicant.user_id == user.pk)


@rules.predicate
def is_mentor_of_pair(user: Any, pairing: Any) -> bool:
    if pairing is None or not _signed_in(user):
        return False
    return bool(pairing.mentor.user_id == user.pk)


@rules.predicate
def is_focal_point_of_pair(user: Any, pairing: Any) -> bool:
    from momentum.people.models import Role

    if pairing is None or not _signed_in(user):
        return False
    return pairing.mentee.country_id in user.countries_for(Role.FOCAL_POINT)


@rules.predicate
def pair_is_published(user: Any, pairing: Any) -> bool:
    from momentum.mentoring.models import PairingStatus

    return pairing is not None and pairing.status != PairingStatus.PROPOSED


@rules.predicate
def pair_is_active(user: Any, pairing: Any) -> bool:
    from momentum.mentoring.models import PairingStatus

    return pairing is not None and pairing.status == PairingStatus.ACTIVE


@rules.predicate
def answers_check_in(user: Any, check_in: Any) -> bool:
    if check_in is None or not _signed_in(user):
        return False
    return bool(check_in.respondent_id == user.pk)


@rules.predicate
def check_in_pair_is_active(user: Any, check_in: Any) -> bool:
    from momentum.mentoring.models import PairingStatus

    return check_in is not None and check_in.pairing.status == PairingStatus.ACTIVE


is_side_of_pair = is_mentee_of_pair | is_mentor_of_pair
rules.add_perm(
    "mentoring.view_pair",
    is_mentoring_staff | ((is_side_of_pair | is_focal_point_of_pair) & pair_is_published),
)
# The meetings' topics and next steps, the check-ins' scores: the two sides and staff.
rules.add_perm("mentoring.view_pair_conversation", is_mentoring_staff | is_side_of_pair)
# The plan and the meeting log are the pair's own work, while the pair is active.
rules.add_perm("mentoring.edit_plan", is_side_of_pair & pair_is_active)
rules.add_perm("mentoring.log_meeting", is_side_of_pair & pair_is_active)
# "Plan reviewed" (a completion criterion): the mentor or staff.
rules.add_perm("mentoring.review_plan", (is_mentor_of_pair | is_mentoring_staff) & pair_is_active)
rules.add_perm("mentoring.answer_check_in", answers_check_in & check_in_pair_is_active)
# Programme health (every pair of a cohort, at risk or not): staff.
rules.add_perm("mentoring.view_programme_health", is_mentoring_staff)
# "My mentees" in the menu: those who hold the mentor role.
rules.add_perm("mentoring.view_own_mentees", has_mentor_role)


# --- learning path and opportunities ---
# The learning path: staff and the mentee's current mentor (an active pair) assign, order and
# remove courses; the mentee, her country's focal points and her mentors read it. A mentor
# knows the mentee's goals best, staff keep the catalogue: both may assign.
@rules.predicate
def is_own_mentee_record(user: Any, application: Any) -> bool:
    if application is None or not _signed_in(user):
        return False
    return bool(application.applicant.user_id == user.pk)


@rules.predicate
def is_current_mentor_of(user: Any, application: Any) -> bool:
    """The mentor of the mentee's active pair (one query, kept on the application)."""
    from momentum.mentoring.models import PairingStatus

    if application is None or not _signed_in(user):
        return False
    cache = application.__dict__.setdefault("_current_mentor_of", {})
    if user.pk not in cache:
        cache[user.pk] = application.pairings.filter(
            status=PairingStatus.ACTIVE, mentor__user_id=user.pk
        ).exists()
    return bool(cache[user.pk])


@rules.predicate
def is_focal_point_of_mentee(user: Any, application: Any) -> bool:
    from momentum.people.models import Role

    if application is None or not _signed_in(user):
        return False
    return application.country_id in user.countries_for(Role.FOCAL_POINT)


@rules.predicate
def is_mentee_taking_part(user: Any, application: Any) -> bool:
    from momentum.mentoring.models import ApplicationStatus

    return application is not None and application.status == ApplicationStatus.ACCEPTED


rules.add_perm(
    "mentoring.manage_learning_path",
    (is_staff_for_cohorts | is_current_mentor_of) & is_mentee_taking_part,
)
# Every mentee's progress in a cohort, on one page: staff.
rules.add_perm("mentoring.view_cohort_learning_paths", is_staff_for_cohorts)


# Opportunities (conferences, the symposium, speaking slots, the field exercise): staff create
# them and allocate the places; mentees and alumnae apply; focal points propose their
# country's mentees and alumnae and follow their candidacies. Donors, trainers, moderators and
# board members: none of it (the indicators count them).
@rules.predicate
def is_mentee_or_alumna(user: Any) -> bool:
    """Whether the user took part in a cohort (accepted or completed): one query per user."""
    if not _signed_in(user):
        return False
    if not hasattr(user, "_mentoring_mentee"):
        from momentum.mentoring.models import Application, ApplicationStatus

        user._mentoring_mentee = Application.objects.filter(
            applicant__user=user,
            status__in=[ApplicationStatus.ACCEPTED, ApplicationStatus.COMPLETED],
        ).exists()
    return bool(user._mentoring_mentee)


rules.add_perm(
    "mentoring.view_opportunities",
    is_staff_for_cohorts | is_focal_point_for_mentoring | is_officer_for_mentoring,
)
rules.add_perm("mentoring.manage_opportunities", is_staff_for_cohorts)
rules.add_perm("mentoring.apply_for_opportunity", is_officer_for_mentoring)
rules.add_perm(
    "mentoring.propose_for_opportunity", is_staff_for_cohorts | is_focal_point_for_mentoring
)
# Shortlisting, allocating, travel support: staff.
rules.add_perm("mentoring.allocate_places", is_staff_for_cohorts)
# "My programme" (her learning path, her opportunities, her completion): officers.
rules.add_perm("mentoring.view_own_programme", is_officer_for_mentoring)


# --- completion and alumni ---
# Completion: staff check the criteria and complete a mentee (or override, with a reason).
rules.add_perm("mentoring.complete_mentees", is_staff_for_cohorts)


@rules.predicate
def is_alumna(user: Any) -> bool:
    """Whether the user completed a cohort: one query per user object."""
    if not _signed_in(user):
        return False
    if not hasattr(user, "_mentoring_alumna"):
        from momentum.mentoring.models import Application, ApplicationStatus

        user._mentoring_alumna = Application.objects.filter(
            applicant__user=user, status=ApplicationStatus.COMPLETED
        ).exists()
    return bool(user._mentoring_alumna)


# The alumni directory (members only): the alumnae themselves, staff, and focal points (their
# country's alumnae only: ``selectors.alumni.alumni_for``). Never e-mail addresses.
rules.add_perm(
    "mentoring.view_alumni", is_staff_for_cohorts | is_focal_point_for_mentoring | is_alumna
)
# "Alumni" in the menu: staff and focal points (asked on every page, so without a query);
# alumnae reach the directory from their programme page.
rules.add_perm("mentoring.view_alumni_menu", is_staff_for_cohorts | is_focal_point_for_mentoring)
# Shortlisting alumnae for the operational field exercise: staff.
rules.add_perm("mentoring.shortlist_alumnae", is_staff_for_cohorts)


# --- api, indicators and demo ---
