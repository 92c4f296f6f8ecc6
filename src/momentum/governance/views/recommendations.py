"""The register of recommendations: the board reads it whole; staff record recommendations,
the programme's response, actions and their progress, links and the report back."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.core.models import Country
from momentum.governance.forms import (
    ActionForm,
    ActionUpdateForm,
    LinkForm,
    RecommendationForm,
    ReportBackForm,
    ResponseForm,
)
from momentum.governance.models import ActionStatus, RecommendationAction
from momentum.governance.selectors import recommendations as selectors
from momentum.governance.services import recommendations as services
from momentum.governance.views.common import require_staff, show_refusal
from momentum.people.http import AuthenticatedRequest


def _url(pk: int) -> str:
    return reverse("governance:recommendation", kwargs={"pk": pk})


@login_required
def register(request: AuthenticatedRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    state = state if state in selectors.STATES else ""
    try:
        country_id = int(request.GET.get("country") or 0) or None
    except ValueError:
        country_id = None
    rows = selectors.register_for(request.user, state=state, country_id=country_id)
    return render(
        request,
        "governance/recommendations.html",
        {
            "rows": rows,
            "states": selectors.STATES,
            "state": state,
            "countries": Country.objects.active(),
            "country_id": country_id,
            "is_staff": request.user.has_perm("governance.manage_board"),
        },
    )


@login_required
def recommendation_new(request: AuthenticatedRequest) -> HttpResponse:
    require_staff(request)
    form = RecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            recommendation = services.record_recommendation(
                text=data["text"],
                source=data["source"],
                meeting=data["meeting"],
                countries=data["countries"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The recommendation is in the register."))
            return redirect(_url(recommendation.pk))
    return render(request, "governance/recommendation_form.html", {"form": form})


@login_required
def recommendation_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    recommendation = selectors.get_recommendation_for(request.user, pk)
    is_staff = request.user.has_perm("governance.manage_board")
    return render(
        request,
        "governance/recommendation.html",
        {
            "recommendation": recommendation,
            "actions": list(recommendation.actions.all()),
            "is_staff": is_staff,
            "response_form": ResponseForm(initial={"version": recommendation.version}),
            "action_form": ActionForm(),
            "link_form": LinkForm(),
            "report_form": ReportBackForm(),
            "status_choices": ActionStatus.choices,
        },
    )


@login_required
@require_POST
def recommendation_step(request: AuthenticatedRequest, pk: int, step: str) -> HttpResponse:
    """Staff's changes to a recommendation: respond, add an action, link a record, report back."""
    require_staff(request)
    recommendation = selectors.get_recommendation_for(request.user, pk)
    forms = {
        "respond": ResponseForm,
        "action": ActionForm,
        "link": LinkForm,
        "report": ReportBackForm,
    }
    if step not in forms:
        raise Http404
    form = forms[step](request.POST)
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        data = form.cleaned_data
        if step == "respond":
            services.respond_to_recommendation(
                recommendation=recommendation,
                response=data["response"],
                reason=data["reason"],
                version=data["version"],
                by=request.user,
            )
        elif step == "action":
            services.add_action(
                recommendation=recommendation,
                description=data["description"],
                owner=data["owner"],
                due_on=data["due_on"],
                by=request.user,
            )
        elif step == "link":
            services.link_record(
                recommendation=recommendation,
                kind=data["kind"],
                label=data["label"],
                url=data["url"],
                by=request.user,
            )
        else:
            services.report_back(
                recommendation=recommendation, meeting=data["meeting"], by=request.user
            )
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("The register is updated."))
    return redirect(_url(pk))


@login_required
@require_POST
def action_update(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    require_staff(request)
    action = get_object_or_404(RecommendationAction, pk=pk)
    form = ActionUpdateForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Progress is a percentage between 0 and 100."))
        services.update_action(
            action=action,
            status=form.cleaned_data["status"],
            progress=form.cleaned_data["progress"],
            by=request.user,
        )
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("The action is updated."))
    return redirect(_url(action.recommendation_id))
