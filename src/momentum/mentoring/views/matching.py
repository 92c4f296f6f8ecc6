"""Matching: staff tune the weights, run the matching, review each proposed pair and why,
adjust by hand, publish, and end a pair early (the mentee is then re-matched)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.mentoring.forms.matching import AssignForm, EndEarlyForm, WeightsForm
from momentum.mentoring.models import Application, MentorProfile, Pairing, PairingStatus
from momentum.mentoring.selectors import matching as selectors
from momentum.mentoring.services import matching as services
from momentum.people.http import AuthenticatedRequest


def _weights_initial(review: selectors.MatchingReview) -> dict[str, int]:
    weights = review.weights
    return {
        "goals": weights.goals,
        "area_of_work": weights.area_of_work,
        "leadership": weights.leadership,
        "preferences": weights.preferences,
    }


def _render(
    request: AuthenticatedRequest,
    review: selectors.MatchingReview,
    *,
    weights_form: WeightsForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "mentoring/matching/review.html",
        {
            "cohort": review.cohort,
            "review": review,
            "weights_form": weights_form or WeightsForm(initial=_weights_initial(review)),
            "end_form": EndEarlyForm(),
        },
        status=status,
    )


@login_required
def matching(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = selectors.get_cohort_for_matching(request.user, pk)
    return _render(request, selectors.matching_review(cohort))


def _show_refusal(request: AuthenticatedRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_POST
def matching_run(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = selectors.get_cohort_for_matching(request.user, pk)
    try:
        proposal = services.propose_matches(cohort=cohort, by=request.user)
    except ValidationError as error:
        _show_refusal(request, error)
    else:
        count = len(proposal.pairings)
        messages.success(
            request,
            ngettext(
                "%(count)d pair proposed, with a total score of %(total).1f.",
                "%(count)d pairs proposed, with a total score of %(total).1f.",
                count,
            )
            % {"count": count, "total": proposal.total},
        )
        if proposal.unmatched:
            left = len(proposal.unmatched)
            messages.warning(
                request,
                ngettext(
                    "%(count)d mentee has no mentor yet: see why below.",
                    "%(count)d mentees have no mentor yet: see why below.",
                    left,
                )
                % {"count": left},
            )
    return redirect("mentoring:matching", pk=cohort.pk)


@login_required
@require_POST
def matching_weights(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = selectors.get_cohort_for_matching(request.user, pk)
    form = WeightsForm(request.POST)
    if form.is_valid():
        try:
            services.set_matching_weights(cohort=cohort, weights=form.weights(), by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The weights were saved. Run the matching again to apply them."),
            )
            return redirect("mentoring:matching", pk=cohort.pk)
    return _render(request, selectors.matching_review(cohort), weights_form=form)


@login_required
@require_POST
def matching_assign(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = selectors.get_cohort_for_matching(request.user, pk)
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a mentor."))
        return redirect("mentoring:matching", pk=cohort.pk)
    application = get_object_or_404(
        Application.objects.select_related("applicant__user"),
        pk=form.cleaned_data["mentee"],
        cohort=cohort,
    )
    mentor = get_object_or_404(
        MentorProfile.objects.select_related("user"), pk=form.cleaned_data["mentor"]
    )
    try:
        services.assign_by_hand(
            cohort=cohort, mentee_application=application, mentor=mentor, by=request.user
        )
    except ValidationError as error:
        _show_refusal(request, error)
    else:
        language = get_language()
        messages.success(
            request,
            _("%(mentor)s is now proposed as the mentor of %(mentee)s.")
            % {
                "mentor": mentor.user.display_name(language),
                "mentee": application.applicant.user.display_name(language),
            },
        )
    return redirect("mentoring:matching", pk=cohort.pk)


@login_required
@require_POST
def matching_publish(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cohort = selectors.get_cohort_for_matching(request.user, pk)
    try:
        published = services.publish_matches(cohort=cohort, by=request.user)
    except ValidationError as error:
        _show_refusal(request, error)
    else:
        count = len(published)
        messages.success(
            request,
            ngettext(
                "%(count)d pair published: both sides were told.",
                "%(count)d pairs published: both sides of each were told.",
                count,
            )
            % {"count": count},
        )
    return redirect("mentoring:matching", pk=cohort.pk)


@login_required
@require_POST
def matching_end_pair(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("mentoring.run_matching"):
        raise PermissionDenied
    pairing = get_object_or_404(
        Pairing.objects.select_related("cohort", "mentee__applicant__user"),
        pk=pk,
        status=PairingStatus.ACTIVE,
    )
    form = EndEarlyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the pair ends early."))
        return redirect("mentoring:matching", pk=pairing.cohort_id)
    try:
        ended = services.end_pair_early(
            pairing=pairing, reason=form.cleaned_data["reason"], by=request.user
        )
    except ValidationError as error:
        _show_refusal(request, error)
    else:
        language = get_language()
        name = pairing.mentee.applicant.user.display_name(language)
        messages.success(request, _("The pair of %(mentee)s was ended.") % {"mentee": name})
        if ended.rematch is not None:
            messages.info(
                request,
                _("%(mentor)s is proposed as her new mentor: review and publish below.")
                % {"mentor": ended.rematch.mentor.user.display_name(language)},
            )
        else:
            for reason in ended.reasons:
                messages.warning(
                    request,
                    _("No mentor could be proposed for %(mentee)s: %(reason)s")
                    % {"mentee": name, "reason": reason},
                )
    return redirect("mentoring:matching", pk=pairing.cohort_id)
