"""Writes for applications: a woman officer applies (or her focal point proposes her), her
supervisor endorses by a signed link (or the focal point records it), then her focal point
gives or refuses the national endorsement. She may withdraw until she is accepted.

Each step is one service, audited, and tells the applicant where her application stands.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from momentum.core import audit
from momentum.core.models import AreaOfWork, ThematicArea
from momentum.core.notifications import notify
from momentum.mentoring.eligibility import eligibility_problems
from momentum.mentoring.models import (
    Application,
    ApplicationStatus,
    Cohort,
    CohortStatus,
    MentorPreference,
    MentorProfile,
)
from momentum.people.models import Profile, Role, User

SUPERVISOR_SALT = "mentoring.supervisor"
SUPERVISOR_LINK_DAYS = 30
MAX_PREFERRED_MENTORS = 3
# Before she is accepted, an applicant (or her focal point) may take her application back.
WITHDRAWABLE = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.SUPERVISOR_ENDORSED,
    ApplicationStatus.ENDORSED,
)
# The stages of a cohort in which endorsements are still given.
ENDORSING_STAGES = (CohortStatus.OPEN, CohortStatus.SELECTION)


def _refusal(message: str, code: str, *, field: str | None = None) -> ValidationError:
    error = ValidationError(message, code=code)
    return ValidationError({field: error}) if field else error


def may_act_for(user: Any, profile: Profile) -> bool:
    """Staff act for any officer; a focal point for the officers of their country."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(
        user.is_programme_staff or profile.country_id in user.countries_for(Role.FOCAL_POINT)
    )


def focal_points_of(country_id: int) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True,
            role_assignments__role=Role.FOCAL_POINT,
            role_assignments__country_id=country_id,
        ).distinct()
    )


def application_path(application: Application) -> str:
    """The application's page, without the language prefix (for notifications)."""
    return f"/mentoring/applications/{application.pk}/"


def _cohort_name(cohort: Cohort) -> str:
    # Read in the active language: notifications build each sentence once per language.
    return str(cohort.name)


# --- the supervisor's signed link ---


def supervisor_token(application: Application) -> str:
    return signing.dumps({"a": application.pk}, salt=SUPERVISOR_SALT)


def application_for_token(token: str) -> Application:
    """The application a supervisor's link is for. Raises ``signing.SignatureExpired`` after
    thirty days and ``signing.BadSignature`` for a link altered or unknown."""
    payload = signing.loads(
        token, salt=SUPERVISOR_SALT, max_age=timedelta(days=SUPERVISOR_LINK_DAYS)
    )
    pk = payload.get("a") if isinstance(payload, dict) else None
    application = (
        Application.objects.select_related("cohort", "applicant__user", "country")
        .filter(pk=pk)
        .first()
        if isinstance(pk, int)
        else None
    )
    if application is None:
        raise signing.BadSignature("no such application")
    return application


def send_supervisor_request(application_id: int) -> bool:
    """E-mail the supervisor the link to endorse, in the application's language (the
    supervisor has no account). Whether an e-mail left."""
    application = (
        Application.objects.select_related("cohort", "applicant__user")
        .filter(pk=application_id, status=ApplicationStatus.SUBMITTED)
        .first()
    )
    if application is None:  # withdrawn or endorsed meanwhile: nothing to ask
        return False
    language = application.language
    with translation.override(language):
        path = reverse(
            "mentoring:supervisor_endorse", kwargs={"token": supervisor_token(application)}
        )
        context = {
            "application": application,
            "cohort": application.cohort.name,
            "applicant_name": application.applicant.user.display_name(language),
            "supervisor_name": application.supervisor_name,
            "url": f"{settings.SITE_URL}{path}",
            "days": SUPERVISOR_LINK_DAYS,
        }
        subject = _("%(name)s asks for your endorsement") % {"name": context["applicant_name"]}
        text = render_to_string("mentoring/applications/email/supervisor_request.txt", context)
        html = render_to_string("mentoring/applications/email/supervisor_request.html", context)
    message = EmailMultiAlternatives(subject, text, to=[application.supervisor_email])
    message.attach_alternative(html, "text/html")
    message.send()
    return True


# --- applying ---


def already_applied(cohort: Cohort, applicant: Profile) -> bool:
    return Application.objects.filter(cohort=cohort, applicant=applicant).exists()


@transaction.atomic
def submit_application(
    *,
    cohort: Cohort,
    applicant: Profile,
    by: User,
    motivation: str,
    goals: str,
    years_of_service: int,
    supervisor_name: str,
    supervisor_email: str,
    language: str,
    goal_areas: Iterable[ThematicArea] = (),
    work_areas: Iterable[AreaOfWork] | None = None,
    languages: list[str] | None = None,
    wants_leadership: bool = False,
    preferred_mentor_kind: str = MentorPreference.ANY,
    preferred_mentors: Iterable[MentorProfile] = (),
) -> Application:
    """An officer's application to ``cohort``: by herself, or proposed by her focal point (or
    staff) on her behalf.

    Refuses (PermissionDenied) someone applying for another officer they do not act for, and
    (ValidationError, with a code) a cohort not open for applications, an ineligible officer
    (with every reason), a second application, more than three preferred mentors or one not
    available. The supervisor is asked to endorse by e-mail once the application is saved.
    """
    proposed = by.pk != applicant.user_id
    if proposed and not may_act_for(by, applicant):
        raise PermissionDenied(_("You may only propose officers of your own country."))
    if not cohort.accepts_applications:
        raise ValidationError(_("This cohort is not open for applications."), code="closed")
    name = applicant.user.display_name()
    duplicate = (
        _("%(name)s has already applied to this cohort.") % {"name": name}
        if proposed
        else _("You have already applied to this cohort.")
    )
    if already_applied(cohort, applicant):
        raise ValidationError(duplicate, code="duplicate")
    work_areas = list(applicant.areas_of_work.all()) if work_areas is None else list(work_areas)
    problems = eligibility_problems(
        cohort, applicant, years_of_service=years_of_service, areas_of_work=work_areas
    )
    if problems:
        raise ValidationError([ValidationError(problem, code="ineligible") for problem in problems])
    missing: dict[str, str] = {}
    for field, value, message in (
        ("motivation", motivation, _("Say why you want to join the programme.")),
        ("goals", goals, _("Say what you want to achieve in two years.")),
        ("supervisor_name", supervisor_name, _("Give your supervisor's name.")),
        ("supervisor_email", supervisor_email, _("Give your supervisor's e-mail address.")),
    ):
        if not value.strip():
            missing[field] = message
    if missing:
        raise ValidationError(
            {field: ValidationError(message, code="required") for field, message in missing.items()}
        )
    mentors = list(preferred_mentors)
    if len(mentors) > MAX_PREFERRED_MENTORS:
        raise _refusal(
            _("Choose at most three mentors."), "too_many_mentors", field="preferred_mentors"
        )
    if any(not mentor.is_available for mentor in mentors):
        raise _refusal(
            _("One of the chosen mentors is not available."),
            "mentor_unavailable",
            field="preferred_mentors",
        )
    try:
        # A savepoint: two submissions at the same moment meet the unique constraint.
        with transaction.atomic():
            application = Application.objects.create(
                cohort=cohort,
                applicant=applicant,
                country_id=applicant.country_id,
                proposed_by=by if proposed else None,
                language=language,
                motivation=motivation.strip(),
                goals=goals.strip(),
                languages=list(languages or []),
                years_of_service=years_of_service,
                wants_leadership=wants_leadership,
                preferred_mentor_kind=preferred_mentor_kind,
                supervisor_name=supervisor_name.strip(),
                supervisor_email=supervisor_email.strip(),
            )
    except IntegrityError as exc:
        raise ValidationError(duplicate, code="duplicate") from exc
    application.goal_areas.set(list(goal_areas))
    application.work_areas.set(work_areas)
    application.preferred_mentors.set(mentors)
    audit.record(
        by,
        "application.proposed" if proposed else "application.submitted",
        application,
        country=applicant.country,
        cohort=cohort.pk,
        applicant=applicant.pk,
    )
    cohort_for_message = cohort
    if proposed:
        notify(
            recipients=[applicant.user],
            kind="mentoring.application_proposed",
            message=lambda: (
                _(
                    "Your focal point proposed you for %(cohort)s. Your supervisor is asked to "
                    "endorse the application."
                )
                % {"cohort": _cohort_name(cohort_for_message)}
            ),
            url=application_path(application),
            email=True,
        )
    else:
        notify(
            recipients=[applicant.user],
            kind="mentoring.application_submitted",
            message=lambda: (
                _(
                    "Your application to %(cohort)s was received. Your supervisor is asked to "
                    "endorse it."
                )
                % {"cohort": _cohort_name(cohort_for_message)}
            ),
            url=application_path(application),
        )
    from momentum.mentoring.tasks import send_supervisor_request_email

    transaction.on_commit(lambda: send_supervisor_request_email.enqueue(application.pk))
    return application


# --- endorsements ---


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("cohort", "applicant__user", "country")
        .get(pk=application.pk)
    )


def _advance(application: Application, status: str, fields: list[str]) -> None:
    application.status = status
    application.updated_at = timezone.now()
    application.version = F("version") + 1  # type: ignore[assignment]
    application.save(update_fields=["status", "updated_at", "version", *fields])
    application.refresh_from_db(fields=["version"])


def _refuse_unless(application: Application, allowed: tuple[str, ...], message: str) -> None:
    if application.status not in allowed:
        raise ValidationError(
            message % {"status": application.get_status_display()}, code="transition"
        )


def _tell_applicant(application: Application, kind: str, sentence: Any) -> None:
    """Notify the applicant (in-app and by e-mail) with ``sentence``, a callable building the
    sentence in the active language."""
    notify(
        recipients=[application.applicant.user],
        kind=f"mentoring.{kind}",
        message=sentence,
        url=application_path(application),
        email=True,
    )


@transaction.atomic
def endorse_as_supervisor(
    *, application: Application, statement: str, endorse: bool = True
) -> Application:
    """The supervisor's answer, given through the signed link: endorse with a statement, or
    decline. A link answers once: the application must still be waiting for it."""
    application = _locked(application)
    _refuse_unless(
        application,
        (ApplicationStatus.SUBMITTED,),
        _("This endorsement link has already been used: the application is “%(status)s”."),
    )
    statement = statement.strip()
    if not statement:
        raise _refusal(
            _("Write a few words about the applicant.")
            if endorse
            else _("Say why you do not endorse the application."),
            "required",
            field="statement",
        )
    application.supervisor_statement = statement
    application.supervisor_endorsed_at = timezone.now()
    status = ApplicationStatus.SUPERVISOR_ENDORSED if endorse else ApplicationStatus.NOT_ENDORSED
    _advance(application, status, ["supervisor_statement", "supervisor_endorsed_at"])
    audit.record(
        application.supervisor_email,
        "application.supervisor_endorsed" if endorse else "application.supervisor_declined",
        application,
        country=application.country,
    )
    cohort = application.cohort
    if endorse:
        _tell_applicant(
            application,
            "supervisor_endorsed",
            lambda: (
                _(
                    "Your supervisor endorsed your application to %(cohort)s. Your focal point "
                    "will now decide on the national endorsement."
                )
                % {"cohort": _cohort_name(cohort)}
            ),
        )
        name = application.applicant.user.display_name()
        notify(
            recipients=focal_points_of(application.country_id),
            kind="mentoring.national_endorsement_needed",
            message=lambda: (
                _("%(name)s's application to %(cohort)s waits for your national endorsement.")
                % {"name": name, "cohort": _cohort_name(cohort)}
            ),
            url=application_path(application),
            email=True,
        )
    else:
        _tell_applicant(
            application,
            "supervisor_declined",
            lambda: (
                _("Your supervisor did not endorse your application to %(cohort)s.")
                % {"cohort": _cohort_name(cohort)}
            ),
        )
    return application


@transaction.atomic
def record_supervisor_endorsement(
    *, application: Application, by: User, statement: str, endorsed_on: date
) -> Application:
    """The focal point (or staff) records an endorsement the supervisor gave otherwise (a
    signed letter, say), with its date."""
    if not may_act_for(by, application.applicant):
        raise PermissionDenied
    application = _locked(application)
    _refuse_unless(
        application,
        (ApplicationStatus.SUBMITTED,),
        _("The supervisor's endorsement cannot be recorded: the application is “%(status)s”."),
    )
    statement = statement.strip()
    if not statement:
        raise _refusal(_("Write the supervisor's statement."), "required", field="statement")
    if endorsed_on > timezone.localdate():
        raise _refusal(
            _("The endorsement cannot be dated in the future."), "future", field="endorsed_on"
        )
    application.supervisor_statement = statement
    application.supervisor_endorsed_at = timezone.make_aware(datetime.combine(endorsed_on, time()))
    application.supervisor_recorded_by = by
    _advance(
        application,
        ApplicationStatus.SUPERVISOR_ENDORSED,
        ["supervisor_statement", "supervisor_endorsed_at", "supervisor_recorded_by"],
    )
    audit.record(
        by,
        "application.supervisor_endorsement_recorded",
        application,
        country=application.country,
        endorsed_on=endorsed_on.isoformat(),
    )
    cohort = application.cohort
    _tell_applicant(
        application,
        "supervisor_endorsed",
        lambda: (
            _(
                "Your supervisor's endorsement of your application to %(cohort)s was recorded. "
                "Your focal point will now decide on the national endorsement."
            )
            % {"cohort": _cohort_name(cohort)}
        ),
    )
    return application


@transaction.atomic
def endorse_nationally(*, application: Application, by: User, note: str = "") -> Application:
    """The focal point's national endorsement: the application goes to the selection panel."""
    if not may_act_for(by, application.applicant):
        raise PermissionDenied
    application = _locked(application)
    _refuse_unless(
        application,
        (ApplicationStatus.SUPERVISOR_ENDORSED,),
        _(
            "The national endorsement needs the supervisor's endorsement first: the "
            "application is “%(status)s”."
        ),
    )
    if application.cohort.status not in ENDORSING_STAGES:
        raise ValidationError(
            _("The cohort's selection is over: endorsements are closed."), code="cohort_stage"
        )
    application.national_note = note.strip()
    application.national_endorsed_by = by
    application.national_endorsed_at = timezone.now()
    _advance(
        application,
        ApplicationStatus.ENDORSED,
        ["national_note", "national_endorsed_by", "national_endorsed_at"],
    )
    audit.record(by, "application.endorsed", application, country=application.country)
    cohort = application.cohort
    _tell_applicant(
        application,
        "endorsed",
        lambda: (
            _(
                "Your application to %(cohort)s received the national endorsement and goes to the "
                "selection panel."
            )
            % {"cohort": _cohort_name(cohort)}
        ),
    )
    return application


@transaction.atomic
def refuse_national_endorsement(*, application: Application, by: User, reason: str) -> Application:
    """The focal point refuses the national endorsement, with a reason the applicant reads."""
    if not may_act_for(by, application.applicant):
        raise PermissionDenied
    reason = reason.strip()
    if not reason:
        raise _refusal(_("Say why the application is not endorsed."), "required", field="note")
    application = _locked(application)
    _refuse_unless(
        application,
        (ApplicationStatus.SUBMITTED, ApplicationStatus.SUPERVISOR_ENDORSED),
        _("The national endorsement cannot be refused: the application is “%(status)s”."),
    )
    application.national_note = reason
    application.national_endorsed_by = by
    application.national_endorsed_at = timezone.now()
    _advance(
        application,
        ApplicationStatus.NOT_ENDORSED,
        ["national_note", "national_endorsed_by", "national_endorsed_at"],
    )
    audit.record(
        by, "application.not_endorsed", application, country=application.country, reason=reason
    )
    cohort = application.cohort
    _tell_applicant(
        application,
        "not_endorsed",
        lambda: (
            _("Your application to %(cohort)s did not receive the national endorsement.")
            % {"cohort": _cohort_name(cohort)}
        ),
    )
    return application


# --- withdrawal ---


@transaction.atomic
def withdraw_application(*, application: Application, by: User, reason: str = "") -> Application:
    """The applicant (or her focal point, or staff) takes the application back before she is
    accepted."""
    own = application.applicant.user_id == by.pk
    if not own and not may_act_for(by, application.applicant):
        raise PermissionDenied
    application = _locked(application)
    _refuse_unless(
        application,
        WITHDRAWABLE,
        _("The application cannot be withdrawn: it is “%(status)s”."),
    )
    application.decision_note = reason.strip()
    _advance(application, ApplicationStatus.WITHDRAWN, ["decision_note"])
    audit.record(by, "application.withdrawn", application, country=application.country)
    cohort = application.cohort
    if own:
        name = application.applicant.user.display_name()
        notify(
            recipients=focal_points_of(application.country_id),
            kind="mentoring.application_withdrawn",
            message=lambda: (
                _("%(name)s withdrew her application to %(cohort)s.")
                % {"name": name, "cohort": _cohort_name(cohort)}
            ),
            url=application_path(application),
        )
    else:
        _tell_applicant(
            application,
            "application_withdrawn",
            lambda: (
                _("Your application to %(cohort)s was withdrawn.")
                % {"cohort": _cohort_name(cohort)}
            ),
        )
    return application
