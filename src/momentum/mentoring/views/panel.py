"""The panel: a panel member's list of the cohort's applications with her progress, and the
page where she scores one application against the rubric (or declares a conflict)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from momentum.core.forms import add_service_errors
from momentum.mentoring.forms.panel import ReviewForm
from momentum.mentoring.models import RubricCriterion
from momentum.mentoring.selectors import applications as application_selectors
from momentum.mentoring.selectors import selection as selectors
from momentum.mentoring.selectors.cohorts import get_cohort_for
from momentum.mentoring.services import selection as services
from momentum.mentoring.views.mentors import language_names
from momentum.people.http import AuthenticatedRequest


def panel_url(cohort_id: int) -> str:
    return reverse("mentoring:panel", kwargs={"pk": cohort_id})


@login_required
def panel(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    cohort = get_cohort_for(user, pk)
    if not selectors.is_on_panel(user, cohort):
        # Staff who do not sit on the panel follow it from the selection board.
        if user.has_perm("mentoring.select_applicants"):
            return redirect(reverse("mentoring:selection", kwargs={"pk": cohort.pk}))
        raise PermissionDenied
    queue = selectors.panel_queue(user, cohort)
    return render(
        request,
        "mentoring/panel/panel.html",
        {
            "cohort": cohort,
            "queue": queue,
            "scoring_open": cohort.status in services.SCORING_STAGES,
        },
    )


@login_required
def score_application(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    application = application_selectors.get_application_for(user, pk)
    if not user.has_perm("mentoring.score_application", application):
        raise PermissionDenied
    criteria = list(RubricCriterion.objects.filter(cohort_id=application.cohort_id))
    review = selectors.review_for_scoring(user, application)
    may_score = services.scoring_open(application)
    form = ReviewForm(
        request.POST if request.method == "POST" and may_score else None,
        criteria=criteria,
        review=review,
    )
    if request.method == "POST" and not may_score:
        messages.error(
            request,
            _(
                "Scoring is closed for this application: it is “%(status)s” and the cohort "
                "is at the “%(stage)s” stage."
            )
            % {
                "status": application.get_status_display(),
                "stage": application.cohort.get_status_display(),
            },
        )
    if form.is_bound and form.is_valid():
        try:
            services.submit_review(application=application, by=user, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Your review of %(name)s's application was saved.")
                % {"name": application.applicant.user.display_name()},
            )
            return redirect(panel_url(application.cohort_id))
    return render(
        request,
        "mentoring/panel/score.html",
        {
            "application": application,
            "cohort": application.cohort,
            "form": form,
            "review": review,
            "may_score": may_score,
            "own_total": selectors.total_of(review, criteria),
            "language_names": language_names(application.languages or []),
        },
    )
