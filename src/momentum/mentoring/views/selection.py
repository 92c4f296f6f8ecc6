"""The selection: staff's board (places per country, the applications ranked by the panel's
scores, each panel member's total), offers and "not selected", and the applicant's answer."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from momentum.mentoring.forms.panel import NotSelectedForm, OfferTopForm, RespondForm
from momentum.mentoring.models import Application
from momentum.mentoring.selectors import applications as application_selectors
from momentum.mentoring.selectors import selection as selectors
from momentum.mentoring.selectors.cohorts import get_cohort_for
from momentum.mentoring.services import selection as services
from momentum.people.http import AuthenticatedRequest


def selection_url(cohort_id: int, application_id: int | None = None) -> str:
    url = reverse("mentoring:selection", kwargs={"pk": cohort_id})
    return f"{url}#application-{application_id}" if application_id else url


def _show_refusal(request: AuthenticatedRequest, refusal: ValidationError) -> None:
    for message in refusal.messages:
        messages.error(request, message)


@login_required
def selection(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    cohort = get_cohort_for(user, pk)
    if not user.has_perm("mentoring.select_applicants"):
        # The panel follows its own work on the panel page.
        if selectors.is_on_panel(user, cohort):
            return redirect(reverse("mentoring:panel", kwargs={"pk": cohort.pk}))
        raise PermissionDenied
    board = selectors.selection_board(cohort)
    return render(
        request,
        "mentoring/selection/board.html",
        {
            "cohort": cohort,
            "board": board,
            "may_offer": cohort.status in services.OFFER_STAGES,
            "not_selected_form": NotSelectedForm(),
            "offer_top_form": OfferTopForm(),
        },
    )


def _application_for_staff(request: AuthenticatedRequest, pk: int) -> Application:
    if not request.user.has_perm("mentoring.select_applicants"):
        raise PermissionDenied
    return get_object_or_404(Application.objects.select_related("cohort"), pk=pk)


@login_required
@require_POST
def offer_place(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = _application_for_staff(request, pk)
    try:
        offered = services.offer_place(application=application, by=request.user)
    except ValidationError as refusal:
        _show_refusal(request, refusal)
    else:
        messages.success(
            request,
            _("%(name)s was offered a place. She has until %(date)s to answer.")
            % {
                "name": offered.applicant.user.display_name(),
                "date": formats.date_format(
                    timezone.localtime(offered.offer_expires_at), "DATE_FORMAT"
                )
                if offered.offer_expires_at
                else "",
            },
        )
    return redirect(selection_url(application.cohort_id, application.pk))


@login_required
@require_POST
def not_selected(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = _application_for_staff(request, pk)
    form = NotSelectedForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
        return redirect(selection_url(application.cohort_id, application.pk))
    try:
        services.mark_not_selected(
            application=application, by=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as refusal:
        _show_refusal(request, refusal)
    else:
        messages.success(request, _("The application was marked not selected."))
    return redirect(selection_url(application.cohort_id, application.pk))


@login_required
@require_POST
def offer_top(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    cohort = get_cohort_for(user, pk)
    if not user.has_perm("mentoring.select_applicants"):
        raise PermissionDenied
    form = OfferTopForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
        return redirect(selection_url(cohort.pk))
    try:
        result = services.offer_to_top(
            cohort=cohort, by=user, per_country=form.cleaned_data["per_country"]
        )
    except ValidationError as refusal:
        _show_refusal(request, refusal)
    else:
        count = len(result.offered)
        if count:
            messages.success(
                request,
                ngettext("%(count)s place was offered.", "%(count)s places were offered.", count)
                % {"count": count},
            )
        else:
            messages.info(request, _("No place was offered: no free place or no applicant."))
    return redirect(selection_url(cohort.pk))


@login_required
def respond_offer(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """The applicant accepts or declines her offer (the page the notification links to)."""
    user = request.user
    application = application_selectors.get_application_for(user, pk)
    if not user.has_perm("mentoring.respond_to_offer", application):
        raise PermissionDenied
    form = RespondForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        accept = form.cleaned_data["answer"] == RespondForm.ACCEPT
        try:
            services.respond_to_offer(
                application=application,
                by=user,
                accept=accept,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as refusal:
            _show_refusal(request, refusal)
        else:
            messages.success(
                request,
                _("Welcome to the programme: you accepted your place.")
                if accept
                else _("You declined the place. Thank you for telling us."),
            )
            return redirect(reverse("mentoring:my_mentoring"))
    return render(
        request,
        "mentoring/selection/respond.html",
        {
            "application": application,
            "cohort": application.cohort,
            "form": form,
            "offer_open": services.offer_is_open(application),
        },
    )
