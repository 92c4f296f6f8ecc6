"""Who may do what in training. Pages, the API and exports all ask these predicates."""

from __future__ import annotations

from typing import Any

import rules

from momentum.people.models import Role


@rules.predicate
def is_programme_staff(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_programme_staff)


@rules.predicate
def is_focal_point(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.countries_for(Role.FOCAL_POINT))


@rules.predicate
def is_trainer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and Role.TRAINER in user.roles)


@rules.predicate
def teaches(user: Any, session: Any) -> bool:
    if session is None or not getattr(user, "is_authenticated", False):
        return False
    return any(trainer.pk == user.pk for trainer in session.trainers.all())


@rules.predicate
def is_signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


# --- catalogue ---
rules.add_perm("training.browse_catalogue", is_signed_in)
rules.add_perm("training.manage_catalogue", is_programme_staff)


# --- sessions ---
@rules.predicate
def is_past_draft(user: Any, session: Any) -> bool:
    """Signed-in people see a session once it leaves the draft stage (as ``visible_to``)."""
    if session is None or not getattr(user, "is_authenticated", False):
        return False
    from momentum.training.models import SessionStatus

    return bool(session.status != SessionStatus.DRAFT)


rules.add_perm("training.manage_sessions", is_programme_staff)
# The list is scoped by ``Session.objects.visible_to``; every signed-in person has one.
rules.add_perm("training.list_sessions", is_signed_in)
# The same rule as ``visible_to``: staff every session, others past the draft stage, trainers
# also the drafts they teach.
rules.add_perm("training.view_session", is_programme_staff | is_past_draft | teaches)
# One's own private calendar feed (the sessions one takes part in or teaches).
rules.add_perm("training.use_calendar_feed", is_signed_in)


# --- nominations and selection ---
@rules.predicate
def is_officer(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and Role.OFFICER in user.roles)


@rules.predicate
def is_focal_point_of_nomination(user: Any, nomination: Any) -> bool:
    if nomination is None or not getattr(user, "is_authenticated", False):
        return False
    return nomination.country_id in user.countries_for(Role.FOCAL_POINT)


# Focal points nominate officers of their own country (the service checks the officer's
# country, the session's stage and deadline); staff nominate for any country.
rules.add_perm("training.nominate", is_programme_staff | is_focal_point)
# Staff decide: select, waitlist, decline, withdraw a participant.
rules.add_perm("training.select", is_programme_staff)
# A session's nominations: staff all, a focal point their country's, a trainer the selected
# participants of the sessions they teach (the selectors scope the rows).
rules.add_perm("training.view_nominations", is_programme_staff | is_focal_point | teaches)
rules.add_perm("training.withdraw_nomination", is_programme_staff | is_focal_point_of_nomination)
# The officer's own list of nominations, in the menu of those who can have some.
rules.add_perm("training.view_own_nominations", is_officer)
# --- attendance ---
# Trainers of the session, and staff, mark attendance (and print the sheet, see the summary).
rules.add_perm("training.mark_attendance", is_programme_staff | teaches)


# --- knowledge tests and analytics ---
@rules.predicate
def is_officer_of_nomination(user: Any, nomination: Any) -> bool:
    if nomination is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(nomination.officer.user_id == user.pk)


rules.add_perm("training.manage_questions", is_programme_staff)
# A participant takes their own tests; the service checks the window and the status.
rules.add_perm("training.take_test", is_officer_of_nomination)
# Staff see every result; a focal point sees their own country's participants only (the views
# scope the rows); a trainer sees the sessions they teach. With no session (a course's results):
# staff and focal points.
rules.add_perm("training.view_results", is_programme_staff | is_focal_point | teaches)


# --- evaluations ---
def participation(user: Any, session: Any) -> Any:
    """The user's nomination as a selected participant of ``session`` (with its certificate),
    or None. Looked up once per session object, so a page asking several permissions about
    the same session pays one query."""
    if session is None or not getattr(user, "is_authenticated", False):
        return None
    cache = session.__dict__.setdefault("_participation_cache", {})
    if user.pk not in cache:
        from momentum.training.models import Nomination, NominationStatus

        cache[user.pk] = (
            Nomination.objects.filter(
                session=session, officer__user=user, status=NominationStatus.SELECTED
            )
            .select_related("certificate")
            .first()
        )
    return cache[user.pk]


@rules.predicate
def takes_part_in(user: Any, session: Any) -> bool:
    return participation(user, session) is not None


# A selected participant answers the session's surveys (the service checks when each is open
# and that they answer once); staff and the session's trainers read the results.
rules.add_perm("training.evaluate", takes_part_in)
rules.add_perm("training.answer_follow_up", takes_part_in)
rules.add_perm("training.view_evaluation_results", is_programme_staff | teaches)


# --- certificates, transcripts and exports ---
def _holder_country_id(certificate: Any) -> Any:
    profile = getattr(certificate.holder, "profile", None)
    if profile is not None:
        return profile.country_id
    return certificate.nomination.country_id if certificate.nomination_id else None


@rules.predicate
def holds_certificate(user: Any, certificate: Any) -> bool:
    return certificate is not None and certificate.holder_id == getattr(user, "pk", None)


@rules.predicate
def is_focal_point_of_holder(user: Any, certificate: Any) -> bool:
    if certificate is None or not getattr(user, "is_authenticated", False):
        return False
    countries = user.countries_for(Role.FOCAL_POINT)
    return bool(countries) and _holder_country_id(certificate) in countries


@rules.predicate
def holds_certificate_of_session(user: Any, session: Any) -> bool:
    nomination = participation(user, session)
    return nomination is not None and getattr(nomination, "certificate", None) is not None


@rules.predicate
def is_own_or_country_profile(user: Any, profile: Any) -> bool:
    if profile is None or not getattr(user, "is_authenticated", False):
        return False
    return profile.user_id == user.pk or profile.country_id in user.countries_for(Role.FOCAL_POINT)


@rules.predicate
def has_officer_role(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and Role.OFFICER in user.roles)


rules.add_perm("training.issue_certificates", is_programme_staff)
rules.add_perm("training.revoke_certificate", is_programme_staff)
# The PDF: its holder, staff, and the focal points of the holder's country.
rules.add_perm(
    "training.view_certificate", is_programme_staff | holds_certificate | is_focal_point_of_holder
)
rules.add_perm("training.download_own_certificate", holds_certificate_of_session)
# An officer's transcript: their own, their country's focal points, staff.
rules.add_perm("training.view_transcript", is_programme_staff | is_own_or_country_profile)
# "My training" in the menu: officers (the role cached with the user: no query per page).
rules.add_perm("training.view_own_transcript", has_officer_role)
# A session's participant list and results as a spreadsheet: staff every row, a focal point
# the rows of their own country (the export scopes them).
rules.add_perm("training.export_session", is_programme_staff | is_focal_point)
