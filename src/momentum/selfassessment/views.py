"""Pages of the gender self-assessment: cycles (focal points invite, working groups answer,
rate, find and plan), the anonymous personnel survey, and the observers' overview."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from momentum.core.forms import add_service_errors
from momentum.core.models import Agency
from momentum.people.http import AuthenticatedRequest
from momentum.people.models import RankLevel, Role, User
from momentum.selfassessment import selectors, services
from momentum.selfassessment.forms import (
    ActionForm,
    DimensionForm,
    FindingForm,
    InviteForm,
    RatingForm,
    SurveyLinksForm,
    grid_from_post,
)
from momentum.selfassessment.models import Action, CycleStatus, Dimension, QuestionKind


def _cycle_url(pk: int) -> str:
    return reverse("selfassessment:cycle", args=[pk])


@login_required
def cycle_list(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("selfassessment.list_cycles"):
        if user.has_perm("selfassessment.view_overview"):
            return redirect("selfassessment:overview")
        raise PermissionDenied
    return render(
        request,
        "selfassessment/cycle_list.html",
        {
            "cycles": list(selectors.cycles_for(user)),
            "dimensions": selectors.dimension_count(),
            "can_invite": user.has_perm("selfassessment.invite"),
            "can_overview": user.has_perm("selfassessment.view_overview"),
            "can_edit_framework": user.has_perm("selfassessment.edit_framework"),
        },
    )


@login_required
def invite(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("selfassessment.invite"):
        raise PermissionDenied
    countries = None if user.is_programme_staff else user.countries_for(Role.FOCAL_POINT)
    agencies = Agency.objects.select_related("country").order_by("country__code", "name")
    people = User.objects.filter(
        is_active=True, role_assignments__role__in=[Role.OFFICER, Role.FOCAL_POINT]
    )
    if countries is not None:
        agencies = agencies.filter(country_id__in=countries)
        people = people.filter(role_assignments__country_id__in=countries)
    people = people.distinct().order_by("family_name", "given_name")
    form = InviteForm(request.POST or None, agencies=agencies, people=people)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cycle = services.invite_working_group(
                agency=data["agency"],
                year=data["year"],
                lead=data["lead"],
                members=list(data["members"]),
                by=user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The working group is invited."))
            return redirect(_cycle_url(cycle.pk))
    return render(request, "selfassessment/invite.html", {"form": form})


@login_required
def cycle_detail(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    cycle = selectors.get_cycle_for(user, pk)
    themes = selectors.framework()
    dimensions = [dimension for theme in themes for dimension in theme.dimensions.all()]
    ratings = selectors.ratings_of(cycle)
    points = selectors.radar_for(cycle, dimensions)
    actions = selectors.actions_of(cycle)
    return render(
        request,
        "selfassessment/cycle_detail.html",
        {
            "cycle": cycle,
            "member_names": [member.display_name(get_language()) for member in cycle.members.all()],
            "themes": themes,
            "ratings": ratings,
            "points": points,
            "radar": selectors.radar_shape(points),
            "findings": list(cycle.findings.select_related("theme", "written_by")),
            "actions": actions,
            "progress": selectors.action_progress(actions),
            "survey": selectors.survey_result(cycle),
            "can_work": user.has_perm("selfassessment.work_on_cycle", cycle),
            "can_manage": user.has_perm("selfassessment.manage_cycle", cycle),
            "can_plan": user.has_perm("selfassessment.update_actions", cycle),
            "finding_form": FindingForm(),
            "links_form": SurveyLinksForm(),
            "unrated": len(dimensions) - len(ratings),
        },
    )


def _answers_from_post(request: HttpRequest, summaries: list[Any]) -> dict[int, Any]:
    values: dict[int, Any] = {}
    for summary in summaries:
        question = summary.question
        name = f"q{question.pk}"
        if question.kind == QuestionKind.HEADCOUNT:
            values[question.pk] = grid_from_post(request.POST, question.pk)
        elif question.kind == QuestionKind.SCALE:
            raw = request.POST.get(name, "")
            values[question.pk] = int(raw) if raw.isdigit() else (raw or None)
        else:
            values[question.pk] = request.POST.get(name, "")
    return values


@login_required
def dimension(request: AuthenticatedRequest, pk: int, dimension: int) -> HttpResponse:
    user = request.user
    cycle = selectors.get_cycle_for(user, pk)
    themes = selectors.framework()
    found = [d for theme in themes for d in theme.dimensions.all() if d.pk == dimension]
    if not found:
        raise Http404
    current = found[0]
    can_work = user.has_perm("selfassessment.work_on_cycle", cycle)
    summaries = selectors.answers_summary(cycle, current, user)
    rating = selectors.ratings_of(cycle).get(current.pk)
    rating_form = RatingForm(
        initial={
            "score": rating.score,
            "justification": rating.justification,
            "version": rating.version,
        }
        if rating
        else {}
    )
    answer_error = ""
    if request.method == "POST":
        if not can_work:
            raise PermissionDenied
        if "save_answers" in request.POST:
            try:
                services.save_answers(
                    cycle=cycle, by=user, values=_answers_from_post(request, summaries)
                )
            except ValidationError as error:
                answer_error = " ".join(error.messages)
            else:
                messages.success(request, _("Your answers are saved."))
                return redirect(request.path)
        else:
            rating_form = RatingForm(request.POST, request.FILES)
            if rating_form.is_valid():
                data = rating_form.cleaned_data
                try:
                    services.rate_dimension(
                        cycle=cycle,
                        dimension=current,
                        score=data["score"],
                        justification=data["justification"],
                        version=data.get("version"),
                        evidence=data.get("evidence"),
                        by=user,
                    )
                except ValidationError as error:
                    add_service_errors(rating_form, error)
                else:
                    messages.success(request, _("The rating is saved."))
                    return redirect(_cycle_url(cycle.pk))
    return render(
        request,
        "selfassessment/dimension.html",
        {
            "cycle": cycle,
            "dimension": current,
            "summaries": summaries,
            "rating": rating,
            "rating_form": rating_form,
            "answer_error": answer_error,
            "posted": request.POST if answer_error else None,
            "can_work": can_work,
            "levels": list(RankLevel),
            "grid_keys": [("female", _("Women")), ("male", _("Men")), ("total", _("All staff"))],
        },
    )


@login_required
@require_POST
def add_finding(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cycle = selectors.get_cycle_for(request.user, pk, permission="selfassessment.work_on_cycle")
    form = FindingForm(request.POST)
    if form.is_valid():
        try:
            services.add_finding(
                cycle=cycle,
                theme=form.cleaned_data["theme"],
                text=form.cleaned_data["text"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The finding is added."))
    else:
        messages.error(request, _("Choose a theme and write the finding."))
    return redirect(_cycle_url(cycle.pk) + "#findings")


@login_required
def actions(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    user = request.user
    cycle = selectors.get_cycle_for(user, pk)
    can_plan = user.has_perm("selfassessment.update_actions", cycle)
    form = ActionForm(request.POST or None)
    if request.method == "POST":
        if not can_plan:
            raise PermissionDenied
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            try:
                services.add_action(cycle=cycle, by=user, **data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The action is added to the plan."))
                return redirect(request.path)
    plan = selectors.actions_of(cycle)
    return render(
        request,
        "selfassessment/actions.html",
        {
            "cycle": cycle,
            "actions": plan,
            "progress": selectors.action_progress(plan),
            "form": form,
            "can_plan": can_plan,
        },
    )


@login_required
def edit_action(request: AuthenticatedRequest, pk: int, action: int) -> HttpResponse:
    user = request.user
    cycle = selectors.get_cycle_for(user, pk, permission="selfassessment.update_actions")
    item = Action.objects.filter(pk=action, cycle=cycle).first()
    if item is None:
        raise Http404
    form = ActionForm(request.POST or None, instance=item, initial={"version": item.version})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.update_action(
                action=item, by=user, version=form.cleaned_data.get("version") or 0, **data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The action is saved."))
            return redirect("selfassessment:actions", pk=cycle.pk)
    return render(
        request, "selfassessment/action_edit.html", {"cycle": cycle, "action": item, "form": form}
    )


@login_required
def survey_links(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cycle = selectors.get_cycle_for(request.user, pk, permission="selfassessment.manage_cycle")
    form = SurveyLinksForm(request.POST or None)
    links: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            tokens = services.create_survey_links(
                cycle=cycle, count=form.cleaned_data["count"], by=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            links = [
                request.build_absolute_uri(reverse("selfassessment:survey", args=[token]))
                for token in tokens
            ]
    return render(
        request,
        "selfassessment/survey_links.html",
        {"cycle": cycle, "form": form, "links": links, "survey": selectors.survey_result(cycle)},
    )


@login_required
@require_POST
def complete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    cycle = selectors.get_cycle_for(request.user, pk, permission="selfassessment.work_on_cycle")
    try:
        services.complete_cycle(cycle=cycle, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The self-assessment cycle is completed."))
    return redirect(_cycle_url(cycle.pk))


def survey(request: HttpRequest, token: str) -> HttpResponse:
    """The anonymous personnel survey: no sign-in, one answer per link."""
    link = selectors.survey_link_for(services.hash_token(token))
    if link is None:
        raise Http404
    statements = selectors.survey_dimensions()
    error = ""
    done = link.answered_at is not None
    if request.method == "POST" and not done:
        answers = []
        for dimension in statements:
            raw = request.POST.get(f"d{dimension.pk}", "")
            if raw.isdigit():
                answers.append(services.SurveyAnswer(dimension, int(raw)))
        try:
            services.submit_survey(token=token, answers=answers)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            done = True
    response = render(
        request,
        "selfassessment/survey.html",
        {
            "agency": link.cycle.agency.name,
            "statements": statements,
            "error": error,
            "done": done,
            "closed": link.cycle.status == CycleStatus.COMPLETED,
            "scale": range(1, 6),
        },
    )
    response["Referrer-Policy"] = "no-referrer"  # the token is in the address
    return response


@login_required
def overview(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("selfassessment.view_overview"):
        raise PermissionDenied
    themes = selectors.framework()
    dimensions = [d for theme in themes for d in theme.dimensions.all()]
    return render(
        request,
        "selfassessment/overview.html",
        {"overview": selectors.overview(dimensions), "minimum": 3},
    )


@login_required
def framework(request: AuthenticatedRequest) -> HttpResponse:
    if not request.user.has_perm("selfassessment.edit_framework"):
        raise PermissionDenied
    return render(request, "selfassessment/framework.html", {"themes": selectors.framework()})


@login_required
def edit_dimension(request: AuthenticatedRequest, dimension: int) -> HttpResponse:
    if not request.user.has_perm("selfassessment.edit_framework"):
        raise PermissionDenied
    item = Dimension.objects.filter(pk=dimension).select_related("theme").first()
    if item is None:
        raise Http404
    form = DimensionForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_dimension(dimension=item, by=request.user, fields=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The dimension is saved."))
            return redirect("selfassessment:framework")
    return render(request, "selfassessment/dimension_edit.html", {"dimension": item, "form": form})
