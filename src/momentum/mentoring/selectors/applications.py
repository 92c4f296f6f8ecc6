"""Reads for applications, scoped to the reader, and the timeline an applicant follows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from momentum.core.models import Country
from momentum.mentoring.models import Application, ApplicationStatus, Cohort, MentorProfile
from momentum.people.models import Profile, Role, Sex


def get_application_for(user: Any, pk: int) -> Application:
    """The application, or 404 when it is outside the reader's scope."""
    application = (
        Application.objects.visible_to(user)
        .select_related(
            "cohort",
            "country",
            "applicant__user",
            "applicant__agency",
            "proposed_by",
            "supervisor_recorded_by",
            "national_endorsed_by",
        )
        .prefetch_related("goal_areas", "work_areas", "preferred_mentors__user")
        .filter(pk=pk)
        .first()
    )
    if application is None or not user.has_perm("mentoring.view_application", application):
        raise Http404
    return application


def country_applications(user: Any, cohort: Cohort, country: Country) -> Any:
    """A country's applications to a cohort, as ``user`` may see them, oldest first."""
    return (
        Application.objects.visible_to(user)
        .filter(cohort=cohort, country=country)
        .select_related("applicant__user", "proposed_by")
        .order_by("created_at", "pk")
    )


def my_applications(user: Any) -> list[Application]:
    """The signed-in officer's own applications, newest first, each with ``current_pair``:
    the id of her active (or completed) mentoring pair, if any (one query)."""
    from django.db.models import OuterRef, Subquery

    from momentum.mentoring.models import Pairing, PairingStatus

    pair = Pairing.objects.filter(
        mentee=OuterRef("pk"), status__in=[PairingStatus.ACTIVE, PairingStatus.COMPLETED]
    ).order_by("-published_at", "-pk")
    return list(
        Application.objects.filter(applicant__user=user)
        .select_related("cohort", "country", "proposed_by")
        .annotate(current_pair=Subquery(pair.values("pk")[:1]))
        .order_by("-created_at", "-pk")
    )


def own_application(user: Any, cohort: Cohort) -> Application | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Application.objects.filter(cohort=cohort, applicant__user=user).first()


def proposable_officers(user: Any, cohort: Cohort) -> Any:
    """The women officers ``user`` may propose for ``cohort``: of the countries they are focal
    point for (staff: any), with places in the cohort, who have not applied yet."""
    queryset = Profile.objects.visible_to(user).filter(
        sex=Sex.FEMALE,
        user__is_active=True,
        country__in=[place.country_id for place in cohort.places.all() if place.places > 0],
    )
    if not user.is_programme_staff:
        queryset = queryset.filter(country_id__in=user.countries_for(Role.FOCAL_POINT))
    return (
        queryset.exclude(mentoring_applications__cohort=cohort)
        .select_related("user", "country")
        .order_by("country__code", "user__family_name", "user__given_name")
    )


def available_mentors() -> Any:
    return MentorProfile.objects.filter(is_available=True, user__is_active=True).select_related(
        "user"
    )


@dataclass(frozen=True)
class Step:
    """One step of an application's journey: done (with its date), current, or to come."""

    title: str
    state: str  # "done", "current", "refused" or "todo"
    when: datetime | None = None
    detail: str = ""


def timeline(application: Application) -> tuple[list[Step], str]:
    """The steps of the application with their dates, and a sentence saying what comes next.
    Reads only the application's own fields: no query."""
    status = application.status
    statuses = ApplicationStatus
    submitted_title = (
        _("Proposed by the focal point") if application.proposed_by_id else _("Application sent")
    )
    steps = [Step(submitted_title, "done", application.created_at)]

    def step(title: str, done_when: datetime | None, *, current: bool, refused: bool) -> None:
        if refused:
            steps.append(Step(title, "refused", done_when))
        elif done_when is not None and not current:
            steps.append(Step(title, "done", done_when))
        else:
            steps.append(Step(title, "current" if current else "todo"))

    supervisor_declined = (
        status == statuses.NOT_ENDORSED and application.national_endorsed_at is None
    )
    step(
        _("Endorsement by the supervisor"),
        application.supervisor_endorsed_at,
        current=status == statuses.SUBMITTED,
        refused=supervisor_declined,
    )
    nationally_refused = status == statuses.NOT_ENDORSED and not supervisor_declined
    step(
        _("National endorsement by the focal point"),
        application.national_endorsed_at,
        current=status == statuses.SUPERVISOR_ENDORSED,
        refused=nationally_refused,
    )
    step(
        _("Selection by the panel"),
        application.offered_at,
        current=status == statuses.ENDORSED,
        refused=status == statuses.NOT_SELECTED,
    )
    step(
        _("Answer to the offer"),
        application.responded_at,
        current=status == statuses.OFFERED,
        refused=status == statuses.DECLINED,
    )
    step(
        _("Completing the programme"),
        application.completed_at,
        current=status == statuses.ACCEPTED,
        refused=status == statuses.LEFT,
    )
    if status == statuses.WITHDRAWN:
        steps = [each for each in steps if each.state == "done"]
        steps.append(Step(_("Withdrawn"), "refused", application.updated_at))
    return steps, _next_sentence(application)


def _next_sentence(application: Application) -> str:
    statuses = ApplicationStatus
    sentences: dict[str, str] = {
        statuses.SUBMITTED: _(
            "Next: your supervisor answers the e-mail we sent, or your focal point records "
            "the endorsement."
        ),
        statuses.SUPERVISOR_ENDORSED: _(
            "Next: your focal point decides on the national endorsement."
        ),
        statuses.ENDORSED: _(
            "Next: the selection panel scores the applications; places are offered after."
        ),
        statuses.OFFERED: _("Next: answer the offer before it expires."),
        statuses.ACCEPTED: _(
            "Next: meet your mentor, follow your learning path and complete the programme."
        ),
        statuses.COMPLETED: _("You completed the programme: welcome to the alumnae."),
        statuses.NOT_ENDORSED: _("The application stops here."),
        statuses.NOT_SELECTED: _("The application stops here."),
        statuses.DECLINED: _("You declined the offer."),
        statuses.WITHDRAWN: _("The application was withdrawn."),
        statuses.LEFT: _("You left the programme."),
    }
    return str(sentences.get(application.status, ""))
