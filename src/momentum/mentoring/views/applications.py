"""Applications: an officer applies (or her focal point proposes her), her supervisor answers
through a signed link, her focal point endorses; she follows it all on "My mentoring"."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.mentoring.eligibility import eligibility_problems
from momentum.mentoring.forms.applications import (
    ApplicationForm,
    NationalEndorsementForm,
    ProposeForm,
    RecordSupervisorForm,
    SupervisorAnswerForm,
    WithdrawForm,
)
from momentum.mentoring.models import Application, ApplicationStatus, Cohort
from momentum.mentoring.selectors import applications as selectors
from momentum.mentoring.selectors.cohorts import get_cohort_for
from momentum.mentoring.services import applications as services
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import Profile


def application_url(application: Application) -> str:
    return reverse("mentoring:application", kwargs={"pk": application.pk})


def _language() -> str:
    return (get_language() or "en")[:2]


def _closed(request: HttpRequest, cohort: Cohort, problems: list[str]) -> HttpResponse:
    """The page that says why one may not apply (the window, or the eligibility reasons)."""
    return render(
        request, "mentoring/applications/refused.html", {"cohort": cohort, "problems": problems}
    )


def _closed_problems(cohort: Cohort) -> list[str]:
    if cohort.accepts_applications:
        return []
    return [_("This cohort is not open for applications.")]


@login_required
def apply(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    cohort = get_cohort_for(user, pk)
    if not user.has_perm("mentoring.apply", cohort):
        raise PermissionDenied
    profile = Profile.objects.with_related().filter(user=user).first()
    if profile is None:
        raise PermissionDenied
    existing = selectors.own_application(user, cohort)
    if existing is not None:
        messages.info(request, _("You have already applied to this cohort."))
        return redirect(application_url(existing))
    if problems := _closed_problems(cohort):
        return _closed(request, cohort, problems)
    # What her profile already rules out (her years of service and areas are in the form).
    problems = eligibility_problems(
        cohort,
        profile,
        years_of_service=cohort.min_years_of_service,
        areas_of_work=list(cohort.eligible_areas.all()),
    )
    if problems:
        return _closed(request, cohort, problems)
    form = ApplicationForm(
        request.POST if request.method == "POST" else None,
        mentors=selectors.available_mentors(),
        initial={"work_areas": list(profile.areas_of_work.all()), "languages": profile.languages},
    )
    if form.is_bound and form.is_valid():
        try:
            application = services.submit_application(
                cohort=cohort,
                applicant=profile,
                by=user,
                language=_language(),
                **form.service_arguments(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Your application was sent. Your supervisor will receive an e-mail "
                    "to endorse it."
                ),
            )
            return redirect(application_url(application))
    return render(
        request,
        "mentoring/applications/apply.html",
        {"cohort": cohort, "form": form, "proposing": False},
    )


@login_required
def propose(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """A focal point (or staff) fills the application in on behalf of an officer."""
    user = request.user
    cohort = get_cohort_for(user, pk)
    if not user.has_perm("mentoring.propose", cohort):
        raise PermissionDenied
    if problems := _closed_problems(cohort):
        return _closed(request, cohort, problems)
    officers = selectors.proposable_officers(user, cohort)
    form = ProposeForm(
        request.POST if request.method == "POST" else None,
        mentors=selectors.available_mentors(),
        officers=officers,
    )
    if request.method == "POST":
        chosen = request.POST.get("officer", "")
        if chosen.isdigit() and not officers.filter(pk=int(chosen)).exists():
            # An officer of another country (or one who already applied) is refused, and one
            # outside the user's sight is not revealed.
            visible = Profile.objects.visible_to(user).filter(pk=int(chosen)).exists()
            if not visible:
                raise PermissionDenied
    if form.is_bound and form.is_valid():
        officer = form.cleaned_data["officer"]
        try:
            application = services.submit_application(
                cohort=cohort,
                applicant=officer,
                by=user,
                language=_language(),
                **form.service_arguments(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s was proposed. Her supervisor will receive an e-mail to endorse it.")
                % {"name": officer.user.display_name(_language())},
            )
            return redirect(application_url(application))
    return render(
        request,
        "mentoring/applications/apply.html",
        {"cohort": cohort, "form": form, "proposing": True},
    )


@login_required
def application_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    application = selectors.get_application_for(user, pk)
    steps, next_step = selectors.timeline(application)
    can_endorse = user.has_perm("mentoring.endorse_application", application)
    context: dict[str, Any] = {
        "application": application,
        "cohort": application.cohort,
        "steps": steps,
        "next_step": next_step,
        "sees_endorsements": user.has_perm("mentoring.view_endorsements", application),
        "is_applicant": application.applicant.user_id == user.pk,
        "can_withdraw": user.has_perm("mentoring.withdraw_application", application)
        and application.status in services.WITHDRAWABLE,
    }
    if can_endorse and application.status == ApplicationStatus.SUBMITTED:
        context["record_form"] = RecordSupervisorForm()
    if can_endorse and application.status in (
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.SUPERVISOR_ENDORSED,
    ):
        context["national_form"] = NationalEndorsementForm()
        context["may_endorse"] = application.status == ApplicationStatus.SUPERVISOR_ENDORSED
    if context["can_withdraw"]:
        context["withdraw_form"] = WithdrawForm()
    return render(request, "mentoring/applications/detail.html", context)


def _show_refusal(request: HttpRequest, refusal: ValidationError) -> None:
    for message in refusal.messages:
        messages.error(request, message)


@login_required
@require_POST
def record_supervisor_endorsement(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    application = selectors.get_application_for(user, pk)
    if not user.has_perm("mentoring.endorse_application", application):
        raise PermissionDenied
    form = RecordSupervisorForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
        return redirect(application_url(application))
    try:
        services.record_supervisor_endorsement(
            application=application,
            by=user,
            statement=form.cleaned_data["statement"],
            endorsed_on=form.cleaned_data["endorsed_on"],
        )
    except ValidationError as refusal:
        _show_refusal(request, refusal)
    else:
        messages.success(request, _("The supervisor's endorsement was recorded."))
    return redirect(application_url(application))


@login_required
@require_POST
def national_endorsement(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    application = selectors.get_application_for(user, pk)
    if not user.has_perm("mentoring.endorse_application", application):
        raise PermissionDenied
    form = NationalEndorsementForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether you endorse the application."))
        return redirect(application_url(application))
    note = form.cleaned_data["note"]
    try:
        if form.cleaned_data["decision"] == NationalEndorsementForm.ENDORSE:
            services.endorse_nationally(application=application, by=user, note=note)
            messages.success(request, _("The application was endorsed."))
        else:
            services.refuse_national_endorsement(application=application, by=user, reason=note)
            messages.success(request, _("The application was not endorsed."))
    except ValidationError as refusal:
        _show_refusal(request, refusal)
    return redirect(application_url(application))


@login_required
@require_POST
def withdraw_application(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    application = selectors.get_application_for(user, pk)
    if not user.has_perm("mentoring.withdraw_application", application):
        raise PermissionDenied
    form = WithdrawForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.withdraw_application(application=application, by=user, reason=reason)
    except ValidationError as refusal:
        _show_refusal(request, refusal)
    else:
        messages.success(request, _("The application was withdrawn."))
    if application.applicant.user_id == user.pk:
        return redirect(reverse("mentoring:my_mentoring"))
    return redirect(application_url(application))


def supervisor_endorse(request: HttpRequest, token: str) -> HttpResponse:
    """The supervisor's page, reached from the e-mailed link without an account."""
    try:
        application = services.application_for_token(token)
    except signing.SignatureExpired:
        return render(
            request,
            "mentoring/applications/supervisor_link.html",
            {
                "problem": _(
                    "This link has expired. Ask the applicant or her focal point for a new one."
                )
            },
            status=410,
        )
    except signing.BadSignature:
        return render(
            request,
            "mentoring/applications/supervisor_link.html",
            {"problem": _("This link is not valid. Check that you copied it whole.")},
            status=404,
        )
    if application.status != ApplicationStatus.SUBMITTED:
        return render(
            request,
            "mentoring/applications/supervisor_link.html",
            {"problem": _("This link has already been used: thank you, your answer was saved.")},
            status=409,
        )
    form = SupervisorAnswerForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        endorse = form.cleaned_data["answer"] == SupervisorAnswerForm.ENDORSE
        try:
            services.endorse_as_supervisor(
                application=application,
                statement=form.cleaned_data["statement"],
                endorse=endorse,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return render(
                request,
                "mentoring/applications/supervisor_link.html",
                {"thanks": True, "endorsed": endorse},
            )
    return render(
        request,
        "mentoring/applications/supervisor_endorse.html",
        {
            "application": application,
            "applicant_name": application.applicant.user.display_name(_language()),
            "form": form,
        },
    )


@login_required
def my_mentoring(request: AuthenticatedRequest) -> HttpResponse:
    applications = selectors.my_applications(request.user)
    rows = []
    for application in applications:
        steps, next_step = selectors.timeline(application)
        rows.append(
            {
                "application": application,
                "steps": steps,
                "next_step": next_step,
                "can_withdraw": application.status in services.WITHDRAWABLE,
            }
        )
    return render(
        request,
        "mentoring/applications/mine.html",
        {"rows": rows, "withdraw_form": WithdrawForm()},
    )
